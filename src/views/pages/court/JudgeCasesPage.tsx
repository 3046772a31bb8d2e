import type { casesAwaitingAdmission } from '../../../queries/registry.ts';
import type { JudgmentsWaiting } from '../../../queries/judgments.ts';
import { JudgmentQueueLink } from './JudgmentReviewPages.tsx';
import { formatCourtDay, formatDateTime } from '../../../i18n/format.ts';
import { citeArticle } from '../../../i18n/legalReference.ts';
import type { CaseloadRow } from '../../../queries/caseload.ts';
import type { CaseloadView } from '../../../domain/caseloadView.ts';
import { Caseload } from './Caseload.tsx';
import type { SelfAssignmentToConfirm } from '../../../queries/selfAssignments.ts';
import { SelfAssignmentsToConfirm } from './SelfAssignmentsToConfirm.tsx';
import { urls } from '../../../urls.ts';
import { useView } from '../../context.ts';
import { CsrfField, ErrorSummary, Radios, SuccessBanner, Textarea, TextInput, type FieldError } from '../../components/govuk.tsx';
import { admissionAnswers, GROUND_ARTICLE, groundsFor } from '../../../domain/admission.ts';
import { categoryLabel } from '../../components/labels.ts';
import { COURT_ORDER_DEMAND_RULES, isCourtOrderDemand } from '../../../domain/courtOrders.ts';

export type AwaitingCase = Awaited<ReturnType<typeof casesAwaitingAdmission>>[number] & { fixFiledAt: Date | null; dueForReturn: boolean };

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
      <p class="govuk-body">{t('courtOrder.judge.returnNotListedGrounds')}</p>
    </>
  );
}

/**
 * The judge's new cases, each with the answers the Code gives at its instance (a claim: accept,
 * return or refuse; an appeal: accept, leave without motion or return), then the cases in
 * progress by their nearest term.
 */
