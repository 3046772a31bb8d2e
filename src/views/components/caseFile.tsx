import { DEADLINE_KINDS, type DeadlineKind } from '../../domain/deadlines.ts';
import { formatCourtDay, formatDateTime } from '../../i18n/format.ts';
import type { Translate } from '../../i18n/index.ts';
import type { CaseDeadline, CourtActRow, LinkedCase } from '../../queries/caseFile.ts';
import { urls } from '../../urls.ts';
import { useView } from '../context.ts';
import { localName } from './names.ts';
import { Table } from './govuk.tsx';

/** The parts of a case page that the parties and the judge see alike. */

type TermKind = DeadlineKind | 'appeal_defects';

export function termLabel(t: Translate, kind: string): string {
  const known = (DEADLINE_KINDS as readonly string[]).includes(kind) || kind === 'appeal_defects';
  return known ? t(`proceedings.deadline.${kind as TermKind}`) : kind;
}

export function actLabel(t: Translate, act: Pick<CourtActRow, 'kind' | 'decisionForm'>): string {
  if (act.kind === 'decision' && act.decisionForm) return t(`proceedings.decisionForm.${act.decisionForm}`);
  return act.kind === 'ruling' || act.kind === 'decision' || act.kind === 'court_order' || act.kind === 'resolution' ? t(`proceedings.actKind.${act.kind}`) : act.kind;
}

/** The terms running in the case and those met, each with its legal basis and who must act. */
export function DeadlinesTable({ deadlines, today, ownPartyIds = [] }: { deadlines: CaseDeadline[]; today: string; ownPartyIds?: readonly string[] }) {
  const { t, lang } = useView();
  if (deadlines.length === 0) return <p class="govuk-body">{t('proceedings.deadlines.none')}</p>;
  return (
    <Table caption={t('proceedings.deadlines.title')} headers={[t('proceedings.deadlines.term'), t('proceedings.deadlines.due'), t('proceedings.deadlines.concerns'), t('proceedings.deadlines.state')]}>
        {deadlines.map((d) => (
          <tr class="govuk-table__row" key={d.id}>
            <td class="govuk-table__cell">
              {termLabel(t, d.kind)}
              <span class="govuk-hint govuk-!-margin-bottom-0 sot-block">
                {t('proceedings.deadlines.basis', { article: d.article, from: formatCourtDay(d.runsFrom, lang) })}
              </span>
              {d.partyId && (
                <span class="govuk-hint govuk-!-margin-bottom-0 sot-block" data-party-term={d.partyId}>
                  {ownPartyIds.includes(d.partyId) ? t('appealTerms.deadlines.own') : t('appealTerms.deadlines.ofParty', { name: d.partyName ?? '' })}
                </span>
              )}
            </td>
            <td class="govuk-table__cell">
              <time dateTime={d.dueOn}>{formatCourtDay(d.dueOn, lang)}</time>
            </td>
            <td class="govuk-table__cell">{t(`proceedings.deadlines.concerns.${d.concerns}`)}</td>
            <td class="govuk-table__cell">
              {d.closedAt ? (
                <strong class="govuk-tag govuk-tag--grey">{t('proceedings.deadlines.closed')}</strong>
              ) : d.dueOn < today ? (
                <strong class="govuk-tag govuk-tag--red">{t('proceedings.deadlines.passed')}</strong>
              ) : (
                <strong class="govuk-tag govuk-tag--blue">{t('proceedings.deadlines.running')}</strong>
              )}
            </td>
          </tr>
        ))}
    </Table>
  );
}

/** Issued court acts, each with its PDF and its public check. */
export function IssuedActs({ caseId, acts }: { caseId: string; acts: CourtActRow[] }) {
  const { t, lang } = useView();
  const issued = acts.filter((a) => a.issuedAt);
  if (issued.length === 0) return <p class="govuk-body">{t('proceedings.acts.none')}</p>;
  return (
    <ul class="govuk-list govuk-list--spaced">
      {issued.map((act) => (
        <li key={act.id}>
          <strong>{actLabel(t, act)}</strong>: {act.title}
          {act.outcome && <> — {t(`proceedings.outcome.${act.outcome}`)}</>}
          <span class="govuk-hint govuk-!-margin-bottom-1 sot-block">{t('proceedings.acts.issued', { date: formatDateTime(act.issuedAt!, lang), judge: act.signerName ?? '—' })}</span>
          <a class="govuk-link" href={urls.actPdf(caseId, act.id)}>
            {t('proceedings.acts.pdf')}
            <span class="govuk-visually-hidden"> {act.title}</span>
          </a>
          {' · '}
          <a class="govuk-link" href={urls.caseDocumentPrint(caseId, act.id)}>
            {t('documents.print')}
            <span class="govuk-visually-hidden"> {act.title}</span>
          </a>
          {act.verifyCode && (
            <>
              {' · '}
              <a class="govuk-link" href={urls.verifyTalon(act.verifyCode)}>
                {t('proceedings.acts.check')}
                <span class="govuk-visually-hidden"> {act.title}</span>
              </a>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The case this one reviews and the cases reviewing it. `href` says where each links for this reader. */
export function LinkedCases({ linked, caseId, href }: { linked: LinkedCase[]; caseId: string; href: (id: string) => string }) {
  const { t, lang } = useView();
  if (linked.length === 0) return null;
  return (
    <>
      <h2 class="govuk-heading-l">{t('proceedings.linked.title')}</h2>
      <ul class="govuk-list">
        {linked.map((c) => (
          <li key={c.id}>
            {c.parentCaseId === caseId ? t('proceedings.linked.review') : t('proceedings.linked.reviewed')}:{' '}
            <a class="govuk-link sot-case-number" href={href(c.id)}>
              {c.number ?? t('cabinet.notRegistered')}
            </a>{' '}
            — {localName(c.court, lang)}, {t(`status.${c.status}`)}
          </li>
        ))}
      </ul>
    </>
  );
}
