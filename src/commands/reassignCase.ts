/**
 * A change of judge before the final act: the judge steps down (recusal) and the case is drawn
 * again among the others, or the court chair moves it by hand with a reason. Either way the
 * change is compare-and-set on the judge the caller read, with its distribution row, timeline
 * event and audit row in the same transaction.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { appendAudit } from '../db/audit.ts';
import type { Tx } from '../db/tx.ts';
import { caseDistributions, caseRecusals, cases, events } from '../db/schema/index.ts';
import { assignmentReason, eligibleForReassignment, isReassignable, REASSIGNABLE_STATUSES } from '../domain/bench.ts';
import { drawJudge, NoEligibleJudgeError } from '../domain/distribution.ts';
import { isUuid } from '../domain/ids.ts';
import { SotError } from '../errors.ts';
import { courtDateIso } from '../i18n/format.ts';
import type { Principal } from '../policies/principal.ts';
import { can } from '../policies/rules.ts';
import { drawCandidates } from '../queries/bench.ts';
import { hasPendingSelfAssignment, proposeSelfAssignment } from './selfAssignment.ts';

async function caseOf(db: Db, caseId: string) {
  if (!isUuid(caseId)) throw new SotError('not_found');
  const [found] = await db.select({ courtId: cases.courtId, judgeId: cases.judgeId, status: cases.status, category: cases.category }).from(cases).where(eq(cases.id, caseId));
  if (!found) throw new SotError('not_found');
  return found;
}

/** Moves the case from `from` to `to` only if it still has `from` and is still open to a change. */
async function swapJudge(tx: Tx, caseId: string, from: string, to: string): Promise<void> {
  const updated = await tx
    .update(cases)
    .set({ judgeId: to })
    .where(and(eq(cases.id, caseId), eq(cases.judgeId, from), inArray(cases.status, [...REASSIGNABLE_STATUSES])))
    .returning({ id: cases.id });
  if (updated.length === 0) throw new SotError('assignment_changed');
}

/**
 * The assigned judge steps down with a reason (on the grounds the Civil Procedure Code gives for a
 * judge's self-recusal). The recusal
 * stays on record, so the re-draw and any later reassignment skip this judge for this case.
 */
export async function recuseJudge(db: Db, principal: Principal, caseId: string, reasonText: string, now: Date): Promise<{ judgeId: string }> {
  const found = await caseOf(db, caseId);
  if (!can(principal, { action: 'recuse', resource: 'case', courtId: found.courtId, judgeId: found.judgeId })) throw new SotError('not_found');
  if (!isReassignable(found.status)) throw new SotError('assignment_closed');
  const reason = assignmentReason(reasonText);
  if (!reason) throw new SotError('assignment_reason_required');
  const recused = principal.userId;
  return db.transaction(async (tx) => {
    await tx.insert(caseRecusals).values({ caseId, judgeId: recused, reason, createdBy: principal.userId, createdAt: now }).onConflictDoNothing();
    // The seed is fixed before the draw, as at registration: the re-draw can be re-run, not re-rolled.
    const seed = randomBytes(32).toString('hex');
    let draw;
    try {
      const candidates = await drawCandidates(tx, { courtId: found.courtId, caseId, day: courtDateIso(now) });
      draw = drawJudge({ caseId, category: found.category, candidates, seed });
    } catch (error) {
      // Nobody else can take it: the recusal is not recorded either, and the chair decides.
      if (error instanceof NoEligibleJudgeError) throw new SotError('no_eligible_judge');
      throw error;
    }
    await swapJudge(tx, caseId, recused, draw.judgeId);
    await tx.insert(caseDistributions).values({ caseId, judgeId: draw.judgeId, method: 'automatic', seed, protocol: draw.protocol, protocolSha256: draw.protocolSha256, drawnAt: now });
    await tx.insert(events).values({ caseId, type: 'judge_assigned', occurredAt: now, actorId: null, data: { judgeId: draw.judgeId, protocol: draw.protocolSha256, reason: 'recusal' } });
    await appendAudit(tx, { actorId: principal.userId, action: 'case.recused', entityType: 'case', entityId: caseId, data: { from: recused, to: draw.judgeId, protocol: draw.protocolSha256, reason } }, now);
    return { judgeId: draw.judgeId };
  });
}

/**
 * The chair moves the case to a judge of the court who could have been drawn for it. `expectedJudgeId`
 * is the judge the chair saw on the page: if someone else moved the case meanwhile, this fails
 * rather than overriding a decision the chair never saw. A chair who picks themselves only
 * proposes the move (`pending`): the case keeps its judge until another judge confirms it.
 */
export async function reassignCase(
  db: Db,
  principal: Principal,
  caseId: string,
  input: { judgeId: string; expectedJudgeId: string; reason: string },
  now: Date,
): Promise<{ judgeId: string; pending: boolean }> {
  const found = await caseOf(db, caseId);
  if (!can(principal, { action: 'reassign', resource: 'case', courtId: found.courtId })) throw new SotError('not_found');
  if (!isReassignable(found.status) || !found.judgeId) throw new SotError('assignment_closed');
  if (found.judgeId !== input.expectedJudgeId) throw new SotError('assignment_changed');
  const reason = assignmentReason(input.reason);
  if (!reason) throw new SotError('assignment_reason_required');
  return db.transaction(async (tx) => {
    const candidates = await drawCandidates(tx, { courtId: found.courtId, caseId, day: courtDateIso(now) });
    if (!eligibleForReassignment(candidates, found.category, input.expectedJudgeId).includes(input.judgeId)) throw new SotError('judge_not_eligible');
    if (await hasPendingSelfAssignment(tx, caseId)) throw new SotError('self_assignment_pending');
    if (input.judgeId === principal.userId) {
      await proposeSelfAssignment(tx, principal, { caseId, courtId: found.courtId, fromJudgeId: input.expectedJudgeId, reason }, now);
      return { judgeId: input.expectedJudgeId, pending: true };
    }
    await swapJudge(tx, caseId, input.expectedJudgeId, input.judgeId);
    await tx.insert(caseDistributions).values({ caseId, judgeId: input.judgeId, method: 'manual', reason, assignedBy: principal.userId, drawnAt: now });
    // The reason can name a judge's illness or a party's ties: it stays in the court's records, not on the timeline.
    await tx.insert(events).values({ caseId, type: 'judge_assigned', occurredAt: now, actorId: principal.userId, data: { judgeId: input.judgeId, reason: 'manual' } });
    await appendAudit(tx, { actorId: principal.userId, action: 'case.reassigned', entityType: 'case', entityId: caseId, data: { from: input.expectedJudgeId, to: input.judgeId, reason } }, now);
    return { judgeId: input.judgeId, pending: false };
  });
}
