import { and, asc, eq, gte, inArray, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.ts';
import { cases, courts, directoryVersions, hearings, regions } from '../db/schema/index.ts';
import type { CaseKind } from '../domain/caseKinds.ts';
import { asksForEveryCourt, COURT_RESULTS_MAX, findCourts, indexCourts, nearestCourts, parseCourtSearch, type CourtHears, type CourtIndexEntry, type CourtSearch, type CourtSearchRefusal, type FinderCourt, type RawCourtSearch } from '../domain/courtFinder.ts';
import { preparedFor } from './prepared.ts';

export type Court = typeof courts.$inferSelect;
export type Region = typeof regions.$inferSelect;

export interface CourtFilter {
  q?: string | undefined;
  level?: number | undefined;
}

const directoryVersionQuery = preparedFor((db: Db) =>
  db.select({ version: directoryVersions.version }).from(directoryVersions).where(eq(directoryVersions.name, 'courts')).prepare('courts_directory_version'),
);

interface CachedDirectory {
  version: number;
  all?: { court: Court; region: Region }[];
  finder?: CourtFinderIndex;
  /** The finder's answer when nothing is asked: every court. */
  everyCourt?: CourtSearchResult;
  byCode: Map<string, CourtDetails>;
}

/** Per database handle (primary or replica): the courts directory as of `version`. */
const directories = new WeakMap<Db, CachedDirectory>();

/**
 * The courts directory changes a few times a year and is on every court page. Each process keeps
 * it in memory and checks it against the version a trigger moves on with every change to courts
 * or regions (migration 0022), so a change made anywhere is seen on the next request. The
 * version is read before any court row, so a copy is never filed under a newer version than its
 * rows (at worst a copy is refetched once more). Without the version row nothing is cached.
 */
async function currentDirectory(db: Db): Promise<CachedDirectory | null> {
  const [row] = await directoryVersionQuery(db).execute();
  if (!row) return null;
  let directory = directories.get(db);
  if (!directory || directory.version !== row.version) {
    directory = { version: row.version, byCode: new Map() };
    directories.set(db, directory);
  }
  return directory;
}

const allCourtsQuery = preparedFor((db: Db) =>
  db
    .select({ court: courts, region: regions })
    .from(courts)
    .innerJoin(regions, eq(regions.code, courts.regionCode))
    .orderBy(asc(regions.sortOrder), asc(courts.level), asc(courts.nameEn))
    .prepare('all_courts'),
);

/** Courts with their region, ordered as people look for them: region, then level, then name. */
export async function listCourts(db: Db, filter: CourtFilter = {}): Promise<{ court: Court; region: Region }[]> {
  // The unfiltered list is the one most asked for: prepared once, kept while the directory holds.
  if (!filter.level && !filter.q?.trim()) {
    const directory = await currentDirectory(db);
    if (!directory) return allCourtsQuery(db).execute();
    directory.all ??= await allCourtsQuery(db).execute();
    return directory.all;
  }
  const conditions: SQL[] = [];
  if (filter.level) conditions.push(eq(courts.level, filter.level));
  const q = filter.q?.trim();
  if (q) {
    // Accent- and case-insensitive match in any of the three languages.
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const match = (column: AnyPgColumn) => sql`unaccent(${column}) ilike unaccent(${pattern})`;
    conditions.push(or(match(courts.nameKk), match(courts.nameRu), match(courts.nameEn), eq(courts.code, q))!);
  }
  return db
    .select({ court: courts, region: regions })
    .from(courts)
    .innerJoin(regions, eq(regions.code, courts.regionCode))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(regions.sortOrder), asc(courts.level), asc(courts.nameEn));
}

type FinderEntry = CourtIndexEntry<FinderCourt & { row: { court: Court; region: Region } }>;

interface CourtFinderIndex {
  index: FinderEntry[];
  regions: Region[];
}

