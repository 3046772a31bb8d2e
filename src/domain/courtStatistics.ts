/**
 * Court statistics: what each published number means, the period a reader may ask for, and the
 * open data's columns. The numbers themselves are counted in SQL over indexed ranges
 * (`src/commands/courtStatistics.ts`); these definitions are what that SQL implements and what the
 * README's "Open data" section promises.
 *
 * - received: cases registered at the court in the month (court time, Asia/Almaty). A case only
 *   filed, or returned before registration, is not received.
 * - received electronically / on paper: by the channel of the filing that started the case (a claim
 *   or an application for a court order at first instance, the appeal an appellate case was sent up
 *   with); a case whose starting filing Sot does not hold (a cassation complaint is filed in the
 *   lower case and not linked to the case it opens) counts as neither.
 * - decided: cases whose first deciding act (a decision, in its operative part or in final form; a
 *   court order; a higher court's resolution) was issued in the month. Later acts in the same case
 *   (the final form after the operative part, a new decision after the case was sent back) do not
 *   count again.
 * - median days to decision: the median, over the cases decided in the month, of the calendar days (court dates) from
 *   registration to that first deciding act (percentile_cont(0.5); nationally over all cases, not
 *   an average of courts' medians).
 * - appeal outcomes: appellate cases whose parent is a first-instance case of the court, by the
 *   outcome of the appellate court's first resolution, in the month it was issued.
 */
import { REVIEW_OUTCOMES, type ReviewOutcome } from './courtActs.ts';

/** A calendar month in court time, `YYYY-MM`. */
export type Month = `${number}-${number}`;

/** Court acts that decide a case at its instance. Rulings decide nothing by themselves. */
export const DECIDING_ACT_KINDS = ['decision', 'court_order', 'resolution'] as const;

/** The filing types that start a case at first instance and on appeal. */
export const FIRST_INSTANCE_STARTING_FILINGS = ['claim', 'court_order_application'] as const;
export const APPEAL_STARTING_FILINGS = ['appeal', 'private_complaint'] as const;

export const APPEAL_OUTCOMES: readonly ReviewOutcome[] = REVIEW_OUTCOMES;

/** The longest period a page or an open-data request covers. */
export const MAX_PERIOD_MONTHS = 24;

/** The national figures' code in the open data, where a court's code stands otherwise. */
export const NATIONAL_CODE = 'KZ';

export interface MonthlyFigures {
  month: Month;
  received: number;
  receivedElectronic: number;
  receivedPaper: number;
  decided: number;
  /** Null when nothing was decided in the month. */
  medianDaysToDecision: number | null;
  appeals: Record<ReviewOutcome, number>;
}

const MONTH = /^(\d{4})-(\d{2})$/;

export function isMonth(value: string): value is Month {
  const m = MONTH.exec(value);
  if (!m) return false;
  const month = Number(m[2]);
  return Number(m[1]) >= 2000 && month >= 1 && month <= 12;
}

export function monthIndex(month: Month): number {
  const [y, m] = month.split('-').map(Number);
  return y! * 12 + (m! - 1);
}

export function monthOfIndex(index: number): Month {
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return `${y}-${String(m).padStart(2, '0')}` as Month;
}

export function addMonths(month: Month, count: number): Month {
  return monthOfIndex(monthIndex(month) + count);
}

/** The months from `from` to `to`, both included. */
export function monthsOf(from: Month, to: Month): Month[] {
  const out: Month[] = [];
  for (let i = monthIndex(from); i <= monthIndex(to); i++) out.push(monthOfIndex(i));
  return out;
}

/** The month of a court day `YYYY-MM-DD`. */
export function monthOfDay(day: string): Month {
  return day.slice(0, 7) as Month;
}

export type StatisticsRefusal = 'statistics_invalid_month' | 'statistics_period_reversed' | 'statistics_period_too_long' | 'statistics_invalid_court';

export interface StatisticsQuery {
  /** A court's code, or null for the whole country. */
  court: string | null;
  from: Month;
  to: Month;
}

