import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setCalendarDay, setMci } from '../../src/commands/reference.ts';
import { verifyAuditChain } from '../../src/db/audit.ts';
import { auditLog, referenceMci } from '../../src/db/schema/index.ts';
import { seedReferenceOnce } from '../../src/db/referenceSeed.ts';
import { loadReference } from '../../src/queries/reference.ts';
import { referenceCommand } from '../../src/referenceCli.ts';
import { carryMciIntoThisYear } from '../../src/seed/standInMci.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createTestDatabase, describeDb } from '../support/db.ts';
import { formSession } from '../support/forms.ts';
import { signedInUser, type TestUser } from '../support/sessions.ts';

const QUOTE = '/api/v1/duty/quote';
const DIVORCE_2027 = { filingType: 'claim', claimantType: 'individual', category: 'divorce', date: '2027-01-15' };

describeDb('reference values of the law', () => {
  let t: TestApp;
  let sysadmin: TestUser;
  let citizen: TestUser;
  beforeAll(async () => {
    t = await createTestApp({ database: await createTestDatabase({ asShipped: true }) });
    sysadmin = await signedInUser(t.database.db, { roles: [{ role: 'system_admin', courtId: null }], lang: 'en' });
    citizen = await signedInUser(t.database.db, { lang: 'en' });
  });
  afterAll(() => t?.close());

  const quote = (query: Record<string, string>, lang = 'en') => t.app.inject({ method: 'GET', url: QUOTE, query, headers: { 'accept-language': lang } });

  async function post(actor: TestUser, url: string, form: Record<string, string>) {
    const { token, cookie } = formSession(await t.app.inject({ method: 'GET', url: '/admin/reference', headers: { cookie: actor.cookie } }), actor.cookie);
    return t.app.inject({ method: 'POST', url, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: token, ...form }).toString() });
  }

  describe('as shipped', () => {
    it('starts every database with the values Sot ships, once', async () => {
      const reference = await loadReference(t.database.db);
      expect(reference.mci.map((row) => row.year)).toEqual([2024, 2025, 2026]);
      expect(reference.calendar.years).toEqual([2025, 2026, 2027]);
      expect(reference.thresholds).toHaveLength(2);
      // The 2025 transfer: Friday 3 January off, Sunday 5 January worked.
      expect(reference.calendar.isWorkingDay('2025-01-03')).toBe(false);
      expect(reference.calendar.isWorkingDay('2025-01-05')).toBe(true);
      // A second migration run seeds nothing again, so an operator's change is never undone.
      expect(await seedReferenceOnce(t.database.db)).toBe(false);
    });
  });

  describe('the MCI of a new year', () => {
    it('refuses a 2027 quote with a clear 4xx until the 2027 MCI is entered, then prices it', async () => {
      const before = await quote(DIVORCE_2027, 'ru');
      expect(before.statusCode).toBe(422);
      expect(before.json()).toEqual({ error: { code: 'duty_mci_missing', message: expect.stringContaining('2027') } });
      expect(before.json().error.message).toMatch(/МРП/);

      await setMci(t.database.db, null, { year: 2027, tenge: 4_500, basis: 'Law on the republican budget for 2027–2029, Art. 9' }, new Date());
      const after = await quote(DIVORCE_2027);
      expect(after.statusCode).toBe(200);
      // 0.3 MCI at 4,500 ₸.
      expect(after.json()).toMatchObject({ amountKzt: '1350.00', mciKzt: 4_500 });
    });

    it('answers an appeal and an exempt claim in a year without an MCI: nothing needed it', async () => {
      const appeal = await quote({ filingType: 'appeal', claimantType: 'individual', category: 'property', date: '2028-02-01' });
      expect(appeal.statusCode).toBe(200);
      expect(appeal.json()).toMatchObject({ amountTiyn: 0, mciKzt: null });
    });

    it('applies a value changed by another instance at its next read, without a restart', async () => {
      expect((await loadReference(t.database.db)).mci.find((row) => row.year === 2026)?.tenge).toBe(4_325);
      // Another process writes the same way the commands do: the row and the version together.
      await t.database.db.transaction(async (tx) => {
        await tx.update(referenceMci).set({ tenge: 4_326 }).where(eq(referenceMci.year, 2026));
        await tx.execute(sql`update reference_state set version = version + 1`);
      });
      expect((await quote({ filingType: 'claim', claimantType: 'individual', category: 'divorce', date: '2026-06-15' })).json()).toMatchObject({ mciKzt: 4_326 });
      await setMci(t.database.db, null, { year: 2026, tenge: 4_325, basis: 'Law on the republican budget for 2026–2028' }, new Date());
      expect((await loadReference(t.database.db)).mci.find((row) => row.year === 2026)?.tenge).toBe(4_325);
    });

    it('records who entered what, replacing what, on the audit chain', async () => {
      const rows = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'reference.mci_set'));
      expect(rows.at(-1)!.data).toMatchObject({ year: 2026, tenge: 4_325, before: { tenge: 4_326 }, by: 'console' });
      expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
    });
  });

  describe('the administrators’ page', () => {
    it('is for administrators only', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/admin/reference', headers: { cookie: citizen.cookie } });
      expect([403, 404]).toContain(res.statusCode);
      const anonymous = await t.app.inject({ method: 'GET', url: '/admin/reference' });
      expect(anonymous.statusCode).toBe(303);
    });

    it("warns from 1 November that next year's values are missing, on every page an administrator opens", async () => {
      // TEST_NOW is 25 November 2026; 2027's calendar ships, its MCI was entered above, 2028 is far.
      const home = await t.app.inject({ method: 'GET', url: '/', headers: { cookie: sysadmin.cookie } });
      expect(home.body).not.toContain('Reference values are missing');
      await t.database.db.delete(referenceMci).where(eq(referenceMci.year, 2027));
      await t.database.db.execute(sql`update reference_state set version = version + 1`);
      const warned = await t.app.inject({ method: 'GET', url: '/cabinet', headers: { cookie: sysadmin.cookie } });
      expect(warned.body).toContain('Reference values are missing');
      expect(warned.body).toContain('The MCI for 2027 has not been entered');
      const citizenSees = await t.app.inject({ method: 'GET', url: '/cabinet', headers: { cookie: citizen.cookie } });
      expect(citizenSees.body).not.toContain('Reference values are missing');
      const health = await t.app.inject({ method: 'GET', url: '/health?details=1' });
      expect(health.json()).toEqual({ status: 'ok', db: 'ok', reference: { missing: [{ kind: 'mci', year: 2027 }] } });
      expect((await t.app.inject({ method: 'GET', url: '/health' })).json()).toEqual({ status: 'ok', db: 'ok' });
    });

    it('enters the MCI for a new year, used by the next quote, and refuses one without its act', async () => {
      const bad = await post(sysadmin, '/admin/reference/mci', { year: '2027', tenge: '4 500', basis: 'x' });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('Enter the legal basis');
      expect(bad.body).toContain('value="4 500"');
      expect((await quote(DIVORCE_2027)).statusCode).toBe(422);

      const saved = await post(sysadmin, '/admin/reference/mci', { year: '2027', tenge: '4 500', basis: 'Law of 4 December 2026 on the republican budget for 2027–2029, Art. 9' });
      expect(saved.statusCode).toBe(303);
      const page = await t.app.inject({ method: 'GET', url: saved.headers.location!, headers: { cookie: sysadmin.cookie } });
      expect(page.body).toContain('Saved.');
      expect(page.body).toContain('Law of 4 December 2026 on the republican budget for 2027–2029, Art. 9');
      expect(page.body).not.toContain('Reference values are missing');
      expect((await quote(DIVORCE_2027)).json()).toMatchObject({ amountKzt: '1350.00' });
      const [row] = await t.database.db.select().from(referenceMci).where(eq(referenceMci.year, 2027));
      expect(row).toMatchObject({ tenge: 4_500, enteredBy: sysadmin.id });
    });

    it('enters a moved day off that the next term counts with, and refuses a working day on a weekday', async () => {
      const weekday = await post(sysadmin, '/admin/reference/calendar', { day: '12', month: '3', year: '2027', kind: 'working_day_transfer', basis: 'Government resolution on transfers in 2027' });
      expect(weekday.statusCode).toBe(400);
      expect(weekday.body).toContain('Only a Saturday or a Sunday can be made a working day');

      const term = (from: string) => t.app.inject({ method: 'GET', url: '/api/v1/terms/quote', query: { term: 'private_complaint', from } });
      // From Mon 1 Feb 2027, 10 working days: 2–5, 8–12, 15 February.
      expect((await term('2027-02-01')).json()).toMatchObject({ endsOn: '2027-02-15', workingDays: true });
      const saved = await post(sysadmin, '/admin/reference/calendar', { day: '05.02.2027', month: '', year: '', kind: 'day_off_transfer', name: 'test transfer', basis: 'Government resolution on transfers in 2027' });
      expect(saved.statusCode).toBe(303);
      expect(saved.headers.location).toBe('/admin/reference?year=2027&saved=1');
      expect((await term('2027-02-01')).json()).toMatchObject({ endsOn: '2027-02-16' });
      const page = await t.app.inject({ method: 'GET', url: '/admin/reference?year=2027', headers: { cookie: sysadmin.cookie } });
      expect(page.body).toContain('test transfer');

      const removed = await post(sysadmin, '/admin/reference/calendar/remove', { day: '5', month: '2', year: '2027', basis: 'Entered by mistake' });
      expect(removed.statusCode).toBe(303);
      expect((await term('2027-02-01')).json()).toMatchObject({ endsOn: '2027-02-15' });
    });

    it('shows a year without a calendar as missing and computes nothing in it', async () => {
      const page = await t.app.inject({ method: 'GET', url: '/admin/reference?year=2028', headers: { cookie: sysadmin.cookie } });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('No holidays have been entered for 2028');
      await setCalendarDay(t.database.db, null, { day: '2028-01-01', kind: 'holiday', name: 'new_year', basis: 'Law on holidays, Art. 1' }, new Date());
      expect((await loadReference(t.database.db)).calendar.hasYear(2028)).toBe(true);
    });
  });

  describe('the public term calculator', () => {
    it('answers the API with the day, its article and how it was counted', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/terms/quote', query: { term: 'appeal', from: '2026-02-08' } });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ endsOn: '2026-03-10', basis: 'CPC Art. 403(3)', legalBasis: expect.objectContaining({ code: 'cpc', article: '403', part: '3' }), workingDays: false });
    });

    it('refuses a day past the entered calendar with 422, and malformed input with 400', async () => {
      const beyond = await t.app.inject({ method: 'GET', url: '/api/v1/terms/quote', query: { term: 'cassation', from: '2028-09-01' }, headers: { 'accept-language': 'kk' } });
      expect(beyond.statusCode).toBe(422);
      expect(beyond.json()).toEqual({ error: { code: 'calendar_missing', message: expect.stringContaining('2029') } });
      const queries: Record<string, string>[] = [{ term: 'appeal', from: '2026-02-30' }, { term: 'appeal', from: 'tomorrow' }, { term: 'anything', from: '2026-02-01' }, { term: 'appeal' }];
      for (const query of queries) {
        const res = await t.app.inject({ method: 'GET', url: '/api/v1/terms/quote', query });
        expect(res.statusCode, JSON.stringify(query)).toBe(400);
      }
    });

    it('is in the OpenAPI document', async () => {
      const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
      expect(Object.keys(doc.paths['/api/v1/terms/quote'].get.responses).sort()).toEqual(['200', '400', '422']);
    });

    it('answers the page in the reader’s language, and explains a wrong date next to the field', async () => {
      const ru = await t.app.inject({ method: 'GET', url: '/terms?term=appeal&day=8&month=2&year=2026', headers: { 'accept-language': 'ru' } });
      expect(ru.statusCode).toBe(200);
      expect(ru.body).toContain('Срок истекает');
      expect(ru.body).toMatch(/10 марта 2026/);
      const wrong = await t.app.inject({ method: 'GET', url: '/terms?term=appeal&day=31&month=2&year=2026' });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.body).toContain('href="#from-day"');
    });
  });
});

