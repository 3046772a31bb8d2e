import type { IsoDay } from '../../src/domain/calendar/holidays.ts';
import { courtDateIso } from '../../src/domain/courtTime.ts';
import { initialReference } from '../../src/domain/reference.ts';

/** The `n`th working day after `from`'s day in Kazakhstan, in the court calendar Sot ships. */
export function workingDayAhead(n: number, from: Date = new Date()): IsoDay {
  return initialReference().calendar.addWorkingDays(courtDateIso(from) as IsoDay, n);
}
