import { formatCourtDay } from '../../../i18n/format.ts';
import type { CopyAwaited } from '../../../queries/partyStanding.ts';
import { urls } from '../../../urls.ts';
import { useView } from '../../context.ts';
import { CsrfField, ErrorSummary, SuccessBanner, TextInput, type FieldError } from '../../components/govuk.tsx';

export interface DecisionCopiesView {
  caseId: string;
  caseNumber: string | null;
  awaited: CopyAwaited[];
  done: boolean;
  /** The party whose form was refused, and the day typed. */
  values: { partyId?: string; sentOn?: string };
}

/**
 * The court office's list of parties absent from the hearing who wait for a paper copy of the
 * decision, each with the day it was posted to record; their appeal term runs from that day.
 */
export function DecisionCopiesPage({ view, errors }: { view: DecisionCopiesView; errors: FieldError[] }) {
  const { t, lang } = useView();
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <>
      <ErrorSummary errors={errors} />
      {view.done && <SuccessBanner title={t('profile.notice.title')} message={t('appealTerms.copies.done')} />}
      <span class="govuk-caption-l">{view.caseNumber}</span>
      <h1 class="govuk-heading-xl">{t('appealTerms.copies.title')}</h1>
      <p class="govuk-body">{t('appealTerms.copies.lead')}</p>
      {view.awaited.length === 0 ? (
        <p class="govuk-body">{t('appealTerms.copies.none')}</p>
      ) : (
        view.awaited.map((party) => (
          <form method="post" action={urls.recordCopySent(view.caseId, party.partyId)} novalidate key={party.partyId}>
            <CsrfField />
            <h2 class="govuk-heading-m">{t('appealTerms.copies.party', { name: party.name, due: formatCourtDay(party.dueOn, lang) })}</h2>
            <TextInput
              id={`sent-${party.partyId}`}
              name="sentOn"
              label={t('appealTerms.copies.day', { name: party.name })}
              hint={t('proceedings.hearing.date.hint')}
              value={view.values.partyId === party.partyId ? view.values.sentOn : undefined}
              error={errorFor(`sent-${party.partyId}`)}
              classes="govuk-input--width-10"
            />
            <button type="submit" class="govuk-button" data-module="govuk-button">
              {t('appealTerms.copies.submit')}
              <span class="govuk-visually-hidden"> {party.name}</span>
            </button>
          </form>
        ))
      )}
      <p class="govuk-body">
        <a class="govuk-link" href={urls.cabinetCase(view.caseId)}>
          {t('appealTerms.copies.back')}
        </a>
      </p>
    </>
  );
}
