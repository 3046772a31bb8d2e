import { unwrapKeyset, wrapKeyset } from './keysetCursor.ts';
import { CASE_KINDS, type CaseKind } from './caseKinds.ts';
import { REVIEW_OUTCOMES, type ReviewOutcome } from './courtActs.ts';

/**
 * The public search of the judgment bank as values: what a person typed, read into words the
 * database can match whatever they typed (no tsquery syntax reaches PostgreSQL), filters checked,
 * and the opaque cursor of keyset pagination. Pure: the query in src/queries/judgments.ts takes
 * these values.
 */

export const SEARCH_ORDERS = ['relevance', 'date'] as const;
export type SearchOrder = (typeof SEARCH_ORDERS)[number];

export const BANK_ACT_KINDS = ['decision', 'court_order', 'resolution'] as const;
export type BankActKind = (typeof BANK_ACT_KINDS)[number];

/** The longest query read; what is longer is refused, not cut, so nobody wonders what was searched. */
export const QUERY_MAX = 500;
const WORDS_MAX = 12;
const WORD_MAX = 60;

export interface SearchCursor {
  order: SearchOrder;
  issuedOn: string;
  rank: number;
  id: string;
}

export interface JudgmentSearch {
  /** Words of the query: letters and digits only, lower-cased; empty for "everything". */
  words: string[];
  courtCode: string | null;
  level: number | null;
  kind: CaseKind | null;
  category: string | null;
  actKind: BankActKind | null;
  outcome: ReviewOutcome | null;
  from: string | null;
  to: string | null;
  order: SearchOrder;
  cursor: SearchCursor | null;
}

export type SearchRefusal = 'judgments_query_too_long' | 'judgments_invalid_date' | 'judgments_invalid_cursor';

export interface RawSearch {
  q?: string | undefined;
  court?: string | undefined;
  level?: string | undefined;
  kind?: string | undefined;
  category?: string | undefined;
  act?: string | undefined;
  outcome?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  order?: string | undefined;
  cursor?: string | undefined;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day as YYYY-MM-DD that exists (no 31 February), between 1990 and 2200. */
export function isoDay(value: string): string | null {
  const m = ISO_DAY.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1990 || y > 2200) return null;
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? value : null;
}

/** Words the search matches: runs of letters and digits, NFC, lower-cased, at most 12 of 60 characters. */
export function searchWords(q: string): string[] {
  const words = q.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words.map((w) => w.slice(0, WORD_MAX)))].slice(0, WORDS_MAX);
}

const oneOf = <T extends string>(values: readonly T[], value: string | undefined): T | null => (value !== undefined && (values as readonly string[]).includes(value) ? (value as T) : null);
const blank = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value.trim());

export function parseJudgmentSearch(raw: RawSearch): JudgmentSearch | { refused: SearchRefusal } {
  const q = raw.q ?? '';
  if (q.length > QUERY_MAX) return { refused: 'judgments_query_too_long' };
  const from = blank(raw.from);
  const to = blank(raw.to);
  const fromDay = from === undefined ? null : isoDay(from);
  const toDay = to === undefined ? null : isoDay(to);
  if ((from !== undefined && !fromDay) || (to !== undefined && !toDay)) return { refused: 'judgments_invalid_date' };
  const words = searchWords(q);
  const order = oneOf(SEARCH_ORDERS, blank(raw.order)) ?? (words.length > 0 ? 'relevance' : 'date');
  const cursorText = blank(raw.cursor);
  const cursor = cursorText === undefined ? null : decodeCursor(cursorText);
  if (cursorText !== undefined && (!cursor || cursor.order !== order)) return { refused: 'judgments_invalid_cursor' };
  const level = Number(blank(raw.level));
  const court = blank(raw.court);
  const category = blank(raw.category);
  return {
    words,
    courtCode: court && /^\d{4}$/.test(court) ? court : null,
    level: Number.isInteger(level) && level >= 1 && level <= 4 ? level : null,
    kind: oneOf(CASE_KINDS, blank(raw.kind)),
    category: category && /^[a-z_]{1,40}$/.test(category) ? category : null,
    actKind: oneOf(BANK_ACT_KINDS, blank(raw.act)),
    outcome: oneOf(REVIEW_OUTCOMES, blank(raw.outcome)),
    from: fromDay,
    to: toDay,
    order,
    cursor,
  };
}

/** Ranks are PostgreSQL `real`s: anything out of their range (or above any rank given) would make the cast fail. */
const RANK_MAX = 1_000;
const RANK_MIN = 1e-37;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The cursor is base64url JSON: opaque to callers, checked field by field when it comes back. */
export function encodeCursor(cursor: SearchCursor): string {
  return wrapKeyset([cursor.order === 'date' ? 'd' : 'r', cursor.issuedOn, cursor.rank, cursor.id]);
}

export function decodeCursor(text: string): SearchCursor | null {
  const value = unwrapKeyset(text, 4);
  if (!value) return null;
  const [order, issuedOn, rank, id] = value;
  if ((order !== 'd' && order !== 'r') || typeof issuedOn !== 'string' || !isoDay(issuedOn) || typeof rank !== 'number' || !(rank === 0 || (rank >= RANK_MIN && rank <= RANK_MAX)) || typeof id !== 'string' || !UUID.test(id)) return null;
  return { order: order === 'd' ? 'date' : 'relevance', issuedOn, rank, id };
}

/** The highlighted snippet as parts, so a view renders hits as <mark> with everything escaped. */
export const HIT_START = '\u0001';
export const HIT_END = '\u0002';

export function snippetParts(snippet: string): { text: string; hit: boolean }[] {
  const parts: { text: string; hit: boolean }[] = [];
  for (const piece of snippet.split(HIT_START)) {
    const end = piece.indexOf(HIT_END);
    if (end === -1) {
      if (piece) parts.push({ text: piece, hit: false });
      continue;
    }
    if (end > 0) parts.push({ text: piece.slice(0, end), hit: true });
    const rest = piece.slice(end + 1).split(HIT_END).join('');
    if (rest) parts.push({ text: rest, hit: false });
  }
  return parts;
}

export const plainSnippet = (snippet: string) => snippet.split(HIT_START).join('').split(HIT_END).join('');
