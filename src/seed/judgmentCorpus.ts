import type { IdentifierKind, NamedPerson } from '../domain/depersonalise/index.ts';

/**
 * Court-act-like texts in Russian, Kazakh and English with identifiers and private persons' names
 * planted in them, and the ground truth of what was planted where and what must stay. The proof
 * of the depersonalisation rules runs on thousands of them; the bench's judgment bank on a
 * million, so a text takes a few microseconds and depends only on its seed.
 */
export type CorpusLanguage = 'ru' | 'kk' | 'en';

export interface Planted {
  kind: IdentifierKind;
  value: string;
  /** Where the value starts in the text. */
  start: number;
}

export interface GeneratedJudgment {
  text: string;
  people: NamedPerson[];
  planted: Planted[];
  /** Officials' names, entities, courts, case numbers, articles, sums and dates that must survive. */
  kept: string[];
}

/** mulberry32: small, fast and good enough to vary texts; the same seed gives the same text. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Writer {
  private parts: string[] = [];
  private length = 0;
  readonly planted: Planted[] = [];
  readonly kept: string[] = [];
  constructor(readonly random: () => number) {}
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.random() * list.length)]!;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(Math.floor(this.random() * 10));
    return s;
  }
  add(text: string): this {
    this.parts.push(text);
    this.length += text.length;
    return this;
  }
  plant(kind: IdentifierKind, value: string): this {
    this.planted.push({ kind, value, start: this.length });
    return this.add(value);
  }
  keep(value: string): this {
    this.kept.push(value);
    return this.add(value);
  }
  text(): string {
    return this.parts.join('');
  }
}

// Private persons and officials come from separate pools, so a judge never shares a party's name.
const CYR = {
  privateSurnames: ['Иванов', 'Петров', 'Ахметов', 'Жұмабаев', 'Серікбаев', 'Кузнецов', 'Тұрсынов', 'Садыков', 'Ермеков', 'Смағұлов', 'Бекмұханов', 'Нұрпейісов'],
  officialSurnames: ['Омаров', 'Қасымов', 'Жақсылықов', 'Абдрахманов', 'Мусин', 'Төлеуов'],
  maleGiven: ['Петр', 'Ерлан', 'Тимур', 'Асхат', 'Марат', 'Бауыржан', 'Данияр', 'Руслан', 'Қайрат'],
  femaleGiven: ['Мария', 'Айгерім', 'Дина', 'Мадина', 'Жанар', 'Салтанат', 'Динара', 'Анастасия'],
  officialGiven: ['Бахыт', 'Гүлнар', 'Болат', 'Ләззат', 'Арман'],
  fathers: [
    { ru: 'Сергеев', kk: 'Серік' },
    { ru: 'Ержанов', kk: 'Ержан' },
    { ru: 'Канатов', kk: 'Қанат' },
    { ru: 'Муратов', kk: 'Мұрат' },
    { ru: 'Викторов', kk: 'Әділ' },
  ],
  officialFathers: ['Кайратов', 'Болатов', 'Нурланов'],
};
// Each Latin name with the Cyrillic one a case would hold: English acts name people the case's
// records keep in Cyrillic, and the proof checks they are found all the same.
const LAT = {
  privateSurnames: [['Ivanov', 'Иванов'], ['Petrov', 'Петров'], ['Akhmetov', 'Ахметов'], ['Zhumabayev', 'Жұмабаев'], ['Serikbayev', 'Серікбаев'], ['Kuznetsov', 'Кузнецов'], ['Tursynov', 'Тұрсынов'], ['Sadykov', 'Садыков'], ['Yermekov', 'Ермеков'], ['Smagulov', 'Смағұлов']],
  officialSurnames: [['Omarov', 'Омаров'], ['Kasymov', 'Қасымов'], ['Zhaksylykov', 'Жақсылықов'], ['Abdrakhmanov', 'Абдрахманов'], ['Mussin', 'Мусин']],
  maleGiven: [['Petr', 'Петр'], ['Yerlan', 'Ерлан'], ['Timur', 'Тимур'], ['Askhat', 'Асхат'], ['Marat', 'Марат'], ['Bauyrzhan', 'Бауыржан'], ['Daniyar', 'Данияр'], ['Ruslan', 'Руслан']],
  femaleGiven: [['Maria', 'Мария'], ['Aigerim', 'Айгерім'], ['Dina', 'Дина'], ['Madina', 'Мадина'], ['Zhanar', 'Жанар'], ['Saltanat', 'Салтанат'], ['Dinara', 'Динара']],
  officialGiven: [['Bakhyt', 'Бахыт'], ['Gulnar', 'Гүлнар'], ['Bolat', 'Болат'], ['Lazzat', 'Ләззат'], ['Arman', 'Арман']],
  fathers: [['Serik', 'Серік'], ['Yerzhan', 'Ержан'], ['Kanat', 'Қанат'], ['Murat', 'Мұрат']],
} satisfies Record<string, [string, string][]>;

const RU_CASES = ['nom', 'gen', 'dat', 'acc', 'ins', 'prep'] as const;
type RuCase = (typeof RU_CASES)[number];
const KK_CASES = ['atau', 'ilik', 'barys', 'tabys', 'zhatys', 'shygys', 'komektes'] as const;
type KkCase = (typeof KK_CASES)[number];

function ruWord(word: string, kase: RuCase, type: 'surnameM' | 'surnameF' | 'given' | 'patronymicM' | 'patronymicF' | 'fixed'): string {
  const i = RU_CASES.indexOf(kase);
  switch (type) {
    case 'surnameM':
      return word + ['', 'а', 'у', 'а', 'ым', 'е'][i];
    case 'surnameF':
      return word + ['а', 'ой', 'ой', 'у', 'ой', 'ой'][i];
    case 'patronymicM':
      return word + ['', 'а', 'у', 'а', 'ем', 'е'][i];
    case 'patronymicF':
      return word.slice(0, -1) + ['а', 'ы', 'е', 'у', 'ой', 'е'][i];
    case 'given':
      if (word.endsWith('ия')) return word.slice(0, -1) + ['я', 'и', 'и', 'ю', 'ей', 'и'][i];
      if (word.endsWith('а')) return word.slice(0, -1) + ['а', 'ы', 'е', 'у', 'ой', 'е'][i];
      return word + ['', 'а', 'у', 'а', 'ом', 'е'][i];
    case 'fixed':
      return word;
  }
}

const KK_VOWELS = 'аәоөұүыіеэияю';
const KK_BACK = 'аоұыя';
const KK_FRONT = 'әөүіеэ';

/** A Kazakh case ending on the last word of a name, by vowel harmony and the last sound. */
export function kkCase(word: string, kase: KkCase): string {
  if (kase === 'atau') return word;
  const lower = word.toLowerCase();
  let back = true;
  for (let k = lower.length - 1; k >= 0; k--) {
    if (KK_BACK.includes(lower[k]!)) break;
    if (KK_FRONT.includes(lower[k]!)) {
      back = false;
      break;
    }
  }
  const a = back ? 'а' : 'е';
  const y = back ? 'ы' : 'і';
  if (/(?:ұлы|қызы)$/.test(lower)) return word + { ilik: `н${y}ң`, barys: `н${a}`, tabys: 'н', zhatys: `нд${a}`, shygys: `н${a}н`, komektes: 'мен' }[kase];
  const last = lower.at(-1)!;
  const vowel = KK_VOWELS.includes(last);
  const nasal = 'мнң'.includes(last);
  const liquid = 'лрйу'.includes(last);
  const voiced = 'жз'.includes(last);
  const soft = vowel || nasal || liquid || voiced;
  const ending = {
    ilik: vowel || nasal ? `н${y}ң` : liquid || voiced ? `д${y}ң` : `т${y}ң`,
    barys: soft ? (back ? 'ға' : 'ге') : back ? 'қа' : 'ке',
    tabys: vowel ? `н${y}` : soft ? `д${y}` : `т${y}`,
    zhatys: soft ? `д${a}` : `т${a}`,
    shygys: vowel || liquid || voiced ? `д${a}н` : nasal ? `н${a}н` : `т${a}н`,
    komektes: vowel || nasal || liquid ? 'мен' : voiced ? 'бен' : 'пен',
  }[kase];
  return word + ending;
}