function finderIndex(rows: { court: Court; region: Region }[]): CourtFinderIndex {
  const regions = new Map<string, Region>();
  for (const { region } of rows) regions.set(region.code, region);
  const index = indexCourts(
    rows.map((row) => ({
      row,
      code: row.court.code,
      level: row.court.level,
      type: row.court.type,
      regionCode: row.region.code,
      caseKinds: row.court.caseKinds,
      names: [row.court.nameKk, row.court.nameRu, row.court.nameEn],
      places: [row.court.addressKk, row.court.addressRu, row.court.addressEn, row.region.nameKk, row.region.nameRu, row.region.nameEn],
    })),
  );
  return { index, regions: [...regions.values()] };
}

/** The directory with the finder's spelling keys, built once per directory version (`directory`, null when none is kept). */
async function courtFinderIndex(db: Db, directory: CachedDirectory | null): Promise<CourtFinderIndex> {
  if (!directory) return finderIndex(await allCourtsQuery(db).execute());
  directory.all ??= await allCourtsQuery(db).execute();
  directory.finder ??= finderIndex(directory.all);
  return directory.finder;
}

export interface CourtHit {
  court: Court;
  region: Region;
  hears: CourtHears[];
}

export interface CourtSearchResult {
  search: CourtSearch;
  /** The regions of the directory, in its order, for the region filter. */
  regions: Region[];
  /** At most COURT_RESULTS_MAX, best first. */
  items: CourtHit[];
  total: number;
  /** When nothing matched: the nearest courts, for "Did you mean …". */
  nearest: CourtHit[];
}

const hit = (e: FinderEntry): CourtHit => ({ court: e.court.row.court, region: e.court.row.region, hears: e.hears });

/** The regions of the courts directory, in its order. */
export async function courtRegions(db: Db): Promise<Region[]> {
  return (await courtFinderIndex(db, await currentDirectory(db))).regions;
}

/** The public court finder (src/domain/courtFinder.ts) over the cached directory. */
export async function searchCourts(db: Db, raw: RawCourtSearch): Promise<CourtSearchResult | { refused: CourtSearchRefusal; field: keyof RawCourtSearch; regions: Region[] }> {
  const directory = await currentDirectory(db);
  const { index, regions } = await courtFinderIndex(db, directory);
  const search = parseCourtSearch(raw, regions.map((r) => r.code));
  if ('refused' in search) return { ...search, regions };
  // Every court, the list most asked for, is one answer per directory version: a page may keep
  // what it renders from it as long as the answer is the same object.
  const everyCourt = asksForEveryCourt(search);
  if (everyCourt && directory?.everyCourt) return directory.everyCourt;
  const matches = findCourts(index, search);
  const nearest = matches.length === 0 && search.words.length > 0 ? nearestCourts(index, search) : [];
  const result = {
    search,
    regions,
    items: matches.slice(0, COURT_RESULTS_MAX).map((m) => hit(m.entry)),
    total: matches.length,
    nearest: nearest.map((m) => hit(m.entry)),
  };
  if (everyCourt && directory) directory.everyCourt = result;
  return result;
}

export interface CourtDetails {
  court: Court;
  region: Region;
  appealCourt: Court | null;
  /** Cassation courts for each kind of proceedings this court hears. */
  cassationCourts: Court[];
  lowerCourts: Court[];
}

const courtByCodeQuery = preparedFor((db: Db) => {
  const parent = alias(courts, 'parent');
  return db
    .select({ court: courts, region: regions, parent })
    .from(courts)
    .innerJoin(regions, eq(regions.code, courts.regionCode))
    .leftJoin(parent, eq(parent.id, courts.parentId))
    .where(eq(courts.code, sql.placeholder('code')))
    .prepare('court_by_code');
});

const lowerCourtsQuery = preparedFor((db: Db) => {
  const court = alias(courts, 'court');
  return db
    .select({ lower: courts })
    .from(courts)
    .innerJoin(court, eq(court.id, courts.parentId))
    .where(eq(court.code, sql.placeholder('code')))
    .orderBy(asc(courts.nameEn))
    .prepare('lower_courts_by_code');
});

