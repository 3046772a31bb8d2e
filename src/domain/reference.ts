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
