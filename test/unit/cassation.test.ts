import { describe, expect, it } from 'vitest';
import { dueForReturn, GROUND_ARTICLE, groundsFor, admissionAnswers } from '../../src/domain/admission.ts';
import type { IsoDay } from '../../src/domain/calendar/holidays.ts';
import { cassationAllowed, CASSATION_REFUSAL_ARTICLE, CASSATION_REFUSALS, type CassationFacts } from '../../src/domain/cassation.ts';
import { deadline } from '../../src/domain/deadlines.ts';
import { initialReference } from '../../src/domain/reference.ts';
import type { ThresholdRow } from '../../src/domain/thresholds.ts';

const reference = initialReference();
const MCI_2026 = 4_325;
const tiyn = (tenge: number) => tenge * 100;

/** An appellate act in force on 10 December 2026 in a property claim filed in 2026 by an individual. */
function facts(change: Partial<CassationFacts> = {}): CassationFacts {
  return {
    instance: 2,
    status: 'in_force',
    category: 'property',
    simplified: false,
    appellateInForceOn: '2026-12-10' as IsoDay,
    claim: { claimantType: 'individual', amountTiyn: tiyn(10_000_000), filedOn: '2026-03-02' as IsoDay },
    ...change,
  };
}
const day = '2026-12-15' as IsoDay;

describe('who may complain in cassation (CPC Arts 434, 436)', () => {
  it('allows a complaint against an appellate act in force, until six months after it entered into force', () => {
    expect(cassationAllowed(facts(), day, reference)).toEqual({ ok: true, termEndsOn: deadline('cassation', '2026-12-10', reference.calendar).due });
    expect(cassationAllowed(facts({ instance: 1 }), day, reference).ok).toBe(true);
  });

  it('refuses an act not in force, and a complaint above the appellate instance', () => {
    expect(cassationAllowed(facts({ status: 'appeal_window' }), day, reference)).toMatchObject({ ok: false, reason: 'not_in_force', article: 'CPC Art. 434(1)' });
    expect(cassationAllowed(facts({ instance: 3 }), day, reference)).toMatchObject({ ok: false, reason: 'not_in_force' });
  });

  it('refuses a first-instance decision that entered into force without appeal', () => {
    expect(cassationAllowed(facts({ instance: 1, appellateInForceOn: null }), day, reference)).toMatchObject({ ok: false, reason: 'no_appeal', article: 'CPC Art. 434(1)' });
  });

  it('refuses court orders and simplified proceedings, whatever the value', () => {
    expect(cassationAllowed(facts({ category: 'court_order' }), day, reference)).toMatchObject({ ok: false, reason: 'court_order', article: 'CPC Art. 434(2)(1)' });
    expect(cassationAllowed(facts({ simplified: true }), day, reference)).toMatchObject({ ok: false, reason: 'simplified', article: 'CPC Art. 434(2)(1)' });
  });

  it('weighs a property claim against 2,000 MCI (individuals) or 30,000 MCI (legal entities) of the year it was filed, allowing exactly the limit', () => {
    const individualLimit = tiyn(2_000 * MCI_2026);
    expect(cassationAllowed(facts({ claim: { claimantType: 'individual', amountTiyn: individualLimit - 1, filedOn: '2026-03-02' as IsoDay } }), day, reference)).toMatchObject({ ok: false, reason: 'below_threshold', article: 'CPC Art. 434(2)(3)', limitMci: 2_000 });
    expect(cassationAllowed(facts({ claim: { claimantType: 'individual', amountTiyn: individualLimit, filedOn: '2026-03-02' as IsoDay } }), day, reference).ok).toBe(true);
    const legalLimit = tiyn(30_000 * MCI_2026);
    expect(cassationAllowed(facts({ claim: { claimantType: 'legal', amountTiyn: individualLimit, filedOn: '2026-03-02' as IsoDay } }), day, reference)).toMatchObject({ reason: 'below_threshold', limitMci: 30_000 });
    expect(cassationAllowed(facts({ claim: { claimantType: 'legal', amountTiyn: legalLimit, filedOn: '2026-03-02' as IsoDay } }), day, reference).ok).toBe(true);
    // The MCI of the year the claim was filed: 2,000 × 3,932 ₸ in 2025 is under 2,000 × 4,325 ₸.
    expect(cassationAllowed(facts({ claim: { claimantType: 'individual', amountTiyn: tiyn(2_000 * 3_932), filedOn: '2025-11-20' as IsoDay } }), day, reference).ok).toBe(true);
  });

  it('applies the threshold to property claims only, and not where the value is not on record', () => {
    const small = { claimantType: 'individual' as const, amountTiyn: tiyn(1_000), filedOn: '2026-03-02' as IsoDay };
    expect(cassationAllowed(facts({ category: 'labour', claim: small }), day, reference).ok).toBe(true);
    expect(cassationAllowed(facts({ claim: { ...small, amountTiyn: null } }), day, reference).ok).toBe(true);
  });

  it('refuses clearly when the MCI of the year the claim was filed is not entered', () => {
    expect(cassationAllowed(facts({ claim: { claimantType: 'individual', amountTiyn: tiyn(1_000), filedOn: '2023-05-05' as IsoDay } }), day, reference)).toMatchObject({ ok: false, reason: 'mci_missing', year: 2023 });
  });

  it('lets the threshold lapse on 1 July 2027: the last day it applies is 30 June 2027', () => {
    const small = facts({ appellateInForceOn: '2027-06-01' as IsoDay, claim: { claimantType: 'individual', amountTiyn: tiyn(1_000), filedOn: '2026-03-02' as IsoDay } });
    expect(cassationAllowed(small, '2027-06-30' as IsoDay, reference)).toMatchObject({ ok: false, reason: 'below_threshold' });
    expect(cassationAllowed(small, '2027-07-01' as IsoDay, reference).ok).toBe(true);
  });

  it('reads the threshold as dated data an operator may change', () => {
    const thresholds: ThresholdRow[] = [{ key: 'cassation_min_claim', claimantType: 'individual', mci: 10, from: '2026-01-01', basis: 'test' }];
    const claim = { claimantType: 'individual' as const, amountTiyn: tiyn(11 * MCI_2026), filedOn: '2026-03-02' as IsoDay };
    expect(cassationAllowed(facts({ claim }), day, { ...reference, thresholds }).ok).toBe(true);
    expect(cassationAllowed(facts({ claim: { ...claim, amountTiyn: tiyn(9 * MCI_2026) } }), day, { ...reference, thresholds })).toMatchObject({ reason: 'below_threshold', limitMci: 10 });
  });

  it('refuses after the last day of the six months (Art. 436(1))', () => {
    const { due } = deadline('cassation', '2026-12-10', reference.calendar);
    expect(cassationAllowed(facts(), due, reference).ok).toBe(true);
    const after = reference.calendar.addWorkingDays(due, 1);
    expect(cassationAllowed(facts(), after, reference)).toMatchObject({ ok: false, reason: 'term_passed', article: 'CPC Art. 436(1)', termEndsOn: due });
  });

  it('names the article of every ground of refusal', () => {
    for (const reason of CASSATION_REFUSALS) expect(CASSATION_REFUSAL_ARTICLE[reason], reason).toMatch(/^CPC Art\. 43[46]\(\d\)(\(\d\))?$/);
  });
});

