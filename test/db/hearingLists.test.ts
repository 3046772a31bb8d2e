import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cases, courts, hearings, parties, users } from '../../src/db/schema/index.ts';
import { courtDateIso } from '../../src/domain/courtTime.ts';
import { createTestApp, TEST_NOW, type TestApp } from '../support/app.ts';
import { describeDb } from '../support/db.ts';

/**
 * The public hearing lists on a seeded database: the page and the API find a day's hearings
 * across courts and by court, region, judge, category and kind, page by cursor, never name the
 * parties of a closed or adoption case nor a minor, and answer bad input with a 400.
 */
describeDb('hearing lists', () => {
  let t: TestApp;
  const DAY = '2030-06-11';
  const ids: Record<string, string> = {};
  let judgeId: string;

  async function caseWithHearing(o: { court: string; number: string; category: string; kind?: 'civil' | 'administrative'; closed?: boolean; time: string; people: { role: 'claimant' | 'defendant' | 'lawyer'; name: string; iin?: string }[] }) {
    const [c] = await t.database.db
      .insert(cases)
      .values({ courtId: ids[o.court]!, number: o.number, kind: o.kind ?? 'civil', category: o.category, instance: 1, status: 'hearing_scheduled', closedHearing: o.closed ?? false, judgeId })
      .returning({ id: cases.id });
    const rows = await t.database.db
      .insert(parties)
      .values(o.people.filter((p) => p.role !== 'lawyer').map((p) => ({ caseId: c!.id, role: p.role, displayName: p.name, iin: p.iin ?? null, address: 'ул. Абая, 1', phone: '+7 701 555 55 55', email: 'private@example.kz' })))
      .returning({ id: parties.id, role: parties.role });
    for (const p of o.people.filter((x) => x.role === 'lawyer')) {
      await t.database.db.insert(parties).values({ caseId: c!.id, role: 'lawyer', displayName: p.name, representsPartyId: rows.find((r) => r.role === 'claimant')?.id ?? rows[0]!.id });
    }
    await t.database.db.insert(hearings).values({ caseId: c!.id, startsAt: new Date(`${DAY}T${o.time}:00+05:00`), room: '301', courtId: ids[o.court]!, judgeId });
    return c!.id;
  }

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    for (const r of await t.database.db.select({ id: courts.id, code: courts.code }).from(courts)) ids[r.code] = r.id;
    [{ id: judgeId }] = (await t.database.db.select({ id: users.id }).from(users).limit(1)) as [{ id: string }];
    await caseWithHearing({ court: '9514', number: '9514-30-00-2/901', category: 'property', time: '09:00', people: [{ role: 'claimant', name: 'Взрослов Арман', iin: '900315300018' }, { role: 'defendant', name: 'Малолеткина Аружан', iin: '150101600011' }, { role: 'lawyer', name: 'Адвокатов Ерлан' }] });
    await caseWithHearing({ court: '9514', number: '9514-30-00-2/902', category: 'divorce', closed: true, time: '10:00', people: [{ role: 'claimant', name: 'Закрытова Дана', iin: '900315400018' }] });
    await caseWithHearing({ court: '7517', number: '7517-30-00-2/903', category: 'adoption', time: '11:00', people: [{ role: 'claimant', name: 'Усыновителев Болат', iin: '850101300018' }] });
    await caseWithHearing({ court: '9113', number: '9113-30-00-2/904', category: 'labour', time: '12:00', people: [{ role: 'claimant', name: 'Астанаев Нурлан', iin: '800101300018' }] });
  });
  afterAll(() => t?.close());

  const api = async (query: string) => t.app.inject({ method: 'GET', url: `/api/v1/public/hearings?${query}` });

  it('lists a day across all courts in order, naming adults and never a minor, a lawyer or contact details', async () => {
    const res = await api(`from=${DAY}`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { items: { caseNumber: string; parties: { role: string; name: string }[]; partiesWithheld: string | null; unnamedParties: number; room: string }[]; next: string | null };
    expect(body.items.map((i) => i.caseNumber)).toEqual(['9514-30-00-2/901', '9514-30-00-2/902', '7517-30-00-2/903', '9113-30-00-2/904']);
    expect(body.items[0]).toMatchObject({ parties: [{ role: 'claimant', name: 'Взрослов Арман' }], partiesWithheld: null, unnamedParties: 1, room: '301' });
    expect(body.items[1]).toMatchObject({ parties: [], partiesWithheld: 'closed_hearing' });
    expect(body.items[2]).toMatchObject({ parties: [], partiesWithheld: 'private_matter' });
    expect(body.next).toBeNull();
    for (const secret of ['Малолеткина', 'Закрытова', 'Усыновителев', 'Адвокатов', '900315300018', 'Абая', '555 55', 'private@']) expect(res.body).not.toContain(secret);
  });

  it('filters by court, region, judge, category and kind', async () => {
    const numbers = async (q: string) => ((await api(`from=${DAY}&${q}`)).json() as { items: { caseNumber: string }[] }).items.map((i) => i.caseNumber);
    expect(await numbers('court=9514')).toEqual(['9514-30-00-2/901', '9514-30-00-2/902']);
    expect(await numbers('region=almaty')).toEqual(['9514-30-00-2/901', '9514-30-00-2/902', '7517-30-00-2/903']);
    expect(await numbers('region=astana')).toEqual(['9113-30-00-2/904']);
    expect(await numbers(`judge=${judgeId}&category=labour`)).toEqual(['9113-30-00-2/904']);
    expect(await numbers('kind=administrative')).toEqual([]);
  });

  it('pages by cursor without repeating or skipping a hearing', async () => {
    // The seeded demo adds its own hearings around TEST_NOW; a long range over them pages through all.
    const from = courtDateIso(new Date(TEST_NOW.getTime() - 15 * 86_400_000));
    const to = courtDateIso(new Date(TEST_NOW.getTime() + 15 * 86_400_000));
    const rows = await t.database.db.select({ startsAt: hearings.startsAt, number: cases.number }).from(hearings).innerJoin(cases, eq(cases.id, hearings.caseId));
    const all = rows.filter((h) => h.number !== null && courtDateIso(h.startsAt) >= from && courtDateIso(h.startsAt) <= to);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await api(`from=${from}&to=${to}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      const body = res.json() as { items: { startsAt: string; caseNumber: string }[]; next: string | null };
      seen.push(...body.items.map((i) => `${i.startsAt} ${i.caseNumber}`));
      cursor = body.next;
      pages++;
    } while (cursor && pages < 20);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...seen].sort());
    expect(pages).toBeGreaterThan(0);
    expect(seen.length).toBe(all.length);
    expect(seen.length).toBeGreaterThan(0);
  });

  it('shows the list on the page in Russian, with the print form of a court’s day', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/hearings?from=${DAY}&court=9514&lang=ru`, headers: { 'accept-language': 'ru' } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('9514-30-00-2/901');
    expect(res.body).toContain('Взрослов Арман');
    expect(res.body).not.toContain('Малолеткина');
    expect(res.body).not.toContain('Закрытова');
    expect(res.body).toContain('/hearings/print?court=9514&amp;from=2030-06-11');
    const print = await t.app.inject({ method: 'GET', url: `/hearings/print?court=9514&from=${DAY}` });
    expect(print.statusCode).toBe(200);
    expect(print.body).toContain('9514-30-00-2/902');
    expect(print.body).not.toContain('Закрытова');
    expect((await t.app.inject({ method: 'GET', url: `/hearings/print?from=${DAY}` })).statusCode).toBe(400);
  });

  it('answers bad input with a clear 400, never a 500', async () => {
    const long = 'x'.repeat(5000);
    const bad = [
      'from=2026-02-31',
      'from=2026-13-01',
      'from=2026-03-10&to=2026-03-09',
      'from=2026-01-01&to=2026-03-01',
      'cursor=garbage!!',
      `cursor=${Buffer.from('["2026-02-31T00:00:00.000Z","x"]').toString('base64url')}`,
      `court=${long}`,
      `from=${long}`,
      `cursor=${long}`,
      `region=${long}`,
      'judge=%00',
      'from=2026-03-01%00',
      'court=7517%00',
      'category=nonsense',
      'kind=military',
    ];
    for (const q of bad) {
      for (const url of [`/api/v1/public/hearings?${q}`, `/hearings?${q}`]) {
        const res = await t.app.inject({ method: 'GET', url });
        expect(res.statusCode, url.slice(0, 80)).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, url.slice(0, 80)).toBeLessThan(500);
      }
    }
    const res = await api('from=2026-02-31');
    expect(res.json()).toMatchObject({ error: expect.anything() });
  });

  it('links the list from the court page and the home page', async () => {
    const court = await t.app.inject({ method: 'GET', url: '/courts/9514' });
    expect(court.body).toContain('href="/hearings?court=9514"');
    const home = await t.app.inject({ method: 'GET', url: '/' });
    expect(home.body).toContain('href="/hearings"');
  });
});

