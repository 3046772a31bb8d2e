/**
 * Kazakhstan's public holidays and day swaps as data, one list per year, so that a new year or a
 * changed law is a change of rows (Law "On holidays in the Republic of Kazakhstan" of 13 December
 * 2001 No. 267-II, and the Labour Code).
 *
 * Only holidays and ministry-ordered swaps are stored. The automatic Labour Code rule — a holiday
 * that falls on a Saturday or Sunday gives a day off on the next working day, except religious
 * holidays — is applied by code in workingDays.ts, so a row here never duplicates a derived day.
 */

/** A calendar day in Kazakhstan (the court's calendar, Asia/Almaty), `YYYY-MM-DD`. */
export type IsoDay = `${number}-${number}-${number}`;

export type CalendarRowKind =
  /** A public holiday: never a working day. */
  | 'holiday'
  /** A weekday made a day off, in exchange for a holiday on a weekend or by ministry order. */
  | 'day_off_transfer'
  /** A Saturday or Sunday made a working day by ministry order. */
  | 'working_day_transfer';

export interface CalendarRow {
  date: IsoDay;
  kind: CalendarRowKind;
  /** A message key: `calendar.holiday.<name>`. */
  name: string;
  /** Religious holidays (Orthodox Christmas, Kurban Ait) are never moved off a weekend. */
  religious?: boolean;
}

const holiday = (date: IsoDay, name: string, religious?: true): CalendarRow =>
  religious ? { date, kind: 'holiday', name, religious } : { date, kind: 'holiday', name };

export const CALENDAR: Readonly<Record<number, readonly CalendarRow[]>> = {
  2025: [
    holiday('2025-01-01', 'new_year'),
    holiday('2025-01-02', 'new_year'),
    holiday('2025-01-07', 'orthodox_christmas', true),
    holiday('2025-03-08', 'womens_day'),
    holiday('2025-03-21', 'nauryz'),
    holiday('2025-03-22', 'nauryz'),
    holiday('2025-03-23', 'nauryz'),
    holiday('2025-05-01', 'unity_day'),
    holiday('2025-05-07', 'defender_day'),
    holiday('2025-05-09', 'victory_day'),
    holiday('2025-06-06', 'kurban_ait', true),
    holiday('2025-07-06', 'capital_day'),
    holiday('2025-08-30', 'constitution_day'),
    holiday('2025-10-25', 'republic_day'),
    holiday('2025-12-16', 'independence_day'),
    // Ministry swaps (working Saturdays) for 2025 are not listed: none has been checked against
    // the government's resolution yet. Add them here, as a 'working_day_transfer' row and its
    // 'day_off_transfer' row, once verified.
  ],
  2026: [
    holiday('2026-01-01', 'new_year'),
    holiday('2026-01-02', 'new_year'),
    holiday('2026-01-07', 'orthodox_christmas', true),
    holiday('2026-03-08', 'womens_day'),
    holiday('2026-03-21', 'nauryz'),
    holiday('2026-03-22', 'nauryz'),
    holiday('2026-03-23', 'nauryz'),
    holiday('2026-05-01', 'unity_day'),
    holiday('2026-05-07', 'defender_day'),
    holiday('2026-05-09', 'victory_day'),
    holiday('2026-05-27', 'kurban_ait', true),
    holiday('2026-07-06', 'capital_day'),
    // No 30 August: under the Constitution adopted on 15 March 2026, Constitution Day moves to
    // 15 March from 2027, and 30 August 2026 is an ordinary Sunday.
    holiday('2026-10-25', 'republic_day'),
    holiday('2026-12-16', 'independence_day'),
    // The weekend holidays of 2026 give days off on 9 March, 24–25 March, 11 May and 26 October;
    // those follow from the rule above and are not stored. No ministry swap for 2026 is known.
  ],
  2027: [
    holiday('2027-01-01', 'new_year'),
    holiday('2027-01-02', 'new_year'),
    holiday('2027-01-07', 'orthodox_christmas', true),
    holiday('2027-03-08', 'womens_day'),
    // Constitution Day, 15 March from 2027 under the Constitution adopted on 15 March 2026.
    holiday('2027-03-15', 'constitution_day'),
    holiday('2027-03-21', 'nauryz'),
    holiday('2027-03-22', 'nauryz'),
    holiday('2027-03-23', 'nauryz'),
    holiday('2027-05-01', 'unity_day'),
    holiday('2027-05-07', 'defender_day'),
    holiday('2027-05-09', 'victory_day'),
    // Kurban Ait's date is fixed each year by government decree; 16 May is the expected first
    // day of Eid al-Adha 1448 and must be checked against the decree when it is published.
    holiday('2027-05-16', 'kurban_ait', true),
    holiday('2027-07-06', 'capital_day'),
    holiday('2027-10-25', 'republic_day'),
    holiday('2027-12-16', 'independence_day'),
    // Weekend holidays (2 January, 21 March, 1 and 9 May) give days off by the rule above. The
    // labour ministry's swaps for 2027 are not yet known.
  ],
};
