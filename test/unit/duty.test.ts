import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL_CASE_CATEGORIES } from '../../src/domain/caseKinds.ts';
import { tiynToDecimal } from '../../src/domain/money.ts';
import { CLAIMANT_TYPES, FILING_TYPES } from '../../src/domain/filingTypes.ts';
import {
  DutyInputError,
  EXEMPTION_CODES,
  EXEMPTIONS,
  MAX_AMOUNT_TIYN,
  INITIAL_MCI as MCI_YEARS,
  RATES,
  inForce,
  parseTenge,
  quoteDuty,
  type DutyInput,
  type DutyInputErrorCode,
  type DutyQuote,
  type IsoDate,
} from '../../src/domain/duty/index.ts';

/** Midday in Kazakhstan on the given day. */
const on = (day: string) => new Date(`${day}T12:00:00+05:00`);
const IN_2026 = on('2026-06-15');
const IN_2025 = on('2025-06-15');

const tenge = (amount: number) => Math.round(amount * 100);

function quote(input: Partial<DutyInput> & Pick<DutyInput, 'filingType' | 'category'>): DutyQuote {
  return quoteDuty({ standing: 'claimant', claimantType: 'individual', date: IN_2026, ...input }, MCI_YEARS);
}

function refusal(input: Partial<DutyInput> & Pick<DutyInput, 'filingType' | 'category'>): DutyInputErrorCode | undefined {
  try {
    quote(input);
    return undefined;
  } catch (error) {
    if (error instanceof DutyInputError) return error.code;
    throw error;
  }
}

/** Every row a quote used, to check that the examples below reach every row of the data. */
function rowsUsed(q: DutyQuote): string[] {
  const c = q.computation;
  return [q.basis.ruleId, ...(c.kind === 'rate' ? [...c.parts.map((p) => p.ruleId), ...c.shares.map((s) => s.ruleId)] : [])];
}

type Example = { name: string; input: Partial<DutyInput> & Pick<DutyInput, 'filingType' | 'category'>; kzt: number; ruleId: string };

