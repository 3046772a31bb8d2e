/**
 * The public hearing list: every court's hearings over a bounded range of days, filtered, paged
 * by (starts_at, id), with the parties a list may name. Read from the replica like the other
 * public pages, under a statement timeout.
 */
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { isStatementTimeout, type SearchReader, underSearchTimeout } from '../db/statementTimeout.ts';
import { courts, parties, regions, userRoles, users } from '../db/schema/index.ts';
import { addCalendarDays, type IsoDay } from '../domain/calendar/workingDays.ts';
import { courtDateIso } from '../domain/courtTime.ts';
import type { CaseKind } from '../domain/caseKinds.ts';
import type { HearingStatus } from '../domain/hearingLifecycle.ts';
import type { HearingList, HearingListCursor } from '../domain/hearingList.ts';
import { courtInstant } from '../domain/hearingSlots.ts';
import { hearingParties, LISTED_ROLES, type HearingParties, type PartyForList } from '../domain/hearingPublicity.ts';
import type { PartyRole } from '../domain/parties.ts';
import { SotError } from '../errors.ts';

export const HEARING_PAGE_SIZE = 50;
/** The printed day list of one court: a court's day fits well within it. */
export const HEARING_PRINT_LIMIT = 300;

export interface CourtNames {
  code: string;
  nameKk: string;
  nameRu: string;
  nameEn: string;
}

export interface ListedHearing {
  id: string;
  startsAt: Date;
  /** The court's day of the hearing, YYYY-MM-DD. */
  day: string;
  room: string | null;
  video: boolean;
  status: HearingStatus;
  caseNumber: string;
  kind: CaseKind;
  category: string;
  court: CourtNames;
  judge: string | null;
  parties: HearingParties;
}

export interface HearingListPage {
  items: ListedHearing[];
  next: HearingListCursor | null;
}

interface Row extends Record<string, unknown> {
  id: string;
  starts_at: Date | string;
  room: string | null;
  video: boolean;
  status: HearingStatus;
  case_id: string;
  case_number: string;
  kind: CaseKind;
  category: string;
  closed_hearing: boolean;
  court_code: string;
  name_kk: string;
  name_ru: string;
  name_en: string;
  judge: string | null;
}

/** The first instant of `from` and the first instant after `to`, both court days. */
export function rangeInstants(from: string, to: string): { start: Date; end: Date } {
  return { start: courtInstant(from, '00:00')!, end: courtInstant(addCalendarDays(to as IsoDay, 1), '00:00')! };
}

/**
 * The courts of a region, read before the list: written as a subquery in the list's statement,
 * the planner guessed one court and one court's share of hearings, fetched all 2,274 of a region's
 * day with their cases and sorted them for a page of 50 (71 ms; as values, 1.5 ms).
 */
export async function regionCourtIds(db: Pick<Db, 'execute'>, regionCode: string): Promise<string[]> {
  const rows = await db.execute<{ id: string }>(sql`select id from courts where region_code = ${regionCode} order by id`);
  return rows.rows.map((r) => r.id);
}

/**
 * One page of the list as a statement: hearings in the range, filtered, after the cursor, in
 * order, one more than a page (to know whether there is a next). The court and region filters
 * read hearings.court_id, so a court's list walks hearings_court_list_idx and the whole list
 * hearings_list_idx; cases is reached by its key for each row. Exported so a test can EXPLAIN it.
 */
export function hearingListStatement(list: HearingList, limit: number = HEARING_PAGE_SIZE, regionCourts: readonly string[] = []): SQL {
  const { start, end } = rangeInstants(list.from, list.to);
  const where: SQL[] = [sql`h.starts_at >= ${start.toISOString()}::timestamptz`, sql`h.starts_at < ${end.toISOString()}::timestamptz`, sql`c.number is not null`];
  if (list.courtCode) where.push(sql`h.court_id = (select id from courts where code = ${list.courtCode})`);
  if (list.regionCode) {
    // The region's courts as values (see regionCourtIds), so the planner counts their hearings
    // rightly and walks the day in order instead of fetching every hearing of the region first.
    where.push(regionCourts.length === 0 ? sql`false` : sql`h.court_id in (${sql.join(regionCourts.map((id) => sql`${id}::uuid`), sql`, `)})`);
  }
  if (list.judgeId) where.push(sql`h.judge_id = ${list.judgeId}::uuid`);
  if (list.category) where.push(sql`c.category = ${list.category}`);
  if (list.kind) where.push(sql`c.kind = ${list.kind}`);
  if (list.cursor) where.push(sql`(h.starts_at, h.id) > (${list.cursor.startsAt}::timestamptz, ${list.cursor.id}::uuid)`);
  return sql`select h.id, h.starts_at, h.room, h.video_link is not null as video, h.status,
      c.id as case_id, c.number as case_number, c.kind, c.category, c.closed_hearing,
      ct.code as court_code, ct.name_kk, ct.name_ru, ct.name_en, u.full_name as judge
    from hearings h
    join cases c on c.id = h.case_id
    join courts ct on ct.id = h.court_id
    left join users u on u.id = h.judge_id
    where ${sql.join(where, sql` and `)}
    order by h.starts_at, h.id
    limit ${limit + 1}`;
}

