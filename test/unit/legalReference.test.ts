import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GROUND_ARTICLE } from '../../src/domain/admission.ts';
import { ABSENT_PARTY_APPEAL_ARTICLE } from '../../src/domain/appealTerms.ts';
import { CASSATION_REFUSAL_ARTICLE } from '../../src/domain/cassation.ts';
import { COURT_ORDER_DEMANDS, demandArticle } from '../../src/domain/courtOrders.ts';
import { DEADLINES } from '../../src/domain/deadlines.ts';
import { EXEMPTIONS, RATES } from '../../src/domain/duty/rates.ts';
import { compactCitation, parseLegalReference } from '../../src/domain/legalReference.ts';
import { INITIAL_THRESHOLDS } from '../../src/domain/thresholds.ts';
import { translator } from '../../src/i18n/index.ts';
import { citeArticle } from '../../src/i18n/legalReference.ts';

describe('reading a compact citation', () => {
  it('reads the CPC by article, part and subparagraph', () => {
    expect(parseLegalReference('CPC Art. 150(1)')).toEqual({ code: 'cpc', edition: null, article: '150', part: '1', subparagraphs: [] });
    expect(parseLegalReference('CPC Art. 152(1)(1)')).toEqual({ code: 'cpc', edition: null, article: '152', part: '1', subparagraphs: ['1'] });
    expect(parseLegalReference('CPC Art. 234')).toEqual({ code: 'cpc', edition: null, article: '234', part: null, subparagraphs: [] });
  });

  it('reads the Tax Code with its edition', () => {
    expect(parseLegalReference('Tax Code 2026, Art. 665(1)(1)')).toEqual({ code: 'tax_code', edition: 2026, article: '665', part: '1', subparagraphs: ['1'] });
    expect(parseLegalReference('Tax Code 2017, Art. 610(2)')).toEqual({ code: 'tax_code', edition: 2017, article: '610', part: '2', subparagraphs: [] });
    expect(parseLegalReference('Tax Code, Art. 664(2)')).toEqual({ code: 'tax_code', edition: null, article: '664', part: '2', subparagraphs: [] });
  });

  it('reads a single number of a listing article as its subparagraph (CPC Art. 135, Tax Code Art. 668(1))', () => {
    expect(parseLegalReference('CPC Art. 135(3)')).toMatchObject({ article: '135', part: null, subparagraphs: ['3'] });
    expect(parseLegalReference('Tax Code 2026, Art. 668(4)')).toMatchObject({ article: '668', part: '1', subparagraphs: ['4'] });
    expect(parseLegalReference('Tax Code 2026, Art. 668(2), (3)')).toMatchObject({ article: '668', part: '1', subparagraphs: ['2', '3'] });
    expect(parseLegalReference('Tax Code 2017, Art. 616(16), (17)')).toMatchObject({ article: '616', part: '1', subparagraphs: ['16', '17'] });
  });

  it('leaves other text alone', () => {
    for (const text of ['Law on holidays of 13.12.2001 No. 267-II, Art. 1', 'CPC Arts 401(2), 403(2)', 'CPC 2015 Art. 1', 'CPC Art. 1(2)(3)(4)', '', 'ст. 150 ГПК']) {
      expect(parseLegalReference(text)).toBeNull();
      expect(citeArticle(text, 'ru')).toBe(text);
    }
  });

  it('writes a reference back in the compact form it was read from', () => {
    for (const text of ['CPC Art. 150(1)', 'CPC Art. 152(1)(1)', 'CPC Art. 234', 'CPC Art. 135(3)', 'Tax Code 2026, Art. 665(1)(1)', 'Tax Code 2017, Art. 610(2)']) {
      expect(compactCitation(parseLegalReference(text)!)).toBe(text);
    }
  });
});

