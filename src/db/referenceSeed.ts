import { INITIAL_CALENDAR } from '../domain/calendar/holidays.ts';
import { INITIAL_MCI } from '../domain/duty/rates.ts';
import { INITIAL_THRESHOLDS } from '../domain/thresholds.ts';
import { appendAudit } from './audit.ts';
import type { Db } from './client.ts';
import { referenceCalendarDays, referenceMci, referenceState, referenceThresholds } from './schema/index.ts';

/**
 * Fills the reference tables once, with the values Sot ships, the first time a database is
 * migrated. From then on they are the operators': a later start never puts back a row an
 * operator removed or changed.
 */
export async function seedReferenceOnce(db: Db, now: Date = new Date()): Promise<boolean> {
  return db.transaction(async (tx) => {
    const created = await tx.insert(referenceState).values({ id: 1, seededAt: now }).onConflictDoNothing().returning({ id: referenceState.id });
    if (created.length === 0) return false;
    await tx.insert(referenceMci).values(INITIAL_MCI.map((row) => ({ ...row, enteredAt: now })));
    const days = Object.values(INITIAL_CALENDAR).flat();
    await tx.insert(referenceCalendarDays).values(
      days.map((row) => ({ day: row.date, kind: row.kind, name: row.name, religious: row.religious ?? false, basis: row.basis ?? '', enteredAt: now })),
    );
    await tx.insert(referenceThresholds).values(
      INITIAL_THRESHOLDS.map((row) => ({ key: row.key, claimantType: row.claimantType, mci: row.mci, validFrom: row.from, validTo: row.to ?? null, basis: row.basis, enteredAt: now })),
    );
    await appendAudit(
      tx,
      { actorId: null, action: 'reference.seeded', entityType: 'reference', entityId: 'initial', data: { mciYears: INITIAL_MCI.map((row) => row.year), calendarDays: days.length, thresholds: INITIAL_THRESHOLDS.length } },
      now,
    );
    return true;
  });
}
