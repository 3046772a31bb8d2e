import type { IsoDay } from './calendar/holidays.ts';
import { addCalendarDays, CalendarMissingError, isWeekend, type CourtCalendar } from './calendar/workingDays.ts';

/**
 * When a hearing may be held: in the future, on a working day of the court calendar, within the
 * court's working hours. Conflicts with other hearings need the database and are checked by the
 * command under a lock; this is the part that needs nothing but the clock and the calendar.
 */

/** Kazakhstan has been on UTC+5 everywhere since 1 March 2024, with no daylight saving. */
const COURT_OFFSET = '+05:00';
export const COURT_DAY_STARTS = 9 * 60;
export const COURT_DAY_ENDS = 18 * 60 + 30;
export const MIN_MINUTES = 15;
export const MAX_MINUTES = 480;

export type SlotRefusal = 'hearing_time_invalid' | 'hearing_in_past' | 'hearing_not_working_day' | 'hearing_outside_hours' | 'hearing_duration_invalid' | 'calendar_missing';

/** The instant of a court date and a wall-clock time (`HH:MM`) in Kazakhstan, or null if either is malformed. */
export function courtInstant(day: string, time: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) return null;
  const instant = new Date(`${day}T${time}:00${COURT_OFFSET}`);
  // 2026-02-30 parses to 2 March in some engines; refuse a day that does not exist.
  return Number.isNaN(instant.getTime()) || courtDay(instant) !== day ? null : instant;
}

export function courtDay(instant: Date): IsoDay {
  return new Date(instant.getTime() + 5 * 3_600_000).toISOString().slice(0, 10) as IsoDay;
}

function minuteOfDay(instant: Date): number {
  const shifted = new Date(instant.getTime() + 5 * 3_600_000);
  return shifted.getUTCHours() * 60 + shifted.getUTCMinutes();
}

export function slotRefusal(startsAt: Date, durationMinutes: number, now: Date, calendar: CourtCalendar): SlotRefusal | null {
  if (!Number.isInteger(durationMinutes) || durationMinutes < MIN_MINUTES || durationMinutes > MAX_MINUTES) return 'hearing_duration_invalid';
  if (startsAt.getTime() <= now.getTime()) return 'hearing_in_past';
  try {
    if (!calendar.isWorkingDay(courtDay(startsAt))) return 'hearing_not_working_day';
  } catch (error) {
    if (error instanceof CalendarMissingError) return 'calendar_missing';
    throw error;
  }
  const start = minuteOfDay(startsAt);
  if (start < COURT_DAY_STARTS || start + durationMinutes > COURT_DAY_ENDS) return 'hearing_outside_hours';
  return null;
}

/** The start times a judge picks from: every half hour of the court day that leaves room for the shortest hearing. */
export function hearingTimes(stepMinutes = 30): string[] {
  const times: string[] = [];
  for (let minute = COURT_DAY_STARTS; minute + MIN_MINUTES <= COURT_DAY_ENDS; minute += stepMinutes) {
    times.push(`${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`);
  }
  return times;
}

/**
 * A day to show in a hint as an example of a hearing's date: two weeks ahead, on a working day
 * of the calendar when one is given (else a weekday), so the example is one the court would accept.
 */
export function exampleHearingDay(today: IsoDay, calendar?: CourtCalendar): IsoDay {
  let day = addCalendarDays(today, 14);
  try {
    if (calendar) return calendar.nextWorkingDayOnOrAfter(day);
  } catch (error) {
    if (!(error instanceof CalendarMissingError)) throw error;
  }
  while (isWeekend(day)) day = addCalendarDays(day, 1);
  return day;
}

/** Two hearings overlap when each starts before the other ends; back-to-back hearings do not. */
export function overlaps(a: { startsAt: Date; durationMinutes: number }, b: { startsAt: Date; durationMinutes: number }): boolean {
  const end = (h: { startsAt: Date; durationMinutes: number }) => h.startsAt.getTime() + h.durationMinutes * 60_000;
  return a.startsAt.getTime() < end(b) && b.startsAt.getTime() < end(a);
}

/** A video-conference link: an https address, nothing a browser would run. */
export function isVideoLink(value: string): boolean {
  if (value.length > 500) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.includes('.') && !url.username && !url.password;
  } catch {
    return false;
  }
}
