import type { ComponentChildren } from 'preact';
import type { JudgmentFlag } from '../../../domain/judgments.ts';
import { formatCourtDay, formatDateTime, formatNumber } from '../../../i18n/format.ts';
import type { Translate } from '../../../i18n/index.ts';
import type { JudgmentsWaiting, QueueRow } from '../../../queries/judgments.ts';
import { urls } from '../../../urls.ts';
import { useView } from '../../context.ts';
import { CsrfField, ErrorSummary, SuccessBanner, Table, Textarea, type FieldError } from '../../components/govuk.tsx';

const STATUSES = ['needs_text', 'pending_review', 'published', 'withheld'] as const;
const statusLabel = (t: Translate, status: string) => ((STATUSES as readonly string[]).includes(status) ? t(`judgments.status.${status as (typeof STATUSES)[number]}`) : status);
const ACTS = ['ruling', 'decision', 'court_order', 'resolution'] as const;
export const actLabel = (t: Translate, kind: string) => ((ACTS as readonly string[]).includes(kind) ? t(`proceedings.actKind.${kind as (typeof ACTS)[number]}`) : kind);

/**
 * The way to the review queue from an official's own work page (the office's queue, the judge's
 * cases), with how many wait; nothing for someone who does not review judgments.
 */
export function JudgmentQueueLink({ waiting }: { waiting: JudgmentsWaiting | null }) {
  const { t, lang } = useView();
  if (!waiting) return null;
  const count = `${formatNumber(waiting.count, lang)}${waiting.capped ? '+' : ''}`;
  return (
    <>
      <a class="govuk-link" href={urls.courtJudgments()}>
        {t('judgments.court.link')}
      </a>
      {waiting.count > 0 && ` (${t('judgments.court.waiting', { count })})`}
    </>
  );
}

