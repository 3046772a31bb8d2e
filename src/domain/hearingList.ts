import { unwrapKeyset, wrapKeyset } from './keysetCursor.ts';
import { CASE_KINDS, isCaseCategory, type CaseKind } from './caseKinds.ts';
import { isoDay } from './judgmentSearch.ts';

/**
 * The public hearing list's request as values: a day or a bounded range of court days, filters
 * checked, and the keyset cursor (starts_at, id). Pure: the query in src/queries/hearingList.ts
 * takes these values.
 */

/** The longest range one list covers: a month of a court's calendar is what people plan by. */
export const HEARING_LIST_MAX_DAYS = 31;

export interface HearingListCursor {
  /** The last row's start, as an ISO instant with milliseconds. */
  startsAt: string;
  id: string;
}

export interface HearingList {
  from: string;
  to: string;
  courtCode: string | null;
  regionCode: string | null;
  judgeId: string | null;
  category: string | null;
  kind: CaseKind | null;
  cursor: HearingListCursor | null;
}

export type HearingListRefusal = 'hearings_invalid_date' | 'hearings_reversed_range' | 'hearings_range_too_long' | 'hearings_invalid_filter' | 'hearings_invalid_cursor';

export interface RawHearingList {
  from?: string | undefined;
  to?: string | undefined;
  court?: string | undefined;
  region?: string | undefined;
  judge?: string | undefined;
  category?: string | undefined;
  kind?: string | undefined;
  cursor?: string | undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const blank = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value.trim());

/** Days from `from` to `to`, both YYYY-MM-DD, counting both ends. */
export function daysInRange(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** A field that is not one of the choices offered is refused: a list silently widened would mislead. */
function filter(value: string | undefined, valid: (v: string) => boolean): string | null | false {
  const v = blank(value);
  if (v === undefined) return null;
  return valid(v) ? v : false;
}

/**
 * Reads the list's request. No date means `today` (the court's day); a `from` alone is one day;
 * `to` alone ends a range that starts today.
 */
export function parseHearingList(raw: RawHearingList, today: string): HearingList | { refused: HearingListRefusal } {
  const fromText = blank(raw.from);
  const toText = blank(raw.to);
  const from = fromText === undefined ? today : isoDay(fromText);
  const to = toText === undefined ? from : isoDay(toText);
  if (!from || !to) return { refused: 'hearings_invalid_date' };
  if (to < from) return { refused: 'hearings_reversed_range' };
  if (daysInRange(from, to) > HEARING_LIST_MAX_DAYS) return { refused: 'hearings_range_too_long' };
  const courtCode = filter(raw.court, (v) => /^\d{4}$/.test(v));
  const regionCode = filter(raw.region, (v) => /^[a-z][a-z0-9_-]{0,39}$/.test(v));
  const judgeId = filter(raw.judge, (v) => UUID.test(v));
  const category = filter(raw.category, isCaseCategory);
  const kind = filter(raw.kind, (v) => (CASE_KINDS as readonly string[]).includes(v));
  if (courtCode === false || regionCode === false || judgeId === false || category === false || kind === false) return { refused: 'hearings_invalid_filter' };
  const cursorText = blank(raw.cursor);
  const cursor = cursorText === undefined ? null : decodeHearingCursor(cursorText);
  if (cursorText !== undefined && !cursor) return { refused: 'hearings_invalid_cursor' };
  return { from, to, courtCode, regionCode, judgeId, category, kind: kind as CaseKind | null, cursor };
}

/** base64url JSON [startsAt, id]: opaque to callers, checked field by field when it comes back. */
export function encodeHearingCursor(cursor: HearingListCursor): string {
  return wrapKeyset([cursor.startsAt, cursor.id]);
}

export function decodeHearingCursor(text: string): HearingListCursor | null {
  const value = unwrapKeyset(text, 2);
  if (!value) return null;
  const [startsAt, id] = value;
  if (typeof startsAt !== 'string' || !INSTANT.test(startsAt) || Number.isNaN(Date.parse(startsAt)) || new Date(startsAt).toISOString() !== startsAt) return null;
  if (typeof id !== 'string' || !UUID.test(id)) return null;
  return { startsAt, id };
}
