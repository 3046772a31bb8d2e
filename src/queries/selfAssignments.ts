import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.ts';
import { cases, selfAssignmentProposals, users } from '../db/schema/index.ts';
import type { Principal } from '../policies/principal.ts';

const chair = alias(users, 'chair');
const judge = alias(users, 'judge');

/** The chair's move of the case to themselves, if one is waiting, for the assignment page. */
export async function pendingSelfAssignment(db: Db, caseId: string) {
  const [row] = await db
    .select({ id: selfAssignmentProposals.id, chairName: chair.fullName, proposedAt: selfAssignmentProposals.proposedAt })
    .from(selfAssignmentProposals)
    .innerJoin(chair, eq(chair.id, selfAssignmentProposals.chairId))
    .where(and(eq(selfAssignmentProposals.caseId, caseId), eq(selfAssignmentProposals.status, 'pending')));
  return row ?? null;
}

/**
 * Moves a judge may confirm: waiting, in a court where they sit, neither their own as chair nor
 * taking a case from them. The command asks the policies again on confirmation.
 */
export async function selfAssignmentsToConfirm(db: Db, principal: Principal) {
  const courts = principal.roles.filter((r) => r.role === 'judge' && r.courtId).map((r) => r.courtId!);
  if (courts.length === 0) return [];
  return db
    .select({
      id: selfAssignmentProposals.id,
      caseId: selfAssignmentProposals.caseId,
      number: cases.number,
      chairName: chair.fullName,
      judgeName: judge.fullName,
      reason: selfAssignmentProposals.reason,
      proposedAt: selfAssignmentProposals.proposedAt,
    })
    .from(selfAssignmentProposals)
    .innerJoin(cases, eq(cases.id, selfAssignmentProposals.caseId))
    .innerJoin(chair, eq(chair.id, selfAssignmentProposals.chairId))
    .innerJoin(judge, eq(judge.id, selfAssignmentProposals.fromJudgeId))
    .where(
      and(
        eq(selfAssignmentProposals.status, 'pending'),
        inArray(selfAssignmentProposals.courtId, courts),
        ne(selfAssignmentProposals.chairId, principal.userId),
        ne(selfAssignmentProposals.fromJudgeId, principal.userId),
      ),
    )
    .orderBy(asc(selfAssignmentProposals.proposedAt))
    .limit(100);
}

export type SelfAssignmentToConfirm = Awaited<ReturnType<typeof selfAssignmentsToConfirm>>[number];
