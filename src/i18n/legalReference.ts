import { CURRENT_TAX_CODE_EDITION, compactCitation, parseLegalReference, type LegalReference } from '../domain/legalReference.ts';
import type { Lang } from './languages.ts';

/**
 * A legal reference as lawyers of each language cite it:
 * ru «ст. 150 ч. 1 ГПК РК», «подп. 1) п. 1 ст. 665 Налогового кодекса РК»;
 * kk «ҚР АПК 150-бабының 1-бөлігі», «ҚР Салық кодексінің 665-бабы 1-тармағының 1) тармақшасы»;
 * en "CPC Art. 150(1)", "Tax Code 2026, Art. 665(1)(1)".
 * The CPC's articles divide into parts (часть, бөлік), the Tax Code's into paragraphs (пункт,
 * тармақ); both into subparagraphs (подпункт, тармақша).
 */
const subList = (ref: LegalReference) => ref.subparagraphs.map((s) => `${s})`).join(', ');

function russian(ref: LegalReference): string {
  const edition = ref.edition !== null && ref.edition !== CURRENT_TAX_CODE_EDITION ? ` ${ref.edition} года` : '';
  const code = ref.code === 'cpc' ? 'ГПК РК' : `Налогового кодекса РК${edition}`;
  const partWord = ref.code === 'cpc' ? 'ч.' : 'п.';
  const sub = ref.subparagraphs.length > 0 ? `подп. ${subList(ref)} ` : '';
  if (sub) return `${sub}${ref.part !== null ? `${partWord} ${ref.part} ` : ''}ст. ${ref.article} ${code}`;
  if (ref.part === null) return `ст. ${ref.article} ${code}`;
  // A part alone: "ст. 150 ч. 1 ГПК РК"; a paragraph of the Tax Code: "п. 3 ст. 665 …".
  return ref.code === 'cpc' ? `ст. ${ref.article} ч. ${ref.part} ${code}` : `п. ${ref.part} ст. ${ref.article} ${code}`;
}

function kazakh(ref: LegalReference): string {
  const edition = ref.edition !== null && ref.edition !== CURRENT_TAX_CODE_EDITION ? `${ref.edition} жылғы ` : '';
  // The code in the genitive before the article: "ҚР АПК 150-бабы", "ҚР Салық кодексінің 665-бабы".
  const code = ref.code === 'cpc' ? 'ҚР АПК' : `ҚР ${edition}Салық кодексінің`;
  const part = ref.code === 'cpc' ? { of: 'бөлігінің', is: 'бөлігі' } : { of: 'тармағының', is: 'тармағы' };
  const subs = ref.subparagraphs.length > 1 ? 'тармақшалары' : 'тармақшасы';
  if (ref.subparagraphs.length > 0) {
    return ref.part !== null
      ? `${code} ${ref.article}-бабы ${ref.part}-${part.of} ${subList(ref)} ${subs}`
      : `${code} ${ref.article}-бабының ${subList(ref)} ${subs}`;
  }
  if (ref.part !== null) return `${code} ${ref.article}-бабының ${ref.part}-${part.is}`;
  return `${code} ${ref.article}-бабы`;
}

const FORMATTERS: Record<Lang, (ref: LegalReference) => string> = { kk: kazakh, ru: russian, en: compactCitation };

export function formatLegalReference(ref: LegalReference, lang: Lang): string {
  return FORMATTERS[lang](ref);
}

/** A stored or tabled citation in the reader's language; text Sot cannot read as a reference is shown as it is. */
export function citeArticle(text: string, lang: Lang): string {
  const ref = parseLegalReference(text);
  return ref ? formatLegalReference(ref, lang) : text;
}

/** A reference as the API gives it: its parts for machines, `text` cited in the caller's language. */
export interface LegalBasis {
  code: LegalReference['code'] | null;
  edition: number | null;
  article: string | null;
  part: string | null;
  subparagraphs: string[];
  text: string;
}

export function legalBasis(text: string, lang: Lang): LegalBasis {
  const ref = parseLegalReference(text);
  if (!ref) return { code: null, edition: null, article: null, part: null, subparagraphs: [], text };
  return { code: ref.code, edition: ref.edition, article: ref.article, part: ref.part, subparagraphs: [...ref.subparagraphs], text: formatLegalReference(ref, lang) };
}
