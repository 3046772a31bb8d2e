/**
 * Case search for the cabinet and the court. The scope of each search is the rule the case pages
 * apply, written as SQL: a participant finds the cases `participantCondition` makes them a party or
 * an accepted representative of (what `read` allows them through `caseFor`); court staff find the
 * cases of the courts where they are clerk, judge or chair (the `court_staff` relation, which lets
 * them read the case and its e-case file). Every filter is a bound parameter; pages are keyset
 * on (filed_at, id); the count stops at COUNT_CAP; each search runs under a statement timeout.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { isStatementTimeout, underSearchTimeout } from '../db/statementTimeout.ts';
import type { CaseSearch, CaseSearchCursor } from '../domain/caseSearch.ts';
import type { CaseStatus } from '../domain/caseStatus.ts';
import { COURT_TIME_ZONE } from '../domain/courtTime.ts';
import { SotError } from '../errors.ts';
import type { Principal } from '../policies/principal.ts';
import { participantCondition } from './caseRelations.ts';

export const CASE_PAGE_SIZE = 20;
/**
 * Counting stops here: "more than 200" is all a person needs to narrow the search. Each match
 * counted is a case looked at, and more (1,000 before) made the count four fifths of a clerk's
 * search by a party's name in a busy court (40 of 50 ms; bench/RESULTS.md).
 */
export const CASE_COUNT_CAP = 200;

/** The court roles whose staff handle a court's cases (the court's administrator does not). */
const HANDLING_ROLES = ['clerk', 'judge', 'court_chair'] as const;

export interface FoundCase {
  id: string;
  number: string | null;
  kind: string;
  category: string;
  status: CaseStatus;
  instance: number;
  filedAt: Date;
  registeredAt: Date | null;
  judgeId: string | null;
  judgeName: string | null;
  courtId: string;
  court: { code: string; nameKk: string; nameRu: string; nameEn: string };
}

export interface CaseSearchPage {
  items: FoundCase[];
  next: CaseSearchCursor | null;
  total: number;
  capped: boolean;
}

export type SearchScope = { audience: 'cabinet'; principal: Principal } | { audience: 'court'; courtIds: readonly string[] };

/** The courts whose cases a member of court staff searches: where they are clerk, judge or chair. */
export function staffCourts(principal: Principal): string[] {
  return [...new Set(principal.roles.filter((r) => r.courtId && (HANDLING_ROLES as readonly string[]).includes(r.role)).map((r) => r.courtId!))];
}

