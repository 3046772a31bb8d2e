import { CASE_KINDS, type CaseKind } from './caseKinds.ts';
import { COURT_LEVELS, type CourtLevel } from './courtLevels.ts';

/**
 * The public court finder as values: what a visitor typed, folded so that spelling in any of the
 * three languages, or in Latin letters, finds the court, and ranked so that an exact or prefix
 * match comes before a forgiven typo.
 *
 * Matching runs in the process over the courts directory rather than in PostgreSQL (pg_trgm).
 * The directory is a few hundred rows that every process already keeps in memory, checked
 * against `directory_versions` (src/queries/courts.ts), so a search costs no query beyond that
 * version read. And the rules that make "Алмвты", "Almati" and "Есил" find their courts are
 * folding rules (Kazakh letters, ё, Cyrillic to Latin) that trigram similarity does not know:
 * `unaccent` leaves "Есіл" and "Yesil" three edits apart. Pure functions, tested as such.
 */

/** What a court hears, as a visitor asks for it: the kinds of proceedings and the specialisations. */
export const COURT_HEARS = ['civil', 'economic', 'administrative', 'criminal', 'juvenile', 'administrative_offence'] as const;
export type CourtHears = (typeof COURT_HEARS)[number];

/**
 * A specialised court hears its specialisation, not everything of its kind of proceedings: an
 * economic court takes civil disputes between businesses, not a divorce; a juvenile court the
 * cases of and about minors. So a person looking for a civil court is shown the general courts,
 * and one looking for an economic court the specialised one. Other courts hear their kinds.
 */
const SPECIALISATION: Partial<Record<string, CourtHears[]>> = {
  specialised_economic: ['economic'],
  specialised_administrative: ['administrative'],
  specialised_criminal: ['criminal'],
  specialised_juvenile: ['juvenile'],
};

export function courtHears(court: { type: string; caseKinds: readonly string[] }): CourtHears[] {
  const special = SPECIALISATION[court.type];
  if (special) return special;
  return COURT_HEARS.filter((h) => (CASE_KINDS as readonly string[]).includes(h) && court.caseKinds.includes(h as CaseKind));
}

/** The longest query read; longer is refused with a message, not cut, so nobody wonders what was searched. */
export const COURT_QUERY_MAX = 200;
const WORDS_MAX = 8;
const WORD_MAX = 40;
/** The most results one answer carries: the whole directory is a few hundred courts. */
export const COURT_RESULTS_MAX = 100;

export interface CourtSearch {
  /** Query words as typed (letters and digits, lower-cased); empty for "every court". */
  words: string[];
  /** Something was typed that holds no letter or digit ("%%%", "😀"): it matches no court rather than every one. */
  unreadable: boolean;
  level: CourtLevel | null;
  region: string | null;
  hears: CourtHears | null;
}

/** A search that asks for nothing in particular: the whole directory, the list most asked for. */
export function asksForEveryCourt(search: CourtSearch): boolean {
  return search.words.length === 0 && !search.unreadable && !search.level && !search.region && !search.hears;
}

export type CourtSearchRefusal = 'courts_query_too_long' | 'courts_invalid_filter';

export interface RawCourtSearch {
  q?: string | undefined;
  level?: string | undefined;
  region?: string | undefined;
  hears?: string | undefined;
}

const blank = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value.trim());

/**
 * Reads the query string. An empty filter means "any"; a filter naming no level, region or
 * specialisation Sot knows is refused, since silently showing every court would look like an
 * answer to it.
 */
