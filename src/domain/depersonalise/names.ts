import { latinKey, nameParts, normaliseWord, wordForms } from './nameForms.ts';
import type { Candidate, NamedPerson, Span } from './types.ts';

/**
 * Names of private persons: those the case names (matched in any case form and order, also as a
 * surname with initials) and those it does not, found by their shape (a patronymic, a surname's
 * suffix next to a given name or initials). A name found by its shape alone but not for certain
 * becomes a flag for the reviewer, not a replacement.
 */
export const NAME_PRIORITY = 40;

interface Token {
  start: number;
  end: number;
  lower: string;
  cap: boolean;
  /** A single letter followed by a dot: "П." of "Иванов П.С.". */
  initial: boolean;
  /** Letters run together with digits ("Иванов02") are a code or a login, not a name. */
  glued: boolean;
}

type TokenClass = 'known' | 'initial' | 'patronymic' | 'surname' | 'capital' | 'other';

const TOKEN = /\p{L}+(?:[-‑'’]\p{L}+)*/gu;
const RU_PATRONYMIC = /(?:ович|евич|ьич)(?:а|у|ем|е)?$|(?:овн|евн|ичн)(?:а|ы|е|у|ой|ою)$/u;
const KK_PATRONYMIC = /\p{L}{2,}(?:ұлы|улы|қызы|кызы)(?:на|ның|н|нда|нан|мен|ға|ны)?$/u;
const KK_PATRONYMIC_WORD = /^(?:ұлы|улы|қызы|кызы)(?:на|ның|н|нда|нан|мен|ға|ны)?$/u;
const LATIN_PATRONYMIC = /[a-z]{2,}(?:ovich|evich|ovna|evna|uly|kyzy|qyzy)$/u;
const KK_CASE = '(?:ға|ге|қа|ке|ның|нің|дың|дің|тың|тің|ны|ні|ды|ді|ты|ті|да|де|та|те|дан|ден|тан|тен|нан|нен|мен|бен|пен)';
const SURNAME = new RegExp(`\\p{L}{2,}(?:(?:ов|ев|ин|ын)(?:а|у|ым|ом|е|ой|ы|ых)?|(?:ова|ева|ина|ов|ев|ин)${KK_CASE})$`, 'u');
const ADJECTIVAL_SURNAME = /\p{L}{2,}(?:ск|цк)(?:ий|ого|ому|им|ом|ая|ой|ую)$/u;
const LATIN_SURNAME = /[a-z]{2,}(?:ov|ev|in|yn|ova|eva|ina|yna|sky|skaya|skiy|bayev|baev)$/u;

// Capitalised words that begin sentences or name institutions, never people.
const STOP_EXACT = new Set([
  'the', 'mr', 'ms', 'mrs', 'miss', 'dr', 'in', 'on', 'of', 'by', 'to', 'and', 'for', 'as', 'at', 'a', 'an', 'under', 'with', 'this', 'that',
  'на', 'в', 'по', 'с', 'из', 'и', 'о', 'об', 'от', 'до', 'за', 'при', 'к', 'не', 'как', 'его', 'ее', 'её', 'их', 'он', 'она', 'они',
  'и.о', 'ип', 'тоо', 'ао', 'жшс', 'ақ', 'жк', 'llp', 'jsc', 'llc', 'рк', 'гпк', 'апк', 'ук', 'упк', 'коап', 'қр', 'гк',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'within', 'margin', 'origin', 'cousin', 'latin', 'admin', 'begin', 'join', 'again', 'main', 'domain', 'therein', 'herein',
]);
const STOP_PREFIX_LIST = [
  'истец', 'истц', 'истиц', 'ответчи', 'заявител', 'суд', 'представител', 'прокурор', 'адвокат', 'секретар', 'свидетел', 'треть',
  'взыскател', 'должник', 'потерпевш', 'подсудим', 'осужден', 'обвиняем', 'талапкер', 'жауапкер', 'сот', 'өкіл', 'куә', 'хатшы',
  'plaintiff', 'defendant', 'claimant', 'respondent', 'applicant', 'court', 'judge', 'witness', 'secretar', 'prosecutor', 'counsel',
  'республик', 'казахстан', 'қазақстан', 'кодекс', 'закон', 'гражданск', 'уголовн', 'административн', 'верховн', 'решени',
  'определени', 'постановлени', 'приговор', 'шешім', 'қаулы', 'ұйғарым', 'үкім', 'именем', 'атынан', 'алматы', 'алмат', 'астана',
  'шымкент', 'тенге', 'теңге', 'kazakhstan', 'republic', 'civil', 'code', 'supreme', 'district', 'regional', 'speciali', 'inter',
  'economic', 'decision', 'ruling', 'judgment', 'article', 'стать', 'бап', 'соглас', 'руководств', 'установил', 'решил', 'ходатайств',
  'медеу', 'бостанд', 'алмалин', 'есиль', 'есіл', 'сарыарк', 'байқоңыр', 'байконыр', 'астанин', 'almaty', 'astana', 'medeu', 'bostandyk',
  'almaly', 'esil', 'saryarka', 'shymkent', 'тенге', 'tenge', 'налог', 'салық', 'tax', 'банк', 'bank', 'национальн', 'ұлттық',
  'агентств', 'агенттіг', 'министерств', 'министрлі', 'ministry', 'agency', 'департамент', 'управлени', 'акимат', 'әкімдік', 'akimat',
];
// A name right after one of these is an official's (kept) unless the case says it is a private person.
const ROLE_WORDS = /^(?:судь|судей|председательств|секретар|прокурор|адвокат|нотариус|хатшы|төраға|judge|prosecutor|secretary|counsel|advocate|lawyer|notary)/u;
// Words that may stand between the title and the name: "при секретаре судебного заседания Н.".
const TITLE_FILLERS = /^(?:судебного|заседания|сот|отырысының|отырысы|по|делу|of|the|court|hearing|court's)$/u;
const COURTESY_TITLES = new Set(['mr', 'ms', 'mrs', 'miss']);

// A marker's bracket counts as a digit would: a second pass must read the word as the first did.
const isGlue = (c: string | undefined) => c !== undefined && ((c >= '0' && c <= '9') || c === '[' || c === ']');

export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const word = m[0];
    const first = word[0]!;
    const end = m.index + word.length;
    tokens.push({
      start: m.index,
      end,
      lower: normaliseWord(word),
      cap: first !== first.toLowerCase(),
      initial: word.length === 1 && text[end] === '.',
      glued: isGlue(text[m.index - 1]) || isGlue(text[end]),
    });
  }
  return tokens;
}

const STOP_PREFIXES = new RegExp(`^(?:${STOP_PREFIX_LIST.join('|')})`, 'u');

function isStopWord(lower: string): boolean {
  return STOP_EXACT.has(lower) || STOP_PREFIXES.test(lower);
}

interface PersonIndex {
  people: { kind: NamedPerson['kind']; initials: string[] }[];
  /** A word form → the people one of whose words has that form. */
  forms: Map<string, number[]>;
  /** The Latin key of a word (`latinKey`) → the people one of whose words has it: an act in English naming people the case holds in Cyrillic. */
  latin: Map<string, number[]>;
}

function add(map: Map<string, number[]>, key: string, person: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [person]);
  else if (!list.includes(person)) list.push(person);
}