/** Cassation courts for each kind of proceedings a first or appellate court hears. */
const cassationCourtsQuery = preparedFor((db: Db) => {
  const court = alias(courts, 'court');
  return db
    .select({ cassation: courts })
    .from(courts)
    .innerJoin(court, and(eq(court.code, sql.placeholder('code')), lt(court.level, 3), sql`${courts.caseKinds} && ${court.caseKinds}`))
    .where(eq(courts.level, 3))
    .orderBy(asc(courts.nameEn))
    .prepare('cassation_courts_by_code');
});

/**
 * The court, its region, and the courts its cases go to and come from. Every part is found by
 * the court's code, so the three statements run side by side in one round trip.
 */
export async function findCourtByCode(db: Db, code: string): Promise<CourtDetails | null> {
  const [[row], lower, cassation] = await Promise.all([
    courtByCodeQuery(db).execute({ code }),
    lowerCourtsQuery(db).execute({ code }),
    cassationCourtsQuery(db).execute({ code }),
  ]);
  if (!row) return null;
  return {
    court: row.court,
    region: row.region,
    appealCourt: row.parent,
    cassationCourts: cassation.map((r) => r.cassation),
    lowerCourts: lower.map((r) => r.lower),
  };
}

export interface ScheduledHearing {
  startsAt: Date;
  room: string | null;
  caseNumber: string;
  kind: CaseKind;
  category: string;
  closed: boolean;
}

/** The public hearing schedule of the court with this code, prepared once (see bench/baseline.ts, which runs the same SQL). */
const scheduleQuery = preparedFor((db: Db) =>
  db
    .select({
      startsAt: hearings.startsAt,
      room: hearings.room,
      caseNumber: cases.number,
      kind: cases.kind,
      category: cases.category,
      closed: cases.closedHearing,
    })
    .from(hearings)
    .innerJoin(cases, eq(cases.id, hearings.caseId))
    .where(
      and(
        // By the hearing's own court, as the hearing lists read it, and as one value rather than a
        // join: hearings_court_list_idx then gives the court's hearings in time order, and the
        // page stops at its limit instead of sorting every hearing of the days it covers.
        eq(hearings.courtId, sql`(select ${courts.id} from ${courts} where ${courts.code} = ${sql.placeholder('code')})`),
        // A hearing under way stays on the day's list until it is closed.
        inArray(hearings.status, ['scheduled', 'opened']),
        gte(hearings.startsAt, sql.placeholder('from')),
        lt(hearings.startsAt, sql.placeholder('until')),
        ne(cases.status, 'archived'),
        sql`${cases.number} is not null`,
      ),
    )
    .orderBy(asc(hearings.startsAt))
    .limit(200)
    .prepare('court_schedule'),
);

/** The schedule's statement and the values it runs with, so a test can EXPLAIN the very statement. */
export function courtScheduleStatement(db: Db, courtCode: string, from: Date, days: number) {
  return { query: scheduleQuery(db), values: { code: courtCode, from, until: new Date(from.getTime() + days * 86_400_000) } };
}

/** The public hearing schedule: case number, time, room and category; never the parties. */
export async function courtSchedule(db: Db, courtCode: string, from: Date, days: number): Promise<ScheduledHearing[]> {
  const { query, values } = courtScheduleStatement(db, courtCode, from, days);
  const rows = await query.execute(values);
  return rows.map((r) => ({ ...r, caseNumber: r.caseNumber! }));
}

/**
 * A court's page: the court with its routes (from the cached directory while it holds) and its
 * hearing schedule, side by side in one round trip.
 */
export async function courtPage(db: Db, code: string, from: Date, days: number): Promise<{ details: CourtDetails; schedule: ScheduledHearing[] } | null> {
  const [directory, schedule] = await Promise.all([currentDirectory(db), courtSchedule(db, code, from, days)]);
  let details = directory?.byCode.get(code) ?? null;
  if (!details) {
    details = await findCourtByCode(db, code);
    // Only courts that exist are kept, so the map holds at most the directory.
    if (details && directory) directory.byCode.set(code, details);
  }
  return details ? { details, schedule } : null;
}
