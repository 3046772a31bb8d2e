import { asc, eq } from 'drizzle-orm';
import { referenceCalendarDays, referenceMci, referenceState, referenceThresholds } from '../db/schema/index.ts';
import type { Executor } from '../db/tx.ts';
import type { CalendarRow, CalendarRowKind, IsoDay } from '../domain/calendar/holidays.ts';
import { courtCalendar } from '../domain/calendar/workingDays.ts';
import type { ClaimantType } from '../domain/filingTypes.ts';
import { referenceGaps, type Reference, type ReferenceGap } from '../domain/reference.ts';
import { courtDateIso } from '../i18n/format.ts';
import type { ThresholdKey, ThresholdRow } from '../domain/thresholds.ts';
import type { IsoDate } from '../domain/duty/rates.ts';

/**
 * The reference values in force, as the rules take them. Each instance keeps the last values it
 * read per database and version; one read of the one-row state table tells it whether another
 * instance (or the command line) changed them since, so a change applies everywhere at once.
 */
const cache = new Map<string, { version: number; reference: Reference }>();

export async function loadReference(db: Executor): Promise<Reference> {
  const [state] = await db.select({ databaseId: referenceState.databaseId, version: referenceState.version }).from(referenceState).where(eq(referenceState.id, 1));
  if (!state) throw new Error('Reference values are not seeded: run the migrations (sot migrate)');
  const cached = cache.get(state.databaseId);
  if (cached && cached.version === state.version) return cached.reference;
  const reference = await readReference(db);
  cache.set(state.databaseId, { version: state.version, reference });
  return reference;
}

async function readReference(db: Executor): Promise<Reference> {
  // One after another: inside a transaction the executor is one connection.
  const mci = await db.select({ year: referenceMci.year, tenge: referenceMci.tenge, basis: referenceMci.basis }).from(referenceMci).orderBy(asc(referenceMci.year));
  const days = await db.select().from(referenceCalendarDays).orderBy(asc(referenceCalendarDays.day));
  const thresholds = await db.select().from(referenceThresholds).orderBy(asc(referenceThresholds.key), asc(referenceThresholds.validFrom));
  return {
    mci,
    calendar: courtCalendar(days.map(calendarRowOf)),
    thresholds: thresholds.map(
      (row): ThresholdRow => ({
        key: row.key as ThresholdKey,
        claimantType: row.claimantType as ClaimantType,
        mci: row.mci,
        from: row.validFrom as IsoDate,
        ...(row.validTo ? { to: row.validTo as IsoDate } : {}),
        basis: row.basis,
      }),
    ),
  };
}

function calendarRowOf(row: typeof referenceCalendarDays.$inferSelect): CalendarRow {
  return {
    date: row.day as IsoDay,
    kind: row.kind as CalendarRowKind,
    name: row.name,
    basis: row.basis,
    ...(row.religious ? { religious: true } : {}),
  };
}

/**
 * The values of the law missing at `at` (this year's, and next year's from 1 November): what the
 * administrators' banner, `/health?details=1`, the daily log warning and `sot reference check` say.
 */
export async function referenceGapsAt(db: Executor, at: Date): Promise<ReferenceGap[]> {
  return referenceGaps(await loadReference(db), courtDateIso(at));
}
