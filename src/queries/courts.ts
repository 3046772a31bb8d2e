import { and, asc, eq, gte, inArray, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.ts';
import { cases, courts, hearings, regions } from '../db/schema/index.ts';
import type { CaseKind } from '../domain/caseKinds.ts';

export type Court = typeof courts.$inferSelect;
export type Region = typeof regions.$inferSelect;

export interface CourtFilter {
  q?: string | undefined;
  level?: number | undefined;
}

/** Courts with their region, ordered as people look for them: region, then level, then name. */
export async function listCourts(db: Db, filter: CourtFilter = {}): Promise<{ court: Court; region: Region }[]> {
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

export interface CourtDetails {
  court: Court;
  region: Region;
  appealCourt: Court | null;
  /** Cassation courts for each kind of proceedings this court hears. */
  cassationCourts: Court[];
  lowerCourts: Court[];
}

export async function findCourtByCode(db: Db, code: string): Promise<CourtDetails | null> {
  const parent = alias(courts, 'parent');
  const [row] = await db
    .select({ court: courts, region: regions, parent })
    .from(courts)
    .innerJoin(regions, eq(regions.code, courts.regionCode))
    .leftJoin(parent, eq(parent.id, courts.parentId))
    .where(eq(courts.code, code));
  if (!row) return null;
  const [lowerCourts, cassationCourts] = await Promise.all([
    db.select().from(courts).where(eq(courts.parentId, row.court.id)).orderBy(asc(courts.nameEn)),
    row.court.level < 3 ? cassationCourtsFor(db, row.court.caseKinds as CaseKind[]) : Promise.resolve([]),
  ]);
  return { court: row.court, region: row.region, appealCourt: row.parent, cassationCourts, lowerCourts };
}

async function cassationCourtsFor(db: Db, kinds: CaseKind[]): Promise<Court[]> {
  if (kinds.length === 0) return [];
  return db
    .select()
    .from(courts)
    .where(and(eq(courts.level, 3), sql`${courts.caseKinds} && ${sql.param(kinds)}::text[]`))
    .orderBy(asc(courts.nameEn));
}

export interface ScheduledHearing {
  startsAt: Date;
  room: string | null;
  caseNumber: string;
  kind: CaseKind;
  category: string;
  closed: boolean;
}

/** The public hearing schedule: case number, time, room and category; never the parties. */
export async function courtSchedule(db: Db, courtId: string, from: Date, days: number): Promise<ScheduledHearing[]> {
  const until = new Date(from.getTime() + days * 86_400_000);
  const rows = await db
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
        eq(cases.courtId, courtId),
        // A hearing under way stays on the day's list until it is closed.
        inArray(hearings.status, ['scheduled', 'opened']),
        gte(hearings.startsAt, from),
        lt(hearings.startsAt, until),
        ne(cases.status, 'archived'),
        sql`${cases.number} is not null`,
      ),
    )
    .orderBy(asc(hearings.startsAt))
    .limit(200);
  return rows.map((r) => ({ ...r, caseNumber: r.caseNumber! }));
}