const LATIN_WORD = /^[a-z'’-]+$/;

function lookup(index: PersonIndex, token: Token): readonly number[] | undefined {
  return index.forms.get(token.lower) ?? (LATIN_WORD.test(token.lower) ? index.latin.get(latinKey(token.lower.replace(/['’]s$/, ''))) : undefined);
}

function indexPeople(people: readonly NamedPerson[]): PersonIndex {
  const index: PersonIndex = { people: [], forms: new Map(), latin: new Map() };
  people.forEach((person, i) => {
    const { words, initials } = nameParts(person.name);
    index.people.push({ kind: person.kind, initials });
    if (person.kind === 'entity') return;
    for (const word of words) {
      if ([...word].length < 2) continue;
      for (const form of wordForms(word)) add(index.forms, form, i);
      add(index.latin, latinKey(word), i);
    }
  });
  return index;
}

function classify(token: Token, index: PersonIndex): TokenClass {
  if (token.glued) return 'other';
  if (token.cap && lookup(index, token)) return 'known';
  if (token.initial && token.cap) return 'initial';
  if (!token.cap) return KK_PATRONYMIC_WORD.test(token.lower) ? 'patronymic' : 'other';
  if ([...token.lower].length < 2 || isStopWord(token.lower)) return 'other';
  if (RU_PATRONYMIC.test(token.lower) || KK_PATRONYMIC.test(token.lower) || LATIN_PATRONYMIC.test(token.lower)) return 'patronymic';
  if ([...token.lower].length >= 5 && (SURNAME.test(token.lower) || ADJECTIVAL_SURNAME.test(token.lower) || LATIN_SURNAME.test(token.lower))) return 'surname';
  return 'capital';
}

/** Whether two neighbouring tokens belong to one name: only a space between them, or the dot of an initial. */
function adjacent(text: string, a: Token, b: Token): boolean {
  const gap = text.slice(a.end, b.start);
  return a.initial ? /^\.[ \u00a0]?$/.test(gap) : /^[ \u00a0]{1,2}$/.test(gap);
}

function overlaps(spans: readonly Span[], start: number, end: number): boolean {
  for (const s of spans) if (s.start < end && start < s.end) return true;
  return false;
}

export interface NameFindings {
  candidates: Candidate[];
  flags: Span[];
  /** Officials' names found in the text: kept, and no other rule may touch them. */
  kept: Span[];
}

export function findNames(text: string, people: readonly NamedPerson[], keptSpans: readonly Span[]): NameFindings {
  const index = indexPeople(people);
  const tokens = tokenise(text);
  const classes = tokens.map((t) => classify(t, index));
  const out: NameFindings = { candidates: [], flags: [], kept: [] };
  let i = 0;
  while (i < tokens.length) {
    if (classes[i] === 'other' || (classes[i] === 'patronymic' && !tokens[i]!.cap)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < tokens.length && j - i < 5 && classes[j + 1] !== 'other' && adjacent(text, tokens[j]!, tokens[j + 1]!)) j++;
    decideChain(text, tokens, classes, i, j, index, keptSpans, out);
    i = j + 1;
  }
  return out;
}

// The dot after the last initial, or the full stop after a name, ends the initials that replace it.
function chainEnd(text: string, last: Token): number {
  return text[last.end] === '.' ? last.end + 1 : last.end;
}

function initialsOf(text: string, tokens: readonly Token[]): string {
  return tokens
    .filter((t) => t.cap)
    .map((t) => `${[...text.slice(t.start, t.end)][0]!.toUpperCase()}.`)
    .join('');
}

function decideChain(
  text: string,
  tokens: readonly Token[],
  classes: readonly TokenClass[],
  from: number,
  to: number,
  index: PersonIndex,
  keptSpans: readonly Span[],
  out: NameFindings,
): void {
  const chain = tokens.slice(from, to + 1);
  const kinds = classes.slice(from, to + 1);
  const start = chain[0]!.start;
  const end = chainEnd(text, chain.at(-1)!);
  if (overlaps(keptSpans, start, end)) return;
  const words = kinds.filter((k) => k !== 'initial').length;
  const has = (k: TokenClass) => kinds.includes(k);
  const before = from > 0 && /^[\s,:]{1,3}$/.test(text.slice(tokens[from - 1]!.end, start)) ? tokens[from - 1]!.lower : '';
  const title = titleBefore(text, tokens, from);
  const replace = () => out.candidates.push({ start, end, kind: 'person_name', replacement: initialsOf(text, chain), priority: NAME_PRIORITY });

  if (has('known')) {
    const person = bestPerson(chain, kinds, index);
    if (index.people[person]!.kind === 'private') replace();
    else out.kept.push({ start, end });
    return;
  }
  const uncertain = has('surname') || has('patronymic') || (words >= 2 && !/[a-z]/.test(text.slice(start, end)));
  if (title) {
    if (uncertain) out.flags.push({ start, end });
    return;
  }
  const confident =
    (has('patronymic') && (words >= 2 || has('initial'))) ||
    (has('surname') && (words >= 2 || has('initial'))) ||
    (COURTESY_TITLES.has(before) && (has('surname') || has('capital')));
  if (confident) replace();
  else if (uncertain && !(words === 1 && ADJECTIVAL_SURNAME.test(chain[kinds.indexOf('surname')]?.lower ?? ''))) out.flags.push({ start, end });
}

/** Whether an official's title stands right before the chain, or with only "судебного заседания" and the like between. */
function titleBefore(text: string, tokens: readonly Token[], from: number): boolean {
  let k = from - 1;
  let next = tokens[from]!;
  for (let steps = 0; k >= 0 && steps < 3; steps++, k--) {
    const token = tokens[k]!;
    if (!/^[\s,:]{1,3}$/.test(text.slice(token.end, next.start))) return false;
    if (ROLE_WORDS.test(token.lower)) return true;
    if (!TITLE_FILLERS.test(token.lower)) return false;
    next = token;
  }
  return false;
}

/** The person of the case a chain names best: most words and initials in common; a tie goes to a private person. */
function bestPerson(chain: readonly Token[], kinds: readonly TokenClass[], index: PersonIndex): number {
  const score = new Map<number, number>();
  chain.forEach((token, k) => {
    if (kinds[k] !== 'known') return;
    for (const p of lookup(index, token) ?? []) score.set(p, (score.get(p) ?? 0) + 2);
  });
  chain.forEach((token, k) => {
    if (kinds[k] !== 'initial') return;
    const letter = token.lower.toUpperCase();
    for (const [p, s] of score) if (index.people[p]!.initials.includes(letter)) score.set(p, s + 1);
  });
  let best = -1;
  let bestScore = -1;
  for (const [p, s] of score) {
    const better = s > bestScore || (s === bestScore && index.people[p]!.kind === 'private');
    if (better) {
      best = p;
      bestScore = s;
    }
  }
  return best;
}

/** Occurrences of the case's entities' names as written: kept whole. */
export function findEntitySpans(text: string, people: readonly NamedPerson[]): Span[] {
  const spans: Span[] = [];
  const lower = text.toLowerCase();
  for (const person of people) {
    if (person.kind !== 'entity') continue;
    const name = person.name.trim().toLowerCase();
    if (name.length < 2) continue;
    for (let at = lower.indexOf(name); at >= 0; at = lower.indexOf(name, at + name.length)) spans.push({ start: at, end: at + name.length });
  }
  return spans;
}