interface Person {
  full: string;
  female: boolean;
  surname: string;
  given: string;
  patronymic: string;
  patronymicStyle: 'ru' | 'kk';
}

function cyrPerson(w: Writer, official: boolean, patronymicStyle: 'ru' | 'kk'): Person {
  const female = w.random() < 0.5;
  const base = w.pick(official ? CYR.officialSurnames : CYR.privateSurnames);
  const surname = female ? `${base}а` : base;
  const given = w.pick(official ? CYR.officialGiven : female ? CYR.femaleGiven : CYR.maleGiven);
  const father = official ? { ru: w.pick(CYR.officialFathers), kk: 'Нұрлан' } : w.pick(CYR.fathers);
  const patronymic = patronymicStyle === 'kk' ? father.kk + (female ? 'қызы' : 'ұлы') : father.ru.replace(/ов$/, female ? 'овна' : 'ович').replace(/ев$/, female ? 'евна' : 'евич');
  return { full: `${surname} ${given} ${patronymic}`, female, surname, given, patronymic, patronymicStyle };
}

function latPerson(w: Writer, official: boolean): Person & { cyrillic: string } {
  const female = w.random() < 0.5;
  const [base, cyrBase] = w.pick(official ? LAT.officialSurnames : LAT.privateSurnames);
  const [given, cyrGiven] = w.pick(official ? LAT.officialGiven : female ? LAT.femaleGiven : LAT.maleGiven);
  const [father, cyrFather] = w.pick(LAT.fathers);
  const surname = female ? `${base}a` : base;
  const patronymic = father + (female ? 'kyzy' : 'uly');
  const cyrillic = `${cyrBase}${female ? 'а' : ''} ${cyrGiven} ${cyrFather}${female ? 'қызы' : 'ұлы'}`;
  return { full: `${surname} ${given} ${patronymic}`, female, surname, given, patronymic, patronymicStyle: 'kk', cyrillic };
}