export function JudgeCasesPage({
  rows,
  caseload,
  bounded,
  view,
  today,
  decided,
  errors,
  toConfirm = [],
  confirmed = null,
  judgmentsWaiting = null,
}: {
  rows: AwaitingCase[];
  caseload: CaseloadRow[];
  /** More cases than the list shows. */
  bounded: boolean;
  view: CaseloadView;
  today: string;
  decided: string | null;
  errors: FieldError[];
  /** The chair's moves of cases to themselves that this judge may confirm. */
  toConfirm?: SelfAssignmentToConfirm[];
  /** The banner after the judge confirmed such a move. */
  confirmed?: string | null;
  /** The judgment bank's review queue of the judge's cases; null for a judge who does not review. */
  judgmentsWaiting?: JudgmentsWaiting | null;
}) {
  const { t, lang } = useView();
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <>
      <ErrorSummary errors={errors} />
      {confirmed && <SuccessBanner title={t('profile.notice.title')} message={confirmed} />}
      {decided && <SuccessBanner title={t('profile.notice.title')} message={t('judge.decided', { status: decided })} />}
      <h1 class="govuk-heading-xl">{t('judge.cases.title')}</h1>
      <p class="govuk-body">{t('judge.cases.lead')}</p>
      <p class="govuk-body">
        <a class="govuk-link" href={urls.courtCaseSearch()}>
          {t('caseSearch.link.court')}
        </a>
        {judgmentsWaiting && ' · '}
        {judgmentsWaiting && <JudgmentQueueLink waiting={judgmentsWaiting} />}
      </p>
      <SelfAssignmentsToConfirm rows={toConfirm} />
      {rows.length === 0 && <p class="govuk-body">{t('judge.cases.empty')}</p>}
      {rows.map((row) => {
        const answers = admissionAnswers(row.instance, row.status);
        return (
          <section class="govuk-!-margin-bottom-8" key={row.caseId} aria-labelledby={`case-${row.caseId}`}>
            <h2 class="govuk-heading-m" id={`case-${row.caseId}`}>
              <a class="govuk-link sot-case-number" href={urls.judgeCase(row.caseId)}>
                {row.number}
              </a>
            </h2>
            <p class="govuk-body">
              {categoryLabel(t, row.category)} · {t(`instance.${row.instance as 1 | 2 | 3 | 4}`)} · {t(`status.${row.status}`)}
              {row.fixBy && <span class="sot-block">{t('judge.cases.fixBy', { date: formatCourtDay(row.fixBy, lang) })}</span>}
            </p>
            {row.fixFiledAt && <div class="govuk-inset-text">{t('proceedings.judge.fixFiled', { date: formatDateTime(row.fixFiledAt, lang) })}</div>}
            {row.orderApplication && <OrderDemand row={row} />}
            {row.dueForReturn && <DueForReturn row={row} />}
            {answers.includes('accept') && <AcceptForm row={row} />}
            {answers.includes('leave_without_motion') && (
              <details class="govuk-details">
                <summary class="govuk-details__summary">
                  <span class="govuk-details__summary-text">{t('judge.leave')}</span>
                </summary>
                <div class="govuk-details__text">
                  <p class="govuk-body">{t('admission.leave.lead')}</p>
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
            {answers.includes('return') && <GroundsForm row={row} kind="return" errorFor={errorFor} />}
            {answers.includes('refuse') && <GroundsForm row={row} kind="refuse" errorFor={errorFor} />}
          </section>
        );
      })}
      <Caseload rows={caseload} bounded={bounded} view={view} today={today} />
    </>
  );
}

function AcceptForm({ row }: { row: AwaitingCase }) {
  const { t } = useView();
  return (
    <form method="post" action={urls.judgeDecision(row.caseId, 'accept')}>
      <CsrfField />
      {row.instance === 1 && (
        <Radios
          id={`simplified-${row.caseId}`}
          name="simplified"
          legend={t('admission.accept.procedure')}
          value="no"
          choices={[
            { value: 'no', label: t('admission.accept.general') },
            { value: 'yes', label: t('admission.accept.simplified'), hint: t('admission.accept.simplifiedHint') },
          ]}
        />
      )}
      <button type="submit" class="govuk-button" data-module="govuk-button">
        {t('judge.accept')}
        <span class="govuk-visually-hidden"> {row.number}</span>
      </button>
    </form>
  );
}

/** Return or refusal: the ground from the Code's list, with its subparagraph, and the reasons in the judge's words. */
function GroundsForm({ row, kind, errorFor }: { row: AwaitingCase; kind: 'return' | 'refuse'; errorFor: (field: string) => string | undefined }) {
  const { t, lang } = useView();
  const grounds = groundsFor(kind, row.instance, row.orderApplication ? 'court_order' : row.category);
  const title = kind === 'refuse' ? t('admission.refuse') : row.instance === 1 ? t('judge.return') : t('admission.returnComplaint');
  return (
    <details class="govuk-details">
      <summary class="govuk-details__summary">
        <span class="govuk-details__summary-text">{title}</span>
      </summary>
      <div class="govuk-details__text">
        <p class="govuk-body">{t(kind === 'refuse' ? 'admission.refuse.lead' : row.instance === 1 ? 'admission.return.lead' : 'admission.returnComplaint.lead')}</p>
        <form method="post" action={urls.judgeDecision(row.caseId, kind)}>
          <CsrfField />
          {grounds.length > 0 && (
            <Radios
              id={`${kind}-ground-${row.caseId}`}
              name="ground"
              legend={t('admission.ground')}
              error={errorFor(`${kind}-ground-${row.caseId}`)}
              choices={grounds.map((ground) => ({ value: ground, label: `${citeArticle(GROUND_ARTICLE[ground], lang)}: ${t(`admission.ground.${ground}`)}` }))}
            />
          )}
          <Textarea
            id={`${kind}-reasons-${row.caseId}`}
            name="reasons"
            label={t(kind === 'refuse' ? 'admission.refuse.reasons' : 'admission.return.reasons')}
            hint={t(kind === 'refuse' ? 'admission.refuse.reasonsHint' : 'admission.return.reasonsHint')}
            error={errorFor(`${kind}-reasons-${row.caseId}`)}
            rows={4}
          />
          <button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">
            {title}
            <span class="govuk-visually-hidden"> {row.number}</span>
          </button>
        </form>
      </div>
    </details>
  );
}

/** An appeal whose term to cure its defects ended with no fix: the ruling returning it is one click (CPC Art. 407(1)(1), 407(2)(1)). */
function DueForReturn({ row }: { row: AwaitingCase }) {
  const { t } = useView();
  return (
    <div class="govuk-warning-text">
      <span class="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <div class="govuk-warning-text__text">
        <span class="govuk-visually-hidden">{t('admission.warning')} </span>
        <strong>{t('proceedings.judge.returnProposed')}</strong>
        <form method="post" action={urls.judgeDecision(row.caseId, 'return')} class="govuk-!-margin-top-2">
          <CsrfField />
          <input type="hidden" name="ground" value="defects_not_cured" />
          <input type="hidden" name="reasons" value={t('proceedings.judge.returnGrounds')} />
          <button type="submit" class="govuk-button govuk-button--warning govuk-!-margin-bottom-0" data-module="govuk-button">
            {t('admission.returnNow')}
            <span class="govuk-visually-hidden"> {row.number}</span>
          </button>
        </form>
      </div>
    </div>
  );
}