describe('the judge’s answers on admission (CPC Arts 151, 152, 406, 407)', () => {
  it('returns or refuses a claim, never leaves it without motion', () => {
    expect(admissionAnswers(1, 'assigned')).toEqual(['accept', 'return', 'refuse']);
    expect(admissionAnswers(1, 'left_without_motion')).toEqual([]);
  });

  it('leaves an appeal without motion, then accepts or returns it', () => {
    expect(admissionAnswers(2, 'assigned')).toEqual(['accept', 'leave_without_motion', 'return']);
    expect(admissionAnswers(2, 'left_without_motion')).toEqual(['accept', 'return']);
    expect(admissionAnswers(3, 'assigned')).toEqual(['accept', 'return']);
  });

  it('offers the grounds of the Code with their subparagraphs', () => {
    expect(groundsFor('return', 1).map((g) => GROUND_ARTICLE[g])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `CPC Art. 152(1)(${n})`));
    expect(groundsFor('refuse', 1).map((g) => GROUND_ARTICLE[g])).toEqual([1, 2, 3, 4].map((n) => `CPC Art. 151(1)(${n})`));
    expect(groundsFor('return', 2).map((g) => GROUND_ARTICLE[g])).toEqual([1, 2, 3, 4].map((n) => `CPC Art. 407(1)(${n})`));
    expect(groundsFor('refuse', 2)).toEqual([]);
  });

  it('makes an appeal due for return only once its term has ended with no fix filed', () => {
    const appeal = { instance: 2, status: 'left_without_motion' as const, fixBy: '2026-12-04', fixFiled: false };
    expect(dueForReturn(appeal, '2026-12-04')).toBe(false);
    expect(dueForReturn(appeal, '2026-12-05')).toBe(true);
    expect(dueForReturn({ ...appeal, fixFiled: true }, '2026-12-05')).toBe(false);
    expect(dueForReturn({ ...appeal, instance: 1 }, '2026-12-05')).toBe(false);
  });
});
