import { describe, expect, it } from 'vitest';
import { actInForce, judgmentLanguage, publicationRefusal } from '../../src/domain/judgments.ts';
import { decodeCursor, encodeCursor, HIT_END, HIT_START, isoDay, parseJudgmentSearch, plainSnippet, searchWords, snippetParts } from '../../src/domain/judgmentSearch.ts';

const open = { closedHearing: false, category: 'property' };

describe('what the judgment bank may hold (CPC Arts 19, 21)', () => {
  it('takes a decision in final form, a court order and a resolution', () => {
    expect(publicationRefusal({ kind: 'decision', decisionForm: 'final', ...open })).toBeNull();
    expect(publicationRefusal({ kind: 'court_order', decisionForm: null, ...open })).toBeNull();
    expect(publicationRefusal({ kind: 'resolution', decisionForm: null, ...open })).toBeNull();
  });

  it('leaves out rulings and the operative part announced in the courtroom', () => {
    expect(publicationRefusal({ kind: 'ruling', decisionForm: null, ...open })).toMatchObject({ refused: 'not_a_final_act' });
    expect(publicationRefusal({ kind: 'decision', decisionForm: 'operative', ...open })).toMatchObject({ refused: 'not_a_final_act' });
  });

  it('leaves out every act of a closed hearing and of a matter the law keeps secret, with the article', () => {
    expect(publicationRefusal({ kind: 'decision', decisionForm: 'final', closedHearing: true, category: 'property' })).toEqual({ refused: 'closed_hearing', article: 'CPC Art. 19(2)' });
    expect(publicationRefusal({ kind: 'decision', decisionForm: 'final', closedHearing: false, category: 'adoption' })).toEqual({ refused: 'private_matter', article: 'CPC Art. 19(2)' });
  });

  it('publishes only what is in force: a resolution when announced, a first-instance act once its case is', () => {
    expect(actInForce('resolution', 'decided')).toBe(true);
    expect(actInForce('decision', 'appeal_window')).toBe(false);
    expect(actInForce('decision', 'appealed')).toBe(false);
    expect(actInForce('decision', 'in_force')).toBe(true);
    expect(actInForce('court_order', 'order_issued')).toBe(false);
    expect(actInForce('court_order', 'archived')).toBe(true);
  });

  it('tells Kazakh from Russian by the Kazakh letters', () => {
    expect(judgmentLanguage('Сот талапкердің талабын қанағаттандырды')).toBe('kk');
    expect(judgmentLanguage('Суд удовлетворил иск частично')).toBe('ru');
  });
});

describe('the public search as values', () => {
  it('reads words whatever was typed: no tsquery syntax survives', () => {
    expect(searchWords("неустойка & (займ | !договор) :* <-> 'x'")).toEqual(['неустойка', 'займ', 'договор', 'x']);
    expect(searchWords('ҚАЗАҚША Сөз')).toEqual(['қазақша', 'сөз']);
    expect(searchWords('\u0000\u202e')).toEqual([]);
    expect(searchWords(Array.from({ length: 30 }, (_, i) => `w${i}`).join(' '))).toHaveLength(12);
  });

  it('refuses a query over 500 characters, an impossible date and a forged cursor', () => {
    expect(parseJudgmentSearch({ q: 'a'.repeat(501) })).toEqual({ refused: 'judgments_query_too_long' });
    expect(parseJudgmentSearch({ from: '2026-02-31' })).toEqual({ refused: 'judgments_invalid_date' });
    expect(parseJudgmentSearch({ to: '31.01.2026' })).toEqual({ refused: 'judgments_invalid_date' });
    expect(parseJudgmentSearch({ cursor: 'bm90IGEgY3Vyc29y' })).toEqual({ refused: 'judgments_invalid_cursor' });
    // A cursor of one order is not taken for the other.
    const byDate = encodeCursor({ order: 'date', issuedOn: '2026-01-02', rank: 0, id: '00000000-0000-4000-8000-000000000001' });
    expect(parseJudgmentSearch({ q: 'иск', order: 'relevance', cursor: byDate })).toEqual({ refused: 'judgments_invalid_cursor' });
    expect(parseJudgmentSearch({ q: 'иск', order: 'date', cursor: byDate })).toMatchObject({ cursor: { order: 'date', issuedOn: '2026-01-02' } });
  });

  it('ignores filters it does not know instead of failing, and orders by relevance only when there are words', () => {
    expect(parseJudgmentSearch({ level: '9', kind: 'nope', act: 'ruling', court: "7517'", category: 'DROP TABLE' })).toMatchObject({ level: null, kind: null, actKind: null, courtCode: null, category: null, order: 'date' });
    expect(parseJudgmentSearch({ q: 'иск' })).toMatchObject({ order: 'relevance', words: ['иск'] });
  });

  it('round-trips a cursor and refuses anything else', () => {
    const cursor = { order: 'relevance' as const, issuedOn: '2026-03-01', rank: 0.123456, id: '0b7a3f3e-8f1c-4d2e-9a5b-6c7d8e9f0a1b' };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    for (const bad of ['', '!!!', 'a'.repeat(300), Buffer.from('["r","2026-13-01",1,"x"]').toString('base64url'), Buffer.from('{}').toString('base64url')]) expect(decodeCursor(bad)).toBeNull();
    expect(isoDay('2028-02-29')).toBe('2028-02-29');
    expect(isoDay('2026-02-29')).toBeNull();
  });

  it('splits a snippet into text and hits, so the page escapes every part', () => {
    const snippet = `суд взыскал ${HIT_START}неустойку${HIT_END} <b>и</b> ${HIT_START}займ${HIT_END}`;
    expect(snippetParts(snippet)).toEqual([
      { text: 'суд взыскал ', hit: false },
      { text: 'неустойку', hit: true },
      { text: ' <b>и</b> ', hit: false },
      { text: 'займ', hit: true },
    ]);
    expect(plainSnippet(snippet)).toBe('суд взыскал неустойку <b>и</b> займ');
  });
});
