import { urls } from '../../urls.ts';
import { useView } from '../context.ts';
import { CsrfField, ErrorSummary, Textarea } from '../components/govuk.tsx';

/** A party's request to correct a published judgment of their case: what is wrong, in their words. */
export function JudgmentCorrectionPage({ caseId, judgmentId, act, error, value }: { caseId: string; judgmentId: string; act: string; error?: string | undefined; value?: string | undefined }) {
  const { t } = useView();
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <a class="govuk-back-link" href={urls.cabinetCase(caseId)}>
          {t('judgments.correction.back')}
        </a>
        <ErrorSummary errors={error ? [{ field: 'note', message: error }] : []} />
        <h1 class="govuk-heading-l">{t('judgments.correction.title', { act })}</h1>
        <p class="govuk-body">{t('judgments.correction.lead')}</p>
        <p class="govuk-body">
          <a class="govuk-link" href={urls.judgment(judgmentId)}>
            {t('judgment.text')}
          </a>
        </p>
        <form method="post" action={urls.judgmentCorrection(caseId, judgmentId)} novalidate>
          <CsrfField />
          <Textarea id="note" name="note" label={t('judgments.correction.note')} error={error} value={value} rows={6} />
          <button type="submit" class="govuk-button" data-module="govuk-button">
            {t('judgments.correction.send')}
          </button>
        </form>
      </div>
    </div>
  );
}
