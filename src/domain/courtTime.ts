/** Kazakhstan has kept one time zone, UTC+5, since 1 March 2024; Asia/Almaty carries it. */
export const COURT_TIME_ZONE = 'Asia/Almaty';

// Intl is part of the language, not I/O: the day of an instant in Kazakhstan is a pure function of it.
const isoDay = new Intl.DateTimeFormat('en-CA', { timeZone: COURT_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** ISO calendar date (YYYY-MM-DD) of an instant in Kazakhstan, for grouping and machine-readable output. */
export function courtDateIso(date: Date): string {
  return isoDay.format(date);
}

/** The year in Kazakhstan at an instant: talon and case numbers run per court year. */
export function courtYear(date: Date): number {
  return Number(courtDateIso(date).slice(0, 4));
}
