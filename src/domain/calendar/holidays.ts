/**
 * Kazakhstan's public holidays and day swaps: the types, and the rows Sot ships as the initial
 * court calendar. From then on operators maintain the calendar in the database
 * (`/admin/reference`, `sot reference calendar`), each row with its legal basis, so a new year or
 * a decree moving a day off is entered without a release (Law "On holidays in the Republic of
 * Kazakhstan" of 13 December 2001 No. 267-II, and the Labour Code).
 *
 * Only holidays and ordered swaps are stored. The automatic rule — a holiday that falls on a
 * Saturday or Sunday gives a day off on the next working day, except religious holidays — is
 * applied by code in workingDays.ts, so a row here never duplicates a derived day.
 */

/** A calendar day in Kazakhstan (the court's calendar, Asia/Almaty), `YYYY-MM-DD`. */
export type IsoDay = `${number}-${number}-${number}`;

export const CALENDAR_ROW_KINDS = ['holiday', 'day_off_transfer', 'working_day_transfer'] as const;
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
  /** A message key `reference.holiday.<name>` for the holidays the law names; free text an operator typed otherwise. */
  name: string;
  /** Religious holidays (Orthodox Christmas, Kurban Ait) are never moved off a weekend. */
  religious?: boolean;
  /** The act that makes the day what it is; absent on derived days. */
  basis?: string;
  /** A day off that follows from a weekend holiday by the rule, not stored. */
  derived?: boolean;
}

const HOLIDAYS_LAW = 'Law on holidays of 13.12.2001 No. 267-II, Art. 1';
const holiday = (date: IsoDay, name: string, religious?: true): CalendarRow => ({
  date,
  kind: 'holiday',
  name,
  basis: religious ? `${HOLIDAYS_LAW}; Labour Code Art. 84(5)` : HOLIDAYS_LAW,
  ...(religious ? { religious } : {}),
});

/** Years of the initial calendar; the database holds the live one. */
export const INITIAL_CALENDAR: Readonly<Record<number, readonly CalendarRow[]>> = {
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
    // The 2025 swap (Labour Code Art. 85(3)): Friday 3 January a day off, Sunday 5 January worked.
    { date: '2025-01-03', kind: 'day_off_transfer', name: 'new_year', basis: 'Labour Code Art. 85(3); transfer of days off in 2025' },
    { date: '2025-01-05', kind: 'working_day_transfer', name: 'new_year', basis: 'Labour Code Art. 85(3); transfer of days off in 2025' },
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