// Witnesses are not among the case's people: only the general rules can find their names.
const WITNESSES: Record<CorpusLanguage, string[]> = {
  ru: ['Сидоров Олег Викторович', 'Морозовой Еленой Ивановной', 'Тлеубаева Нұрбола Ғалымұлы', 'Кенжебековой Алией Маратовной'],
  kk: ['Тлеубаев Нұрбол Ғалымұлы', 'Кенжебекова Әлия Маратқызы', 'Сидоров Олег Викторович'],
  en: ['Mr Morozov', 'Ms Kenzhebekova', 'Nurbol Tleubayev', 'Oleg Sidorov'],
};
const WITNESS_SAYS: Record<CorpusLanguage, [string, string]> = {
  ru: ['Допрошенный в качестве свидетеля ', ' подтвердил доводы истца. '],
  kk: ['Куә ретінде жауап алынған ', ' талапкердің уәжін растады. '],
  en: ['The witness ', ' confirmed the claimant’s account. '],
};

const initials = (p: Person) => `${p.given[0]}.${p.patronymic[0]}.`;

/** A name as Russian text writes it in one of its six cases: full, or surname and initials. */
function ruForm(w: Writer, p: Person, kase: RuCase): string {
  const s = ruWord(p.female ? p.surname.slice(0, -1) : p.surname, kase, p.female ? 'surnameF' : 'surnameM');
  if (w.random() < 0.3) return `${s} ${initials(p)}`;
  const g = p.given.endsWith('м') || (p.female && !/[ая]$/.test(p.given)) ? p.given : ruWord(p.given, kase, 'given');
  const pat = p.patronymicStyle === 'kk' ? p.patronymic : ruWord(p.patronymic, kase, p.female ? 'patronymicF' : 'patronymicM');
  return w.random() < 0.2 ? `${g} ${pat} ${s}` : `${s} ${g} ${pat}`;
}