describeDb('sot reference, at the console', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ database: await createTestDatabase({ asShipped: true }) });
  });
  afterAll(() => t?.close());

  async function run(...args: string[]): Promise<{ code: number; out: string }> {
    const lines: string[] = [];
    const [positionals, options] = splitOptions(args);
    const code = await referenceCommand(t.database.db, positionals, options, new Date('2026-12-06T06:00:00Z'), (line) => lines.push(line));
    return { code, out: lines.join('\n') };
  }

  it('names what is missing and exits 3 until it is entered', async () => {
    expect(await run('check')).toEqual({ code: 3, out: 'The MCI for 2027 has not been entered: state-duty quotes for payments in 2027 will be refused.' });
    expect(await run('mci', 'set', '2027', '4500', '--basis', 'Law on the republican budget for 2027–2029, Art. 9')).toMatchObject({ code: 0 });
    expect(await run('check')).toEqual({ code: 0, out: 'Every reference value needed now is entered.' });
  });

  it('adds, lists and removes calendar days, refusing what would change nothing', async () => {
    expect(await run('calendar', 'list', '2031')).toMatchObject({ code: 1, out: expect.stringContaining('No court calendar for 2031') });
    expect((await run('calendar', 'add', '2031-01-01', 'holiday', '--name', 'new_year', '--basis', 'Law on holidays, Art. 1')).code).toBe(0);
    expect(await run('calendar', 'add', '2031-01-08', 'working-day', '--basis', 'Order on transfers')).toMatchObject({ code: 1, out: expect.stringContaining('Only a Saturday or a Sunday') });
    expect(await run('calendar', 'add', '2031-01-04', 'day-off', '--basis', 'Order on transfers')).toMatchObject({ code: 1, out: expect.stringContaining('already a day off') });
    expect(await run('calendar', 'add', '2031-01-08', 'sometimes', '--basis', 'Order on transfers')).toMatchObject({ code: 1, out: expect.stringContaining('Usage:') });
    // 1 January 2031 is a Wednesday; nothing moves.
    expect((await run('calendar', 'list', '2031')).out).toBe('2031-01-01\tholiday\tnew_year\tLaw on holidays, Art. 1');
    expect((await run('calendar', 'remove', '2031-01-01', '--basis', 'Entered by mistake')).code).toBe(0);
    expect((await run('calendar', 'list', '2031')).code).toBe(1);
  });

  it('sets when a dated limit lapses', async () => {
    expect((await run('threshold', 'set', 'cassation_min_claim', 'individual', '2000', '--from', '2025-07-01', '--to', '2027-12-31', '--basis', 'CPC Art. 434(2), as amended')).code).toBe(0);
    expect((await run('threshold', 'list')).out).toContain('cassation_min_claim\tindividual\t2000 MCI\t2025-07-01..2027-12-31\tCPC Art. 434(2), as amended');
    expect(await run('threshold', 'set', 'cassation_min_claim', 'individual', '2000', '--from', '2025-07-01', '--to', '2024-01-01', '--basis', 'CPC Art. 434(2)')).toMatchObject({ code: 1 });
  });
});