// Worked 2026 amounts at MCI 4,325 ₸: 0.3 MCI = 1,297.50; 0.5 MCI = 2,162.50; 5 MCI = 21,625.
const EXAMPLES_2026: Example[] = [
  { name: 'property claim of an individual: 1%', input: { filingType: 'claim', category: 'property', amountTiyn: tenge(1_500_000) }, kzt: 15_000, ruleId: 'tc2026.property_individual' },
  { name: 'property claim of a legal entity: 3%', input: { filingType: 'claim', category: 'property', claimantType: 'legal', amountTiyn: tenge(1_500_000) }, kzt: 45_000, ruleId: 'tc2026.property_legal' },
  { name: 'counterclaim with a value, as a claim', input: { filingType: 'counterclaim', category: 'property', amountTiyn: tenge(200_000) }, kzt: 2_000, ruleId: 'tc2026.property_individual' },
  { name: 'non-property claim: 0.5 MCI', input: { filingType: 'claim', category: 'non_property' }, kzt: 2_162.5, ruleId: 'tc2026.non_property' },
  { name: 'non-property claim of a legal entity: the same 0.5 MCI', input: { filingType: 'claim', category: 'non_property', claimantType: 'legal' }, kzt: 2_162.5, ruleId: 'tc2026.non_property' },
  { name: 'eviction (housing, not valued): 0.5 MCI', input: { filingType: 'claim', category: 'housing' }, kzt: 2_162.5, ruleId: 'tc2026.non_property' },
  { name: 'ownership of a flat (housing, valued): 1%', input: { filingType: 'claim', category: 'housing', amountTiyn: tenge(30_000_000) }, kzt: 300_000, ruleId: 'tc2026.property_individual' },
  { name: 'extension of the inheritance term: 0.5 MCI', input: { filingType: 'claim', category: 'inheritance' }, kzt: 2_162.5, ruleId: 'tc2026.non_property' },
  { name: 'divorce: 0.3 MCI', input: { filingType: 'claim', category: 'divorce' }, kzt: 1_297.5, ruleId: 'tc2026.divorce' },
  { name: 'divorce with a stated value but no property demand: 0.3 MCI', input: { filingType: 'claim', category: 'divorce', amountTiyn: tenge(5_000_000) }, kzt: 1_297.5, ruleId: 'tc2026.divorce' },
  { name: 'divorce dividing property: 0.3 MCI plus 1%', input: { filingType: 'claim', category: 'divorce', amountTiyn: tenge(5_000_000), alsoPropertyDemand: true }, kzt: 51_297.5, ruleId: 'tc2026.divorce' },
  { name: 'non-property claim with a property demand of a legal entity: 0.5 MCI plus 3%', input: { filingType: 'claim', category: 'non_property', claimantType: 'legal', amountTiyn: tenge(100_000), alsoPropertyDemand: true }, kzt: 5_162.5, ruleId: 'tc2026.non_property' },
  { name: 'special proceedings: 0.5 MCI', input: { filingType: 'claim', category: 'special_proceedings' }, kzt: 2_162.5, ruleId: 'tc2026.special_proceedings' },
  { name: 'administrative claim: 0.5 MCI', input: { filingType: 'claim', category: 'public_law_dispute', claimantType: 'legal' }, kzt: 2_162.5, ruleId: 'tc2026.administrative_claim' },
  { name: 'complaint against a state body, individual: 0.3 MCI', input: { filingType: 'claim', category: 'state_body_complaint' }, kzt: 1_297.5, ruleId: 'tc2026.state_body_complaint_individual' },
  { name: 'complaint against a state body, legal entity: 5 MCI', input: { filingType: 'claim', category: 'state_body_complaint', claimantType: 'legal' }, kzt: 21_625, ruleId: 'tc2026.state_body_complaint_legal' },
  { name: 'court order of an individual: half of 1%', input: { filingType: 'court_order_application', category: 'court_order', amountTiyn: tenge(1_000_000) }, kzt: 5_000, ruleId: 'tc2026.court_order' },
  { name: 'court order of a legal entity: half of 3%', input: { filingType: 'court_order_application', category: 'court_order', claimantType: 'legal', amountTiyn: tenge(1_000_000), courtOrderDemand: 'insurance_loan_agreement' }, kzt: 15_000, ruleId: 'tc2026.court_order' },
  { name: 'court order on an agreement naming no sum: half of 0.5 MCI', input: { filingType: 'court_order_application', category: 'court_order', courtOrderDemand: 'refutation_agreement' }, kzt: 1_081.25, ruleId: 'tc2026.court_order' },
  { name: 'appeal: nothing', input: { filingType: 'appeal', category: 'property', amountTiyn: tenge(1_000_000) }, kzt: 0, ruleId: 'tc2026.appeal' },
  { name: 'cassation of a property claim: half of 1%', input: { filingType: 'cassation_complaint', category: 'property', amountTiyn: tenge(1_500_000) }, kzt: 7_500, ruleId: 'tc2026.cassation' },
  { name: 'cassation of a divorce: half of 0.3 MCI', input: { filingType: 'cassation_complaint', category: 'divorce' }, kzt: 648.75, ruleId: 'tc2026.cassation' },
  { name: 'cassation of a legal entity against a state body: half of 5 MCI', input: { filingType: 'cassation_complaint', category: 'state_body_complaint', claimantType: 'legal' }, kzt: 10_812.5, ruleId: 'tc2026.cassation' },
  { name: 'cassation against a court order: half of the court-order duty', input: { filingType: 'cassation_complaint', category: 'court_order', amountTiyn: tenge(1_000_000) }, kzt: 2_500, ruleId: 'tc2026.cassation' },
  { name: 'private complaint: nothing', input: { filingType: 'private_complaint', category: 'property' }, kzt: 0, ruleId: 'tc2026.procedural_application' },
  { name: 'petition: nothing', input: { filingType: 'petition', category: 'divorce' }, kzt: 0, ruleId: 'tc2026.procedural_application' },
  { name: 'response: nothing', input: { filingType: 'response', category: 'property', claimantType: 'legal' }, kzt: 0, ruleId: 'tc2026.procedural_application' },
  { name: 'hearing-record remarks: nothing', input: { filingType: 'hearing_record_remarks', category: 'criminal' }, kzt: 0, ruleId: 'tc2026.procedural_application' },
];

// 2025 payments: the 2017 Tax Code (Art. 610) at MCI 3,932 ₸: 0.3 MCI = 1,179.60; 0.5 MCI = 1,966; 5 MCI = 19,660.
const EXAMPLES_2025: Example[] = [
  { name: 'property claim of an individual: 1%', input: { filingType: 'claim', category: 'property', amountTiyn: tenge(1_500_000) }, kzt: 15_000, ruleId: 'tc2017.property_individual' },
  { name: 'property claim of a legal entity: 3%', input: { filingType: 'claim', category: 'property', claimantType: 'legal', amountTiyn: tenge(1_500_000) }, kzt: 45_000, ruleId: 'tc2017.property_legal' },
  { name: 'non-property claim: 0.5 MCI', input: { filingType: 'claim', category: 'non_property' }, kzt: 1_966, ruleId: 'tc2017.non_property' },
  { name: 'divorce: 0.3 MCI', input: { filingType: 'claim', category: 'divorce' }, kzt: 1_179.6, ruleId: 'tc2017.divorce' },
  { name: 'special proceedings: 0.5 MCI', input: { filingType: 'claim', category: 'special_proceedings' }, kzt: 1_966, ruleId: 'tc2017.special_proceedings' },
  { name: 'administrative claim: 0.5 MCI', input: { filingType: 'claim', category: 'public_law_dispute' }, kzt: 1_966, ruleId: 'tc2017.administrative_claim' },
  { name: 'complaint against a state body, individual: 0.3 MCI', input: { filingType: 'claim', category: 'state_body_complaint' }, kzt: 1_179.6, ruleId: 'tc2017.state_body_complaint_individual' },
  { name: 'complaint against a state body, legal entity: 5 MCI', input: { filingType: 'claim', category: 'state_body_complaint', claimantType: 'legal' }, kzt: 19_660, ruleId: 'tc2017.state_body_complaint_legal' },
  { name: 'court order: half of 1%', input: { filingType: 'court_order_application', category: 'court_order', amountTiyn: tenge(1_000_000) }, kzt: 5_000, ruleId: 'tc2017.court_order' },
  { name: 'appeal: nothing', input: { filingType: 'appeal', category: 'non_property' }, kzt: 0, ruleId: 'tc2017.appeal' },
  { name: 'cassation of a non-property claim: half of 0.5 MCI', input: { filingType: 'cassation_complaint', category: 'non_property' }, kzt: 983, ruleId: 'tc2017.cassation' },
  { name: 'petition: nothing', input: { filingType: 'petition', category: 'property' }, kzt: 0, ruleId: 'tc2017.procedural_application' },
];

