import type { FamiliarisationStatus } from '../../domain/familiarisation.ts';
import { formatDateTime } from '../../i18n/format.ts';
import type { FamiliarisationRow } from '../../queries/familiarisation.ts';
import { urls } from '../../urls.ts';
import { useView } from '../context.ts';
import { CsrfField, HintAndError } from './govuk.tsx';

const TAG: Record<FamiliarisationStatus, string> = {
  pending: 'govuk-tag--blue',
  granted: 'govuk-tag--green',
  refused: 'govuk-tag--red',
};

export function FamiliarisationStatusTag({ status }: { status: FamiliarisationStatus }) {
  const { t } = useView();
  return (
    <strong class={`govuk-tag ${TAG[status]}`} data-familiarisation={status}>
      {t(`caseFile.status.${status}`)}
    </strong>
  );
}

export interface FamiliarisationPanelView {
  requests: FamiliarisationRow[];
  /** The reader may ask now: a party of a case before the court with no request unanswered. */
  mayRequest: boolean;
  /** How many documents grants open to the reader now. */
  openedCount: number;
  error?: string | undefined;
  done?: boolean;
}

/**
 * A party's side of reading the case materials kept for the court: their requests and the
 * judge's answers, and the request itself. What a grant opens is listed with the case's documents.
 */
export function FamiliarisationPanel({ caseId, view }: { caseId: string; view: FamiliarisationPanelView }) {
  const { t, lang } = useView();
  return (
    <section aria-labelledby="familiarisation-title" id="familiarisation">
      <h2 class="govuk-heading-l" id="familiarisation-title">
        {t('caseFile.party.title')}
      </h2>
      <p class="govuk-body">{t('caseFile.party.lead')}</p>
      {view.done && (
        <div class="govuk-inset-text" role="status">
          {t('caseFile.party.sent')}
        </div>
      )}
      {view.requests.length > 0 && (
        <ul class="govuk-list govuk-list--spaced">
          {view.requests.map((r) => (
            <li key={r.id} data-request={r.id}>
              {t('caseFile.party.requestOf', { date: formatDateTime(r.requestedAt, lang) })} <FamiliarisationStatusTag status={r.status} />
              {r.status === 'granted' && <span class="govuk-body-s sot-block">{t('caseFile.party.granted', { count: r.documentIds?.length ?? 0 })}</span>}
              {r.status === 'refused' && <span class="govuk-body-s sot-block">{t('caseFile.party.refused', { reason: r.reason ?? '' })}</span>}
            </li>
          ))}
        </ul>
      )}
      {view.openedCount > 0 && <p class="govuk-body">{t('caseFile.party.opened', { count: view.openedCount })}</p>}
      {view.mayRequest && (
        <form method="post" action={urls.requestFamiliarisation(caseId)} novalidate>
          <CsrfField />
          <div class={`govuk-form-group${view.error ? ' govuk-form-group--error' : ''}`}>
            <label class="govuk-label govuk-label--s" for="familiarisation-note">
              {t('caseFile.party.note')}
            </label>
            <HintAndError id="familiarisation-note" hint={t('caseFile.party.noteHint')} error={view.error} />
            <textarea class="govuk-textarea" id="familiarisation-note" name="note" rows={3} aria-describedby="familiarisation-note-hint" />
          </div>
          <button type="submit" class="govuk-button" data-module="govuk-button">
            {t('caseFile.party.submit')}
          </button>
        </form>
      )}
    </section>
  );
}
