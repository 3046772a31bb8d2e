/**
 * A chair who moves a case to themselves picks the judge and is the judge picked: nobody checks
 * the choice. So the move waits, the case keeping its judge, until another judge of the court
 * confirms it. Each step is compare-and-set with its audit row in one transaction.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { appendAudit } from '../db/audit.ts';
import type { Executor, Tx } from '../db/tx.ts';
import { caseDistributions, cases, events, selfAssignmentProposals } from '../db/schema/index.ts';
import { eligibleForReassignment, REASSIGNABLE_STATUSES } from '../domain/bench.ts';
import { isUuid } from '../domain/ids.ts';
import { SotError } from '../errors.ts';
import { courtDateIso } from '../i18n/format.ts';
import type { Principal } from '../policies/principal.ts';
import { can } from '../policies/rules.ts';
import { drawCandidates } from '../queries/bench.ts';

/** Records the chair's move of the case to themselves as waiting; one waiting move per case. */
export async function proposeSelfAssignment(tx: Tx, chair: Principal, input: { caseId: string; courtId: string; fromJudgeId: string; reason: string }, now: Date): Promise<void> {
  const [created] = await tx
    .insert(selfAssignmentProposals)
    .values({ caseId: input.caseId, courtId: input.courtId, fromJudgeId: input.fromJudgeId, chairId: chair.userId, reason: input.reason, proposedAt: now })
    .onConflictDoNothing()
    .returning({ id: selfAssignmentProposals.id });
  if (!created) throw new SotError('self_assignment_pending');
  await appendAudit(tx, { actorId: chair.userId, action: 'case.self_assignment_proposed', entityType: 'case', entityId: input.caseId, data: { from: input.fromJudgeId, to: chair.userId, proposalId: created.id, reason: input.reason } }, now);
}

/** Whether a move of the case to its chair is waiting; a chair's other reassignment waits for it to be settled. */
export async function hasPendingSelfAssignment(ex: Executor, caseId: string): Promise<boolean> {
  const [row] = await ex.select({ id: selfAssignmentProposals.id }).from(selfAssignmentProposals).where(and(eq(selfAssignmentProposals.caseId, caseId), eq(selfAssignmentProposals.status, 'pending')));
  return row !== undefined;
}

/**
 * Another judge of the court confirms: the case moves to the chair if it still has the judge the
 * chair saw, is still open to a change, and the chair could still be chosen for it (not away,
 * not recused, hears the category).
 */
export async function confirmSelfAssignment(db: Db, principal: Principal, proposalId: string, now: Date): Promise<{ caseId: string }> {
  if (!isUuid(proposalId)) throw new SotError('not_found');
  const [proposal] = await db.select().from(selfAssignmentProposals).where(eq(selfAssignmentProposals.id, proposalId));
  if (!proposal) throw new SotError('not_found');
  if (!can(principal, { action: 'confirm', resource: 'reassignment', courtId: proposal.courtId, chairId: proposal.chairId, currentJudgeId: proposal.fromJudgeId })) throw new SotError('not_found');
  if (proposal.status !== 'pending') throw new SotError('self_assignment_closed');
  const [found] = await db.select({ category: cases.category }).from(cases).where(eq(cases.id, proposal.caseId));
  if (!found) throw new SotError('not_found');
  return db.transaction(async (tx) => {
    const decided = await tx
      .update(selfAssignmentProposals)
      .set({ status: 'confirmed', decidedBy: principal.userId, decidedAt: now })
      .where(and(eq(selfAssignmentProposals.id, proposalId), eq(selfAssignmentProposals.status, 'pending')))
      .returning({ id: selfAssignmentProposals.id });
    if (decided.length === 0) throw new SotError('self_assignment_closed');
    const candidates = await drawCandidates(tx, { courtId: proposal.courtId, caseId: proposal.caseId, day: courtDateIso(now) });
    if (!eligibleForReassignment(candidates, found.category, proposal.fromJudgeId).includes(proposal.chairId)) throw new SotError('judge_not_eligible');
    const moved = await tx
      .update(cases)
      .set({ judgeId: proposal.chairId })
      .where(and(eq(cases.id, proposal.caseId), eq(cases.judgeId, proposal.fromJudgeId), inArray(cases.status, [...REASSIGNABLE_STATUSES])))
      .returning({ id: cases.id });
    if (moved.length === 0) throw new SotError('assignment_changed');
    await tx.insert(caseDistributions).values({ caseId: proposal.caseId, judgeId: proposal.chairId, method: 'manual', reason: proposal.reason, assignedBy: proposal.chairId, confirmedBy: principal.userId, drawnAt: now });
    await tx.insert(events).values({ caseId: proposal.caseId, type: 'judge_assigned', occurredAt: now, actorId: proposal.chairId, data: { judgeId: proposal.chairId, reason: 'manual' } });
    await appendAudit(
      tx,
      { actorId: principal.userId, action: 'case.self_assignment_confirmed', entityType: 'case', entityId: proposal.caseId, data: { from: proposal.fromJudgeId, to: proposal.chairId, proposalId } },
      now,
    );
    return { caseId: proposal.caseId };
  });
}

/** The chair of the case's court withdraws the waiting move; the case stays where it is. */
export async function withdrawSelfAssignment(db: Db, principal: Principal, caseId: string, now: Date): Promise<void> {
  if (!isUuid(caseId)) throw new SotError('not_found');
  const [found] = await db.select({ courtId: cases.courtId }).from(cases).where(eq(cases.id, caseId));
  if (!found || !can(principal, { action: 'reassign', resource: 'case', courtId: found.courtId })) throw new SotError('not_found');
  await db.transaction(async (tx) => {
    const withdrawn = await tx
      .update(selfAssignmentProposals)
      .set({ status: 'cancelled', decidedBy: principal.userId, decidedAt: now })
      .where(and(eq(selfAssignmentProposals.caseId, caseId), eq(selfAssignmentProposals.status, 'pending')))
      .returning({ id: selfAssignmentProposals.id, chairId: selfAssignmentProposals.chairId });
    const [row] = withdrawn;
    if (!row) throw new SotError('self_assignment_closed');
    await appendAudit(tx, { actorId: principal.userId, action: 'case.self_assignment_withdrawn', entityType: 'case', entityId: caseId, data: { proposalId: row.id, to: row.chairId } }, now);
  });
}