export interface RawStatisticsQuery {
  court?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

const COURT_CODE = /^\d{4}$/;

/**
 * Reads a period and a court from a query string. Without `to` the period ends with the current
 * month; without `from` it covers the twelve months up to `to`. A period may not reach past the
 * current month: its figures are not counted yet.
 */
export function parseStatisticsQuery(raw: RawStatisticsQuery, currentMonth: Month): StatisticsQuery | { refused: StatisticsRefusal } {
  const court = raw.court?.trim() || null;
  if (court !== null && !COURT_CODE.test(court)) return { refused: 'statistics_invalid_court' };
  const toText = raw.to?.trim() || currentMonth;
  if (!isMonth(toText)) return { refused: 'statistics_invalid_month' };
  const to = monthIndex(toText) > monthIndex(currentMonth) ? currentMonth : toText;
  const fromText = raw.from?.trim() || addMonths(to, -11);
  if (!isMonth(fromText)) return { refused: 'statistics_invalid_month' };
  if (monthIndex(fromText) > monthIndex(to)) return { refused: 'statistics_period_reversed' };
  if (monthIndex(to) - monthIndex(fromText) + 1 > MAX_PERIOD_MONTHS) return { refused: 'statistics_period_too_long' };
  return { court, from: fromText, to };
}

/** The share of received cases filed through Sot among those whose channel is known; null when none is. */
export function electronicShare(f: Pick<MonthlyFigures, 'receivedElectronic' | 'receivedPaper'>): number | null {
  const known = f.receivedElectronic + f.receivedPaper;
  return known === 0 ? null : f.receivedElectronic / known;
}

/** The median as PostgreSQL's percentile_cont(0.5) computes it: the mean of the two middle values of an even count. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Sums a period's monthly figures; the median is not summed (a period's median needs the cases, not the months'). */
export function periodTotals(months: readonly MonthlyFigures[]): Omit<MonthlyFigures, 'month' | 'medianDaysToDecision'> {
  const appeals = Object.fromEntries(APPEAL_OUTCOMES.map((o) => [o, 0])) as Record<ReviewOutcome, number>;
  const total = { received: 0, receivedElectronic: 0, receivedPaper: 0, decided: 0, appeals };
  for (const m of months) {
    total.received += m.received;
    total.receivedElectronic += m.receivedElectronic;
    total.receivedPaper += m.receivedPaper;
    total.decided += m.decided;
    for (const o of APPEAL_OUTCOMES) appeals[o] += m.appeals[o];
  }
  return total;
}

/** The open data's columns, in order. Renaming one breaks every reader: add, never rename. */
export const OPEN_DATA_COLUMNS = [
  'court',
  'month',
  'received',
  'received_electronic',
  'received_paper',
  'electronic_share',
  'decided',
  'median_days_to_decision',
  'appeals_upheld',
  'appeals_changed',
  'appeals_reversed',
  'appeals_sent_back',
] as const;

export interface OpenDataRow {
  court: string;
  month: Month;
  received: number;
  received_electronic: number;
  received_paper: number;
  electronic_share: number | null;
  decided: number;
  median_days_to_decision: number | null;
  appeals_upheld: number;
  appeals_changed: number;
  appeals_reversed: number;
  appeals_sent_back: number;
}

// Every column is a field of a row, and every field a column: the CSV and the JSON cannot drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const columnsMatchRow: Same<(typeof OPEN_DATA_COLUMNS)[number], keyof OpenDataRow> = true;
void columnsMatchRow;

/** Numbers in the open data have at most four decimals, whatever the reader's language. */
function rounded(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10_000) / 10_000;
}

/** The open data's rows, the same in CSV and JSON: one per month, the court's code or `KZ` for the country. */
export function openDataRows(courtCode: string | null, months: readonly MonthlyFigures[]): OpenDataRow[] {
  return months.map((m) => ({
    court: courtCode ?? NATIONAL_CODE,
    month: m.month,
    received: m.received,
    received_electronic: m.receivedElectronic,
    received_paper: m.receivedPaper,
    electronic_share: rounded(electronicShare(m)),
    decided: m.decided,
    median_days_to_decision: rounded(m.medianDaysToDecision),
    appeals_upheld: m.appeals.upheld,
    appeals_changed: m.appeals.changed,
    appeals_reversed: m.appeals.reversed,
    appeals_sent_back: m.appeals.sent_back,
  }));
}

/** A field quoted as RFC 4180 requires: when it holds a comma, a quote or a line break, with quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The open data as CSV (RFC 4180): a header line, one line per month, CRLF line ends, an empty
 * field for a value that does not exist (no case decided, no channel known). Numbers use a point.
 */
export function statisticsCsv(rows: readonly OpenDataRow[]): string {
  const lines = [OPEN_DATA_COLUMNS.join(',')];
  for (const row of rows) lines.push(OPEN_DATA_COLUMNS.map((c) => csvField(row[c] === null ? '' : String(row[c]))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** A chart's value axis: a round maximum at or above the data's and evenly spaced round ticks. */
export interface ValueScale {
  max: number;
  ticks: number[];
}

export function valueScale(dataMax: number, targetTicks = 4): ValueScale {
  if (!(dataMax > 0)) return { max: 1, ticks: [0, 1] };
  const rough = dataMax / targetTicks;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * magnitude).find((s) => s >= rough)!;
  const max = Math.ceil(dataMax / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let v = 0; v <= max + step / 2; v += step) ticks.push(Math.round(v * 1e6) / 1e6);
  return { max, ticks };
}

/** Where a value sits on a vertical axis `height` high, from the bottom: 0 maps to `height`, the scale's max to 0. */
export function yOf(value: number, scale: ValueScale, height: number): number {
  return height - (Math.max(0, value) / scale.max) * height;
}
