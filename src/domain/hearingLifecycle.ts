import type { HearingOfTheDay } from './courtActs.ts';
import { courtDay } from './hearingSlots.ts';

/**
 * A hearing is scheduled, may be postponed before its day, is opened by the judge on its day and
 * closed as held, adjourned (отложено, usually to a new hearing) or not held (a party absent,
 * the judge ill); `cancelled` is kept for rows written before the lifecycle.
 */
export const HEARING_STATUSES = ['scheduled', 'opened', 'held', 'adjourned', 'not_held', 'postponed', 'cancelled'] as const;
export type HearingStatus = (typeof HEARING_STATUSES)[number];
export const HEARING_OUTCOMES = ['held', 'adjourned', 'not_held'] as const;
export type HearingOutcome = (typeof HEARING_OUTCOMES)[number];

/**
 * A hearing's day in court: the judge opens it on its day, not long before its time, and closes
 * it as held, adjourned or not held. Which hearing a decision may be announced at follows from
 * the same rows. The database parts (locks, the case's status) are the command's.
 */

/** How early before its time a hearing may be opened: the parties are in the room, the judge is ready. */
export const OPEN_EARLY_MINUTES = 15;

export type OpeningRefusal = 'hearing_not_today' | 'hearing_too_early';

/** Why a scheduled hearing may not be opened at `now`, or null when it may. */
export function openingRefusal(startsAt: Date, now: Date): OpeningRefusal | null {
  if (courtDay(startsAt) !== courtDay(now)) return 'hearing_not_today';
  if (now.getTime() < startsAt.getTime() - OPEN_EARLY_MINUTES * 60_000) return 'hearing_too_early';
  return null;
}

/**
 * The hearing of the court day of `now` at which an act may be announced: one opened that day and
 * still open, or one closed as held. Adjourned, not held and merely scheduled hearings do not count.
 */
export function hearingOfTheDay(hearings: readonly { startsAt: Date; status: string; openedAt: Date | null }[], now: Date): HearingOfTheDay {
  const day = courtDay(now);
  const today = hearings.filter((h) => h.openedAt && courtDay(h.openedAt) === day);
  if (today.some((h) => h.status === 'opened')) return 'open';
  if (today.some((h) => h.status === 'held')) return 'held';
  return 'none';
}
