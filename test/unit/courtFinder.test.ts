import { describe, expect, it } from 'vitest';
import { courtHears, editDistance, findCourts, indexCourts, nearestCourts, parseCourtSearch, queryWords, spellingKey, wordScore, type CourtSearch, type FinderCourt } from '../../src/domain/courtFinder.ts';
import { DEMO_COURTS, DEMO_REGIONS } from '../../src/seed/courts.ts';

const REGION_CODES = DEMO_REGIONS.map((r) => r.code);

/** The demo's real courts as the finder reads them, in the directory's order. */
const directory: FinderCourt[] = DEMO_COURTS.map((c) => {
  const region = DEMO_REGIONS.find((r) => r.code === c.region)!;
  return { code: c.code, level: c.level, type: c.type, regionCode: c.region, caseKinds: c.kinds, names: c.names, places: [...c.city, ...region.names] };
}).sort((a, b) => REGION_CODES.indexOf(a.regionCode) - REGION_CODES.indexOf(b.regionCode) || a.level - b.level);
const index = indexCourts(directory);

const search = (q: string, filters: Partial<Omit<CourtSearch, 'words'>> = {}): CourtSearch => ({ words: queryWords(q), unreadable: false, level: null, region: null, hears: null, ...filters });
const codes = (q: string, filters: Partial<Omit<CourtSearch, 'words'>> = {}) => findCourts(index, search(q, filters)).map((m) => m.entry.court.code);

describe('spelling keys', () => {
  it('folds the Kazakh letters to the Russian ones typed for them, and ё to е', () => {
    expect(spellingKey('Есіл')).toBe(spellingKey('Есил'));
    expect(spellingKey('Қарағанды')).toBe(spellingKey('Караганды'));
    expect(spellingKey('Өскемен')).toBe(spellingKey('Оскемен'));
    expect(spellingKey('Ұлытау')).toBe(spellingKey('Улытау'));
    expect(spellingKey('Һ')).toBe(spellingKey('х'));
    expect(spellingKey('Алёша')).toBe(spellingKey('Алеша'));
  });

  it('meets Cyrillic and Latin spellings on one key', () => {
    expect(spellingKey('Алматы')).toBe(spellingKey('Almaty'));
    expect(spellingKey('Almati')).toBe(spellingKey('Almaty'));
    expect(spellingKey('Шымкент')).toBe(spellingKey('Shymkent'));
    expect(spellingKey('Есиль')).toBe(spellingKey('Yesil'));
    expect(spellingKey('Қарағанды')).toBe(spellingKey('Qarağandy'));
    expect(spellingKey('Медеу')).toBe('medeu');
  });

  it('keeps different names apart', () => {
    expect(spellingKey('Алмалы')).not.toBe(spellingKey('Алматы'));
    expect(spellingKey('Абай')).not.toBe(spellingKey('Астана'));
  });
});

describe('edit distance', () => {
  it('counts substitutions, insertions, deletions and a swap of neighbours as one each', () => {
    expect(editDistance('almvti', 'almati', 2)).toBe(1);
    expect(editDistance('almati', 'almaty', 2)).toBe(1);
    expect(editDistance('meedu', 'medeu', 2)).toBe(1);
    expect(editDistance('medeu', 'medu', 2)).toBe(1);
    expect(editDistance('abc', 'abc', 0)).toBe(0);
  });

  it('stops past the most it was asked about', () => {
    expect(editDistance('astana', 'shymkent', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 1)).toBe(2);
  });
});

describe('word score', () => {
  it('ranks exact above prefix above a typo', () => {
    const exact = wordScore('almati', 'almati');
    const prefix = wordScore('almat', 'almati');
    const typo = wordScore('almvti', 'almati');
    expect(exact).toBeGreaterThan(prefix);
    expect(prefix).toBeGreaterThan(typo);
    expect(typo).toBeGreaterThan(0);
  });

  it('forgives no typo in a short word, one in a middling word and two in a long one', () => {
    expect(wordScore('sud', 'sad')).toBe(0);
    expect(wordScore('medau', 'medeu')).toBeGreaterThan(0);
    expect(wordScore('mdau', 'medeu')).toBe(0);
    expect(wordScore('specialsed', 'specialised')).toBeGreaterThan(0);
  });

  it('forgives a typo in a word typed in another grammatical form', () => {
    expect(wordScore(spellingKey('Алмвты'), spellingKey('Алматинский'))).toBeGreaterThan(0);
  });
});

