import { asc, desc, eq, getTableColumns } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { auditLog, referenceMci, referenceThresholds, users } from '../db/schema/index.ts';
import type { CalendarRow } from '../domain/calendar/holidays.ts';
import { referenceGaps, type ReferenceGap } from '../domain/reference.ts';
import { loadReference } from './reference.ts';

export interface EnteredBy {
  /** Null for the values Sot shipped with, or an operator at the console. */
  name: string | null;
  at: Date;
}

export interface ReferenceOverview {
  gaps: ReferenceGap[];
  mci: { year: number; tenge: number; basis: string; entered: EnteredBy }[];
  calendarYears: readonly number[];
  /** The year shown, its stored and derived days in date order; null when the year has no holidays entered. */
  calendar: { year: number; days: CalendarRow[] | null };
  thresholds: { key: string; claimantType: string; mci: number; from: string; to: string | null; basis: string; entered: EnteredBy }[];
  changes: { at: Date; action: string; entityId: string; by: string | null; basis: string | null }[];
}

/** Everything the administrators' reference page shows, for the year of the calendar asked for. */
export async function referenceOverview(db: Db, calendarYear: number, today: string): Promise<ReferenceOverview> {
  const reference = await loadReference(db);
  const mci = await db.select({ ...getTableColumns(referenceMci), name: users.fullName }).from(referenceMci).leftJoin(users, eq(users.id, referenceMci.enteredBy)).orderBy(desc(referenceMci.year));
  const thresholds = await db
    .select({ ...getTableColumns(referenceThresholds), name: users.fullName })
    .from(referenceThresholds)
    .leftJoin(users, eq(users.id, referenceThresholds.enteredBy))
    .orderBy(asc(referenceThresholds.key), asc(referenceThresholds.claimantType), desc(referenceThresholds.validFrom));
  const changes = await db
    .select({ at: auditLog.occurredAt, action: auditLog.action, entityId: auditLog.entityId, data: auditLog.data, name: users.fullName })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(eq(auditLog.entityType, 'reference'))
    .orderBy(desc(auditLog.id))
    .limit(20);
  return {
    gaps: referenceGaps(reference, today),
    mci: mci.map((row) => ({ year: row.year, tenge: row.tenge, basis: row.basis, entered: { name: row.name, at: row.enteredAt } })),
    calendarYears: reference.calendar.years,
    calendar: { year: calendarYear, days: reference.calendar.hasYear(calendarYear) ? reference.calendar.year(calendarYear) : null },
    thresholds: thresholds.map((row) => ({ key: row.key, claimantType: row.claimantType, mci: row.mci, from: row.validFrom, to: row.validTo, basis: row.basis, entered: { name: row.name, at: row.enteredAt } })),
    changes: changes.map((row) => ({ at: row.at, action: row.action, entityId: row.entityId, by: row.name, basis: typeof row.data['basis'] === 'string' ? row.data['basis'] : null })),
  };
}
