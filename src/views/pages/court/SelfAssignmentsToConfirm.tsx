import { formatDateTime } from '../../../i18n/format.ts';
import type { SelfAssignmentToConfirm } from '../../../queries/selfAssignments.ts';
import { urls } from '../../../urls.ts';
import { useView } from '../../context.ts';
import { CsrfField } from '../../components/govuk.tsx';

/** In a judge's workspace: the chair's moves of cases to themselves that this judge may confirm. */
export function SelfAssignmentsToConfirm({ rows }: { rows: SelfAssignmentToConfirm[] }) {
  const { t, lang } = useView();
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="self-assignments-title">
      <h2 class="govuk-heading-m" id="self-assignments-title">
        {t('selfAssignment.judge.title')}
      </h2>
      <p class="govuk-body">{t('selfAssignment.judge.lead')}</p>
      {rows.map((row) => (
        <div class="govuk-summary-card" key={row.id}>
          <div class="govuk-summary-card__title-wrapper">
            <h3 class="govuk-summary-card__title">{row.number ?? '—'}</h3>
          </div>
          <div class="govuk-summary-card__content">
            <dl class="govuk-summary-list">
              <div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key">{t('selfAssignment.judge.from')}</dt>
                <dd class="govuk-summary-list__value">{row.judgeName}</dd>
              </div>
              <div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key">{t('selfAssignment.judge.chair')}</dt>
                <dd class="govuk-summary-list__value">
                  {row.chairName}, <time dateTime={row.proposedAt.toISOString()}>{formatDateTime(row.proposedAt, lang)}</time>
                </dd>
              </div>
              <div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key">{t('selfAssignment.judge.reason')}</dt>
                <dd class="govuk-summary-list__value">{row.reason}</dd>
              </div>
            </dl>
            <form method="post" action={urls.confirmSelfAssignment(row.id)}>
              <CsrfField />
              <button type="submit" class="govuk-button govuk-!-margin-bottom-0" data-module="govuk-button">
                {t('selfAssignment.judge.confirm')}
                <span class="govuk-visually-hidden"> {row.number ?? ''}</span>
              </button>
            </form>
          </div>
        </div>
      ))}
    </section>
  );
}