describe('the court finder', () => {
  it('finds the Almaty courts by a misspelt name in Cyrillic and in Latin letters', () => {
    for (const q of ['Алмвты', 'Almati', 'алматы', 'ALMATY']) {
      const found = codes(q);
      expect(found, q).toContain('7599');
      expect(found, q).toContain('7517');
      expect(found, q).not.toContain('9799');
    }
  });

  it('finds the Yesil District Court by "Есил", "Есіл" and "Yesil"', () => {
    for (const q of ['Есил', 'Есіл', 'Yesil', 'есильский']) expect(codes(q)[0], q).toBe('9113');
  });

  it('needs every word to match', () => {
    expect(codes('Медеу Алматы')).toEqual(['7517']);
    expect(codes('Медеу Шымкент')).toEqual([]);
  });

  it('puts an exact or prefix match before a forgiven typo', () => {
    // "Алмалы" is the Almaly District Court's own name; "Алматы" is one letter from it.
    const found = findCourts(index, search('Алмалы'));
    expect(found[0]!.entry.court.code).toBe('9511');
    expect(found[0]!.score).toBeGreaterThan(found[found.length - 1]!.score);
  });

  it('finds a court by its code', () => {
    expect(codes('7517')).toEqual(['7517']);
  });

  it('finds courts by the city they sit in, in any language', () => {
    expect(codes('Караганда')).toEqual(['9394', '9399']);
    expect(codes('Qaragandy')).toEqual(['9394', '9399']);
  });

  it('filters by level, region and what the court hears', () => {
    expect(codes('', { level: 4 })).toEqual(['9001']);
    expect(codes('', { region: 'shymkent' })).toEqual(['9711', '9799']);
    expect(codes('', { hears: 'economic' }).sort()).toEqual(['9194', '9394', '9594']);
    expect(codes('Алматы', { hears: 'administrative', level: 1 })).toEqual(['7594']);
  });

  it('offers the nearest courts when nothing matches', () => {
    expect(findCourts(index, search('Медеу Шымкент'))).toEqual([]);
    expect(nearestCourts(index, search('Медеу Шымкент')).map((m) => m.entry.court.code)).toContain('7517');
    expect(nearestCourts(index, search('😀'))).toEqual([]);
  });
});

describe('what a court hears', () => {
  it('is its specialisation for a specialised court and its kinds of proceedings otherwise', () => {
    expect(courtHears({ type: 'specialised_economic', caseKinds: ['civil'] })).toEqual(['economic']);
    expect(courtHears({ type: 'specialised_juvenile', caseKinds: ['civil', 'criminal'] })).toEqual(['juvenile']);
    expect(courtHears({ type: 'district', caseKinds: ['civil', 'criminal', 'administrative_offence'] })).toEqual(['civil', 'criminal', 'administrative_offence']);
  });
});

describe('reading the query', () => {
  it('takes empty filters as "any"', () => {
    expect(parseCourtSearch({ q: ' ', level: '', region: '', hears: '' }, REGION_CODES)).toEqual({ words: [], unreadable: false, level: null, region: null, hears: null });
  });

  it('refuses a query too long and filters Sot does not know', () => {
    expect(parseCourtSearch({ q: 'а'.repeat(5000) }, REGION_CODES)).toEqual({ refused: 'courts_query_too_long', field: 'q' });
    for (const raw of [{ level: '7' }, { level: 'one' }, { region: 'atlantis' }, { hears: 'maritime' }] as const) expect(parseCourtSearch(raw, REGION_CODES), JSON.stringify(raw)).toEqual({ refused: 'courts_invalid_filter', field: Object.keys(raw)[0] });
  });

  it('matches no court, rather than every one, when what was typed holds no letter or digit', () => {
    const parsed = parseCourtSearch({ q: '%%% 😀' }, REGION_CODES) as CourtSearch;
    expect(parsed).toMatchObject({ words: [], unreadable: true });
    expect(findCourts(index, parsed)).toEqual([]);
  });

  it('reads only letters and digits, at most eight words', () => {
    expect(parseCourtSearch({ q: '😀 ‮Медеу‬ 😀' }, REGION_CODES)).toMatchObject({ words: ['медеу'] });
    expect((parseCourtSearch({ q: 'a b c d e f g h i j' }, REGION_CODES) as CourtSearch).words).toHaveLength(8);
  });
});
