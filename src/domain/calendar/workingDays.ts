import type { CalendarRow, IsoDay } from './holidays.ts';

export type { IsoDay } from './holidays.ts';

/**
 * A day in a year the calendar has no rows for. Guessing would silently move deadlines, so the
 * caller must fail loudly until an operator enters the year's holidays.
 */
export class CalendarMissingError extends Error {
  constructor(readonly year: number) {
    super(`No court calendar for ${year}: enter its holidays on /admin/reference or with 'sot reference calendar add'`);
    this.name = 'CalendarMissingError';
  }
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01; day arithmetic in UTC so no time zone or DST can shift a date. */
function dayNumber(day: IsoDay): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  if (Number.isNaN(ms) || fromDayNumber(ms / DAY_MS) !== day) throw new RangeError(`Not a calendar day: ${day}`);
  return ms / DAY_MS;
}

function fromDayNumber(n: number): IsoDay {
  return new Date(n * DAY_MS).toISOString().slice(0, 10) as IsoDay;
}

/** True for `YYYY-MM-DD` naming a day that exists. */
export function isCalendarDay(value: string): value is IsoDay {
  try {
    dayNumber(value as IsoDay);
    return true;
  } catch {
    return false;
  }
}

function isWeekendNumber(n: number): boolean {
  const weekday = new Date(n * DAY_MS).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** Saturday or Sunday, whatever the calendar moves (a transferred working day is still a weekend day). */
export function isWeekend(day: IsoDay): boolean {
  return isWeekendNumber(dayNumber(day));
}

export function addCalendarDays(from: IsoDay, n: number): IsoDay {
  return fromDayNumber(dayNumber(from) + n);
}

/** Same day of the month `n` months later; a day the month lacks becomes its last day (31 Jan + 1 month = 28 Feb). */
export function addCalendarMonths(from: IsoDay, n: number): IsoDay {
  if (!Number.isInteger(n)) throw new RangeError(`Months must be a whole number: ${n}`);
  dayNumber(from);
  const [year, month, day] = from.split('-').map(Number) as [number, number, number];
  const monthIndex = year * 12 + (month - 1) + n;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  return fromDayNumber(Date.UTC(targetYear, targetMonth, Math.min(day, lastDay)) / DAY_MS);
}

/**
 * Law on holidays: a holiday on a Saturday or Sunday gives a day off on the next working day
 * after the holiday, religious holidays excepted (Labour Code Art. 84(5)). Holidays are taken in
 * date order, so Nauryz 2026 (Saturday 21 – Monday 23 March) gives 24 and 25 March rather than
 * two claims on the 24th.
 */
export function weekendTransfers(rows: readonly CalendarRow[]): CalendarRow[] {
  const taken = new Set(rows.filter((row) => row.kind !== 'working_day_transfer').map((row) => row.date));
  const transfers: CalendarRow[] = [];
  for (const row of [...rows].sort((a, b) => a.date.localeCompare(b.date))) {
    if (row.kind !== 'holiday' || row.religious || !isWeekend(row.date)) continue;
    let n = dayNumber(row.date) + 1;
    while (isWeekendNumber(n) || taken.has(fromDayNumber(n))) n++;
    const date = fromDayNumber(n);
    taken.add(date);
    transfers.push({ date, kind: 'day_off_transfer', name: row.name, derived: true });
  }
  return transfers;
}

/**
 * The court calendar: which days are working days, from the rows an operator maintains. A year
 * is known once it has at least one holiday (every year has New Year); a question about any
 * other year throws `CalendarMissingError` rather than guess.
 */
export interface CourtCalendar {
  /** The years with holidays entered, ascending. */
  readonly years: readonly number[];
  hasYear(year: number): boolean;
  /** Every stored and derived row of a year, in date order: what the court's calendar shows. */
  year(year: number): CalendarRow[];
  isWorkingDay(day: IsoDay): boolean;
  nextWorkingDayOnOrAfter(day: IsoDay): IsoDay;
  /**
   * The `n`th working day after `from`: counting starts the next day, as procedural terms begin
   * the day after the event that starts them, and only working days count. `n = 0` gives `from`
   * itself when it is a working day, else the next one.
   */
  addWorkingDays(from: IsoDay, n: number): IsoDay;
}

export function courtCalendar(rows: readonly CalendarRow[]): CourtCalendar {
  const byYear = new Map<number, CalendarRow[]>();
  for (const row of rows) {
    const year = Number(row.date.slice(0, 4));
    byYear.set(year, [...(byYear.get(year) ?? []), row]);
  }
  const years = [...byYear.keys()].filter((year) => byYear.get(year)!.some((row) => row.kind === 'holiday')).sort((a, b) => a - b);
  // A derived day off may fall in the next year, so the map spans all years.
  const dayKinds = new Map<IsoDay, CalendarRow['kind']>();
  for (const yearRows of byYear.values()) {
    for (const row of [...weekendTransfers(yearRows), ...yearRows]) dayKinds.set(row.date, row.kind);
  }
  const hasYear = (year: number) => years.includes(year);

  const isWorkingDay = (day: IsoDay): boolean => {
    const n = dayNumber(day);
    const year = Number(day.slice(0, 4));
    if (!hasYear(year)) throw new CalendarMissingError(year);
    const kind = dayKinds.get(day);
    if (kind === 'working_day_transfer') return true;
    if (kind === 'holiday' || kind === 'day_off_transfer') return false;
    return !isWeekendNumber(n);
  };
  const nextWorkingDayOnOrAfter = (day: IsoDay): IsoDay => {
    let current = day;
    while (!isWorkingDay(current)) current = addCalendarDays(current, 1);
    return current;
  };
  return {
    years,
    hasYear,
    year(year) {
      const yearRows = byYear.get(year);
      if (!yearRows || !hasYear(year)) throw new CalendarMissingError(year);
      return [...yearRows, ...weekendTransfers(yearRows)].sort((a, b) => a.date.localeCompare(b.date));
    },
    isWorkingDay,
    nextWorkingDayOnOrAfter,
    addWorkingDays(from, n) {
      if (!Number.isInteger(n) || n < 0) throw new RangeError(`Working days must be a whole number ≥ 0: ${n}`);
      if (n === 0) return nextWorkingDayOnOrAfter(from);
      let day = from;
      for (let counted = 0; counted < n; ) {
        day = addCalendarDays(day, 1);
        if (isWorkingDay(day)) counted++;
      }
      return day;
    },
  };
}
