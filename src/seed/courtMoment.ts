import type { IsoDay } from '../domain/calendar/holidays.ts';
import { addCalendarDays, type CourtCalendar } from '../domain/calendar/workingDays.ts';
import { courtInstant } from '../domain/hearingSlots.ts';
import { courtDateIso } from '../i18n/format.ts';

/**
 * A moment a court acts at: `at` itself on a working day within court hours; otherwise the
 * afternoon of the working day before it (or, `forward`, the morning of the one after), so a
 * step of the demo never falls on a weekend or at night.
 */
export function courtMoment(at: Date, calendar: CourtCalendar, direction: 'back' | 'forward' = 'back'): Date {
  let day = courtDateIso(at) as IsoDay;
  const shifted = new Date(at.getTime() + 5 * 3_600_000);
  const minute = shifted.getUTCHours() * 60 + shifted.getUTCMinutes();
  if (calendar.isWorkingDay(day) && minute >= 9 * 60 + 30 && minute <= 17 * 60 + 30) return at;
  const step = direction === 'back' ? -1 : 1;
  // After hours on a working day, going back: the same afternoon.
  if (!(direction === 'back' && calendar.isWorkingDay(day) && minute > 17 * 60 + 30)) {
    do day = addCalendarDays(day, step);
    while (!calendar.isWorkingDay(day));
  }
  // The minute of the hour is kept, so steps moved to one day stay apart and in order.
  const hour = direction === 'back' ? 16 : 10;
  return courtInstant(day, `${hour}:${String(minute % 60).padStart(2, '0')}`)!;
}