export function parseCourtSearch(raw: RawCourtSearch, regionCodes: readonly string[]): CourtSearch | { refused: CourtSearchRefusal; field: keyof RawCourtSearch } {
  const q = raw.q ?? '';
  if (q.length > COURT_QUERY_MAX) return { refused: 'courts_query_too_long', field: 'q' };
  const level = blank(raw.level);
  const region = blank(raw.region);
  const hears = blank(raw.hears);
  const levelNumber = level === undefined ? null : Number(level);
  if (levelNumber !== null && !(COURT_LEVELS as readonly number[]).includes(levelNumber)) return { refused: 'courts_invalid_filter', field: 'level' };
  if (region !== undefined && !regionCodes.includes(region)) return { refused: 'courts_invalid_filter', field: 'region' };
  if (hears !== undefined && !(COURT_HEARS as readonly string[]).includes(hears)) return { refused: 'courts_invalid_filter', field: 'hears' };
  const words = queryWords(q);
  return {
    words,
    unreadable: words.length === 0 && q.trim() !== '',
    level: levelNumber as CourtLevel | null,
    region: region ?? null,
    hears: (hears as CourtHears | undefined) ?? null,
  };
}

export function queryWords(q: string): string[] {
  const words = q.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words.map((w) => w.slice(0, WORD_MAX)))].slice(0, WORDS_MAX);
}

/**
 * Kazakh letters folded to the Russian letters people type for them on a Russian keyboard
 * (Есіл → Есил, Қарағанды → Караганды), and ё to е.
 */
const CYRILLIC_FOLD: Record<string, string> = { ә: 'а', ғ: 'г', қ: 'к', ң: 'н', ө: 'о', ұ: 'у', ү: 'у', һ: 'х', і: 'и', ё: 'е' };

/** Cyrillic to Latin as names are spelt in Latin letters in Kazakhstan (Медеу → medeu, Шымкент → shymkent). */
const LATIN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o',
  п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'h', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'sh', ъ: '', ы: 'y', ь: '', э: 'e',
  ю: 'yu', я: 'ya',
};

/**
 * One spelling key for a word in any of Sot's languages: Kazakh and Russian Cyrillic and Latin
 * (the 2021 Kazakh Latin letters and plain English spellings alike) meet on a Latin skeleton.
 * Spellings that differ only by convention are made equal: y and i (Almaty/Almati, ы/и),
 * kh and h, q and k, ts and c, a word-initial ye and e (Yesil/Есиль), a doubled letter and one.
 */
export function spellingKey(word: string): string {
  let s = word.normalize('NFC').toLowerCase();
  s = [...s].map((ch) => CYRILLIC_FOLD[ch] ?? ch).join('');
  s = [...s].map((ch) => LATIN[ch] ?? ch).join('');
  // Latin with diacritics (ä, ğ, ñ, ö, ū, ü, ı): the base letter.
  s = s.normalize('NFD').replace(/\p{M}/gu, '').replace(/ı/g, 'i');
  s = s
    .replace(/kh/g, 'h')
    .replace(/q/g, 'k')
    .replace(/ts/g, 'c')
    .replace(/w/g, 'v')
    .replace(/j/g, 'zh')
    .replace(/y/g, 'i')
    .replace(/^ie/, 'e')
    .replace(/(.)\1+/g, '$1');
  return s;
}

/** The optimal string alignment distance (a swap of neighbours counts one), stopping past `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, prevPrev[j - 2]! + 1);
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/** Typos forgiven in a word of this many letters: none in short words, where one edit makes another word. */
export function typosAllowed(length: number): number {
  return length < 4 ? 0 : length < 8 ? 1 : 2;
}

/** A court as the finder reads it. */
export interface FinderCourt {
  code: string;
  level: number;
  type: string;
  regionCode: string;
  caseKinds: readonly string[];
  names: readonly string[];
  /** Addresses and region names in the three languages: where the court sits. */
  places: readonly string[];
}

export interface CourtIndexEntry<C extends FinderCourt = FinderCourt> {
  court: C;
  hears: CourtHears[];
  nameKeys: string[];
  placeKeys: string[];
}

const keysOf = (texts: readonly string[]) => [...new Set(texts.flatMap((t) => queryWords(t)).map(spellingKey).filter((k) => k !== ''))];

/** The directory with each court's spelling keys, built once per directory version. */
export function indexCourts<C extends FinderCourt>(courts: readonly C[]): CourtIndexEntry<C>[] {
  return courts.map((court) => ({ court, hears: courtHears(court), nameKeys: keysOf(court.names), placeKeys: keysOf(court.places) }));
}

