import { and, desc, eq } from 'drizzle-orm';
import { closeHearing, openHearing } from '../../src/commands/hearingLifecycle.ts';
import type { Db } from '../../src/db/client.ts';
import { hearings } from '../../src/db/schema/index.ts';
import { courtInstant } from '../../src/domain/hearingSlots.ts';
import type { Principal } from '../../src/policies/principal.ts';
import { workingDayAhead } from './workingDays.ts';

/** The n-th working day after today in the court calendar Sot ships, at a Kazakhstan wall-clock time. */
export function workingDayAt(n: number, time: string): Date {
  return courtInstant(workingDayAhead(n), time)!;
}

/**
 * Brings the case's scheduled hearing to its day and opens it through the command, as the judge
 * does in the courtroom: a decision or a resolution is issued only at a hearing opened that day.
 * Tests schedule hearings in the future (scheduling refuses the past), so the hearing's time is
 * moved to `now` first — the day has come. Returns the hearing's id.
 */
export async function openHearingNow(db: Db, principal: Principal, caseId: string, now: Date): Promise<string> {
  const [hearing] = await db
    .select({ id: hearings.id })
    .from(hearings)
    .where(and(eq(hearings.caseId, caseId), eq(hearings.status, 'scheduled')))
    .orderBy(desc(hearings.startsAt))
    .limit(1);
  if (!hearing) throw new Error('the case has no scheduled hearing to open');
  await db.update(hearings).set({ startsAt: now }).where(eq(hearings.id, hearing.id));
  await openHearing(db, principal, hearing.id, now);
  return hearing.id;
}

/** Opens the case's hearing today and closes it as held. */
export async function holdHearingNow(db: Db, principal: Principal, caseId: string, now: Date): Promise<string> {
  const id = await openHearingNow(db, principal, caseId, now);
  await closeHearing(db, principal, id, { outcome: 'held' }, now);
  return id;
}