/** A name as Kazakh text writes it: the case ending on its last word. */
function kkForm(w: Writer, p: Person, kase: KkCase): string {
  const r = w.random();
  if (r < 0.2) return `${p.surname} ${initials(p)}`;
  if (r < 0.35) return `${p.given} ${kkCase(p.patronymic, kase)}`;
  if (r < 0.45) return `${p.patronymic} ${kkCase(p.given, kase)}`;
  return `${p.surname} ${p.given} ${kkCase(p.patronymic, kase)}`;
}

function enForm(w: Writer, p: Person): string {
  const r = w.random();
  if (r < 0.3) return `${p.given} ${p.surname}`;
  if (r < 0.5) return `${p.surname} ${initials(p)}`;
  if (r < 0.7) return `${p.female ? 'Ms' : 'Mr'} ${p.surname}`;
  return `${p.surname} ${p.given} ${p.patronymic}`;
}

const COURTS: Record<CorpusLanguage, { name: string; code: string }[]> = {
  ru: [
    { name: 'Медеуский районный суд г. Алматы', code: '7517' },
    { name: 'Бостандыкский районный суд г. Алматы', code: '7511' },
    { name: 'Специализированный межрайонный экономический суд г. Алматы', code: '7594' },
    { name: 'Есильский районный суд г. Астаны', code: '7117' },
  ],
  kk: [
    { name: 'Алматы қаласы Медеу аудандық соты', code: '7517' },
    { name: 'Алматы қаласы Бостандық аудандық соты', code: '7511' },
    { name: 'Астана қаласы Есіл аудандық соты', code: '7117' },
  ],
  en: [
    { name: 'Medeu District Court of Almaty', code: '7517' },
    { name: 'Bostandyk District Court of Almaty', code: '7511' },
    { name: 'Esil District Court of Astana', code: '7117' },
  ],
};
const ENTITIES: Record<CorpusLanguage, string[]> = {
  ru: ['ТОО «Дала Логистик»', 'АО «Демо Банк»', 'ТОО «Алатау Строй 2020»'],
  kk: ['«Дала Логистик» ЖШС', '«Демо Банк» АҚ', 'ЖШС «Алатау Құрылыс»'],
  en: ['Dala Logistic LLP', 'Demo Bank JSC', 'LLP "Alatau Stroy"'],
};
const STREETS: Record<CorpusLanguage, ((w: Writer) => string)[]> = {
  ru: [
    (w) => `ул. Абая, д. ${w.int(1, 200)}, кв. ${w.int(1, 150)}`,
    (w) => `улица Толе би, дом ${w.int(1, 300)}`,
    (w) => `пр. Аль-Фараби, ${w.int(1, 120)}/${w.int(1, 9)}`,
    (w) => `мкр. Самал-2, д. ${w.int(1, 99)}, кв. ${w.int(1, 80)}`,
    (w) => `проспект Достык ${w.int(1, 250)}`,
  ],
  kk: [
    (w) => `Абай көшесі, ${w.int(1, 200)}-үй, ${w.int(1, 150)}-пәтер`,
    (w) => `Достық даңғылы, ${w.int(1, 250)}`,
    (w) => `Самал-2 шағын ауданы, ${w.int(1, 99)}-үй`,
    (w) => `Төле би к-сі, ${w.int(1, 300)}`,
  ],
  en: [(w) => `${w.int(1, 200)} Abay Street, apt. ${w.int(1, 150)}`, (w) => `Dostyk Avenue ${w.int(1, 250)}`, (w) => `Al-Farabi avenue, ${w.int(1, 120)}/${w.int(1, 9)}`],
};
const CITY: Record<CorpusLanguage, string> = { ru: 'г. Алматы', kk: 'Алматы қаласы', en: 'Almaty' };
const MONTHS: Record<CorpusLanguage, string[]> = {
  ru: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
  kk: ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

const pad = (n: number) => String(n).padStart(2, '0');

function iin(w: Writer): string {
  const d = `${pad(w.int(50, 99))}${pad(w.int(1, 12))}${pad(w.int(1, 28))}${w.digits(6)}`;
  const style = w.int(0, 3);
  if (style === 0) return d;
  if (style === 1) return `${d.slice(0, 6)} ${d.slice(6, 9)} ${d.slice(9)}`;
  if (style === 2) return `${d.slice(0, 4)}-${d.slice(4, 8)}-${d.slice(8)}`;
  return `${d.slice(0, 4)} ${d.slice(4, 8)} ${d.slice(8)}`;
}

function phone(w: Writer): string {
  const op = w.pick(['701', '702', '705', '707', '747', '771', '777']);
  const n = w.digits(7);
  return w.pick([
    `+7 ${op} ${n.slice(0, 3)} ${n.slice(3, 5)} ${n.slice(5)}`,
    `8 (${op}) ${n.slice(0, 3)}-${n.slice(3, 5)}-${n.slice(5)}`,
    `+7${op}${n}`,
    `8-${op}-${n.slice(0, 3)}-${n.slice(3)}`,
    `8 (7272) ${n.slice(1, 3)}-${n.slice(3, 5)}-${n.slice(5)}`,
    `${n.slice(1, 3)}-${n.slice(3, 5)}-${n.slice(5)}`,
  ]);
}

function iban(w: Writer): string {
  const body = `KZ${w.digits(2)}${w.digits(3)}${w.pick(['KZT', '0000', 'A0B'])}${w.digits(20)}`.slice(0, 20);
  return w.random() < 0.5 ? body : body.replace(/(.{4})(?!$)/g, '$1 ');
}

function plate(w: Writer): string {
  const letters = w.random() < 0.3 ? 'АВСЕНКМОРТХУ' : 'ABCEHKMOPTXY';
  const l = () => letters[w.int(0, letters.length - 1)]!;
  const region = pad(w.int(1, 20));
  const num = String(w.int(100, 999));
  return w.pick([`${num}${l()}${l()}${l()}${region}`, `${num} ${l()}${l()}${l()} ${region}`, `${region} ${l()}${l()}${l()} ${num}`, `${l()} ${num} ${l()}${l()}${l()}`]);
}

function birthDate(w: Writer, lang: CorpusLanguage): { before: string; value: string; after: string } {
  const y = w.int(1950, 2004);
  const m = w.int(1, 12);
  const d = w.int(1, 28);
  const numeric = `${pad(d)}.${pad(m)}.${y}`;
  const r = w.random();
  if (lang === 'ru') return r < 0.4 ? { before: '', value: numeric, after: ' г.р.' } : r < 0.8 ? { before: 'дата рождения: ', value: numeric, after: '' } : { before: '', value: String(y), after: ' года рождения' };
  if (lang === 'kk') return r < 0.5 ? { before: '', value: String(y), after: ' жылы туған' } : { before: 'туған күні: ', value: numeric, after: '' };
  return r < 0.4 ? { before: 'born on ', value: `${d} ${MONTHS.en[m - 1]} ${y}`, after: '' } : r < 0.7 ? { before: 'date of birth: ', value: numeric, after: '' } : { before: 'DOB ', value: `${y}-${pad(m)}-${pad(d)}`, after: '' };
}

function idDocument(w: Writer, lang: CorpusLanguage): { before: string; value: string } {
  const passport = w.random() < 0.4;
  const value = passport ? `N${w.digits(8)}` : w.digits(9);
  const before = {
    ru: passport ? 'паспорт № ' : 'удостоверение личности № ',
    kk: passport ? 'төлқұжат № ' : 'жеке куәлік № ',
    en: passport ? 'passport No. ' : 'ID card No. ',
  }[lang];
  return { before, value };
}

const LATIN_OF: Record<string, string> = { а: 'a', ә: 'a', б: 'b', в: 'v', г: 'g', ғ: 'g', д: 'd', е: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', қ: 'k', л: 'l', м: 'm', н: 'n', ң: 'n', о: 'o', ө: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ұ: 'u', ү: 'u', ф: 'f', х: 'kh', һ: 'h', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'sh', ы: 'y', і: 'i', э: 'e', ю: 'yu', я: 'ya', ь: '', ъ: '' };
function email(w: Writer, p: Person): string {
  const local = [...`${p.given[0]}${p.surname}`.toLowerCase()].map((c) => LATIN_OF[c] ?? c).join('');
  return `${local}${w.int(1, 99)}@${w.pick(['mail.kz', 'gmail.com', 'inbox.ru', 'bk.ru'])}`;
}

export function generateJudgmentText(seed: number, lang: CorpusLanguage): GeneratedJudgment {
  const w = new Writer(prng(seed * 2654435761 + ['ru', 'kk', 'en'].indexOf(lang)));
  const latin = lang === 'en';
  const style = (): 'ru' | 'kk' => (lang === 'kk' || w.random() < 0.4 ? 'kk' : 'ru');
  const claimant = latin ? latPerson(w, false) : cyrPerson(w, false, style());
  let defendant = latin ? latPerson(w, false) : cyrPerson(w, false, style());
  while (defendant.surname.slice(0, 4) === claimant.surname.slice(0, 4)) defendant = latin ? latPerson(w, false) : cyrPerson(w, false, style());
  const judge = latin ? latPerson(w, true) : cyrPerson(w, true, 'ru');
  const entity = w.pick(ENTITIES[lang]);
  const court = w.pick(COURTS[lang]);
  const year = w.int(24, 26);
  const caseNumber = `${court.code}-${year}-00-2/${w.int(1, 3000)}`;
  const hearing = `${pad(w.int(1, 28))}.${pad(w.int(1, 12))}.20${year}`;
  const sum = `${w.int(1, 999)} ${String(w.int(0, 999)).padStart(3, '0')} ${w.pick(['тенге', 'теңге', 'tenge'].slice(...({ ru: [0, 1], kk: [1, 2], en: [2, 3] } as const)[lang]))}`;
  // An English act's people are as often held in Cyrillic by the case as in Latin.
  const recorded = (p: Person) => ('cyrillic' in p && w.random() < 0.5 ? (p.cyrillic as string) : p.full);
  const people: NamedPerson[] = [
    { name: recorded(claimant), kind: 'private' },
    { name: recorded(defendant), kind: 'private' },
    { name: recorded(judge), kind: 'official' },
    { name: entity, kind: 'entity' },
  ];
  const judgeForm = `${judge.surname} ${initials(judge)}`;
  const name = (p: Person) => {
    const form = latin ? enForm(w, p) : lang === 'kk' ? kkForm(w, p, w.pick(KK_CASES)) : ruForm(w, p, w.pick(RU_CASES));
    w.plant('person_name', form);
  };
  const T = TEXTS[lang];
  w.keep(court.name).add(T.title).keep(caseNumber).add(T.heard).keep(hearing).add(T.judge).keep(judgeForm).add('\n\n');
  w.add(T.claimant);
  name(claimant);
  w.add(` (${T.iin} `).plant('iin_bin', iin(w)).add(`, ${T.phone} `).plant('phone', phone(w)).add(', e-mail: ').plant('email', email(w, claimant)).add(`), ${T.address} ${CITY[lang]}, `);
  w.plant('address', w.pick(STREETS[lang])(w)).add(`, ${T.against} `).keep(entity).add(` (${T.bin} `).plant('iin_bin', iin(w)).add(`) ${T.and} `);
  name(defendant);
  const b = birthDate(w, lang);
  w.add(', ' + b.before).plant('birth_date', b.value).add(b.after + ', ');
  const doc = idDocument(w, lang);
  w.add(doc.before).plant('id_document', doc.value).add(`, ${T.recover} `).keep(sum).add('.\n\n');
  for (let k = w.int(1, 3); k > 0; k--) {
    w.add(w.pick(T.fillers));
    name(w.random() < 0.5 ? claimant : defendant);
    w.add(T.filler2[w.int(0, T.filler2.length - 1)]!);
  }
  if (w.random() < 0.5) w.add(WITNESS_SAYS[lang][0]).plant('person_name', w.pick(WITNESSES[lang])).add(WITNESS_SAYS[lang][1]);
  w.add(T.car).plant('car_plate', plate(w)).add(T.account).plant('iban', iban(w)).add('.\n\n');
  w.add(T.article).add(T.decided);
  name(defendant);
  w.add(T.inFavour);
  name(claimant);
  w.add(' ').keep(sum).add('.\n\n').add(T.signed).keep(judgeForm).add('\n');
  return { text: w.text(), people, planted: w.planted, kept: w.kept };
}

const TEXTS: Record<CorpusLanguage, { title: string; heard: string; judge: string; claimant: string; iin: string; phone: string; address: string; against: string; bin: string; and: string; recover: string; fillers: string[]; filler2: string[]; car: string; account: string; article: string; decided: string; inFavour: string; signed: string }> = {
  ru: {
    title: '\nРЕШЕНИЕ ИМЕНЕМ РЕСПУБЛИКИ КАЗАХСТАН\nДело № ',
    heard: '\nСуд, рассмотрев в открытом судебном заседании ',
    judge: ' под председательством судьи ',
    claimant: 'Истец ',
    iin: 'ИИН',
    phone: 'тел.',
    address: 'проживающий по адресу:',
    against: 'обратился в суд с иском к',
    bin: 'БИН',
    and: 'и',
    recover: 'о взыскании',
    fillers: ['В судебном заседании представитель истца пояснил, что ', 'Суд, выслушав ', 'Ответчик в отзыве указал, что '],
    filler2: [' не исполнил обязательства по договору. ', ' исковые требования не признал. ', ' представил доказательства оплаты. '],
    car: 'Автомобиль с государственным номером ',
    account: ' передан в залог; денежные средства перечислены на счёт ',
    article: 'Руководствуясь ст. 223 ГПК РК, ',
    decided: 'суд решил: взыскать с ',
    inFavour: ' в пользу ',
    signed: 'Судья ',
  },
  kk: {
    title: '\nҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ АТЫНАН\nШЕШІМ\nІс № ',
    heard: '\nСот ашық сот отырысында ',
    judge: ' күні судья ',
    claimant: 'Талапкер ',
    iin: 'ЖСН',
    phone: 'телефон',
    address: 'мекенжайы:',
    against: 'сотқа',
    bin: 'БСН',
    and: 'және',
    recover: 'өндіріп алу туралы талап қойды, сомасы',
    fillers: ['Сот отырысында талапкердің өкілі түсіндірді: ', 'Сот тыңдап, ', 'Жауапкер пікірінде көрсетті: '],
    filler2: [' шарт бойынша міндеттемелерін орындамады. ', ' талапты мойындамады. ', ' төлем туралы дәлелдер ұсынды. '],
    car: 'Мемлекеттік нөмірі ',
    account: ' көлік кепілге берілді; ақша шотқа аударылды: ',
    article: 'ҚР АПК 223-бабын басшылыққа ала отырып, ',
    decided: 'сот шешті: ',
    inFavour: ' өндіріп, ',
    signed: 'Судья ',
  },
  en: {
    title: '\nDECISION IN THE NAME OF THE REPUBLIC OF KAZAKHSTAN\nCase No. ',
    heard: '\nThe court heard the case in open session on ',
    judge: ', presided over by judge ',
    claimant: 'The claimant ',
    iin: 'IIN',
    phone: 'phone',
    address: 'residing at',
    against: 'brought a claim against',
    bin: 'BIN',
    and: 'and',
    recover: 'for the recovery of',
    fillers: ['At the hearing the representative explained that ', 'Having heard ', 'In the response it was stated that '],
    filler2: [' failed to perform the contract. ', ' did not admit the claim. ', ' submitted evidence of payment. '],
    car: 'The car with plate number ',
    account: ' was pledged; the money was paid to account ',
    article: 'Under Article 223 of the CPC, ',
    decided: 'the court decided to recover from ',
    inFavour: ' in favour of ',
    signed: 'Judge ',
  },
};
