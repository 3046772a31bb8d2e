import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type Candidate, drawJudge, drawTicket, NoEligibleJudgeError, verifyDraw } from '../../src/domain/distribution.ts';

/** A reproducible stand-in for crypto.randomBytes(32): the tests must not be flaky. */
const seedFor = (i: number): string => createHash('sha256').update(`seed-${i}`).digest('hex');

const judge = (judgeId: string, over: Partial<Candidate> = {}): Candidate => ({
  judgeId,
  categories: ['civil'],
  onLeave: false,
  recused: false,
  openCases: 0,
  ...over,
});

const court = (loads: Record<string, number>): Candidate[] => Object.entries(loads).map(([id, openCases]) => judge(id, { openCases }));

const draw = (candidates: readonly Candidate[], i = 0, category = 'civil') =>
  drawJudge({ caseId: `7517-24-00-2/${i + 1}`, category, candidates, seed: seedFor(i) });

/** Sum over categories of (observed − expected)² / expected. */
function chiSquare(observed: readonly number[], expected: readonly number[]): number {
  return observed.reduce((sum, o, k) => sum + (o - expected[k]!) ** 2 / expected[k]!, 0);
}

describe('automated distribution of cases to judges', () => {
  it('draws the ticket as the first 53 bits of HMAC-SHA256(seed, case id), as any verifier can recompute', () => {
    // Computed independently: Python hmac.new(bytes.fromhex('11' * 32), b'7517-24-00-2/101', sha256).
    expect(drawTicket('11'.repeat(32), '7517-24-00-2/101')).toBe(7379291817503808 / 2 ** 53);
    const result = drawJudge({ caseId: '7517-24-00-2/101', category: 'civil', seed: '11'.repeat(32), candidates: court({ a: 0, b: 0, c: 2 }) });
    // Weights 1, 1, 1/3; ticket 0.819 × 7/3 = 1.91 falls in b's share (1, 2].
    expect(result.ticket).toBe(0.8192659681220746);
    expect(result.eligible).toEqual([
      { judgeId: 'a', weight: 1 },
      { judgeId: 'b', weight: 1 },
      { judgeId: 'c', weight: 1 / 3 },
    ]);
    expect(result.judgeId).toBe('b');
  });

  it('names the same judge and writes the same protocol for the same inputs', () => {
    const candidates = court({ a: 4, b: 1, c: 7, d: 1 });
    const first = draw(candidates, 3);
    expect(draw(candidates, 3)).toEqual(first);
    expect(first.protocolSha256).toBe(createHash('sha256').update(first.protocol).digest('hex'));
  });

  it('can name a different judge with a different seed', () => {
    const candidates = court({ a: 0, b: 0, c: 0 });
    const drawn = new Set(Array.from({ length: 30 }, (_, i) => drawJudge({ caseId: 'same-case', category: 'civil', candidates, seed: seedFor(i) }).judgeId));
    expect(drawn).toEqual(new Set(['a', 'b', 'c']));
  });

  it('does not depend on the order the judges are listed in', () => {
    const candidates = [judge('b', { openCases: 2, categories: ['labour', 'civil'] }), judge('a', { openCases: 5 }), judge('c', { openCases: 0 })];
    const reordered = [candidates[2]!, { ...candidates[0]!, categories: ['civil', 'labour'] }, candidates[1]!];
    for (let i = 0; i < 20; i++) expect(draw(reordered, i)).toEqual(draw(candidates, i));
  });

  it('never draws a judge on leave, recused or not hearing the category, however light their load', () => {
    const candidates = [
      judge('away', { onLeave: true }),
      judge('recused', { recused: true }),
      judge('criminal', { categories: ['criminal'] }),
      judge('busy-1', { openCases: 30 }),
      judge('busy-2', { openCases: 40 }),
    ];
    for (let i = 0; i < 500; i++) {
      const result = draw(candidates, i);
      expect(['busy-1', 'busy-2']).toContain(result.judgeId);
      expect(result.eligible.map((e) => e.judgeId)).toEqual(['busy-1', 'busy-2']);
    }
  });

  it('refuses to draw when nobody may hear the case', () => {
    const candidates = [judge('away', { onLeave: true }), judge('recused', { recused: true }), judge('criminal', { categories: ['criminal'] })];
    expect(() => draw(candidates)).toThrow(NoEligibleJudgeError);
    expect(() => draw([])).toThrow(NoEligibleJudgeError);
  });

  it('refuses a seed that is not 32 bytes of hex and a judge listed twice', () => {
    expect(() => drawJudge({ caseId: 'x', category: 'civil', candidates: [judge('a')], seed: 'ab'.repeat(16) })).toThrow(RangeError);
    expect(() => drawJudge({ caseId: 'x', category: 'civil', candidates: [judge('a')], seed: 'AB'.repeat(32) })).toThrow(RangeError);
    expect(() => draw([judge('a'), judge('a', { openCases: 3 })])).toThrow(RangeError);
  });

  describe('the distribution protocol', () => {
    const result = draw(court({ a: 2, b: 0, c: 5 }), 7);
    const edited = (change: (p: Record<string, unknown>) => void): string => {
      const p = JSON.parse(result.protocol) as Record<string, unknown>;
      change(p);
      return JSON.stringify(p);
    };

    it('verifies as written', () => {
      expect(verifyDraw(result.protocol)).toBe(true);
    });

    it('does not verify when the judge is changed', () => {
      const other = ['a', 'b', 'c'].find((id) => id !== result.judgeId)!;
      expect(verifyDraw(edited((p) => (p.judgeId = other)))).toBe(false);
    });

    it('does not verify when the ticket, a weight or a load is changed', () => {
      expect(verifyDraw(edited((p) => (p.ticket = '0.5')))).toBe(false);
      expect(verifyDraw(edited((p) => ((p.eligible as { weight: string }[])[0]!.weight = '1/1')))).toBe(false);
      expect(verifyDraw(edited((p) => ((p.candidates as Candidate[])[0]!.openCases = 9)))).toBe(false);
    });

    it('does not verify with an extra field, another method or broken JSON', () => {
      expect(verifyDraw(edited((p) => ((p.candidates as Record<string, unknown>[])[0]!.note = 'x')))).toBe(false);
      expect(verifyDraw(edited((p) => (p.method = 'sot-distribution/0')))).toBe(false);
      expect(verifyDraw(result.protocol.slice(0, -1))).toBe(false);
    });
  });

  describe('fairness over 10,000 registrations', () => {
    // The tolerance: once the initial gap of 20 cases has been drawn down, no two judges are more
    // than 10 cases apart (0.5% of the ~2,000 each ends with). Drawing uniformly instead would
    // leave them about 100 apart, so this fails if the weighting stops working.
    const TOLERANCE = 10;

    it('brings unequal loads together and keeps them within the tolerance', () => {
      const loads: Record<string, number> = { a: 0, b: 3, c: 10, d: 0, e: 20 };
      let worstSpread = 0;
      for (let i = 0; i < 10_000; i++) {
        loads[draw(court(loads), i).judgeId]! += 1;
        const spread = Math.max(...Object.values(loads)) - Math.min(...Object.values(loads));
        if (i >= 500) worstSpread = Math.max(worstSpread, spread);
      }
      const total = Object.values(loads).reduce((s, n) => s + n, 0);
      expect(total).toBe(10_033);
      expect(worstSpread).toBeLessThanOrEqual(TOLERANCE);
    });

    it('draws uniformly among equally loaded judges (chi-square, 4 degrees of freedom, p = 0.001)', () => {
      const candidates = court({ a: 7, b: 7, c: 7, d: 7, e: 7 });
      const ids = ['a', 'b', 'c', 'd', 'e'];
      const counts = ids.map(() => 0);
      for (let i = 0; i < 10_000; i++) counts[ids.indexOf(draw(candidates, i).judgeId)]! += 1;
      expect(chiSquare(counts, ids.map(() => 2_000))).toBeLessThan(18.47);
    });

    it('draws in proportion to the weights: a judge 3 cases ahead gets a quarter of the chance', () => {
      // Weights 1 and 1/4, so 80% and 20%; critical value for 1 degree of freedom at p = 0.001.
      const candidates = court({ light: 0, heavy: 3 });
      let heavy = 0;
      for (let i = 0; i < 10_000; i++) if (draw(candidates, i).judgeId === 'heavy') heavy += 1;
      expect(chiSquare([10_000 - heavy, heavy], [8_000, 2_000])).toBeLessThan(10.83);
    });
  });
});
