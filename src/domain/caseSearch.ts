import { unwrapKeyset, wrapKeyset } from './keysetCursor.ts';
import { CASE_STATUSES, type CaseStatus } from './caseStatus.ts';
import { isCaseCategory, type CaseCategory } from './caseKinds.ts';
import { isValidBin, isValidIin } from './iin.ts';
import { isoDay } from './judgmentSearch.ts';

/**
 * Case search as values: what a participant (cabinet) or court staff typed, read into filters the
 * query binds as parameters (no pattern or query syntax reaches PostgreSQL: names and numbers are
 * kept to letters, digits and the separators of a case number), and the opaque keyset cursor.
 * Who may see which case is not here: the query applies the same rule as the case pages.
 */

/** Longest text read from a field; what is longer is refused, not cut, so nobody wonders what was searched. */
export const FIELD_MAX = 200;
const NAME_WORDS_MAX = 6;
/** A trigram index needs three characters to narrow anything; a shorter name would read every party. */
export const NAME_MIN = 3;

export const DATE_FIELDS = ['filed', 'registered'] as const;
export type DateField = (typeof DATE_FIELDS)[number];

export interface CaseSearchCursor {
  /** `filed_at` as PostgreSQL printed it, to the microsecond, so no row is skipped or repeated. */
  filedAt: string;
  id: string;
}

export interface CaseSearch {
  /** Part of a case number (three characters or more), or all of a shorter one. */
  number: string | null;
  /** Words of a participant's name, lower-cased; each must appear in the same participant's name. */
  nameWords: string[];
  /** A participant's IIN or an entity's BIN, check digit verified (court staff only). */
  iin: string | null;
  courtCode: string | null;
  category: CaseCategory | null;
  judgeId: string | null;
  status: CaseStatus | null;
  dateField: DateField;
  from: string | null;
  to: string | null;
  cursor: CaseSearchCursor | null;
}

export type CaseSearchRefusal = 'case_search_too_long' | 'case_search_name_too_short' | 'case_search_invalid_number' | 'case_search_invalid_iin' | 'case_search_invalid_date' | 'case_search_invalid_cursor';

export interface RawCaseSearch {
  number?: string | undefined;
  name?: string | undefined;
  iin?: string | undefined;
  court?: string | undefined;
  category?: string | undefined;
  judge?: string | undefined;
  status?: string | undefined;
  dates?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  cursor?: string | undefined;
}

export const RAW_FIELDS = ['number', 'name', 'iin', 'court', 'category', 'judge', 'status', 'dates', 'from', 'to'] as const satisfies readonly (keyof RawCaseSearch)[];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const blank = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value.trim());

/** Words of a name: runs of letters and digits, NFC, lower-cased. */
export function nameWords(name: string): string[] {
  const words = name.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words)].slice(0, NAME_WORDS_MAX);
}

/** A case number as typed: its letters, digits and separators (7517-26-00-2/123), upper-cased. */
export function caseNumberPart(value: string): string | null {
  const cleaned = value.normalize('NFC').replace(/\s+/g, '').toUpperCase();
  return /^[\p{L}\p{N}\-/.]{1,40}$/u.test(cleaned) ? cleaned : null;
}

/** Whether anything was asked: an empty form shows the form, not every case. */
export function isSearched(raw: RawCaseSearch): boolean {
  return RAW_FIELDS.some((field) => blank(raw[field]) !== undefined);
}

export function parseCaseSearch(raw: RawCaseSearch): CaseSearch | { refused: CaseSearchRefusal } {
  for (const field of [...RAW_FIELDS, 'cursor'] as const) if ((raw[field] ?? '').length > FIELD_MAX) return { refused: 'case_search_too_long' };
  const numberText = blank(raw.number);
  const number = numberText === undefined ? null : caseNumberPart(numberText);
  if (numberText !== undefined && !number) return { refused: 'case_search_invalid_number' };
  const nameText = blank(raw.name);
  const words = nameText === undefined ? [] : nameWords(nameText);
  if (nameText !== undefined && !words.some((w) => w.length >= NAME_MIN)) return { refused: 'case_search_name_too_short' };
  const iinText = blank(raw.iin)?.replace(/\s+/g, '');
  if (iinText !== undefined && !(isValidIin(iinText) || isValidBin(iinText))) return { refused: 'case_search_invalid_iin' };
  const from = blank(raw.from);
  const to = blank(raw.to);
  const fromDay = from === undefined ? null : isoDay(from);
  const toDay = to === undefined ? null : isoDay(to);
  if ((from !== undefined && !fromDay) || (to !== undefined && !toDay)) return { refused: 'case_search_invalid_date' };
  const cursorText = blank(raw.cursor);
  const cursor = cursorText === undefined ? null : decodeCaseCursor(cursorText);
  if (cursorText !== undefined && !cursor) return { refused: 'case_search_invalid_cursor' };
  const court = blank(raw.court);
  const category = blank(raw.category);
  const judge = blank(raw.judge);
  const status = blank(raw.status);
  return {
    number,
    nameWords: words,
    iin: iinText ?? null,
    courtCode: court && /^\d{4}$/.test(court) ? court : null,
    category: category && isCaseCategory(category) ? category : null,
    judgeId: judge && UUID.test(judge) ? judge : null,
    status: status && (CASE_STATUSES as readonly string[]).includes(status) ? (status as CaseStatus) : null,
    dateField: blank(raw.dates) === 'registered' ? 'registered' : 'filed',
    from: fromDay,
    to: toDay,
    cursor,
  };
}

/** `2026-12-01 10:00:00.123456+05` and the like, as PostgreSQL prints a timestamptz. */
const PG_TIMESTAMP = /^(\d{4}-\d{2}-\d{2}) ([01]\d|2[0-3]):([0-5]\d):([0-5]\d)(\.\d{1,6})?([+-](?:0\d|1[0-4])(?::[0-5]\d)?)$/;

export function encodeCaseCursor(cursor: CaseSearchCursor): string {
  return wrapKeyset([cursor.filedAt, cursor.id]);
}

/** The cursor is checked field by field when it comes back: a forged one is refused, never passed on to a cast that fails. */
export function decodeCaseCursor(text: string): CaseSearchCursor | null {
  const value = unwrapKeyset(text, 2);
  if (!value) return null;
  const [filedAt, id] = value;
  if (typeof filedAt !== 'string' || typeof id !== 'string' || !UUID.test(id)) return null;
  const m = PG_TIMESTAMP.exec(filedAt);
  if (!m || !isoDay(m[1]!)) return null;
  return { filedAt, id };
}