/** `--name value` pairs and `--flag`s as node's parseArgs gives them to the command. */
function splitOptions(args: string[]): [string[], Record<string, string | boolean>] {
  const positionals: string[] = [];
  const options: Record<string, string | boolean> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) positionals.push(arg);
    else if (arg === '--religious') options['religious'] = true;
    else options[arg.slice(2)] = args[++i]!;
  }
  return [positionals, options];
}

describeDb('a filing paid in a year without an MCI', () => {
  let t: TestApp;
  let me: TestUser;
  beforeAll(async () => {
    t = await createTestApp({ database: await createTestDatabase({ asShipped: true }), seed: true, clock: () => new Date('2027-01-15T06:00:00Z') });
    me = await signedInUser(t.database.db, { lang: 'en', now: new Date('2027-01-15T06:00:00Z') });
  });
  afterAll(() => t?.close());

  it('tells the filer the duty cannot be computed yet and what to do, keeping the draft', async () => {
    const { token, cookie } = formSession(await t.app.inject({ method: 'GET', url: '/cabinet/filings/new', headers: { cookie: me.cookie } }), me.cookie);
    const post = (url: string, form: Record<string, string>) =>
      t.app.inject({ method: 'POST', url, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: token, ...form }).toString() });
    const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
    const version = async (url: string) => /name="version" value="(\d+)"/.exec((await get(url)).body)![1]!;

    const started = await post('/cabinet/filings', { type: 'claim' });
    const filing = /\/cabinet\/filings\/([0-9a-f-]{36})\//.exec(started.headers.location as string)![1]!;
    const [medeu] = await t.database.db.execute<{ id: string }>(sql`select id from courts where code = '7517'`).then((r) => r.rows);
    await post(`/cabinet/filings/${filing}/court`, { version: await version(`/cabinet/filings/${filing}/court`), courtId: medeu!.id });
    await post(`/cabinet/filings/${filing}/category`, { version: await version(`/cabinet/filings/${filing}/category`), category: 'divorce', claimantType: 'individual' });
    const duty = await get(`/cabinet/filings/${filing}/duty`);
    expect(duty.statusCode).toBe(200);
    expect(duty.body).toContain('cannot be calculated yet: the monthly calculation index for 2027 has not been entered');
    expect(duty.body).toContain('attach the receipt');
    // Once an operator enters it, the same page prices the claim.
    await setMci(t.database.db, null, { year: 2027, tenge: 4_500, basis: 'Law on the republican budget for 2027–2029, Art. 9' }, new Date());
    expect((await get(`/cabinet/filings/${filing}/duty`)).body).toMatch(/1,350/);
  });
});

