import { formatDateTime } from '../../../i18n/format.ts';
import type { DistributionRecord } from '../../../queries/bench.ts';
import { urls } from '../../../urls.ts';
import { useView } from '../../context.ts';
import { CsrfField, ErrorSummary, Select, SuccessBanner, SummaryList, Textarea, type Choice, type FieldError } from '../../components/govuk.tsx';
import { categoryLabel } from '../../components/labels.ts';
import type { CaseStatus } from '../../../domain/caseStatus.ts';

export interface AssignmentView {
  caseId: string;
  number: string | null;
  category: string;
  status: CaseStatus;
  judgeId: string | null;
  judgeName: string | null;
  history: DistributionRecord[];
  /** Whether the judge can still change (the case is before its final act). */
  open: boolean;
  /** The chair's form: judges the case may go to; null when the viewer is not the court's chair. */
  reassignTo: Choice[] | null;
  /** The recusal form, for the judge who has the case. */
  mayRecuse: boolean;
  /** The chair's move of the case to themselves, waiting for another judge's confirmation. */
  pendingSelf: { chairName: string; proposedAt: Date } | null;
  notice: string | null;
  errors: FieldError[];
  typed?: { judgeId?: string | undefined; reason?: string | undefined; recusal?: string | undefined };
}

/**
 * Who has the case and how they came to have it: every draw and every reassignment. For the
 * court's chair a form to reassign; for the assigned judge a form to step down.
 */
export function AssignmentPage({ view }: { view: AssignmentView }) {
  const { t, lang } = useView();
  const errorFor = (field: string) => view.errors.find((e) => e.field === field)?.message;
  // The first draw is the registration's; any later one followed a recusal, the only re-draw there is.
  const firstDraw = view.history.filter((h) => h.method === 'automatic').at(-1)?.id;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={view.errors} />
        {view.notice && <SuccessBanner title={t('profile.notice.title')} message={view.notice} />}
        {view.number && <span class="govuk-caption-l sot-case-number">{view.number}</span>}
        <h1 class="govuk-heading-xl">{t('assignment.title')}</h1>
        <SummaryList
          rows={[
            { key: t('assignment.current'), value: view.judgeName ?? '—' },
            { key: t('caseStatus.category'), value: categoryLabel(t, view.category) },
            { key: t('caseStatus.status'), value: t(`status.${view.status}`) },
          ]}
        />

        <h2 class="govuk-heading-m">{t('assignment.history')}</h2>
        {view.history.length === 0 ? (
          <p class="govuk-body">{t('assignment.history.none')}</p>
        ) : (
          <table class="govuk-table">
            <thead class="govuk-table__head">
              <tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">{t('assignment.history.when')}</th>
                <th scope="col" class="govuk-table__header">{t('distribution.judge')}</th>
                <th scope="col" class="govuk-table__header">{t('assignment.history.how')}</th>
              </tr>
            </thead>
            <tbody class="govuk-table__body">
              {view.history.map((h) => (
                <tr class="govuk-table__row" key={h.id}>
                  <td class="govuk-table__cell">
                    <time dateTime={h.drawnAt.toISOString()}>{formatDateTime(h.drawnAt, lang)}</time>
                  </td>
                  <td class="govuk-table__cell">{h.judgeName}</td>
                  <td class="govuk-table__cell">
                    {h.method === 'manual' ? (
                      <>
                        {t('assignment.method.manual', { name: h.assignedBy ?? '—' })}
                        {h.confirmedBy && <span class="sot-block">{t('assignment.confirmedBy', { name: h.confirmedBy })}</span>}
                        <span class="sot-block govuk-body-s">{t('assignment.reason', { reason: h.reason ?? '' })}</span>
                      </>
                    ) : (
                      <>
                        {h.id === firstDraw ? t('assignment.method.automatic') : t('assignment.method.redraw')}
                        {h.id === view.history.find((x) => x.method === 'automatic')?.id && (
                          <span class="sot-block">
                            <a class="govuk-link" href={urls.distribution(view.caseId)}>
                              {t('distribution.link')}
                            </a>
                          </span>
                        )}
                        <span class="sot-block govuk-body-s sot-hash">sha256 {h.protocolSha256}</span>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}

        {!view.open && <p class="govuk-body">{t('bench.error.assignmentClosed')}</p>}

        {view.open && view.pendingSelf && (
          <div class="govuk-inset-text">
            <h2 class="govuk-heading-s">{t('selfAssignment.waiting.title')}</h2>
            <p class="govuk-body">{t('selfAssignment.waiting.body', { chair: view.pendingSelf.chairName, date: formatDateTime(view.pendingSelf.proposedAt, lang) })}</p>
            {view.reassignTo && (
              <form method="post" action={urls.withdrawSelfAssignment(view.caseId)}>
                <CsrfField />
                <button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
                  {t('selfAssignment.withdraw')}
                </button>
              </form>
            )}
          </div>
        )}

        {view.open && view.reassignTo && !view.pendingSelf && (
          <>
            <h2 class="govuk-heading-m">{t('assignment.reassign.title')}</h2>
            {view.reassignTo.length === 0 ? (
              <p class="govuk-body">{t('assignment.reassign.none')}</p>
            ) : (
              <form method="post" action={urls.reassign(view.caseId)} novalidate>
                <CsrfField />
                <input type="hidden" name="current" value={view.judgeId ?? ''} />
                <Select id="judge" name="judgeId" label={t('assignment.reassign.judge')} hint={t('assignment.reassign.judgeHint')} error={errorFor('judge')} value={view.typed?.judgeId} groups={[{ choices: view.reassignTo }]} />
                <Textarea id="reason" name="reason" label={t('assignment.reassign.reason')} hint={t('assignment.reassign.reasonHint')} error={errorFor('reason')} value={view.typed?.reason} rows={4} />
                <button type="submit" class="govuk-button" data-module="govuk-button">
                  {t('assignment.reassign.submit')}
                </button>
              </form>
            )}
          </>
        )}

        {view.open && view.mayRecuse && (
          <>
            <h2 class="govuk-heading-m">{t('assignment.recuse.title')}</h2>
            <form method="post" action={urls.recuse(view.caseId)} novalidate>
              <CsrfField />
              <Textarea id="recusal" name="reason" label={t('assignment.recuse.reason')} hint={t('assignment.recuse.hint')} error={errorFor('recusal')} value={view.typed?.recusal} rows={4} />
              <button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">
                {t('assignment.recuse.submit')}
              </button>
            </form>
          </>
        )}
      </div>
    </div>
  );
}
