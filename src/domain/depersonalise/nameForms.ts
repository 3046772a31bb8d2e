/**
 * The forms a name takes in running text. Russian declines the whole word (Иванов → Иванову,
 * Иванова → Ивановой, Пётр → Петру, Павел → Павла); Kazakh adds case endings to the last word of
 * a name (Ахметова → Ахметоваға, Серікқызы → Серікқызының). Forms are compared in lower case
 * with ё read as е.
 */
const RU_ENDINGS = ['', 'а', 'я', 'у', 'ю', 'ом', 'ем', 'ым', 'им', 'ой', 'ей', 'ою', 'ею', 'е', 'ы', 'и', 'ого', 'его', 'ому', 'ему', 'ую', 'ий', 'ая', 'ых', 'их'];
const KK_ENDINGS = [
  'ға', 'ге', 'қа', 'ке', 'а', 'е', 'на', 'не', 'ның', 'нің', 'дың', 'дің', 'тың', 'тің', 'ны', 'ні', 'ды', 'ді', 'ты', 'ті', 'н',
  'ын', 'ін', 'да', 'де', 'та', 'те', 'нда', 'нде', 'дан', 'ден', 'тан', 'тен', 'нан', 'нен', 'мен', 'бен', 'пен', 'ымен', 'імен',
  'ына', 'іне', 'ының', 'інің', 'ында', 'інде', 'ынан', 'інен', 'ға', 'лар', 'лер', 'дар', 'дер', 'тар', 'тер',
];
const LATIN_ENDINGS = ["'s", '’s'];

export function normaliseWord(word: string): string {
  return word.toLowerCase().replace(/ё/g, 'е').replace(/‑/g, '-');
}

function russianStems(word: string): string[] {
  const stems = [word];
  if (/[аяоеыиуюйь]$/.test(word)) stems.push(word.slice(0, -1));
  if (/(?:ий|ый|ой|ая|яя)$/.test(word)) stems.push(word.slice(0, -2));
  // A fleeting vowel: Павел → Павла.
  if (/[бвгдзклмнпрстфхцчшщ]е[лкнц]$/.test(word)) stems.push(word.slice(0, -2) + word.slice(-1));
  return stems;
}

// The same parties' names come back act after act; their forms are worth keeping a while.
const FORMS_CACHE = new Map<string, readonly string[]>();
const FORMS_CACHE_LIMIT = 5000;

/** Every form of one word of a name, in lower case. */
export function wordForms(word: string): readonly string[] {
  const cached = FORMS_CACHE.get(word);
  if (cached) return cached;
  const forms = computeWordForms(word);
  if (FORMS_CACHE.size >= FORMS_CACHE_LIMIT) FORMS_CACHE.clear();
  FORMS_CACHE.set(word, forms);
  return forms;
}

function computeWordForms(word: string): readonly string[] {
  const w = normaliseWord(word);
  const forms = new Set<string>();
  if (/^[a-z'’-]+$/.test(w)) {
    forms.add(w);
    for (const e of LATIN_ENDINGS) forms.add(w + e);
    return [...forms];
  }
  for (const stem of russianStems(w)) for (const e of RU_ENDINGS) forms.add(stem + e);
  for (const e of KK_ENDINGS) forms.add(w + e);
  return [...forms];
}

/** The words of a name that are words, not initials ("Иванов П.С." → ["Иванов"]), with the initials' letters. */
export function nameParts(name: string): { words: string[]; initials: string[] } {
  const words: string[] = [];
  const initials: string[] = [];
  for (const m of name.matchAll(/\p{L}+(?:[-‑'’]\p{L}+)*(\.?)/gu)) {
    const word = m[0].replace(/\.$/, '');
    if ([...word].length === 1) initials.push(word.toUpperCase());
    else {
      words.push(word);
      initials.push([...word][0]!.toUpperCase());
    }
  }
  return { words, initials };
}

const LATIN_OF: Record<string, string> = {
  а: 'a', ә: 'a', б: 'b', в: 'v', г: 'g', ғ: 'g', д: 'd', е: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k', қ: 'k', л: 'l', м: 'm',
  н: 'n', ң: 'n', о: 'o', ө: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ұ: 'u', ү: 'u', ф: 'f', х: 'h', һ: 'h', ц: 'c', ч: 'ch',
  ш: 'sh', щ: 'sh', ъ: '', ы: 'i', і: 'i', ь: '', э: 'e', ю: 'iu', я: 'ia',
};

/**
 * A spelling-blind key for a name in Latin letters, so "Akhmetova", "Ahmetova" and Ахметова read
 * as one, and "Zhumabayev" as "Жұмабаев": transliterations differ in kh/h, y/i, q/k and doubled
 * letters, and the key drops those differences.
 */
export function latinKey(word: string): string {
  const latin = [...normaliseWord(word)].map((c) => LATIN_OF[c] ?? c).join('');
  return latin
    .replace(/['’-]/g, '')
    .replace(/kh/g, 'h')
    .replace(/gh/g, 'g')
    .replace(/q/g, 'k')
    .replace(/w/g, 'v')
    .replace(/ts/g, 'c')
    .replace(/y/g, 'i')
    .replace(/i(?=[aeiou])/g, '')
    .replace(/(.)\1+/g, '$1');
}
