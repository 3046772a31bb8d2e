import { and, asc, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Executor } from '../db/tx.ts';
import { caseDistributions, cases, courts, judgeAbsences, users } from '../db/schema/index.ts';
import { categoriesHeard, courtCategories, type CourtDay } from '../domain/bench.ts';
import type { Candidate } from '../domain/distribution.ts';
import type { Principal } from '../policies/principal.ts';

/** Statuses after which a case no longer weighs on its judge. */
const CLOSED_STATUSES = sql`('in_force', 'archived', 'returned', 'refused')`;

/**
 * The court's judges as the draw sees them on a court date: what each hears, whether they are
 * away that day, whether they are recused from this case, and their open cases. Everything
 * comes from data, so the protocol records why a judge could not be drawn.
 */
export async function drawCandidates(ex: Executor, input: { courtId: string; caseId: string; day: CourtDay }): Promise<Candidate[]> {
  const [court] = await ex.select({ kinds: courts.caseKinds }).from(courts).where(eq(courts.id, input.courtId));
  const ofCourt = courtCategories(court?.kinds ?? []);
  const rows = await ex.execute<{ judge_id: string; open_cases: number; categories: string | null; on_leave: boolean; recused: boolean }>(sql`
    select r.user_id as judge_id,
           (select count(*)::int from cases c where c.judge_id = r.user_id and c.status not in ${CLOSED_STATUSES}) as open_cases,
           (select string_agg(jc.category, ',') from judge_categories jc where jc.judge_id = r.user_id and jc.court_id = r.court_id) as categories,
           exists (select 1 from judge_absences a
                    where a.judge_id = r.user_id and a.court_id = r.court_id and a.starts_on <= ${input.day}::date and a.ends_on >= ${input.day}::date) as on_leave,
           exists (select 1 from case_recusals cr where cr.case_id = ${input.caseId} and cr.judge_id = r.user_id) as recused
      from user_roles r
     where r.role = 'judge' and r.court_id = ${input.courtId}`);
  return rows.rows.map((row) => ({
    judgeId: row.judge_id,
    categories: categoriesHeard(row.categories ? row.categories.split(',') : [], ofCourt),
    onLeave: Boolean(row.on_leave),
    recused: Boolean(row.recused),
    openCases: Number(row.open_cases),
  }));
}

/** Courts the principal chairs. */
export function chairedCourts(principal: Principal): string[] {
  return principal.roles.filter((r) => r.role === 'court_chair' && r.courtId).map((r) => r.courtId!);
}

export async function courtsByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: courts.id, code: courts.code, kinds: courts.caseKinds, nameKk: courts.nameKk, nameRu: courts.nameRu, nameEn: courts.nameEn })
    .from(courts)
    .where(inArray(courts.id, ids))
    .orderBy(asc(courts.code));
}

/** The chair's view of a court's judges: what each hears, their load, and absences from today on. */
export async function benchOf(db: Db, courtId: string, today: CourtDay) {
  const judges = await db.execute<{ judge_id: string; name: string; open_cases: number; categories: string | null }>(sql`
    select r.user_id as judge_id, u.full_name as name,
           (select count(*)::int from cases c where c.judge_id = r.user_id and c.status not in ${CLOSED_STATUSES}) as open_cases,
           (select string_agg(jc.category, ',' order by jc.category) from judge_categories jc where jc.judge_id = r.user_id and jc.court_id = r.court_id) as categories
      from user_roles r join users u on u.id = r.user_id
     where r.role = 'judge' and r.court_id = ${courtId}
     order by u.full_name`);
  const absences = await db
    .select({ id: judgeAbsences.id, judgeId: judgeAbsences.judgeId, startsOn: judgeAbsences.startsOn, endsOn: judgeAbsences.endsOn, reason: judgeAbsences.reason })
    .from(judgeAbsences)
    .where(and(eq(judgeAbsences.courtId, courtId), gte(judgeAbsences.endsOn, today)))
    .orderBy(asc(judgeAbsences.startsOn));
  return judges.rows.map((row) => ({
    judgeId: row.judge_id,
    name: row.name,
    openCases: Number(row.open_cases),
    specialisation: row.categories ? row.categories.split(',') : [],
    absences: absences.filter((a) => a.judgeId === row.judge_id),
  }));
}

export type BenchJudge = Awaited<ReturnType<typeof benchOf>>[number];

/** The case as the assignment page shows it. */
export async function caseForAssignment(db: Db, caseId: string) {
  const [row] = await db
    .select({ id: cases.id, number: cases.number, courtId: cases.courtId, category: cases.category, status: cases.status, judgeId: cases.judgeId, judgeName: users.fullName })
    .from(cases)
    .leftJoin(users, eq(users.id, cases.judgeId))
    .where(eq(cases.id, caseId));
  return row ?? null;
}

/** A court's id by its code, as the chair's forms name the court. */
export async function courtIdByCode(db: Db, code: string): Promise<string | null> {
  const [row] = await db.select({ id: courts.id }).from(courts).where(eq(courts.code, code));
  return row?.id ?? null;
}

/** Whose absence it is and in which court, for the bench page it is removed from. */
export async function absenceOf(db: Db, absenceId: string) {
  const [found] = await db.select({ code: courts.code, judgeId: judgeAbsences.judgeId }).from(judgeAbsences).innerJoin(courts, eq(courts.id, judgeAbsences.courtId)).where(eq(judgeAbsences.id, absenceId));
  return found ?? null;
}

/** Every distribution of the case, newest first, with the judge and, for a manual one, who made it. */
export async function distributionHistory(db: Db, caseId: string) {
  return db
    .select({
      id: caseDistributions.id,
      method: caseDistributions.method,
      judgeName: users.fullName,
      drawnAt: caseDistributions.drawnAt,
      reason: caseDistributions.reason,
      protocolSha256: caseDistributions.protocolSha256,
      assignedBy: sql<string | null>`(select u2.full_name from users u2 where u2.id = ${caseDistributions.assignedBy})`,
      confirmedBy: sql<string | null>`(select u3.full_name from users u3 where u3.id = ${caseDistributions.confirmedBy})`,
    })
    .from(caseDistributions)
    .innerJoin(users, eq(users.id, caseDistributions.judgeId))
    .where(eq(caseDistributions.caseId, caseId))
    .orderBy(desc(caseDistributions.drawnAt), desc(caseDistributions.method));
}

export type DistributionRecord = Awaited<ReturnType<typeof distributionHistory>>[number];

/** The latest manual reassignment after the latest draw, if any: what the parties are told of it. */
export async function reassignmentAfterDraw(db: Db, caseId: string, drawnAt: Date) {
  const [row] = await db
    .select({ judgeName: users.fullName, at: caseDistributions.drawnAt })
    .from(caseDistributions)
    .innerJoin(users, eq(users.id, caseDistributions.judgeId))
    .where(and(eq(caseDistributions.caseId, caseId), eq(caseDistributions.method, 'manual'), sql`${caseDistributions.drawnAt} >= ${drawnAt.toISOString()}`))
    .orderBy(desc(caseDistributions.drawnAt))
    .limit(1);
  return row ?? null;
}
