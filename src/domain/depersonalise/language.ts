import type { IdentifierKind } from './types.ts';

export type TextLanguage = 'kk' | 'ru' | 'en';

const KAZAKH_LETTERS = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/gu;
const CYRILLIC = /\p{Script=Cyrillic}/gu;
const LATIN = /[A-Za-z]/g;
const KAZAKH_WORDS = /(?<!\p{L})(?:және|мен|бойынша|туралы|деп|үшін|осы|бұл|сот|соты|сотқа|жылы|болып|бар|жоқ|қаласы)(?!\p{L})/giu;
const RUSSIAN_WORDS = /(?<!\p{L})(?:и|в|во|на|по|с|о|об|что|не|от|для|к|из|за|суд|суда|был|была|года)(?!\p{L})/giu;

/**
 * The language of a court act by letter and word statistics: Latin over Cyrillic is English;
 * then the more of each language's commonest short words; failing those, Cyrillic with the
 * letters only Kazakh has (ә ғ қ ң ө ұ ү һ і) is Kazakh. A Russian act quoting a Kazakh name has
 * a few of them, so Kazakh needs them at more than three in a hundred Cyrillic letters.
 */
export function detectLanguage(fullText: string): TextLanguage {
  // The first few pages tell the language as well as the whole act does.
  const text = fullText.length > 6000 ? fullText.slice(0, 6000) : fullText;
  const cyrillic = text.match(CYRILLIC)?.length ?? 0;
  const latin = text.match(LATIN)?.length ?? 0;
  if (latin > cyrillic) return 'en';
  // The commonest short words settle it where there are any; names carry no such words.
  const kazakhWords = text.match(KAZAKH_WORDS)?.length ?? 0;
  const russianWords = text.match(RUSSIAN_WORDS)?.length ?? 0;
  if (kazakhWords !== russianWords) return kazakhWords > russianWords ? 'kk' : 'ru';
  const kazakh = text.match(KAZAKH_LETTERS)?.length ?? 0;
  return kazakh * 100 > cyrillic * 3 ? 'kk' : 'ru';
}

/**
 * What stands where an identifier was removed, in the act's language. Each marker is in square
 * brackets and holds no digit, so a second pass finds nothing in it and no removed number can
 * join its neighbours into a longer one.
 */
export const MARKERS: Record<TextLanguage, Record<Exclude<IdentifierKind, 'person_name'>, string>> = {
  ru: {
    iin_bin: '[ИИН/БИН]',
    phone: '[телефон]',
    email: '[e-mail]',
    address: '[адрес]',
    iban: '[счёт]',
    car_plate: '[госномер]',
    id_document: '[номер документа]',
    birth_date: '[дата рождения]',
  },
  kk: {
    iin_bin: '[ЖСН/БСН]',
    phone: '[телефон]',
    email: '[e-mail]',
    address: '[мекенжай]',
    iban: '[шот]',
    car_plate: '[мемлекеттік нөмір]',
    id_document: '[құжат нөмірі]',
    birth_date: '[туған күні]',
  },
  en: {
    iin_bin: '[IIN/BIN]',
    phone: '[phone]',
    email: '[e-mail]',
    address: '[address]',
    iban: '[account]',
    car_plate: '[plate number]',
    id_document: '[document number]',
    birth_date: '[date of birth]',
  },
};