describe('citing in the reader’s language', () => {
  const cases: [string, { kk: string; ru: string; en: string }][] = [
    ['CPC Art. 150(1)', { kk: 'ҚР АПК 150-бабының 1-бөлігі', ru: 'ст. 150 ч. 1 ГПК РК', en: 'CPC Art. 150(1)' }],
    ['CPC Art. 152(1)(1)', { kk: 'ҚР АПК 152-бабы 1-бөлігінің 1) тармақшасы', ru: 'подп. 1) ч. 1 ст. 152 ГПК РК', en: 'CPC Art. 152(1)(1)' }],
    ['CPC Art. 234', { kk: 'ҚР АПК 234-бабы', ru: 'ст. 234 ГПК РК', en: 'CPC Art. 234' }],
    ['CPC Art. 135(3)', { kk: 'ҚР АПК 135-бабының 3) тармақшасы', ru: 'подп. 3) ст. 135 ГПК РК', en: 'CPC Art. 135(3)' }],
    ['Tax Code 2026, Art. 665(1)(1)', { kk: 'ҚР Салық кодексінің 665-бабы 1-тармағының 1) тармақшасы', ru: 'подп. 1) п. 1 ст. 665 Налогового кодекса РК', en: 'Tax Code 2026, Art. 665(1)(1)' }],
    ['Tax Code 2026, Art. 665(3)', { kk: 'ҚР Салық кодексінің 665-бабының 3-тармағы', ru: 'п. 3 ст. 665 Налогового кодекса РК', en: 'Tax Code 2026, Art. 665(3)' }],
    ['Tax Code 2026, Art. 668(2), (3)', { kk: 'ҚР Салық кодексінің 668-бабы 1-тармағының 2), 3) тармақшалары', ru: 'подп. 2), 3) п. 1 ст. 668 Налогового кодекса РК', en: 'Tax Code 2026, Art. 668(1)(2), (3)' }],
    ['Tax Code 2017, Art. 610(1)(7)', { kk: 'ҚР 2017 жылғы Салық кодексінің 610-бабы 1-тармағының 7) тармақшасы', ru: 'подп. 7) п. 1 ст. 610 Налогового кодекса РК 2017 года', en: 'Tax Code 2017, Art. 610(1)(7)' }],
  ];
  for (const [text, expected] of cases) {
    it(`cites ${text} in kk, ru and en`, () => {
      expect(citeArticle(text, 'kk')).toBe(expected.kk);
      expect(citeArticle(text, 'ru')).toBe(expected.ru);
      expect(citeArticle(text, 'en')).toBe(expected.en);
    });
  }

  it('cites the {article} of any message in its language', () => {
    expect(translator('ru')('terms.result.basis', { article: 'CPC Art. 403(3)' })).toBe('Правовое основание: ст. 403 ч. 3 ГПК РК.');
    expect(translator('kk')('terms.result.basis', { article: 'CPC Art. 403(3)' })).toBe('Құқықтық негіз: ҚР АПК 403-бабының 3-бөлігі.');
    expect(translator('en')('terms.result.basis', { article: 'CPC Art. 403(3)' })).toBe('Legal basis: CPC Art. 403(3).');
  });
});

/** Every string literal in the source that looks like a compact citation. */
function citationLiterals(dir: string): { file: string; text: string }[] {
  const found: { file: string; text: string }[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...citationLiterals(path));
    else if (/\.tsx?$/.test(name) && !path.includes('/i18n/')) {
      for (const m of readFileSync(path, 'utf8').matchAll(/['`]((?:CPC|Tax Code)[^'`\n]*Art\.[^'`\n]*)['`]/g)) found.push({ file: path, text: m[1]! });
    }
  }
  return found;
}

describe('every article Sot cites', () => {
  it('is read as a reference: deadlines, grounds, cassation refusals, thresholds, court orders, duty rates and exemptions', () => {
    const tables = [
      ...Object.values(DEADLINES).map((rule) => rule.article),
      ABSENT_PARTY_APPEAL_ARTICLE,
      ...Object.values(GROUND_ARTICLE),
      ...Object.values(CASSATION_REFUSAL_ARTICLE),
      ...INITIAL_THRESHOLDS.map((row) => row.basis),
      ...COURT_ORDER_DEMANDS.map(demandArticle),
      ...RATES.map((row) => row.article),
      ...EXEMPTIONS.map((row) => row.article),
    ];
    expect(tables.length).toBeGreaterThan(60);
    expect(tables.filter((text) => parseLegalReference(text) === null)).toEqual([]);
  });

  it('is read as a reference wherever the source spells one out (new deadline kinds, demo data, commands)', () => {
    const literals = citationLiterals(join(import.meta.dirname, '../../src'));
    expect(literals.length).toBeGreaterThan(40);
    // A template (`Tax Code 2026, Art. ${…}`) is checked through the table it builds, above.
    expect(literals.filter(({ text }) => !text.includes('${') && parseLegalReference(text) === null)).toEqual([]);
  });
});
