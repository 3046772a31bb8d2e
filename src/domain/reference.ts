import { INITIAL_CALENDAR } from './calendar/holidays.ts';
import { courtCalendar, type CourtCalendar } from './calendar/workingDays.ts';
import { INITIAL_MCI, type MciYear } from './duty/rates.ts';
import { INITIAL_THRESHOLDS, type ThresholdRow } from './thresholds.ts';

/**
 * The values of the law that change by act rather than by code: each year's MCI, the court
 * calendar, dated thresholds. Operators maintain them in the database; rules take them as a
 * value, so every instance computes with what was entered, and a missing year is refused.
 */
export interface Reference {
  mci: readonly MciYear[];
  calendar: CourtCalendar;
  thresholds: readonly ThresholdRow[];
}

/** The values Sot ships with: the first content of the reference tables, and the rules' tests' data. */
export function initialReference(): Reference {
  return {
    mci: INITIAL_MCI,
    calendar: courtCalendar(Object.values(INITIAL_CALENDAR).flat()),
    thresholds: INITIAL_THRESHOLDS,
  };
}

/** A value the rules will need and no operator has entered. */
export interface ReferenceGap {
  kind: 'mci' | 'calendar';
  year: number;
}

/** Administrators are warned from this day of the year (1 November) about the next year. */
export const WARN_FROM_MONTH_DAY = '11-01';

/**
 * What is missing now: this year's MCI or calendar at any time, and next year's from 1 November,
 * the weeks in which the budget law and the transfer of days off are published.
 */
export function referenceGaps(reference: Reference, today: string): ReferenceGap[] {
  const year = Number(today.slice(0, 4));
  const years = today.slice(5) >= WARN_FROM_MONTH_DAY ? [year, year + 1] : [year];
  return years.flatMap((y) => [
    ...(reference.mci.some((row) => row.year === y) ? [] : [{ kind: 'mci' as const, year: y }]),
    ...(reference.calendar.hasYear(y) ? [] : [{ kind: 'calendar' as const, year: y }]),
  ]);
}