export function JudgmentQueuePage({ rows }: { rows: QueueRow[] }) {
  const { t, lang } = useView();
  return (
    <>
      <h1 class="govuk-heading-l">{t('judgments.court.title')}</h1>
      <p class="govuk-body">{t('judgments.court.lead')}</p>
      {rows.length === 0 ? (
        <p class="govuk-body">{t('judgments.court.none')}</p>
      ) : (
        <Table caption={t('judgments.court.title')} headers={[t('judgments.court.case'), t('judgments.court.act'), t('judgments.court.issued'), t('judgments.court.state'), t('judgments.court.flags'), t('judgments.court.corrections'), { hidden: t('judgments.court.open') }]}>
          {rows.map((row) => (
            <tr class="govuk-table__row" key={row.id}>
              <td class="govuk-table__cell sot-case-number">{row.caseNumber}</td>
              <td class="govuk-table__cell">{actLabel(t, row.actKind)}</td>
              <td class="govuk-table__cell">{formatCourtDay(row.issuedOn, lang)}</td>
              <td class="govuk-table__cell">
                <strong class="govuk-tag govuk-tag--grey">{statusLabel(t, row.status)}</strong>
              </td>
              <td class="govuk-table__cell govuk-table__cell--numeric">{row.flags}</td>
              <td class="govuk-table__cell govuk-table__cell--numeric">{row.pendingCorrections}</td>
              <td class="govuk-table__cell">
                <a class="govuk-link" href={urls.courtJudgment(row.id)}>
                  {t('judgments.court.open')}
                  <span class="govuk-visually-hidden"> {row.caseNumber}</span>
                </a>
              </td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}

/** The text with the flagged spans marked, each labelled for screen readers with why it is flagged. */
export function FlaggedText({ text, flags }: { text: string; flags: readonly JudgmentFlag[] }) {
  const { t } = useView();
  const parts: ComponentChildren[] = [];
  let at = 0;
  const sorted = [...flags].filter((f) => f.start >= 0 && f.end <= text.length && f.start < f.end).sort((a, b) => a.start - b.start);
  sorted.forEach((flag, i) => {
    if (flag.start < at) return;
    parts.push(text.slice(at, flag.start));
    const reason = flag.reason === 'possible_name' || flag.reason === 'possible_identifier' ? t(`judgments.review.reason.${flag.reason}`) : flag.reason;
    parts.push(
      <mark key={i}>
        {text.slice(flag.start, flag.end)}
        <span class="govuk-visually-hidden"> ({t('judgments.review.flagLabel', { reason })})</span>
      </mark>,
    );
    at = flag.end;
  });
  parts.push(text.slice(at));
  return (
    <div class="govuk-body sot-prewrap sot-flagged" id="flagged-text">
      {parts}
    </div>
  );
}

export interface ReviewView {
  id: string;
  caseNumber: string;
  actKind: string;
  status: string;
  text: string | null;
  flags: JudgmentFlag[];
  inForce: boolean;
  reason: string | null;
  corrections: { id: string; note: string; requestedAt: Date; status: string; reason: string | null; partyRole: string }[];
  done?: string | undefined;
  errors: FieldError[];
  editValue?: string | undefined;
}

export function JudgmentReviewPage({ view }: { view: ReviewView }) {
  const { t, lang } = useView();
  const errorOf = (field: string) => view.errors.find((e) => e.field === field)?.message;
  const action = urls.courtJudgment(view.id);
  const pending = view.status === 'pending_review';
  const canEdit = pending || view.status === 'published';
  return (
    <>
      <a class="govuk-back-link" href={urls.courtJudgments()}>
        {t('judgments.court.title')}
      </a>
      <ErrorSummary errors={view.errors} />
      {view.done && <SuccessBanner title={t('judgments.court.title')} message={view.done} />}
      <h1 class="govuk-heading-l">{t('judgments.review.title', { act: actLabel(t, view.actKind), number: view.caseNumber })}</h1>
      <p class="govuk-body">
        <strong class="govuk-tag govuk-tag--grey">{statusLabel(t, view.status)}</strong>
      </p>
      {view.status === 'withheld' && view.reason && <p class="govuk-body">{view.reason}</p>}
      {view.text === null ? (
        <div class="govuk-inset-text">{t('judgments.review.needsText')}</div>
      ) : (
        <>
          {!view.inForce && pending && <div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text">{t('judgments.review.notInForce')}</strong></div>}
          <p class="govuk-body">{view.flags.length > 0 ? t('judgments.review.flagged', { count: view.flags.length }) : t('judgments.review.clean')}</p>
          <h2 class="govuk-heading-m">{t('judgments.review.text')}</h2>
          <FlaggedText text={view.text} flags={view.flags} />
          {canEdit && (
            <form method="post" action={action} novalidate>
              <CsrfField />
              <Textarea id="text" name="text" label={t('judgments.review.edit')} hint={t('judgments.review.editHint')} value={view.editValue ?? view.text} error={errorOf('text')} rows={16} />
              {pending && view.flags.length > 0 && (
                <div class="govuk-form-group">
                  <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
                    <div class="govuk-checkboxes__item">
                      <input class="govuk-checkboxes__input" id="flagsChecked" name="flagsChecked" type="checkbox" value="yes" />
                      <label class="govuk-label govuk-checkboxes__label" for="flagsChecked">
                        {t('judgments.review.flagsChecked')}
                      </label>
                    </div>
                  </div>
                </div>
              )}
              <div class="govuk-button-group">
                {pending && view.inForce && (
                  <button type="submit" name="action" value="publish" class="govuk-button" data-module="govuk-button">
                    {t('judgments.review.publish')}
                  </button>
                )}
                <button type="submit" name="action" value="save" class="govuk-button govuk-button--secondary" data-module="govuk-button">
                  {t('judgments.review.save')}
                </button>
              </div>
            </form>
          )}
        </>
      )}
      {(pending || view.status === 'published' || view.status === 'needs_text') && (
        <form method="post" action={action} novalidate>
          <CsrfField />
          <Textarea id="reason" name="reason" label={t('judgments.review.withholdReason')} error={errorOf('reason')} rows={3} />
          <button type="submit" name="action" value="withhold" class="govuk-button govuk-button--warning" data-module="govuk-button">
            {t('judgments.review.withhold')}
          </button>
        </form>
      )}
      {view.corrections.length > 0 && (
        <>
          <h2 class="govuk-heading-m">{t('judgments.review.corrections')}</h2>
          {view.corrections.map((c) => (
            <div class="govuk-summary-card" key={c.id}>
              <div class="govuk-summary-card__title-wrapper">
                <h3 class="govuk-summary-card__title">{t('judgments.review.correctionFrom', { role: t(`partyRole.${c.partyRole as 'claimant'}`), date: formatDateTime(c.requestedAt, lang) })}</h3>
              </div>
              <div class="govuk-summary-card__content">
                <p class="govuk-body sot-prewrap">{c.note}</p>
                <p class="govuk-body">
                  <strong class="govuk-tag govuk-tag--grey">{c.status === 'declined' ? t('judgments.correction.status.declined', { reason: c.reason ?? '' }) : t(`judgments.correction.status.${c.status as 'pending'}`)}</strong>
                </p>
                {c.status === 'pending' && (
                  <form method="post" action={`${action}/corrections/${c.id}`} novalidate>
                    <CsrfField />
                    <Textarea id={`text-${c.id}`} name="text" label={t('judgments.review.edit')} value={view.text ?? ''} rows={8} />
                    <button type="submit" name="action" value="correct" class="govuk-button" data-module="govuk-button">
                      {t('judgments.review.correct')}
                    </button>
                    <Textarea id={`reason-${c.id}`} name="reason" label={t('judgments.review.declineReason')} error={errorOf(`reason-${c.id}`)} rows={3} />
                    <button type="submit" name="action" value="decline" class="govuk-button govuk-button--secondary" data-module="govuk-button">
                      {t('judgments.review.decline')}
                    </button>
                  </form>
                )}
              </div>
            </div>
          ))}
        </>
      )}
    </>
  );
}