function scopeCondition(scope: SearchScope): SQL {
  if (scope.audience === 'cabinet') return sql`c.id in (select parties.case_id from parties where ${participantCondition(scope.principal)})`;
  if (scope.courtIds.length === 0) return sql`false`;
  return sql`c.court_id in (${sql.join(
    scope.courtIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;
}

/** The first instant of a court day, and the first of the day after, in the court's time zone. */
const dayStart = (day: string) => sql`(${day}::date::timestamp at time zone ${COURT_TIME_ZONE})`;
const dayAfter = (day: string) => sql`((${day}::date + 1)::timestamp at time zone ${COURT_TIME_ZONE})`;

function conditions(search: CaseSearch, scope: SearchScope): SQL[] {
  const where: SQL[] = [scopeCondition(scope)];
  if (search.number) where.push(search.number.length >= 3 ? sql`c.number ilike ${`%${search.number}%`}` : sql`c.number = ${search.number}`);
  if (search.nameWords.length > 0) {
    // Every word in one participant's name; the words are letters and digits only, so none is a pattern.
    const words = search.nameWords.map((w) => sql`p.display_name ilike ${`%${w}%`}`);
    where.push(sql`c.id in (select p.case_id from parties p where ${sql.join(words, sql` and `)})`);
  }
  if (search.iin && scope.audience === 'court') {
    where.push(sql`c.id in (select p.case_id from parties p where p.iin = ${search.iin}
      union all select p.case_id from parties p join organisations o on o.id = p.organisation_id where o.bin = ${search.iin})`);
  }
  if (search.courtCode) where.push(sql`c.court_id = (select id from courts where code = ${search.courtCode})`);
  if (search.category) where.push(sql`c.category = ${search.category}`);
  if (search.judgeId) where.push(sql`c.judge_id = ${search.judgeId}::uuid`);
  if (search.status) where.push(sql`c.status = ${search.status}`);
  const column = search.dateField === 'registered' ? sql`c.registered_at` : sql`c.filed_at`;
  if (search.from) where.push(sql`${column} >= ${dayStart(search.from)}`);
  if (search.to) where.push(sql`${column} < ${dayAfter(search.to)}`);
  return where;
}

/** The statement that finds one page (one row more, to know whether there is a next). Exported so a test can EXPLAIN it. */
export function casePageStatement(search: CaseSearch, scope: SearchScope): SQL {
  const where = conditions(search, scope);
  if (search.cursor) where.push(sql`(c.filed_at, c.id) < (${search.cursor.filedAt}::timestamptz, ${search.cursor.id}::uuid)`);
  return sql`select c.id, c.number, c.kind, c.category, c.status, c.instance, c.filed_at, c.filed_at::text as filed_key, c.registered_at, c.judge_id, c.court_id
    from cases c
    where ${sql.join(where, sql` and `)}
    order by c.filed_at desc, c.id desc
    limit ${CASE_PAGE_SIZE + 1}`;
}

export function caseCountStatement(search: CaseSearch, scope: SearchScope): SQL {
  return sql`select count(*)::int as n from (select 1 from cases c where ${sql.join(conditions(search, scope), sql` and `)} limit ${CASE_COUNT_CAP + 1}) s`;
}

export async function searchCases(db: Db, search: CaseSearch, scope: SearchScope): Promise<CaseSearchPage> {
  try {
    return await underSearchTimeout(db, async (tx) => {
      const found = await tx.execute(sql`
        select p.*, ct.code, ct.name_kk, ct.name_ru, ct.name_en, u.full_name as judge_name
        from (${casePageStatement(search, scope)}) p
        join courts ct on ct.id = p.court_id
        left join users u on u.id = p.judge_id
        order by p.filed_at desc, p.id desc`);
      const rows = found.rows as Record<string, unknown>[];
      // No count when the first page holds every match.
      const total = !search.cursor && rows.length <= CASE_PAGE_SIZE ? rows.length : Number(((await tx.execute(caseCountStatement(search, scope))).rows[0] as { n: number }).n);
      const last = rows.length > CASE_PAGE_SIZE ? rows[CASE_PAGE_SIZE - 1] : undefined;
      return {
        items: rows.slice(0, CASE_PAGE_SIZE).map(
          (r): FoundCase => ({
            id: String(r['id']),
            number: r['number'] === null ? null : String(r['number']),
            kind: String(r['kind']),
            category: String(r['category']),
            status: r['status'] as CaseStatus,
            instance: Number(r['instance']),
            filedAt: new Date(r['filed_at'] as string | Date),
            registeredAt: r['registered_at'] === null ? null : new Date(r['registered_at'] as string | Date),
            judgeId: r['judge_id'] === null ? null : String(r['judge_id']),
            judgeName: r['judge_name'] === null ? null : String(r['judge_name']),
            courtId: String(r['court_id']),
            court: { code: String(r['code']), nameKk: String(r['name_kk']), nameRu: String(r['name_ru']), nameEn: String(r['name_en']) },
          }),
        ),
        next: last ? { filedAt: String(last['filed_key']), id: String(last['id']) } : null,
        total: Math.min(total, CASE_COUNT_CAP),
        capped: total > CASE_COUNT_CAP,
      };
    });
  } catch (error) {
    if (isStatementTimeout(error)) throw new SotError('case_search_too_broad');
    throw error;
  }
}

export interface Choice {
  value: string;
  names: { kk: string; ru: string; en: string };
}

/** The courts of a participant's cases, for the court filter (bounded: a person is in few courts). */
export async function courtsOfParticipant(db: Db, principal: Principal): Promise<Choice[]> {
  const found = await db.execute(sql`select distinct ct.code, ct.name_kk, ct.name_ru, ct.name_en
    from courts ct where ct.id in (select cs.court_id from cases cs where cs.id in (select parties.case_id from parties where ${participantCondition(principal)}))
    order by ct.code limit 100`);
  return (found.rows as Record<string, string>[]).map((r) => ({ value: r['code']!, names: { kk: r['name_kk']!, ru: r['name_ru']!, en: r['name_en']! } }));
}

/** The judges of the courts a member of staff searches, for the judge filter. */
export async function judgesOfCourts(db: Db, courtIds: readonly string[]): Promise<{ id: string; name: string }[]> {
  if (courtIds.length === 0) return [];
  const found = await db.execute(sql`select distinct u.id, u.full_name from users u join user_roles r on r.user_id = u.id
    where r.role = 'judge' and r.court_id in (${sql.join(
      courtIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )}) order by u.full_name limit 300`);
  return (found.rows as Record<string, string>[]).map((r) => ({ id: r['id']!, name: r['full_name']! }));
}
