import { CALENDAR, type CalendarRow, type IsoDay } from './holidays.ts';

export type { IsoDay } from './holidays.ts';

/**
 * A day in a year the calendar has no rows for. Guessing would silently move deadlines, so the
 * caller must fail loudly until the year's holidays are added.
 */
export class CalendarMissingError extends Error {
  constructor(readonly year: number) {
    super(`No court calendar for ${year}: add its holidays and swaps to src/domain/calendar/holidays.ts`);
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

function isWeekend(n: number): boolean {
  const weekday = new Date(n * DAY_MS).getUTCDay();
  return weekday === 0 || weekday === 6;
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
 * Labour Code rule: a holiday on a Saturday or Sunday gives a day off on the next working day
 * after the holiday, religious holidays excepted. Holidays are taken in date order, so Nauryz 2026
 * (Saturday 21 – Monday 23 March) gives 24 and 25 March rather than two claims on the 24th.
 */
export function weekendTransfers(rows: readonly CalendarRow[]): CalendarRow[] {
  const taken = new Set(rows.filter((row) => row.kind !== 'working_day_transfer').map((row) => row.date));
  const transfers: CalendarRow[] = [];
  for (const row of [...rows].sort((a, b) => a.date.localeCompare(b.date))) {
    if (row.kind !== 'holiday' || row.religious || !isWeekend(dayNumber(row.date))) continue;
    let n = dayNumber(row.date) + 1;
    while (isWeekend(n) || taken.has(fromDayNumber(n))) n++;
    const date = fromDayNumber(n);
    taken.add(date);
    transfers.push({ date, kind: 'day_off_transfer', name: row.name });
  }
  return transfers;
}

let dayKinds: Map<IsoDay, CalendarRow['kind']> | undefined;

/** Every stored or derived row by day; a derived day off may fall in the next year, so the map spans all years. */
function calendarDays(): Map<IsoDay, CalendarRow['kind']> {
  if (!dayKinds) {
    dayKinds = new Map();
    for (const rows of Object.values(CALENDAR)) {
      for (const row of [...rows, ...weekendTransfers(rows)]) dayKinds.set(row.date, row.kind);
    }
  }
  return dayKinds;
}

/** Every stored and derived row of a year, in date order: what the court's calendar shows. */
export function calendarYear(year: number): CalendarRow[] {
  const rows = CALENDAR[year];
  if (!rows) throw new CalendarMissingError(year);
  return [...rows, ...weekendTransfers(rows)].sort((a, b) => a.date.localeCompare(b.date));
}

export function isWorkingDay(day: IsoDay): boolean {
  const n = dayNumber(day);
  const year = Number(day.slice(0, 4));
  if (!CALENDAR[year]) throw new CalendarMissingError(year);
  const kind = calendarDays().get(day);
  if (kind === 'working_day_transfer') return true;
  if (kind === 'holiday' || kind === 'day_off_transfer') return false;
  return !isWeekend(n);
}

export function nextWorkingDayOnOrAfter(day: IsoDay): IsoDay {
  let current = day;
  while (!isWorkingDay(current)) current = addCalendarDays(current, 1);
  return current;
}

/**
 * The `n`th working day after `from`: counting starts the next day, as procedural terms begin the
 * day after the event that starts them, and only working days count. `n = 0` gives `from` itself
 * when it is a working day, else the next one.
 */
export function addWorkingDays(from: IsoDay, n: number): IsoDay {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Working days must be a whole number ≥ 0: ${n}`);
  if (n === 0) return nextWorkingDayOnOrAfter(from);
  let day = from;
  for (let counted = 0; counted < n; ) {
    day = addCalendarDays(day, 1);
    if (isWorkingDay(day)) counted++;
  }
  return day;
}
