/**
 * The two things every step of a case does inside its command's transaction: move the status
 * along the lifecycle (compare-and-set, one timeline event per status passed) and open or close
 * the procedural terms the step starts or meets.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '../db/tx.ts';
import { caseDeadlines, cases, events } from '../db/schema/index.ts';
import type { IsoDay } from '../domain/calendar/holidays.ts';
import { CalendarMissingError } from '../domain/calendar/workingDays.ts';
import { canTransition, type CaseStatus } from '../domain/caseStatus.ts';
import { deadline, type DeadlineKind } from '../domain/deadlines.ts';
import { ABSENT_PARTY_APPEAL_ARTICLE } from '../domain/appealTerms.ts';
import { SotError } from '../errors.ts';
import { courtDateIso } from '../i18n/format.ts';
import { loadReference } from '../queries/reference.ts';

/** Who must act by a term's last day. */
const CONCERNS: Record<DeadlineKind, 'parties' | 'court'> = {
  claim_acceptance: 'court',
  decision_final_form: 'court',
  decision_copies_sent: 'court',
  appeal: 'parties',
  private_complaint: 'parties',
  court_order_issued: 'court',
  debtor_objection: 'parties',
  court_order_cancellation: 'court',
  cassation: 'parties',
  preparation: 'court',
  consideration: 'court',
  consideration_short: 'court',
};

export interface Move {
  caseId: string;
  instance: number;
  /** The status read under the case's row lock. */
  from: CaseStatus;
  path: readonly CaseStatus[];
  actorId: string | null;
  now: Date;
  /** Added to every status event, e.g. the act that caused the move. */
  data?: Record<string, unknown>;
  /** Extra columns set with the status (the in-force date). */
  set?: Partial<typeof cases.$inferInsert>;
}

/** Moves the case along `path`; refuses a step the lifecycle does not allow, and a case that moved meanwhile. */
export async function moveCase(tx: Tx, move: Move): Promise<void> {
  if (move.path.length === 0) return;
  let at = move.from;
  for (const next of move.path) {
    if (!canTransition(at, next, move.instance)) throw new SotError('case_decision_not_allowed');
    at = next;
  }
  const updated = await tx
    .update(cases)
    .set({ ...move.set, status: at, statusChangedAt: move.now })
    .where(and(eq(cases.id, move.caseId), eq(cases.status, move.from)))
    .returning({ id: cases.id });
  if (updated.length === 0) throw new SotError('case_decision_not_allowed');
  let previous = move.from;
  for (const to of move.path) {
    await tx.insert(events).values({ caseId: move.caseId, type: 'status_changed', occurredAt: move.now, actorId: move.actorId, data: { ...move.data, from: previous, to } });
    previous = to;
  }
}

/**
 * Opens a term that runs from `from` (a court date); refuses clearly when the calendar does not
 * reach its end. With `partyId` the term is that party's own (CPC Art. 403(3)).
 */
export async function openDeadline(tx: Tx, caseId: string, kind: DeadlineKind, from: IsoDay, partyId: string | null = null): Promise<IsoDay> {
  const { calendar } = await loadReference(tx);
  let due;
  try {
    due = deadline(kind, from, calendar);
  } catch (error) {
    if (error instanceof CalendarMissingError) throw new SotError('calendar_missing', { year: error.year });
    throw error;
  }
  const article = partyId !== null && kind === 'appeal' ? ABSENT_PARTY_APPEAL_ARTICLE : due.article;
  await tx.insert(caseDeadlines).values({ caseId, kind, runsFrom: from, dueOn: due.due, article, concerns: CONCERNS[kind], partyId });
  return due.due;
}

/** Opens a term whose last day was fixed by the judge (the term to fix a claim's defects). */
export async function openSetDeadline(tx: Tx, caseId: string, kind: string, from: IsoDay, due: IsoDay, article: string): Promise<void> {
  await tx.insert(caseDeadlines).values({ caseId, kind, runsFrom: from, dueOn: due, article, concerns: 'parties' });
}

export async function closeDeadlines(tx: Tx, caseId: string, kinds: readonly string[], now: Date): Promise<void> {
  if (kinds.length === 0) return;
  await tx
    .update(caseDeadlines)
    .set({ closedAt: now })
    .where(and(eq(caseDeadlines.caseId, caseId), inArray(caseDeadlines.kind, [...kinds]), isNull(caseDeadlines.closedAt)));
}

export const today = (now: Date) => courtDateIso(now) as IsoDay;
