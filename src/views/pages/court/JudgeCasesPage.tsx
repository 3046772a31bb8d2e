import type { casesAwaitingAdmission } from '../../../queries/registry.ts';
import { formatCourtDay, formatDateTime } from '../../../i18n/format.ts';
import type { CaseloadRow } from '../../../queries/caseFile.ts';
import { urls } from '../../../urls.ts';
import { useView } from '../../context.ts';
import { CsrfField, ErrorSummary, SuccessBanner, Table, Textarea, TextInput, type FieldError } from '../../components/govuk.tsx';
import { categoryLabel } from '../../components/labels.ts';
import { COURT_ORDER_DEMAND_RULES, isCourtOrderDemand } from '../../../domain/courtOrders.ts';

export type AwaitingCase = Awaited<ReturnType<typeof casesAwaitingAdmission>>[number] & { fixFiledAt: Date | null; termPassed: boolean };

/**
 * An application for a court order: the demand it names, and for a demand CPC Art. 135 does not
 * list, the return the Code prescribes (Art. 138(1)(1), a ruling within 3 working days).
 */
function OrderDemand({ row }: { row: AwaitingCase }) {
  const { t } = useView();
  const demand = row.orderDemand && isCourtOrderDemand(row.orderDemand) ? row.orderDemand : null;
  if (demand) {
    return (
      <p class="govuk-body">
        {t('courtOrder.judge.demand')}: {t(`courtOrder.demand.${demand}`)} ({t('courtOrder.demand.article', { n: COURT_ORDER_DEMAND_RULES[demand].subparagraph })})
      </p>
    );
  }
  // A paper application keeps no demand as data: the judge reads it. One of another category is not a court order's.
  return (
    <>
      {row.category !== 'court_order' && (
        <div class="govuk-warning-text">
          <span class="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong class="govuk-warning-text__text">
            {t('courtOrder.judge.demand')}: {t('courtOrder.judge.demandNotListed')}
          </strong>
        </div>
      )}
      <form method="post" action={urls.judgeDecision(row.caseId, 'return')}>
        <CsrfField />
        <input type="hidden" name="grounds" value={t('courtOrder.judge.returnNotListedGrounds')} />
        <button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">
          {t('courtOrder.judge.returnNotListed')}
          <span class="govuk-visually-hidden"> {row.number}</span>
        </button>
      </form>
    </>
  );
}

/** The judge's new cases, each with the three decisions on admission, then the cases in progress by their nearest term. */
export function JudgeCasesPage({ rows, caseload, decided, errors }: { rows: AwaitingCase[]; caseload: CaseloadRow[]; decided: string | null; errors: FieldError[] }) {
  const { t, lang } = useView();
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <>
      <ErrorSummary errors={errors} />
      {decided && <SuccessBanner title={t('profile.notice.title')} message={t('judge.decided', { status: decided })} />}
      <h1 class="govuk-heading-xl">{t('judge.cases.title')}</h1>
      <p class="govuk-body">{t('judge.cases.lead')}</p>
      {rows.length === 0 && <p class="govuk-body">{t('judge.cases.empty')}</p>}
      {rows.map((row) => (
        <section class="govuk-!-margin-bottom-8" key={row.caseId} aria-labelledby={`case-${row.caseId}`}>
          <h2 class="govuk-heading-m" id={`case-${row.caseId}`}>
            <a class="govuk-link sot-case-number" href={urls.judgeCase(row.caseId)}>
              {row.number}
            </a>
          </h2>
          <p class="govuk-body">
            {categoryLabel(t, row.category)} · {t(`status.${row.status}`)}
            {row.fixBy && <span class="sot-block">{t('judge.cases.fixBy', { date: formatCourtDay(row.fixBy, lang) })}</span>}
          </p>
          {row.fixFiledAt && (
            <div class="govuk-inset-text">{t('proceedings.judge.fixFiled', { date: formatDateTime(row.fixFiledAt, lang) })}</div>
          )}
          {!row.fixFiledAt && row.termPassed && (
            <div class="govuk-warning-text">
              <span class="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
              <strong class="govuk-warning-text__text">{t('proceedings.judge.returnProposed')}</strong>
            </div>
          )}
          {row.orderApplication && <OrderDemand row={row} />}
          <form method="post" action={urls.judgeDecision(row.caseId, 'accept')}>
            <CsrfField />
            <button type="submit" class="govuk-button" data-module="govuk-button">
              {t('judge.accept')}
              <span class="govuk-visually-hidden"> {row.number}</span>
            </button>
          </form>
          <details class="govuk-details">
            <summary class="govuk-details__summary">
              <span class="govuk-details__summary-text">{t('judge.return')}</span>
            </summary>
            <div class="govuk-details__text">
              <form method="post" action={urls.judgeDecision(row.caseId, 'return')}>
                <CsrfField />
                <Textarea
                  id={`grounds-${row.caseId}`}
                  name="grounds"
                  label={t('judge.return.grounds')}
                  error={errorFor(`grounds-${row.caseId}`)}
                  value={!row.fixFiledAt && row.termPassed ? t('proceedings.judge.returnGrounds') : undefined}
                  rows={4}
                />
                <button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">
                  {t('judge.return')}
                  <span class="govuk-visually-hidden"> {row.number}</span>
                </button>
              </form>
            </div>
          </details>
          {row.status === 'assigned' && !row.orderApplication && (
            <details class="govuk-details">
              <summary class="govuk-details__summary">
                <span class="govuk-details__summary-text">{t('judge.leave')}</span>
              </summary>
              <div class="govuk-details__text">
                <form method="post" action={urls.judgeDecision(row.caseId, 'leave-without-motion')}>
                  <CsrfField />
                  <Textarea id={`defects-${row.caseId}`} name="defects" label={t('judge.leave.defects')} error={errorFor(`defects-${row.caseId}`)} rows={4} />
                  <TextInput id={`days-${row.caseId}`} name="days" label={t('judge.leave.days')} value="10" classes="govuk-input--width-2" inputmode="numeric" />
                  <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
                    {t('judge.leave')}
                    <span class="govuk-visually-hidden"> {row.number}</span>
                  </button>
                </form>
              </div>
            </details>
          )}
        </section>
      ))}
      <h2 class="govuk-heading-l">{t('proceedings.judge.caseload')}</h2>
      {caseload.length === 0 ? (
        <p class="govuk-body">{t('proceedings.judge.caseloadEmpty')}</p>
      ) : (
        <Table caption={t('proceedings.judge.caseload')} headers={[t('caseStatus.number.label'), t('caseStatus.status'), t('proceedings.judge.nextHearing'), t('proceedings.judge.nextDue')]}>
            {caseload.map((row) => (
              <tr class="govuk-table__row" key={row.caseId}>
                <td class="govuk-table__cell">
                  <a class="govuk-link sot-case-number" href={urls.judgeCase(row.caseId)}>
                    {row.number}
                  </a>
                  <span class="govuk-hint govuk-!-margin-bottom-0 sot-block">{categoryLabel(t, row.category)}</span>
                </td>
                <td class="govuk-table__cell">{t(`status.${row.status}`)}</td>
                <td class="govuk-table__cell">{row.nextHearingMs ? formatDateTime(new Date(Number(row.nextHearingMs)), lang) : '—'}</td>
                <td class="govuk-table__cell">{row.nextDue ? formatCourtDay(row.nextDue, lang) : '—'}</td>
              </tr>
            ))}
        </Table>
      )}
    </>
  );
}