describe('state duty rates, 2026 (Tax Code 2026, Art. 665)', () => {
  for (const example of EXAMPLES_2026) {
    it(example.name, () => {
      const q = quote(example.input);
      expect(q.amountTiyn).toBe(tenge(example.kzt));
      expect(q.basis.ruleId).toBe(example.ruleId);
      expect(q.basis.article).toMatch(/^Tax Code 2026, Art\. 66[458]\(/);
      expect(q.mciTenge).toBe(4_325);
      expect(q.exempt).toBe(false);
    });
  }

  it('quotes a property claim with its article and how it was computed', () => {
    expect(quote({ filingType: 'claim', category: 'property', amountTiyn: tenge(1_500_000) })).toEqual({
      amountTiyn: 1_500_000,
      exempt: false,
      basis: { ruleId: 'tc2026.property_individual', article: 'Tax Code 2026, Art. 665(1)(1)' },
      mciTenge: 4_325,
      computation: {
        kind: 'rate',
        rule: 'property_individual',
        parts: [
          {
            ruleId: 'tc2026.property_individual',
            rule: 'property_individual',
            article: 'Tax Code 2026, Art. 665(1)(1)',
            rate: { kind: 'percent', percent: 1, capMci: 10_000 },
            baseTiyn: 150_000_000,
            capTiyn: tenge(43_250_000),
            capped: false,
            amountTiyn: 1_500_000,
          },
        ],
        shares: [],
        capped: false,
        halved: false,
      },
    });
  });

  it('shows both parts of a divorce that divides property', () => {
    const q = quote({ filingType: 'claim', category: 'divorce', amountTiyn: tenge(5_000_000), alsoPropertyDemand: true });
    expect(q.computation).toMatchObject({
      kind: 'rate',
      parts: [
        { ruleId: 'tc2026.divorce', rate: { kind: 'mci', mci: 0.3 }, amountTiyn: tenge(1_297.5) },
        { ruleId: 'tc2026.property_individual', baseTiyn: tenge(5_000_000), amountTiyn: tenge(50_000) },
      ],
    });
  });
});

describe('state duty rates, 2025 (Tax Code 2017, Art. 610)', () => {
  for (const example of EXAMPLES_2025) {
    it(example.name, () => {
      const q = quoteDuty({ standing: 'claimant', claimantType: 'individual', date: IN_2025, ...example.input }, MCI_YEARS);
      expect(q.amountTiyn).toBe(tenge(example.kzt));
      expect(q.basis.ruleId).toBe(example.ruleId);
      expect(q.basis.article).toMatch(/^Tax Code 2017, Art\. (609|610|616)\(/);
      expect(q.mciTenge).toBe(3_932);
    });
  }

  it('quotes a property claim paid in 2025 under Art. 610 with the 2025 cap of 39,320,000 ₸', () => {
    const q = quoteDuty({ standing: 'claimant', filingType: 'claim', category: 'property', claimantType: 'individual', amountTiyn: tenge(10_000_000_000), date: IN_2025 }, MCI_YEARS);
    expect(q.basis.article).toBe('Tax Code 2017, Art. 610(1)(1)');
    expect(q.amountTiyn).toBe(tenge(39_320_000));
    expect(q.computation).toMatchObject({ capped: true });
  });

  it('uses the 2024 MCI of 3,692 ₸ for a 2024 payment', () => {
    const q = quoteDuty({ standing: 'claimant', filingType: 'claim', category: 'divorce', claimantType: 'individual', date: on('2024-03-10') }, MCI_YEARS);
    expect(q.mciTenge).toBe(3_692);
    expect(q.amountTiyn).toBe(tenge(1_107.6));
  });
});

describe('caps on property claims', () => {
  // 10,000 MCI = 43,250,000 ₸, reached at a claim of 4,325,000,000 ₸; 20,000 MCI = 86,500,000 ₸.
  const individual = (amountTiyn: number) => quote({ filingType: 'claim', category: 'property', amountTiyn });
  const legal = (amountTiyn: number) => quote({ filingType: 'claim', category: 'property', claimantType: 'legal', amountTiyn });
  const capped = (q: DutyQuote) => q.computation.kind === 'rate' && q.computation.capped;

  it('charges 1% just under the individual cap', () => {
    const q = individual(tenge(4_324_999_999));
    expect(q.amountTiyn).toBe(tenge(43_249_999.99));
    expect(capped(q)).toBe(false);
  });

  it('charges exactly the cap at the claim that reaches it', () => {
    const q = individual(tenge(4_325_000_000));
    expect(q.amountTiyn).toBe(tenge(43_250_000));
    expect(capped(q)).toBe(false);
  });

  it('charges the cap of 43,250,000 ₸ over it', () => {
    expect(individual(tenge(4_325_000_000.01))).toMatchObject({ amountTiyn: tenge(43_250_000) });
    expect(capped(individual(tenge(4_325_000_000.01)))).toBe(true);
    expect(individual(MAX_AMOUNT_TIYN).amountTiyn).toBe(tenge(43_250_000));
  });

  it('charges 3% just under the legal-entity cap and 86,500,000 ₸ over it', () => {
    expect(legal(tenge(2_883_333_333)).amountTiyn).toBe(tenge(86_499_999.99));
    expect(capped(legal(tenge(2_883_333_333)))).toBe(false);
    expect(legal(tenge(2_883_333_333.34)).amountTiyn).toBe(tenge(86_500_000));
    expect(capped(legal(tenge(2_883_333_333.34)))).toBe(true);
    expect(legal(tenge(10_000_000_000)).amountTiyn).toBe(tenge(86_500_000));
  });

  it('halves a capped amount on cassation', () => {
    const q = quote({ filingType: 'cassation_complaint', category: 'property', claimantType: 'legal', amountTiyn: tenge(10_000_000_000) });
    expect(q.amountTiyn).toBe(tenge(43_250_000));
    expect(q.computation).toMatchObject({ kind: 'rate', capped: true, halved: true, shares: [{ ruleId: 'tc2026.cassation', percent: 50 }] });
    expect(quote({ filingType: 'cassation_complaint', category: 'property', amountTiyn: tenge(10_000_000_000) }).amountTiyn).toBe(tenge(21_625_000));
  });

  it('halves the cap for a court order', () => {
    const q = quote({ filingType: 'court_order_application', category: 'court_order', amountTiyn: tenge(10_000_000_000) });
    expect(q.amountTiyn).toBe(tenge(21_625_000));
    expect(q.computation).toMatchObject({ capped: true, halved: true });
  });
});

describe('rounding to the tiyn', () => {
  it('rounds half a tiyn up', () => {
    expect(quote({ filingType: 'claim', category: 'property', amountTiyn: 150 }).amountTiyn).toBe(2);
    expect(quote({ filingType: 'claim', category: 'property', amountTiyn: 149 }).amountTiyn).toBe(1);
  });

  it('rounds each step as shown: 1% of 1 ₸ is 1 tiyn, half of it rounds up to 1 tiyn', () => {
    const q = quote({ filingType: 'court_order_application', category: 'court_order', amountTiyn: 100 });
    expect(q.amountTiyn).toBe(1);
    expect(q.computation).toMatchObject({ parts: [{ amountTiyn: 1 }], shares: [{ percent: 50, amountTiyn: 1 }] });
  });
});

describe('the payment day in Kazakhstan', () => {
  it('takes 31 December 2025, 20:00 UTC as 1 January 2026 in Almaty: the 2026 MCI and Art. 665', () => {
    const q = quote({ filingType: 'claim', category: 'non_property', date: new Date('2025-12-31T20:00:00Z') });
    expect(q.mciTenge).toBe(4_325);
    expect(q.basis.article).toBe('Tax Code 2026, Art. 665(1)(7)');
    expect(q.amountTiyn).toBe(tenge(2_162.5));
  });

  it('takes 31 December 2025, 18:59 UTC as still 2025 in Almaty: the 2025 MCI and Art. 610', () => {
    const q = quote({ filingType: 'claim', category: 'non_property', date: new Date('2025-12-31T18:59:59Z') });
    expect(q.mciTenge).toBe(3_932);
    expect(q.basis.article).toBe('Tax Code 2017, Art. 610(1)(7)');
  });

  it('changes at Almaty midnight exactly', () => {
    expect(quote({ filingType: 'claim', category: 'divorce', date: new Date('2025-12-31T19:00:00Z') }).mciTenge).toBe(4_325);
  });
});

/**
 * The subparagraph of Art. 668 (2026) and Art. 616 (2017) naming each ground, as read in the
 * codes' texts; the two lists are numbered alike.
 */
const EXEMPTION_SUBPARAGRAPH = {
  labour: '(1)',
  copyright_author: '(2), (3)',
  alimony: '(4)',
  harm_to_health: '(5)',
  criminal_damage: '(6)',
  veteran: '(13)',
  disability: '(13)',
  prosecutor_state_body: '(16), (17)',
  rehabilitation: '(20)',
} as const;

describe('the article every rate names', () => {
  // Read in the texts: Tax Code 2026 Arts 664(1)(1), 665(1)(1)–(10), 665(3), 668(15); Tax Code
  // 2017 Arts 609(1)(1), 610(1)(1)–(10), 610(2), 616(15).
  const expected: Record<string, string> = {
    'tc2026.property_individual': 'Tax Code 2026, Art. 665(1)(1)',
    'tc2026.property_legal': 'Tax Code 2026, Art. 665(1)(1)',
    'tc2026.non_property': 'Tax Code 2026, Art. 665(1)(7)',
    'tc2026.divorce': 'Tax Code 2026, Art. 665(1)(5)',
    'tc2026.special_proceedings': 'Tax Code 2026, Art. 665(1)(8)',
    'tc2026.administrative_claim': 'Tax Code 2026, Art. 665(1)(8)',
    'tc2026.state_body_complaint_individual': 'Tax Code 2026, Art. 665(1)(2)',
    'tc2026.state_body_complaint_legal': 'Tax Code 2026, Art. 665(1)(3)',
    'tc2026.court_order': 'Tax Code 2026, Art. 665(1)(10)',
    'tc2026.appeal': 'Tax Code 2026, Art. 664(1)(1)',
    'tc2026.cassation': 'Tax Code 2026, Art. 665(3)',
    'tc2026.procedural_application': 'Tax Code 2026, Art. 668(15)',
    'tc2017.property_individual': 'Tax Code 2017, Art. 610(1)(1)',
    'tc2017.property_legal': 'Tax Code 2017, Art. 610(1)(1)',
    'tc2017.non_property': 'Tax Code 2017, Art. 610(1)(7)',
    'tc2017.divorce': 'Tax Code 2017, Art. 610(1)(5)',
    'tc2017.special_proceedings': 'Tax Code 2017, Art. 610(1)(8)',
    'tc2017.administrative_claim': 'Tax Code 2017, Art. 610(1)(8)',
    'tc2017.state_body_complaint_individual': 'Tax Code 2017, Art. 610(1)(2)',
    'tc2017.state_body_complaint_legal': 'Tax Code 2017, Art. 610(1)(3)',
    'tc2017.court_order': 'Tax Code 2017, Art. 610(1)(10)',
    'tc2017.appeal': 'Tax Code 2017, Art. 609(1)(1)',
    'tc2017.cassation': 'Tax Code 2017, Art. 610(2)',
    'tc2017.procedural_application': 'Tax Code 2017, Art. 616(15)',
  };

  it('names the paragraph and subparagraph of each rate row', () => {
    expect(Object.fromEntries(RATES.map((row) => [row.id, row.article]))).toEqual(expected);
  });

  it('names the subparagraph of each exemption row', () => {
    for (const row of EXEMPTIONS) {
      const article = row.id.startsWith('tc2026.') ? 'Tax Code 2026, Art. 668' : 'Tax Code 2017, Art. 616';
      expect(row.article, row.id).toBe(`${article}${EXEMPTION_SUBPARAGRAPH[row.ground]}`);
    }
  });
});

describe('exemptions', () => {
  it('exempts labour claims and claims to recover alimony by their category, with no claim value needed', () => {
    for (const [category, article] of [
      ['labour', 'Tax Code 2026, Art. 668(1)'],
      ['alimony', 'Tax Code 2026, Art. 668(4)'],
    ] as const) {
      const q = quote({ filingType: 'claim', category, alimonyClaim: 'recovery' });
      expect(q).toMatchObject({ amountTiyn: 0, exempt: true, basis: { ruleId: `tc2026.exempt.${category}`, article } });
      expect(q.computation).toEqual({ kind: 'exempt', ground: category });
      expect(quote({ filingType: 'claim', category, alimonyClaim: 'recovery', amountTiyn: tenge(900_000), claimantType: 'legal' }).exempt).toBe(true);
    }
  });

  it('exempts a claim to recover alimony (Art. 668(4)) and cites the words of the subparagraph', () => {
    const q = quote({ filingType: 'claim', category: 'alimony', alimonyClaim: 'recovery' });
    expect(q).toMatchObject({ exempt: true, amountTiyn: 0, basis: { ruleId: 'tc2026.exempt.alimony', article: 'Tax Code 2026, Art. 668(4)' } });
    expect(EXEMPTIONS.find((row) => row.id === 'tc2026.exempt.alimony')?.wording).toBe('истцы – по искам о взыскании алиментов');
  });

  it("prices a payer's claim to reduce alimony at the non-property rate: only recovery is exempt", () => {
    const reduction = quote({ filingType: 'claim', category: 'alimony', alimonyClaim: 'other' });
    // 0.5 MCI at the 2026 MCI of 4,325 ₸.
    expect(reduction).toMatchObject({ exempt: false, amountTiyn: tenge(2_162.5), basis: { ruleId: 'tc2026.non_property' } });
    // Not said what the claim asks: nothing is exempted on a guess.
    expect(quote({ filingType: 'claim', category: 'alimony' }).exempt).toBe(false);
    // The payer's cassation complaint pays half of it.
    expect(quote({ filingType: 'cassation_complaint', category: 'alimony', alimonyClaim: 'other' }).amountTiyn).toBe(tenge(1_081.25));
  });

  it("prices a defendant's cassation complaint in a labour case at 50% of the first-instance rate", () => {
    // The employer pays half of 3% of the wage claim it lost: 1,000,000 ₸ → 30,000 ₸ → 15,000 ₸.
    const employer = quote({ filingType: 'cassation_complaint', category: 'labour', claimantType: 'legal', standing: 'other', amountTiyn: tenge(1_000_000) });
    expect(employer).toMatchObject({ exempt: false, amountTiyn: tenge(15_000), basis: { ruleId: 'tc2026.cassation' } });
    expect(employer.computation).toMatchObject({ kind: 'rate', halved: true, parts: [{ ruleId: 'tc2026.property_legal', amountTiyn: tenge(30_000) }] });
    // Without a claim value, half the non-property rate: 0.25 MCI.
    expect(quote({ filingType: 'cassation_complaint', category: 'labour', standing: 'other' }).amountTiyn).toBe(tenge(1_081.25));
  });

  it("carries the claimant's labour exemption to their cassation complaint (Art. 668(1), part 2)", () => {
    expect(quote({ filingType: 'cassation_complaint', category: 'labour', standing: 'claimant', amountTiyn: tenge(1_000_000) })).toMatchObject({
      exempt: true,
      amountTiyn: 0,
      basis: { ruleId: 'tc2026.exempt.labour', article: 'Tax Code 2026, Art. 668(1)' },
    });
  });

  it("does not exempt the defendant by the claimant's grounds, but keeps the grounds that are anyone's", () => {
    for (const code of ['harm_to_health', 'criminal_damage', 'copyright_author'] as const) {
      expect(quote({ filingType: 'cassation_complaint', category: 'property', standing: 'other', exemption: code, amountTiyn: tenge(1_000_000) }).exempt, code).toBe(false);
    }
    // Art. 668(13) "по всем делам и документам", 668(20) "истцы и ответчики", 668(17) state bodies appealing.
    for (const code of ['veteran', 'disability', 'rehabilitation', 'prosecutor_state_body'] as const) {
      expect(quote({ filingType: 'cassation_complaint', category: 'property', standing: 'other', exemption: code, amountTiyn: tenge(1_000_000) }).exempt, code).toBe(true);
    }
  });

  it('exempts a court order for children\'s alimony and carries the exemption to cassation', () => {
    expect(quote({ filingType: 'court_order_application', category: 'court_order', courtOrderDemand: 'child_alimony' })).toMatchObject({ exempt: true, amountTiyn: 0, basis: { ruleId: 'tc2026.exempt.alimony' } });
    expect(quote({ filingType: 'cassation_complaint', category: 'alimony', alimonyClaim: 'recovery' })).toMatchObject({ exempt: true, amountTiyn: 0 });
    expect(quote({ filingType: 'cassation_complaint', category: 'property', exemption: 'disability', amountTiyn: tenge(1_000_000) })).toMatchObject({ exempt: true });
  });

  it('leaves an appeal in a labour case not dutiable rather than exempt', () => {
    expect(quote({ filingType: 'appeal', category: 'labour', exemption: 'veteran' })).toMatchObject({ exempt: false, amountTiyn: 0, basis: { ruleId: 'tc2026.appeal' } });
  });

  for (const code of EXEMPTION_CODES) {
    it(`exempts a property claim on the claimed ground "${code}", under Art. 668 in 2026 and Art. 616 in 2025`, () => {
      const in2026 = quote({ filingType: 'claim', category: 'property', amountTiyn: tenge(2_000_000), exemption: code });
      const in2025 = quote({ filingType: 'claim', category: 'property', amountTiyn: tenge(2_000_000), exemption: code, date: IN_2025 });
      expect(in2026).toMatchObject({ amountTiyn: 0, exempt: true, basis: { ruleId: `tc2026.exempt.${code}` }, mciTenge: 4_325, computation: { kind: 'exempt', ground: code } });
      expect(in2026.basis.article).toMatch(/^Tax Code 2026, Art\. 668\(\d+\)/);
      expect(in2025.basis.ruleId).toBe(`tc2017.exempt.${code}`);
      expect(in2025.basis.article).toBe(in2026.basis.article.replace('Tax Code 2026, Art. 668', 'Tax Code 2017, Art. 616'));
      // Without the ground the same claim pays 1%.
      expect(quote({ filingType: 'claim', category: 'property', amountTiyn: tenge(2_000_000) }).amountTiyn).toBe(tenge(20_000));
    });
  }

  it('exempts a claimed ground without a claim value', () => {
    expect(quote({ filingType: 'claim', category: 'property', exemption: 'harm_to_health' }).exempt).toBe(true);
  });

  it('exempts labour and alimony by category in 2025 under Art. 616', () => {
    for (const category of ['labour', 'alimony'] as const) {
      const q = quote({ filingType: 'claim', category, alimonyClaim: 'recovery', date: IN_2025 });
      expect(q.basis).toEqual({ ruleId: `tc2017.exempt.${category}`, article: category === 'labour' ? 'Tax Code 2017, Art. 616(1)' : 'Tax Code 2017, Art. 616(4)' });
    }
  });
});

describe('input the duty cannot be quoted for', () => {
  it('requires a claim value for a property claim, a court order and the cassation of either', () => {
    expect(refusal({ filingType: 'claim', category: 'property' })).toBe('amount_required');
    expect(refusal({ filingType: 'court_order_application', category: 'court_order' })).toBe('amount_required');
    expect(refusal({ filingType: 'cassation_complaint', category: 'property' })).toBe('amount_required');
    expect(refusal({ filingType: 'claim', category: 'divorce', alsoPropertyDemand: true })).toBe('amount_required');
  });

  it('refuses absurd claim values', () => {
    for (const amountTiyn of [-1, 0, 1.5, Number.NaN, Number.POSITIVE_INFINITY, MAX_AMOUNT_TIYN + 1]) {
      expect(refusal({ filingType: 'claim', category: 'property', amountTiyn }), String(amountTiyn)).toBe('amount_invalid');
    }
    // Even where the value would not be used.
    expect(refusal({ filingType: 'appeal', category: 'property', amountTiyn: -100 })).toBe('amount_invalid');
  });

  it('refuses filings not made in the category', () => {
    expect(refusal({ filingType: 'claim', category: 'criminal' })).toBe('category_not_allowed');
    expect(refusal({ filingType: 'claim', category: 'administrative_offence' })).toBe('category_not_allowed');
    expect(refusal({ filingType: 'claim', category: 'court_order' })).toBe('category_not_allowed');
    expect(refusal({ filingType: 'court_order_application', category: 'divorce', amountTiyn: 100_000 })).toBe('category_not_allowed');
    expect(refusal({ filingType: 'counterclaim', category: 'public_law_dispute' })).toBe('category_not_allowed');
    expect(refusal({ filingType: 'cassation_complaint', category: 'criminal' })).toBe('category_not_allowed');
    expect(refusal({ filingType: 'claim', category: 'state_body_complaint', alsoPropertyDemand: true, amountTiyn: 100_000 })).toBe('category_not_allowed');
  });

  it('refuses payment dates without rates, and years whose MCI is not entered', () => {
    expect(refusal({ filingType: 'claim', category: 'divorce', date: on('2023-05-20') })).toBe('date_out_of_range');
    expect(refusal({ filingType: 'claim', category: 'divorce', date: on('2023-06-01') })).toBe('mci_missing');
    expect(refusal({ filingType: 'claim', category: 'divorce', date: new Date('2023-12-31T17:59:59Z') })).toBe('mci_missing');
    expect(refusal({ filingType: 'claim', category: 'divorce', date: new Date('2023-12-31T18:00:00Z') })).toBeUndefined();
    expect(refusal({ filingType: 'claim', category: 'divorce', date: on('2027-01-01') })).toBe('mci_missing');
    expect(refusal({ filingType: 'claim', category: 'divorce', date: new Date('garbage') })).toBe('date_out_of_range');
  });

  it('answers without an MCI where none is needed: an appeal, an exempt claim', () => {
    const in2027 = on('2027-01-15');
    const appeal = quoteDuty({ standing: 'claimant', filingType: 'appeal', category: 'property', claimantType: 'individual', date: in2027 }, MCI_YEARS);
    expect(appeal).toMatchObject({ amountTiyn: 0, mciTenge: null, computation: { kind: 'not_dutiable' } });
    const labour = quoteDuty({ standing: 'claimant', filingType: 'claim', category: 'labour', claimantType: 'individual', date: in2027 }, MCI_YEARS);
    expect(labour).toMatchObject({ amountTiyn: 0, exempt: true, mciTenge: null });
  });

  it('prices a 2027 payment once the 2027 MCI is entered', () => {
    const in2027 = on('2027-01-15');
    expect(() => quoteDuty({ standing: 'claimant', filingType: 'claim', category: 'divorce', claimantType: 'individual', date: in2027 }, MCI_YEARS)).toThrow(DutyInputError);
    const entered = [...MCI_YEARS, { year: 2027, tenge: 4_500, basis: 'test' }];
    expect(quoteDuty({ standing: 'claimant', filingType: 'claim', category: 'divorce', claimantType: 'individual', date: in2027 }, entered)).toMatchObject({ amountTiyn: 135_000, mciTenge: 4_500 });
  });
});

describe('the rate data', () => {
  it('has unique row ids', () => {
    const ids = [...RATES, ...EXEMPTIONS].map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('ships one MCI per year, for consecutive years, each with its act', () => {
    const years = MCI_YEARS.map((row) => row.year);
    expect(years).toEqual([...years].sort((a, b) => a - b));
    for (let i = 1; i < years.length; i++) expect(years[i]).toBe(years[i - 1]! + 1);
    for (const row of MCI_YEARS) expect(row.basis).toMatch(/budget/);
  });

  it('prices each filing by one row, or a claim by at most one percentage and one flat row', () => {
    for (const day of ['2023-05-21', '2025-12-31', '2026-01-01'] as IsoDate[]) {
      const rows = RATES.filter((row) => inForce(row, day));
      for (const filing of FILING_TYPES)
        for (const category of ALL_CASE_CATEGORIES)
          for (const claimant of CLAIMANT_TYPES) {
            const matching = rows.filter(
              ({ applies }) =>
                applies.filings.includes(filing) &&
                (!applies.categories || applies.categories.includes(category)) &&
                (!applies.claimantTypes || applies.claimantTypes.includes(claimant)),
            );
            const kinds = matching.map((row) => row.rate.kind).sort();
            const label = `${day} ${filing} ${category} ${claimant}`;
            if (kinds.length > 1) expect(kinds, label).toEqual(['mci', 'percent']);
          }
    }
  });

  it('is reached in full by the worked examples above', () => {
    const quotes = [
      ...EXAMPLES_2026.map((example) => quote(example.input)),
      ...EXAMPLES_2025.map((example) => quote({ ...example.input, date: IN_2025 })),
      ...[IN_2026, IN_2025].flatMap((date) => [
        ...EXEMPTION_CODES.map((exemption) => quote({ filingType: 'claim', category: 'property', exemption, date })),
        ...(['labour', 'alimony'] as const).map((category) => quote({ filingType: 'claim', category, alimonyClaim: 'recovery', date })),
      ]),
    ];
    const used = new Set(quotes.flatMap(rowsUsed));
    expect([...RATES, ...EXEMPTIONS].map((row) => row.id).filter((id) => !used.has(id))).toEqual([]);
  });
});

describe('amounts in tenge', () => {
  it('reads tenge with up to two decimals as tiyn', () => {
    expect(parseTenge('1500000')).toBe(150_000_000);
    expect(parseTenge('1500000.5')).toBe(150_000_050);
    expect(parseTenge('1500000.50')).toBe(150_000_050);
    expect(parseTenge('0.07')).toBe(7);
  });

  it('refuses anything else', () => {
    for (const text of ['1e6', '-5', 'abc', '1.234', '', ' 1', '1 000', '1,5', '1.', '.5', '+5', '0x10', 'Infinity', '1234567890123456']) {
      expect(parseTenge(text), JSON.stringify(text)).toBeUndefined();
    }
  });

  it('writes tiyn as tenge with two decimals', () => {
    expect(tiynToDecimal(129_750)).toBe('1297.50');
    expect(tiynToDecimal(1_500_000)).toBe('15000.00');
    expect(tiynToDecimal(5)).toBe('0.05');
    expect(tiynToDecimal(0)).toBe('0.00');
  });
});

describe('properties of the duty', () => {
  const day = fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2026-12-31T18:00:00Z'), noInvalidDate: true });
  const amount = fc.integer({ min: 1, max: MAX_AMOUNT_TIYN });
  const claimant = fc.constantFrom(...CLAIMANT_TYPES);

  it('is never negative, whatever is filed', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FILING_TYPES),
        fc.constantFrom(...ALL_CASE_CATEGORIES),
        claimant,
        fc.option(amount, { nil: undefined }),
        day,
        fc.option(fc.constantFrom(...EXEMPTION_CODES), { nil: undefined }),
        fc.boolean(),
        (filingType, category, claimantType, amountTiyn, date, exemption, alsoPropertyDemand) => {
          try {
            const q = quoteDuty({ standing: 'claimant', filingType, category, claimantType, amountTiyn, date, exemption, alsoPropertyDemand }, MCI_YEARS);
            expect(q.amountTiyn).toBeGreaterThanOrEqual(0);
            expect(Number.isInteger(q.amountTiyn)).toBe(true);
            if (q.exempt) expect(q.amountTiyn).toBe(0);
          } catch (error) {
            expect(error).toBeInstanceOf(DutyInputError);
          }
        },
      ),
    );
  });

  it('grows with the claim value of a property claim and never passes the cap', () => {
    fc.assert(
      fc.property(amount, amount, claimant, day, (a, b, claimantType, date) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const duty = (amountTiyn: number) => quoteDuty({ standing: 'claimant', filingType: 'claim', category: 'property', claimantType, amountTiyn, date }, MCI_YEARS);
        const lowQuote = duty(low);
        const highQuote = duty(high);
        expect(lowQuote.amountTiyn).toBeLessThanOrEqual(highQuote.amountTiyn);
        const capMci = claimantType === 'individual' ? 10_000 : 20_000;
        expect(highQuote.amountTiyn).toBeLessThanOrEqual(capMci * highQuote.mciTenge! * 100);
      }),
    );
  });
});