/** How well one typed word matches one word of the court: 1 exact, 0.9 prefix, less for each typo; 0 none. */
export function wordScore(typed: string, key: string, allowed = typosAllowed(typed.length)): number {
  if (typed === key) return 1;
  if (key.startsWith(typed)) return 0.9;
  if (allowed === 0) return 0;
  const whole = editDistance(typed, key, allowed);
  if (whole <= allowed) return 0.7 - 0.1 * whole;
  // A typo in a word typed in another grammatical form: "Алмвты" against "Алматинский".
  if (key.length > typed.length) {
    const prefix = Math.min(editDistance(typed, key.slice(0, typed.length), allowed), editDistance(typed, key.slice(0, typed.length + 1), allowed));
    if (prefix <= allowed) return 0.6 - 0.1 * prefix;
  }
  return 0;
}

/** A place matched counts a little less than the name, so "Алматы" puts the courts named for it first. */
const PLACE_WEIGHT = 0.95;

function bestScore(typed: string, entry: CourtIndexEntry, allowed?: number): number {
  let best = 0;
  for (const key of entry.nameKeys) best = Math.max(best, wordScore(typed, key, allowed));
  if (best === 1) return best;
  for (const key of entry.placeKeys) best = Math.max(best, PLACE_WEIGHT * wordScore(typed, key, allowed));
  return best;
}

export interface CourtMatch<C extends FinderCourt = FinderCourt> {
  entry: CourtIndexEntry<C>;
  score: number;
}

function filtered<C extends FinderCourt>(index: readonly CourtIndexEntry<C>[], search: CourtSearch): CourtIndexEntry<C>[] {
  return index.filter(
    (e) => (search.level === null || e.court.level === search.level) && (search.region === null || e.court.regionCode === search.region) && (search.hears === null || e.hears.includes(search.hears)),
  );
}

/**
 * Courts matching every word typed and every filter, best first; among equals the directory's
 * own order (region, level, name), which is the order of `index`. A word that is a court's
 * code finds that court.
 */
export function findCourts<C extends FinderCourt>(index: readonly CourtIndexEntry<C>[], search: CourtSearch): CourtMatch<C>[] {
  if (search.unreadable) return [];
  const candidates = filtered(index, search);
  if (search.words.length === 0) return candidates.map((entry) => ({ entry, score: 1 }));
  const typed = search.words.map(spellingKey);
  const matches: CourtMatch<C>[] = [];
  for (const entry of candidates) {
    let total = 0;
    for (let i = 0; i < typed.length; i++) {
      const score = search.words[i] === entry.court.code ? 1 : typed[i] === '' ? 0 : bestScore(typed[i]!, entry);
      if (score === 0) {
        total = -1;
        break;
      }
      total += score;
    }
    if (total > 0) matches.push({ entry, score: total / typed.length });
  }
  return stableByScore(matches);
}

/**
 * When nothing matches: the courts nearest to what was typed, at a looser tolerance (about a
 * third of each word's letters) and with any one word enough, for "Did you mean …".
 */
export function nearestCourts<C extends FinderCourt>(index: readonly CourtIndexEntry<C>[], search: CourtSearch, limit = 3): CourtMatch<C>[] {
  const typed = search.words.map(spellingKey).filter((k) => k.length >= 3);
  if (typed.length === 0) return [];
  const matches: CourtMatch<C>[] = [];
  for (const entry of filtered(index, search)) {
    const score = typed.reduce((sum, key) => sum + bestScore(key, entry, Math.ceil(key.length / 3)), 0) / typed.length;
    if (score > 0) matches.push({ entry, score });
  }
  return stableByScore(matches).slice(0, limit);
}

function stableByScore<T extends { score: number }>(matches: T[]): T[] {
  return matches.map((m, i) => ({ m, i })).sort((a, b) => b.m.score - a.m.score || a.i - b.i).map(({ m }) => m);
}
