import { afterAll, beforeAll, expect, it } from 'vitest';
import { dutyApi } from '../../src/routes/api/duty.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { describeDb } from '../support/db.ts';

const QUOTE = '/api/v1/duty/quote';

describeDb('state duty quote API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      extend(app) {
        // Once the app registers the duty API itself, the test uses that one.
        if (!app.hasRoute({ method: 'GET', url: QUOTE })) app.register(dutyApi, { prefix: '/api/v1' });
      },
    });
  });
  afterAll(() => t?.close());

  const get = (query: Record<string, string>, lang = 'en') =>
    t.app.inject({ method: 'GET', url: QUOTE, query, headers: { 'accept-language': lang } });

  it('quotes 1% of a property claim of an individual under Art. 665', async () => {
    const res = await get({ filingType: 'claim', claimantType: 'individual', category: 'property', amount: '1500000', date: '2026-06-15' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json()).toEqual({
      amountKzt: '15000.00',
      amountTiyn: 1_500_000,
      basis: 'Tax Code 2026, Art. 665(1)(1)',
      legalBasis: { code: 'tax_code', edition: 2026, article: '665', part: '1', subparagraphs: ['1'], text: 'Tax Code 2026, Art. 665(1)(1)' },
      ruleId: 'tc2026.property_individual',
      exempt: false,
      mciKzt: 4_325,
      description: 'Property claim of an individual',
    });
  });

  it('quotes 3% with tiyn for a legal entity, and the cap over it', async () => {
    const res = await get({ filingType: 'claim', claimantType: 'legal', category: 'property', amount: '1000.55', date: '2026-06-15' });
    expect(res.json()).toMatchObject({ amountKzt: '30.02', amountTiyn: 3_002, ruleId: 'tc2026.property_legal' });
    const capped = await get({ filingType: 'claim', claimantType: 'legal', category: 'property', amount: '10000000000', date: '2026-06-15' });
    expect(capped.json()).toMatchObject({ amountKzt: '86500000.00', amountTiyn: 8_650_000_000 });
  });

  it('takes the payment date as today in Kazakhstan when none is given', async () => {
    const res = await get({ filingType: 'claim', claimantType: 'individual', category: 'divorce' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ amountKzt: '1297.50', mciKzt: 4_325, basis: 'Tax Code 2026, Art. 665(1)(5)' });
  });

  it('quotes a 2025 payment under Art. 610 at the 2025 MCI', async () => {
    const res = await get({ filingType: 'claim', claimantType: 'individual', category: 'non_property', date: '2025-12-31' });
    expect(res.json()).toMatchObject({ amountKzt: '1966.00', mciKzt: 3_932, basis: 'Tax Code 2017, Art. 610(1)(7)', ruleId: 'tc2017.non_property' });
  });

  it('answers a labour claim as exempt, naming the ground in the caller\'s language', async () => {
    const res = await get({ filingType: 'claim', claimantType: 'individual', category: 'labour', amount: '800000', date: '2026-06-15' }, 'ru');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      amountKzt: '0.00',
      amountTiyn: 0,
      basis: 'Tax Code 2026, Art. 668(1)',
      // The exemptions are subparagraphs of Art. 668(1): the labour claim's is the first.
      legalBasis: { code: 'tax_code', edition: 2026, article: '668', part: '1', subparagraphs: ['1'], text: 'подп. 1) п. 1 ст. 668 Налогового кодекса РК' },
      ruleId: 'tc2026.exempt.labour',
      exempt: true,
      mciKzt: 4_325,
      description: 'Иски о взыскании заработной платы и иные требования, вытекающие из трудовых правоотношений',
    });
  });

  it("exempts only the claimant and only a claim to recover alimony", async () => {
    const defendant = await get({ filingType: 'cassation_complaint', claimantType: 'legal', category: 'labour', amount: '1000000', standing: 'other', date: '2026-06-15' });
    expect(defendant.json()).toMatchObject({ amountTiyn: 1_500_000, exempt: false, ruleId: 'tc2026.cassation' });
    const claimant = await get({ filingType: 'cassation_complaint', claimantType: 'individual', category: 'labour', amount: '1000000', standing: 'claimant', date: '2026-06-15' });
    expect(claimant.json()).toMatchObject({ amountTiyn: 0, exempt: true, basis: 'Tax Code 2026, Art. 668(1)' });
    const recovery = await get({ filingType: 'claim', claimantType: 'individual', category: 'alimony', alimonyClaim: 'recovery', date: '2026-06-15' });
    expect(recovery.json()).toMatchObject({ exempt: true, basis: 'Tax Code 2026, Art. 668(4)' });
    const reduction = await get({ filingType: 'claim', claimantType: 'individual', category: 'alimony', alimonyClaim: 'other', date: '2026-06-15' });
    expect(reduction.json()).toMatchObject({ exempt: false, amountTiyn: 216_250, ruleId: 'tc2026.non_property' });
  });

  it('exempts on a claimed ground', async () => {
    const res = await get({ filingType: 'claim', claimantType: 'individual', category: 'property', amount: '1500000', exemption: 'disability', date: '2026-06-15' });
    expect(res.json()).toMatchObject({ amountTiyn: 0, exempt: true, ruleId: 'tc2026.exempt.disability' });
  });

  it('charges nothing for an appeal', async () => {
    const res = await get({ filingType: 'appeal', claimantType: 'legal', category: 'property', amount: '5000000' }, 'kk');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ amountKzt: '0.00', amountTiyn: 0, exempt: false, ruleId: 'tc2026.appeal', description: 'Апелляциялық шағым: мемлекеттік баж алынбайды' });
  });

  it('halves the first-instance duty for a cassation complaint', async () => {
    const res = await get({ filingType: 'cassation_complaint', claimantType: 'individual', category: 'divorce', date: '2026-06-15' });
    expect(res.json()).toMatchObject({ amountKzt: '648.75', ruleId: 'tc2026.cassation' });
  });

  it('charges both rates for a divorce dividing property', async () => {
    const res = await get({ filingType: 'claim', claimantType: 'individual', category: 'divorce', amount: '5000000', alsoPropertyDemand: 'true', date: '2026-06-15' });
    expect(res.json()).toMatchObject({ amountKzt: '51297.50' });
  });

  it('refuses malformed claim values with a message in Russian', async () => {
    for (const amount of ['1e6', '-5', 'abc', '100.123', '1 000', '0']) {
      const res = await get({ filingType: 'claim', claimantType: 'individual', category: 'property', amount }, 'ru');
      expect(res.statusCode, amount).toBe(400);
      expect(res.json(), amount).toEqual({
        error: {
          code: 'duty_amount_invalid',
          message: 'Укажите цену иска в тенге положительным числом, не более двух знаков после точки, например 1500000.50.',
        },
      });
    }
  });

  it('asks for the claim value of a property claim', async () => {
    const res = await get({ filingType: 'claim', claimantType: 'individual', category: 'property' }, 'en');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toEqual({ code: 'duty_amount_required', message: 'Enter the claim value: the state duty on a property claim is a percentage of it.' });
  });

  it('refuses a filing not made in the category, and a date without rates', async () => {
    const criminal = await get({ filingType: 'claim', claimantType: 'individual', category: 'criminal' }, 'kk');
    expect(criminal.statusCode).toBe(400);
    expect(criminal.json().error.message).toContain('Мұндай құжат осы санаттағы істер бойынша берілмейді');
    const early = await get({ filingType: 'claim', claimantType: 'individual', category: 'divorce', date: '2020-01-01' }, 'en');
    expect(early.statusCode).toBe(400);
    expect(early.json().error.message).toContain('cannot be calculated for this payment date');
  });

  it('refuses unknown codes and impossible dates before quoting', async () => {
    const queries: Record<string, string>[] = [
      { filingType: 'lawsuit', claimantType: 'individual', category: 'property' },
      { filingType: 'claim', claimantType: 'company', category: 'property' },
      { filingType: 'claim', claimantType: 'individual', category: 'tax' },
      { filingType: 'claim', claimantType: 'individual', category: 'divorce', exemption: 'labour' },
      { filingType: 'claim', claimantType: 'individual', category: 'divorce', date: '15.06.2026' },
      { filingType: 'claim', claimantType: 'individual', category: 'divorce', date: '2026-02-30' },
      { claimantType: 'individual', category: 'divorce' },
    ];
    for (const query of queries) {
      const res = await get(query);
      expect(res.statusCode, JSON.stringify(query)).toBe(400);
      expect(res.json().error.code).toBe('invalid_request');
    }
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    const path = doc.paths['/api/v1/duty/quote'];
    expect(path.get.tags).toEqual(['duty']);
    expect(Object.keys(path.get.responses).sort()).toEqual(['200', '400', '422']);
  });
});
