import { and, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { cases, organisations, parties } from '../db/schema/index.ts';
import type { Principal } from '../policies/principal.ts';
import type { CaseRelation } from '../policies/rules.ts';

/**
 * The participants a principal is in cases: as themselves, as the legal entity whose BIN their
 * certificate carries, or as a representative or lawyer whose authority the court accepted.
 */
export function participantCondition(principal: Principal) {
  const asPerson = and(eq(parties.userId, principal.userId), sql`${parties.role} not in ('representative', 'lawyer')`);
  const asRepresentative = and(eq(parties.userId, principal.userId), sql`${parties.role} in ('representative', 'lawyer')`, isNotNull(parties.authorityAcceptedAt));
  const asEntity = principal.bin ? sql`${parties.organisationId} in (select ${organisations.id} from ${organisations} where ${organisations.bin} = ${principal.bin})` : undefined;
  return or(asPerson, asRepresentative, asEntity)!;
}

/** How the principal stands to the case; empty when the case does not exist. */
export async function caseRelations(db: Db, principal: Principal, caseId: string): Promise<Set<CaseRelation>> {
  const relations = new Set<CaseRelation>();
  const [found] = await db.select({ courtId: cases.courtId, judgeId: cases.judgeId }).from(cases).where(eq(cases.id, caseId));
  if (!found) return relations;
  const mine = await db.select({ role: parties.role }).from(parties).where(and(eq(parties.caseId, caseId), participantCondition(principal)));
  for (const { role } of mine) relations.add(role === 'representative' || role === 'lawyer' ? 'representative' : 'party');
  if (found.judgeId === principal.userId) relations.add('assigned_judge');
  // The court's administrator is not among the staff who handle its cases.
  if (principal.roles.some((r) => r.courtId === found.courtId && ['clerk', 'judge', 'court_chair'].includes(r.role))) relations.add('court_staff');
  // A higher court reviewing the case reads the case file it reviews.
  const reviewCourts = principal.roles.filter((r) => r.courtId && r.courtId !== found.courtId && ['clerk', 'judge', 'court_chair'].includes(r.role)).map((r) => r.courtId!);
  if (reviewCourts.length > 0) {
    const [review] = await db.select({ id: cases.id }).from(cases).where(and(eq(cases.parentCaseId, caseId), inArray(cases.courtId, reviewCourts))).limit(1);
    if (review) relations.add('higher_court');
  }
  if (relations.size === 0) relations.add('unrelated');
  return relations;
}
