/**
 * A reference to an article of a code as data, so each language cites it the way its lawyers do
 * (src/i18n/legalReference.ts). Terms, duty rates and grounds name their article in one compact
 * form ("CPC Art. 150(1)", "Tax Code 2026, Art. 665(1)(1)"), and rows already stored hold it too
 * (`case_deadlines.article`, `filings.duty_basis`): it is parsed here rather than migrated.
 */

export const LEGAL_CODES = ['cpc', 'tax_code'] as const;
export type LegalCode = (typeof LEGAL_CODES)[number];

export interface LegalReference {
  code: LegalCode;
  /** The year of the code's edition where two are cited side by side (the Tax Codes of 2017 and 2026); null when the text does not say. */
  edition: number | null;
  article: string;
  /** A part of the CPC's article (часть), a paragraph of the Tax Code's (пункт). */
  part: string | null;
  /** Subparagraphs (подпункты), several where the text lists them: "668(1)(2), (3)". */
  subparagraphs: readonly string[];
}

/** The Tax Code in force now; a citation of another edition says its year. */
export const CURRENT_TAX_CODE_EDITION = 2026;

/**
 * Articles whose list stands directly under the article or its first part, so a single number
 * in brackets is a subparagraph, not a part: CPC Art. 135 ("Судебный приказ выдается, если:
 * 1) …"), and the exemptions of the Tax Code, Art. 668(1) (2026) and Art. 616(1) (2017), which
 * the duty tables cite as "Art. 668(4)".
 */
const LIST_ARTICLES: Record<LegalCode, Record<string, { part: string | null }>> = {
  cpc: { '135': { part: null } },
  tax_code: { '668': { part: '1' }, '616': { part: '1' } },
};

const NUMBER = String.raw`\d+(?:-\d+)?`;
const COMPACT = new RegExp(
  String.raw`^(CPC|Tax Code)(?: (\d{4}))?,? Art\. (${NUMBER})((?:\((?:${NUMBER})\))*)((?:, \((?:${NUMBER})\))*)$`,
);

function bracketed(text: string): string[] {
  return [...text.matchAll(/\(([^()]+)\)/g)].map((m) => m[1]!);
}

/** The reference a compact citation names, or null for text in any other form (shown as it is). */
export function parseLegalReference(text: string): LegalReference | null {
  const match = COMPACT.exec(text.trim());
  if (!match) return null;
  const [, codeName, year, article, levels, more] = match;
  const code: LegalCode = codeName === 'CPC' ? 'cpc' : 'tax_code';
  if (code === 'cpc' && year) return null;
  const numbers = bracketed(levels ?? '');
  const extra = bracketed(more ?? '');
  if (numbers.length > 2) return null;
  const list = LIST_ARTICLES[code][article!];
  let part: string | null;
  let subparagraphs: string[];
  if (list && numbers.length === 1) {
    part = list.part;
    subparagraphs = [numbers[0]!, ...extra];
  } else {
    // "Art. 403(3), (4)" would list parts; no article in Sot cites so, so it is not guessed at.
    if (extra.length > 0 && numbers.length < 2) return null;
    part = numbers[0] ?? null;
    subparagraphs = numbers.length === 2 ? [numbers[1]!, ...extra] : [];
  }
  return { code, edition: year ? Number(year) : null, article: article!, part, subparagraphs };
}

/** The compact form, as the English pages and older API clients read it. */
export function compactCitation(ref: LegalReference): string {
  const subs = ref.subparagraphs.length > 0 ? `(${ref.subparagraphs[0]})${ref.subparagraphs.slice(1).map((s) => `, (${s})`).join('')}` : '';
  const levels = `${ref.part !== null ? `(${ref.part})` : ''}${subs}`;
  return ref.code === 'cpc' ? `CPC Art. ${ref.article}${levels}` : `Tax Code${ref.edition !== null ? ` ${ref.edition}` : ''}, Art. ${ref.article}${levels}`;
}
