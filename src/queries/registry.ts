import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { caseDistributions, cases, users } from '../db/schema/index.ts';
import type { Principal } from '../policies/principal.ts';

/** Courts whose office the principal works in. */
export function officeCourts(principal: Principal): string[] {
  return principal.roles.filter((r) => (r.role === 'clerk' || r.role === 'court_chair') && r.courtId).map((r) => r.courtId!);
}

/** The latest distribution of a case, with the judge's name, for the protocol page. */
export async function latestDistribution(db: Db, caseId: string) {
  const [row] = await db
    .select({ distribution: caseDistributions, judgeName: users.fullName, number: cases.number })
    .from(caseDistributions)
    .innerJoin(users, eq(users.id, caseDistributions.judgeId))
    .innerJoin(cases, eq(cases.id, caseDistributions.caseId))
    .where(and(eq(caseDistributions.caseId, caseId), eq(caseDistributions.method, 'automatic')))
    .orderBy(sql`${caseDistributions.drawnAt} desc`)
    .limit(1);
  if (!row) return null;
  const { seed, protocol, protocolSha256 } = row.distribution;
  // The automatic rows carry all three by the table's check constraint.
  return { ...row, distribution: { ...row.distribution, seed: seed!, protocol: protocol!, protocolSha256: protocolSha256! } };
}

/** A case's number and judge once registered, for the office's confirmation; null until both exist. */
export async function registeredCase(db: Db, caseId: string): Promise<{ number: string; judge: string } | null> {
  const [row] = await db.select({ number: cases.number, judge: users.fullName }).from(cases).innerJoin(users, eq(users.id, cases.judgeId)).where(eq(cases.id, caseId));
  return row?.number ? { number: row.number, judge: row.judge } : null;
}

/** Names of the judges named in a protocol, by id. */
export async function judgeNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.fullName }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The judge's cases waiting for a decision on admission, oldest first, with the term to cure an appeal's defects. */
export async function casesAwaitingAdmission(db: Db, judgeId: string) {
  return db
    .select({
      caseId: cases.id,
      number: cases.number,
      status: cases.status,
      category: cases.category,
      instance: cases.instance,
      registeredAt: cases.registeredAt,
      // The last day of the term to cure the defects, as the deadline calculator recorded it. "cases"."id" is
      // spelled out: in a one-table select drizzle leaves column names unqualified.
      fixBy: sql<string | null>`(select max(d.due_on)::text from case_deadlines d where d.case_id = "cases"."id" and d.kind = 'appeal_defects' and d.closed_at is null)`,
      // An application for a court order, and the demand of CPC Art. 135 it names (none on paper).
      orderApplication: sql<boolean>`exists (select 1 from filings f where f.case_id = "cases"."id" and f.type = 'court_order_application')`,
      orderDemand: sql<string | null>`(select f.fields->>'courtOrderDemand' from filings f where f.case_id = "cases"."id" and f.type = 'court_order_application' limit 1)`,
    })
    .from(cases)
    .where(and(eq(cases.judgeId, judgeId), inArray(cases.status, ['assigned', 'left_without_motion'])))
    .orderBy(asc(cases.registeredAt))
    .limit(200);
}
