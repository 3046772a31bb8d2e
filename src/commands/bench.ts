/**
 * The court chair keeps the bench: the categories each judge hears and the days each is away.
 * The distribution reads both, so every change is audited. Changes to one judge are serialised
 * on the judge's role row, so two chairs' overlapping absences cannot both pass the check.
 */
import { and, eq, gte } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { appendAudit } from '../db/audit.ts';
import type { Tx } from '../db/tx.ts';
import { courts, judgeAbsences, judgeCategories, userRoles } from '../db/schema/index.ts';
import { ABSENCE_REASONS, absenceProblem, courtCategories, parseCourtDay } from '../domain/bench.ts';
import { isUuid } from '../domain/ids.ts';
import { SotError } from '../errors.ts';
import { courtDateIso } from '../i18n/format.ts';
import type { Principal } from '../policies/principal.ts';
import { can } from '../policies/rules.ts';

export type AbsenceReason = (typeof ABSENCE_REASONS)[number];

/** The judge's role row in the court, locked for the rest of the transaction; not found when they do not sit there. */
async function lockJudge(tx: Tx, courtId: string, judgeId: string): Promise<void> {
  const [held] = await tx
    .select({ id: userRoles.id })
    .from(userRoles)
    .where(and(eq(userRoles.userId, judgeId), eq(userRoles.role, 'judge'), eq(userRoles.courtId, courtId)))
    .for('update');
  if (!held) throw new SotError('not_found');
}

function mayManage(principal: Principal, courtId: string, judgeId: string): void {
  if (!isUuid(courtId) || !isUuid(judgeId) || !can(principal, { action: 'manage', resource: 'bench', courtId })) throw new SotError('not_found');
}

/** No categories at all means the judge hears every category of the court again. */
export async function setJudgeCategories(db: Db, principal: Principal, input: { courtId: string; judgeId: string; categories: readonly string[] }, now: Date): Promise<void> {
  mayManage(principal, input.courtId, input.judgeId);
  const [court] = await db.select({ kinds: courts.caseKinds }).from(courts).where(eq(courts.id, input.courtId));
  if (!court) throw new SotError('not_found');
  const chosen = [...new Set(input.categories)].sort();
  const ofCourt = courtCategories(court.kinds);
  if (chosen.some((c) => !(ofCourt as string[]).includes(c))) throw new SotError('bench_categories_invalid');
  await db.transaction(async (tx) => {
    await lockJudge(tx, input.courtId, input.judgeId);
    await tx.delete(judgeCategories).where(and(eq(judgeCategories.judgeId, input.judgeId), eq(judgeCategories.courtId, input.courtId)));
    if (chosen.length > 0) await tx.insert(judgeCategories).values(chosen.map((category) => ({ judgeId: input.judgeId, courtId: input.courtId, category })));
    await appendAudit(tx, { actorId: principal.userId, action: 'bench.categories_set', entityType: 'judge', entityId: input.judgeId, data: { courtId: input.courtId, categories: chosen } }, now);
  });
}

export async function addAbsence(
  db: Db,
  principal: Principal,
  input: { courtId: string; judgeId: string; startsOn: string; endsOn: string; reason: string },
  now: Date,
): Promise<string> {
  mayManage(principal, input.courtId, input.judgeId);
  if (!(ABSENCE_REASONS as readonly string[]).includes(input.reason)) throw new SotError('absence_reason_invalid');
  const startsOn = parseCourtDay(input.startsOn);
  const endsOn = parseCourtDay(input.endsOn);
  if (!startsOn || !endsOn) throw new SotError('absence_dates_invalid');
  const today = courtDateIso(now);
  return db.transaction(async (tx) => {
    await lockJudge(tx, input.courtId, input.judgeId);
    // Overlaps are checked against the judge's absences in every court: a judge away is away.
    const existing = await tx
      .select({ startsOn: judgeAbsences.startsOn, endsOn: judgeAbsences.endsOn })
      .from(judgeAbsences)
      .where(and(eq(judgeAbsences.judgeId, input.judgeId), gte(judgeAbsences.endsOn, startsOn)));
    const problem = absenceProblem({ startsOn, endsOn }, today, existing);
    if (problem) throw new SotError(problem);
    const [row] = await tx
      .insert(judgeAbsences)
      .values({ judgeId: input.judgeId, courtId: input.courtId, startsOn, endsOn, reason: input.reason as AbsenceReason, createdBy: principal.userId, createdAt: now })
      .returning({ id: judgeAbsences.id });
    await appendAudit(tx, { actorId: principal.userId, action: 'bench.absence_added', entityType: 'judge', entityId: input.judgeId, data: { courtId: input.courtId, absenceId: row!.id, startsOn, endsOn, reason: input.reason } }, now);
    return row!.id;
  });
}

/** An absence that has already ended is history the protocols of those days relied on; it stays. */
export async function removeAbsence(db: Db, principal: Principal, absenceId: string, now: Date): Promise<{ courtId: string }> {
  if (!isUuid(absenceId)) throw new SotError('not_found');
  const [found] = await db.select({ courtId: judgeAbsences.courtId, judgeId: judgeAbsences.judgeId }).from(judgeAbsences).where(eq(judgeAbsences.id, absenceId));
  if (!found) throw new SotError('not_found');
  mayManage(principal, found.courtId, found.judgeId);
  await db.transaction(async (tx) => {
    await lockJudge(tx, found.courtId, found.judgeId);
    const removed = await tx
      .delete(judgeAbsences)
      .where(and(eq(judgeAbsences.id, absenceId), gte(judgeAbsences.endsOn, courtDateIso(now))))
      .returning({ startsOn: judgeAbsences.startsOn, endsOn: judgeAbsences.endsOn, reason: judgeAbsences.reason });
    if (removed.length === 0) throw new SotError('absence_in_past');
    await appendAudit(tx, { actorId: principal.userId, action: 'bench.absence_removed', entityType: 'judge', entityId: found.judgeId, data: { courtId: found.courtId, absenceId, ...removed[0] } }, now);
  });
  return { courtId: found.courtId };
}
