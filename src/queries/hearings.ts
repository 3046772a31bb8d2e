import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { hearings } from '../db/schema/index.ts';

/** The case a hearing belongs to, for the judge's forms about it; null when there is no such hearing. */
export async function caseIdOfHearing(db: Db, hearingId: string): Promise<string | null> {
  const [hearing] = await db.select({ caseId: hearings.caseId }).from(hearings).where(eq(hearings.id, hearingId));
  return hearing?.caseId ?? null;
}

/** Where and for how long a hearing sits: an adjourned hearing's next one keeps them. */
export async function hearingPlace(db: Db, hearingId: string) {
  const [place] = await db.select({ room: hearings.room, videoLink: hearings.videoLink, durationMinutes: hearings.durationMinutes }).from(hearings).where(eq(hearings.id, hearingId));
  return place ?? null;
}