describeDb('a demo or a test database in a year nobody has entered the MCI for', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ database: await createTestDatabase({ asShipped: true }) });
  });
  afterAll(() => t?.close());
  const demoBasis = (from: number) => `Demo value, not the law: the ${from} MCI carried over`;

  it('carries the last entered year over from midnight in Almaty, marked and on the audit log, once', async () => {
    // 23:30 on 31 December in Almaty: still 2026, whose value is there.
    expect(await carryMciIntoThisYear(t.database.db, new Date('2026-12-31T18:30:00Z'), demoBasis)).toBeNull();
    expect(await carryMciIntoThisYear(t.database.db, new Date('2026-12-31T19:30:00Z'), demoBasis)).toBe(2027);
    const [row] = await t.database.db.select().from(referenceMci).where(eq(referenceMci.year, 2027));
    expect(row).toMatchObject({ tenge: 4_325, basis: 'Demo value, not the law: the 2026 MCI carried over', enteredBy: null });
    const [audited] = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'reference.mci_set'));
    expect(audited!.data).toMatchObject({ year: 2027, tenge: 4_325, before: null });
    // 0.3 MCI of the carried value, and nothing carried again at the next start.
    expect((await t.app.inject({ method: 'GET', url: QUOTE, query: DIVORCE_2027 })).json()).toMatchObject({ mciKzt: 4_325, amountKzt: '1297.50' });
    expect(await carryMciIntoThisYear(t.database.db, new Date('2027-03-01T06:00:00Z'), demoBasis)).toBeNull();
  });

  it('leaves a value an administrator entered alone', async () => {
    await setMci(t.database.db, null, { year: 2028, tenge: 4_900, basis: 'Law on the republican budget for 2028–2030, Art. 9' }, new Date());
    expect(await carryMciIntoThisYear(t.database.db, new Date('2028-01-02T06:00:00Z'), demoBasis)).toBeNull();
    const [row] = await t.database.db.select().from(referenceMci).where(eq(referenceMci.year, 2028));
    expect(row!.tenge).toBe(4_900);
  });
});
