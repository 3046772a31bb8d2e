import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { refreshCourtStatistics } from '../../src/commands/courtStatistics.ts';
import { cases, courts, courtStatisticsMonthly, documents, filings } from '../../src/db/schema/index.ts';
import { OPEN_DATA_COLUMNS } from '../../src/domain/courtStatistics.ts';
import { statisticsSeries } from '../../src/queries/courtStatistics.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { describeDb } from '../support/db.ts';
import { signedInUser } from '../support/sessions.ts';

/**
 * Court statistics over a small fabricated set of cases in March and April 2021 (months the demo
 * data does not reach), every number worked out by hand from the definitions.
 */
describeDb('court statistics', () => {
  let t: TestApp;
  let medeu: { id: string; parentId: string | null };
  let other: string;
  let appealCourt: string;
  let filer: string;
  let serial = 0;

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    const rows = await t.database.db.select({ id: courts.id, code: courts.code, parentId: courts.parentId, level: courts.level }).from(courts);
    const m = rows.find((r) => r.code === '7517')!;
    medeu = { id: m.id, parentId: m.parentId };
    appealCourt = m.parentId!;
    other = rows.find((r) => r.level === 1 && r.code !== '7517')!.id;
    filer = (await signedInUser(t.database.db)).id;

    const c1 = await fileCase(medeu.id, '2021-03-02T05:00:00Z', 'portal');
    await act(c1, 'decision', '2021-03-12T05:00:00Z', { decisionForm: 'operative' });
    // The final form of the same decision is not a second decided case.
    await act(c1, 'decision', '2021-03-20T05:00:00Z', { decisionForm: 'final' });
    const c2 = await fileCase(medeu.id, '2021-03-05T05:00:00Z', 'counter', 'court_order_application');
    await act(c2, 'court_order', '2021-03-25T05:00:00Z');
    // 01:00 on 1 April in Almaty: an April case.
    const c3 = await fileCase(medeu.id, '2021-03-31T20:00:00Z', 'portal', 'court_order_application');
    // A ruling decides nothing.
    await act(c3, 'ruling', '2021-04-05T05:00:00Z');
    // Registered in February, decided in March; no starting filing held, so no channel.
    const c4 = await fileCase(medeu.id, '2021-02-10T05:00:00Z', null);
    await act(c4, 'decision', '2021-03-10T05:00:00Z', { decisionForm: 'final' });
    const c5 = await fileCase(other, '2021-03-03T05:00:00Z', 'portal');
    await act(c5, 'decision', '2021-03-07T05:00:00Z', { decisionForm: 'final' });

    const a1 = await appealOf(c1, '2021-03-25T05:00:00Z', 'counter');
    await act(a1, 'resolution', '2021-04-10T05:00:00Z', { outcome: 'changed' });
    const a2 = await appealOf(c2, '2021-04-01T10:00:00Z', 'portal');
    await act(a2, 'resolution', '2021-04-20T05:00:00Z', { outcome: 'upheld' });

    await refreshCourtStatistics(t.database.db, '2021-03', '2021-04', new Date('2021-05-01T00:00:00Z'));
  });
  afterAll(() => t?.close());

  async function fileCase(courtId: string, registeredAt: string, channel: 'portal' | 'counter' | null, type: 'claim' | 'court_order_application' = 'claim'): Promise<string> {
    const at = new Date(registeredAt);
    const [row] = await t.database.db.insert(cases).values({ courtId, kind: 'civil', category: type === 'claim' ? 'debt' : 'court_order', instance: 1, status: 'assigned', filedAt: at, registeredAt: at }).returning({ id: cases.id });
    if (channel) await t.database.db.insert(filings).values(submitted(channel, type, courtId, at, { caseId: row!.id }));
    return row!.id;
  }

  async function appealOf(parentId: string, registeredAt: string, channel: 'portal' | 'counter'): Promise<string> {
    const at = new Date(registeredAt);
    const [row] = await t.database.db.insert(cases).values({ courtId: appealCourt, kind: 'civil', category: 'debt', instance: 2, status: 'assigned', parentCaseId: parentId, filedAt: at, registeredAt: at }).returning({ id: cases.id });
    await t.database.db.insert(filings).values(submitted(channel, 'appeal', medeu.id, at, { caseId: parentId, forwardedCaseId: row!.id }));
    return row!.id;
  }

  function submitted(channel: 'portal' | 'counter', type: 'claim' | 'court_order_application' | 'appeal', courtId: string, at: Date, link: { caseId: string; forwardedCaseId?: string }) {
    serial += 1;
    return { filerId: filer, type, channel, status: 'submitted' as const, courtId, ...link, talonNumber: `STAT-${serial}-${Math.random().toString(36).slice(2, 8)}`, signature: channel === 'portal' ? Buffer.from('s') : null, submittedAt: at };
  }

  async function act(caseId: string, kind: 'decision' | 'court_order' | 'resolution' | 'ruling', issuedAt: string, extra: { decisionForm?: 'operative' | 'final'; outcome?: 'upheld' | 'changed' } = {}) {
    serial += 1;
    await t.database.db.insert(documents).values({ caseId, kind, title: kind, signature: Buffer.from('s'), signedManifest: '{}', verifyCode: `STATVC${serial}${Math.random().toString(36).slice(2, 8)}`, issuedAt: new Date(issuedAt), ...extra });
  }

  const series = (courtId: string | null) => statisticsSeries(t.database.db, courtId, '2021-03', '2021-04');

  it('counts a first-instance court month by month: received by registration, decided by the first deciding act, the median in days', async () => {
    const [march, april] = (await series(medeu.id)).months;
    expect(march).toEqual({ month: '2021-03', received: 2, receivedElectronic: 1, receivedPaper: 1, decided: 3, medianDaysToDecision: 20, appeals: { upheld: 0, changed: 0, reversed: 0, sent_back: 0 } });
    // The court's decisions reviewed on appeal count for it, in the month of the resolution.
    expect(april).toEqual({ month: '2021-04', received: 1, receivedElectronic: 1, receivedPaper: 0, decided: 0, medianDaysToDecision: null, appeals: { upheld: 1, changed: 1, reversed: 0, sent_back: 0 } });
  });

  it('counts the appellate court by the appeals it received and decided, by the channel of the appeal', async () => {
    const [march, april] = (await series(appealCourt)).months;
    expect(march).toMatchObject({ received: 1, receivedElectronic: 0, receivedPaper: 1, decided: 0 });
    expect(april).toMatchObject({ received: 1, receivedElectronic: 1, receivedPaper: 0, decided: 2, medianDaysToDecision: 17.5 });
  });

  it('counts the country as the sum of its courts, with the median over all cases rather than of the courts’ medians', async () => {
    const [march, april] = (await series(null)).months;
    // Medians 20 (Medeu) and 4 (the other court); over the cases 4, 10, 20, 28 it is 15.
    expect(march).toEqual({ month: '2021-03', received: 4, receivedElectronic: 2, receivedPaper: 2, decided: 4, medianDaysToDecision: 15, appeals: { upheld: 0, changed: 0, reversed: 0, sent_back: 0 } });
    expect(april).toEqual({ month: '2021-04', received: 2, receivedElectronic: 2, receivedPaper: 0, decided: 2, medianDaysToDecision: 17.5, appeals: { upheld: 1, changed: 1, reversed: 0, sent_back: 0 } });
    const all = await t.database.db.select().from(courtStatisticsMonthly).where(eq(courtStatisticsMonthly.month, '2021-03-01'));
    const courtsOnly = all.filter((r) => r.courtId !== null);
    expect(courtsOnly.reduce((s, r) => s + r.received, 0)).toBe(march!.received);
    expect(courtsOnly.reduce((s, r) => s + r.decided, 0)).toBe(march!.decided);
  });

  it('gives the same rows when counted again: one per court and month, and the country', async () => {
    const snapshot = async () =>
      (await t.database.db.select().from(courtStatisticsMonthly))
        .filter((r) => r.month.startsWith('2021-0'))
        .map(({ computedAt: _, ...rest }) => rest)
        .sort((a, b) => `${a.courtId}${a.month}`.localeCompare(`${b.courtId}${b.month}`));
    const before = await snapshot();
    await refreshCourtStatistics(t.database.db, '2021-03', '2021-04', new Date('2021-05-02T00:00:00Z'));
    await refreshCourtStatistics(t.database.db, '2021-04', '2021-04', new Date('2021-05-03T00:00:00Z'));
    expect(await snapshot()).toEqual(before);
    const courtCount = (await t.database.db.select({ id: courts.id }).from(courts)).length;
    expect(before).toHaveLength((courtCount + 1) * 2);
  });

  it('serves the open data as RFC 4180 CSV with the stable columns', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/statistics.csv?court=7517&from=2021-03&to=2021-04' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body.charCodeAt(0)).not.toBe(0xfeff);
    expect(res.body).toBe(`${OPEN_DATA_COLUMNS.join(',')}\r\n7517,2021-03,2,1,1,0.5,3,20,0,0,0,0\r\n7517,2021-04,1,1,0,1,0,,1,1,0,0\r\n`);
  });

  it('serves the national figures as JSON and through the API, the same document', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/statistics.json?from=2021-03&to=2021-04' });
    const api = await t.app.inject({ method: 'GET', url: '/api/v1/public/statistics?from=2021-03&to=2021-04' });
    expect(page.statusCode).toBe(200);
    expect(api.statusCode).toBe(200);
    const doc = page.json();
    expect(api.json()).toEqual(doc);
    expect(doc).toMatchObject({ court: null, from: '2021-03', to: '2021-04', computed_at: expect.any(String) });
    expect(Object.keys(doc.rows[0]).sort()).toEqual([...OPEN_DATA_COLUMNS].sort());
    expect(doc.rows[0]).toMatchObject({ court: 'KZ', month: '2021-03', received: 4, electronic_share: 0.5, median_days_to_decision: 15 });
  });

  it('refuses a malformed period or court with a 400 and a message, on the page, the open data and the API', async () => {
    for (const url of ['/statistics.csv?from=2021-13', '/statistics.json?from=2019-01&to=2021-04', '/api/v1/public/statistics?court=abc', '/api/v1/public/statistics?court=9999', '/api/v1/public/statistics?from=2021-04&to=2021-03']) {
      const res = await t.app.inject({ method: 'GET', url, headers: { 'accept-language': 'ru' } });
      expect(res.statusCode, url).toBe(400);
    }
    const api = await t.app.inject({ method: 'GET', url: '/api/v1/public/statistics?from=2019-01&to=2021-04' });
    expect(api.json().error.code).toBe('statistics_period_too_long');
    const page = await t.app.inject({ method: 'GET', url: '/statistics?from=2021-13', headers: { cookie: 'lang=kk' } });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('govuk-error-summary');
  });

  it('shows a court’s page with charts as labelled images and the same numbers in tables; the picker goes to the court’s address', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/statistics/7517?from=2021-03&to=2021-04' });
    expect(res.statusCode).toBe(200);
    expect(res.body.match(/<svg class="sot-chart" role="img"/g)).toHaveLength(4);
    expect(res.body).toContain('<table class="govuk-table">');
    expect(await t.app.inject({ method: 'GET', url: '/statistics/9999' }).then((r) => r.statusCode)).toBe(404);
    const picked = await t.app.inject({ method: 'GET', url: '/statistics?court=7517&from=2021-03&to=' });
    expect(picked.statusCode).toBe(303);
    expect(picked.headers.location).toBe('/statistics/7517?from=2021-03');
  });
});