/**
 * A page of the list. Parties are read only for cases whose parties a list may name at all, and
 * the rule (src/domain/hearingPublicity.ts) decides who of them; their IINs are read to tell a
 * minor and go no further than that rule.
 */
export async function listHearings(db: Db, list: HearingList, limit: number = HEARING_PAGE_SIZE): Promise<HearingListPage> {
  // A list walks its day in order and stops at its page, so it ends well within the timeout
  // unless the database is overloaded: then it is a 503, as any other unavailable service.
  return underSearchTimeout(db, (tx) => readList(tx, list, limit)).catch((error: unknown) => {
    throw isStatementTimeout(error) ? new SotError('service_unavailable') : error;
  });
}

async function readList(tx: SearchReader, list: HearingList, limit: number): Promise<HearingListPage> {
  const regionCourts = list.regionCode ? await regionCourtIds(tx, list.regionCode) : [];
  const result = await tx.execute<Row>(hearingListStatement(list, limit, regionCourts));
  const rows = result.rows.slice(0, limit);
  const open = [...new Set(rows.filter((r) => !r.closed_hearing).map((r) => r.case_id))];
  const partyRows = open.length
    ? await tx
        .select({ caseId: parties.caseId, role: parties.role, displayName: parties.displayName, iin: parties.iin, organisationId: parties.organisationId })
        .from(parties)
        .where(and(inArray(parties.caseId, open), inArray(parties.role, [...LISTED_ROLES])))
        .orderBy(asc(parties.createdAt), asc(parties.id))
    : [];
  const byCase = new Map<string, PartyForList[]>();
  for (const p of partyRows) {
    const list = byCase.get(p.caseId) ?? [];
    list.push({ role: p.role as PartyRole, displayName: p.displayName, iin: p.iin, organisation: p.organisationId !== null });
    byCase.set(p.caseId, list);
  }
  const items = rows.map((r): ListedHearing => {
    const startsAt = new Date(r.starts_at);
    const day = courtDateIso(startsAt);
    return {
      id: r.id,
      startsAt,
      day,
      room: r.room,
      video: r.video,
      status: r.status,
      caseNumber: r.case_number,
      kind: r.kind,
      category: r.category,
      court: { code: r.court_code, nameKk: r.name_kk, nameRu: r.name_ru, nameEn: r.name_en },
      judge: r.judge,
      parties: hearingParties({ closedHearing: r.closed_hearing, category: r.category }, byCase.get(r.case_id) ?? [], day),
    };
  });
  const last = items[items.length - 1];
  const next = result.rows.length > limit && last ? { startsAt: last.startsAt.toISOString(), id: last.id } : null;
  return { items, next };
}

export interface JudgeChoice {
  id: string;
  name: string;
}

/** The judges of a court (its judges and its chair), by name: the list's judge filter offers them. */
export async function judgesOfCourt(db: Db, courtCode: string): Promise<JudgeChoice[]> {
  const rows = await db
    .selectDistinct({ id: users.id, name: users.fullName })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .innerJoin(courts, eq(courts.id, userRoles.courtId))
    .where(and(eq(courts.code, courtCode), inArray(userRoles.role, ['judge', 'court_chair'])))
    .orderBy(asc(users.fullName))
    .limit(200);
  return rows;
}

export interface RegionChoice {
  code: string;
  nameKk: string;
  nameRu: string;
  nameEn: string;
}

/** The regions, in the directory's order, for the region filter. */
export async function listRegions(db: Db): Promise<RegionChoice[]> {
  return db.select({ code: regions.code, nameKk: regions.nameKk, nameRu: regions.nameRu, nameEn: regions.nameEn }).from(regions).orderBy(asc(regions.sortOrder)).limit(100);
}
