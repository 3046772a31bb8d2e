import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBuiltInVerifier } from '../../src/adapters/eds/index.ts';
import { auditLog, cases, courts, documents, events, filingAttachments, filings, parties, talonCounters } from '../../src/db/schema/index.ts';
import { MAX_UPLOAD_BYTES } from '../../src/domain/uploads.ts';
import { courtDateIso } from '../../src/i18n/format.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { describeDb } from '../support/db.ts';
import { SAMPLE_FILES, signedManifest } from '../support/filing.ts';
import { Browser, tokenOf } from '../support/payments.ts';
import { flipSignatureByte, issueSigner, makeRootCa, testIin, type TestSigner } from '../support/pki.ts';
import { signedInUser, type TestUser } from '../support/sessions.ts';

/**
 * The court office's side of incoming filings: the queue with its filters, a filing's page with
 * its documents and the signature checked again, receiving, attaching to a case (also against a
 * registration at the same moment), and paper filings entered at the counter.
 */
describeDb('court office: incoming filings', () => {
  let t: TestApp;
  let me: TestUser;
  let mySigner: TestSigner;
  let medeu: string;
  let clerk: TestUser;
  let clerk2: TestUser;
  let otherClerk: TestUser;
  let myCase: { id: string; number: string };
  let closedCase: string;
  const now = () => new Date();

  beforeAll(async () => {
    const root = await makeRootCa({ name: 'Test NCA Root' });
    t = await createTestApp({ seed: true, clock: now, signatureVerifier: createBuiltInVerifier({ trustedRoots: [root.certificateDer] }) });
    const db = t.database.db;
    me = await signedInUser(db, { lang: 'en', now: now() });
    mySigner = await issueSigner(root, { person: { fullName: 'ТЕСТОВ ТЕСТ', iin: me.iin } });
    [{ id: medeu }] = (await db.select({ id: courts.id }).from(courts).where(eq(courts.code, '7517'))) as [{ id: string }];
    const [other] = await db.select({ id: courts.id }).from(courts).where(eq(courts.code, '9594'));
    clerk = await signedInUser(db, { lang: 'en', now: now(), roles: [{ role: 'clerk', courtId: medeu }] });
    clerk2 = await signedInUser(db, { lang: 'en', now: now(), roles: [{ role: 'clerk', courtId: medeu }] });
    otherClerk = await signedInUser(db, { lang: 'en', now: now(), roles: [{ role: 'clerk', courtId: other!.id }] });
    const [open] = await db.select({ id: cases.id, number: cases.number }).from(cases).where(and(eq(cases.courtId, medeu), eq(cases.status, 'hearing_scheduled'))).limit(1);
    myCase = { id: open!.id, number: open!.number! };
    await db.insert(parties).values({ caseId: myCase.id, role: 'claimant', userId: me.id, iin: me.iin, displayName: 'Тестов Тест' });
    const [closed] = await db.select({ number: cases.number }).from(cases).where(and(eq(cases.courtId, medeu), eq(cases.status, 'in_force'))).limit(1);
    closedCase = closed!.number!;
  });
  afterAll(() => t?.close());

  const api = (method: 'GET' | 'POST', url: string, payload?: object) => t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: me.cookie }, ...(payload ? { payload } : {}) });

  async function submitted(body: object): Promise<{ id: string; talon: string }> {
    const draft = await api('POST', '/filings', body);
    expect(draft.statusCode, draft.body).toBe(201);
    const id = draft.json().id as string;
    const res = await api('POST', `/filings/${id}/submit`, { cms: await signedManifest(t.app, me.cookie, id, mySigner) });
    expect(res.statusCode, res.body).toBe(201);
    return { id, talon: res.json().talonNumber };
  }
  const claim = () => submitted({ type: 'claim', courtId: medeu, category: 'property', subject: 'Взыскание долга', amount: '150000', text: 'Прошу взыскать долг.', parties: [{ side: 'defendant', kind: 'individual', name: 'Иванов Иван', iin: testIin(9701) }] });
  const petition = () => submitted({ type: 'petition', caseNumber: myCase.number, text: 'Прошу отложить заседание.' });
  const filingRow = async (id: string) => (await t.database.db.select().from(filings).where(eq(filings.id, id)))[0]!;
  const queue = (user: TestUser, query = '') => t.app.inject({ method: 'GET', url: `/court/registry${query}`, headers: { cookie: user.cookie } });

  describe('the queue', () => {
    it('lists claims to register and filings in cases to receive, filtered by type, date and number, in the clerk’s court only', async () => {
      const newClaim = await claim();
      const inCase = await petition();
      const all = await queue(clerk);
      expect(all.statusCode).toBe(200);
      expect(all.body).toContain(newClaim.talon);
      expect(all.body).toContain(inCase.talon);
      expect(all.body).toContain(`/court/cases/${(await filingRow(newClaim.id)).caseId}/register`);
      expect(all.body).toContain(`/court/filings/${inCase.id}/receive`);
      // Oldest first.
      expect(all.body.indexOf(newClaim.talon)).toBeLessThan(all.body.indexOf(inCase.talon));
      // Each row says who filed and where the duty stands.
      const claimRow = all.body.slice(all.body.indexOf(newClaim.talon), all.body.indexOf('</tr>', all.body.indexOf(newClaim.talon)));
      expect(claimRow).toContain(me.iin);
      expect(claimRow).toContain(`data-duty-status="${(await filingRow(newClaim.id)).dutyStatus}"`);

      const petitions = await queue(clerk, '?type=petition');
      expect(petitions.body).toContain(inCase.talon);
      expect(petitions.body).not.toContain(newClaim.talon);
      const byTalon = await queue(clerk, `?q=${encodeURIComponent(newClaim.talon)}`);
      expect(byTalon.body).toContain(newClaim.talon);
      expect(byTalon.body).not.toContain(inCase.talon);
      const byCase = await queue(clerk, `?q=${encodeURIComponent(myCase.number)}`);
      expect(byCase.body).toContain(inCase.talon);
      expect(byCase.body).not.toContain(newClaim.talon);
      const today = courtDateIso(now());
      expect((await queue(clerk, `?from=${today}&to=${today}`)).body).toContain(inCase.talon);
      expect((await queue(clerk, '?to=2020-01-01')).body).not.toContain(inCase.talon);
      // A wildcard typed in the search is a character, not a pattern.
      expect((await queue(clerk, '?q=%25')).body).not.toContain(inCase.talon);

      const foreign = await queue(otherClerk);
      expect(foreign.statusCode).toBe(200);
      expect(foreign.body).not.toContain(newClaim.talon);
      expect(foreign.body).not.toContain(inCase.talon);
    });

    it('receives a filing in a case once: a timeline event and an audit row, and it leaves the queue', async () => {
      const inCase = await petition();
      const browser = new Browser(t.app, clerk.cookie);
      const page = await browser.get('/court/registry');
      const res = await browser.post(`/court/filings/${inCase.id}/receive`, { _csrf: tokenOf(page.body) });
      expect(res.statusCode, res.body).toBe(303);
      const [event] = await t.database.db.select().from(events).where(and(eq(events.caseId, myCase.id), eq(events.type, 'filing_received'), sql`${events.data}->>'filingId' = ${inCase.id}`));
      expect(event!.data).toEqual({ filingId: inCase.id, filingType: 'petition', talonNumber: inCase.talon });
      expect(await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, inCase.id), eq(auditLog.action, 'filing.received')))).toHaveLength(1);
      expect((await queue(clerk)).body).not.toContain(inCase.talon);
      const again = await browser.post(`/court/filings/${inCase.id}/receive`, { _csrf: tokenOf(page.body) });
      expect(again.statusCode).toBe(409);
      expect(again.body).toContain('already been received');
    });
  });

  describe('a filing’s page', () => {
    it('shows the data, the filer\'s IIN, the duty, the documents and a valid signature, and serves each document as an attachment', async () => {
      const { id, talon } = await claim();
      const page = await t.app.inject({ method: 'GET', url: `/court/filings/${id}`, headers: { cookie: clerk.cookie } });
      expect(page.statusCode, JSON.stringify(t.logs.filter((l) => Number(l.level) >= 50)).slice(-3000)).toBe(200);
      expect(page.body).toContain(talon);
      expect(page.body).toContain('Взыскание долга');
      expect(page.body).toContain('Иванов Иван');
      expect(page.body).toContain('data-signature="valid"');
      // The office identifies the filer by the whole IIN, and checks the duty before registering.
      expect(page.body).toContain(me.iin);
      const row = await filingRow(id);
      expect(page.body).toContain(`data-duty-status="${row.dutyStatus}"`);
      expect(page.body).toContain('<h2 class="govuk-heading-m">State duty</h2>');
      const manifest = await t.app.inject({ method: 'GET', url: `/court/filings/${id}/files/manifest`, headers: { cookie: clerk.cookie } });
      expect(manifest.statusCode).toBe(200);
      expect(manifest.headers['content-type']).toBe('application/json');
      expect(String(manifest.headers['content-disposition'])).toMatch(/^attachment; filename="/);
      expect(JSON.parse(manifest.body)).toMatchObject({ format: 'sot-filing/1', filing: id });
      const pdf = await t.app.inject({ method: 'GET', url: `/court/filings/${id}/talon.pdf`, headers: { cookie: clerk.cookie } });
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
    });

    it('says the signature is not valid when the stored signature was tampered with', async () => {
      const { id } = await claim();
      const stored = await filingRow(id);
      await t.database.db.update(filings).set({ signature: Buffer.from(flipSignatureByte(new Uint8Array(stored.signature!))) }).where(eq(filings.id, id));
      const page = await t.app.inject({ method: 'GET', url: `/court/filings/${id}`, headers: { cookie: clerk.cookie } });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('data-signature="invalid"');
      expect(page.body).toContain('The signature does not match the stored manifest');
    });

    it('does not exist for the staff of another court: page, document, talon and every action', async () => {
      const { id } = await claim();
      const inCase = await petition();
      const browser = new Browser(t.app, otherClerk.cookie);
      const token = tokenOf((await browser.get('/court/registry')).body);
      expect((await browser.get(`/court/filings/${id}`)).statusCode).toBe(404);
      expect((await browser.get(`/court/filings/${id}/files/manifest`)).statusCode).toBe(404);
      expect((await browser.get(`/court/filings/${id}/talon.pdf`)).statusCode).toBe(404);
      expect((await browser.post(`/court/filings/${inCase.id}/receive`, { _csrf: token })).statusCode).toBe(404);
      expect((await browser.post(`/court/filings/${id}/attach`, { _csrf: token, caseNumber: myCase.number })).statusCode).toBe(404);
      expect((await filingRow(id)).caseId).not.toBe(myCase.id);
    });
  });

  describe('attaching a claim to an existing case', () => {
    it('moves the filing, its documents and new parties into the case and deletes the unnumbered case', async () => {
      const { id, talon } = await claim();
      const shellId = (await filingRow(id)).caseId!;
      const shellDocuments = await t.database.db.select({ id: documents.id }).from(documents).where(eq(documents.caseId, shellId));
      expect(shellDocuments.length).toBeGreaterThan(0);
      const browser = new Browser(t.app, clerk.cookie);
      const token = tokenOf((await browser.get(`/court/filings/${id}`)).body);
      const res = await browser.post(`/court/filings/${id}/attach`, { _csrf: token, caseNumber: myCase.number });
      expect(res.statusCode, res.body).toBe(303);

      expect((await filingRow(id)).caseId).toBe(myCase.id);
      expect(await t.database.db.select().from(cases).where(eq(cases.id, shellId))).toEqual([]);
      const moved = await t.database.db.select({ caseId: documents.caseId }).from(documents).where(sql`${documents.id} in ${shellDocuments.map((d) => d.id)}`);
      expect(moved.every((d) => d.caseId === myCase.id)).toBe(true);
      const inTarget = await t.database.db.select().from(parties).where(eq(parties.caseId, myCase.id));
      // The filer was already a party: not added twice. The defendant the claim names is new.
      expect(inTarget.filter((p) => p.userId === me.id)).toHaveLength(1);
      expect(inTarget.filter((p) => p.displayName === 'Иванов Иван')).toHaveLength(1);
      const [audit] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'filing.attached')));
      expect(audit!.data).toEqual({ from: shellId, to: myCase.id });
      const [event] = await t.database.db.select().from(events).where(and(eq(events.caseId, myCase.id), eq(events.type, 'filing_attached'), sql`${events.data}->>'filingId' = ${id}`));
      expect(event!.data).toMatchObject({ talonNumber: talon });
      expect((await queue(clerk)).body).not.toContain(talon);
    });

    it('refuses a closed case, a case of another court and a number that is not one, and keeps the claim as it was', async () => {
      const { id } = await claim();
      const shellId = (await filingRow(id)).caseId!;
      const browser = new Browser(t.app, clerk.cookie);
      const token = tokenOf((await browser.get(`/court/filings/${id}`)).body);
      const [foreign] = await t.database.db.select({ number: cases.number }).from(cases).innerJoin(courts, eq(courts.id, cases.courtId)).where(and(eq(courts.code, '9594'), sql`${cases.number} is not null`)).limit(1);
      for (const [caseNumber, message] of [
        [closedCase, 'That case is closed'],
        [foreign!.number!, 'This court has no case with that number'],
        ['not a number', 'Enter a case number in the form'],
      ] as const) {
        const res = await browser.post(`/court/filings/${id}/attach`, { _csrf: token, caseNumber });
        expect(res.statusCode, caseNumber).toBeGreaterThanOrEqual(400);
        expect(res.body).toContain('govuk-error-summary');
        expect(res.body).toContain(message);
      }
      expect((await filingRow(id)).caseId).toBe(shellId);
      expect(await t.database.db.select({ id: cases.id }).from(cases).where(eq(cases.id, shellId))).toHaveLength(1);
    });

    it('lets exactly one of two clerks win when one registers and the other attaches at the same moment', async () => {
      for (let round = 0; round < 3; round++) {
        const { id } = await claim();
        const shellId = (await filingRow(id)).caseId!;
        const first = new Browser(t.app, clerk.cookie);
        const second = new Browser(t.app, clerk2.cookie);
        const [firstToken, secondToken] = [tokenOf((await first.get(`/court/filings/${id}`)).body), tokenOf((await second.get(`/court/filings/${id}`)).body)];
        const [registered, attached] = await Promise.all([
          first.post(`/court/cases/${shellId}/register`, { _csrf: firstToken }),
          second.post(`/court/filings/${id}/attach`, { _csrf: secondToken, caseNumber: myCase.number }),
        ]);
        const outcomes = [registered.statusCode, attached.statusCode].sort();
        expect(outcomes, `${registered.body.slice(0, 200)} | ${attached.body.slice(0, 200)}`).toEqual([303, 409]);
        const filing = await filingRow(id);
        if (registered.statusCode === 303) {
          expect(attached.body).toContain('Another clerk has just registered this claim');
          expect(filing.caseId).toBe(shellId);
          const [shell] = await t.database.db.select().from(cases).where(eq(cases.id, shellId));
          expect(shell!.status).toBe('assigned');
        } else {
          expect(registered.body).toContain('Another clerk has just attached this claim');
          expect(filing.caseId).toBe(myCase.id);
          expect(await t.database.db.select().from(cases).where(eq(cases.id, shellId))).toEqual([]);
        }
      }
    });
  });

  describe('paper filings at the counter', () => {
    const today = () => courtDateIso(now()).split('-');
    const claimForm = (overrides: Record<string, string> = {}) => ({
      type: 'claim',
      category: 'property',
      filerKind: 'individual',
      filerId: me.iin,
      filerName: 'Тестов Тест',
      filerAddress: 'Алматы, Абая 1',
      subject: 'Взыскание долга по расписке',
      amount: '250000',
      party1Side: 'defendant',
      party1Kind: 'individual',
      party1Name: 'Петров Пётр',
      party1Id: testIin(9702),
      receivedDay: String(Number(today()[2])),
      receivedMonth: String(Number(today()[1])),
      receivedYear: today()[0]!,
      ...overrides,
    });
    const counts = async () => {
      const db = t.database.db;
      const [f] = await db.select({ n: sql<number>`count(*)::int` }).from(filings).where(eq(filings.channel, 'counter'));
      const [c] = await db.select({ n: sql<number>`count(*)::int` }).from(cases);
      const [a] = await db.select({ n: sql<number>`count(*)::int` }).from(filingAttachments);
      const [talons] = await db.select({ n: sql<number>`coalesce(max(${talonCounters.lastSequence}), 0)::int` }).from(talonCounters).where(eq(talonCounters.courtId, medeu));
      return { filings: f!.n, cases: c!.n, attachments: a!.n, talons: talons!.n };
    };

    async function enter(fields: Record<string, string>, file: { name: string; content: Buffer }) {
      const browser = new Browser(t.app, clerk.cookie);
      const form = await browser.get('/court/counter/new');
      expect(form.statusCode, form.body).toBe(200);
      return browser.postFiles('/court/counter', [file], { _csrf: tokenOf(form.body), ...fields });
    }

    it('refuses a bad IIN, a future day, a renamed program and a scan too large, translated, saving nothing', async () => {
      const before = await counts();
      const tomorrow = new Date(now().getTime() + 2 * 86_400_000);
      const [y, m, d] = courtDateIso(tomorrow).split('-');
      const cases_ = [
        { fields: claimForm({ filerId: me.iin.slice(0, 11) + String((Number(me.iin[11]) + 1) % 10) }), file: { name: 'scan.pdf', content: SAMPLE_FILES.pdf() }, message: 'IIN' },
        { fields: claimForm({ receivedDay: String(Number(d)), receivedMonth: String(Number(m)), receivedYear: y! }), file: { name: 'scan.pdf', content: SAMPLE_FILES.pdf() }, message: 'cannot be in the future' },
        { fields: claimForm(), file: { name: 'scan.pdf', content: SAMPLE_FILES.exe() }, message: 'The scan must be a PDF, JPG or PNG file' },
        { fields: claimForm(), file: { name: 'scan.pdf', content: Buffer.concat([SAMPLE_FILES.pdf(), Buffer.alloc(MAX_UPLOAD_BYTES)]) }, message: 'larger than 20 MB' },
      ];
      for (const { fields, file, message } of cases_) {
        const res = await enter(fields, file);
        expect(res.statusCode, message).toBeGreaterThanOrEqual(400);
        expect(res.body).toContain('govuk-error-summary');
        expect(res.body).toContain(message);
        // What was typed comes back.
        expect(res.body).toContain('Взыскание долга по расписке');
      }
      expect(await counts()).toEqual(before);
    });

    it('enters a paper claim with its scan and talon, which then registers like any other', async () => {
      const res = await enter(claimForm(), { name: 'заявление.pdf', content: SAMPLE_FILES.pdf() });
      expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
      const filingId = /\/court\/filings\/([0-9a-f-]{36})/.exec(String(res.headers.location))![1]!;
      const filing = await filingRow(filingId);
      expect(filing).toMatchObject({ channel: 'counter', status: 'submitted', filerId: clerk.id, signature: null, type: 'claim' });
      expect(filing.talonNumber).toMatch(/^7517-\d{2}-\d+$/);
      const [shell] = await t.database.db.select().from(cases).where(eq(cases.id, filing.caseId!));
      expect(shell).toMatchObject({ status: 'submitted', number: null, category: 'property' });
      const caseParties = await t.database.db.select().from(parties).where(eq(parties.caseId, shell!.id));
      // The filer has an account with that IIN: the party is linked to it.
      expect(caseParties.find((p) => p.role === 'claimant')).toMatchObject({ userId: me.id, iin: me.iin, address: 'Алматы, Абая 1' });
      expect(caseParties.find((p) => p.role === 'defendant')).toMatchObject({ displayName: 'Петров Пётр', userId: null });
      const [scan] = await t.database.db.select().from(documents).where(eq(documents.caseId, shell!.id));
      expect(scan).toMatchObject({ kind: 'claim', mediaType: 'application/pdf', visibility: 'parties' });

      const page = await new Browser(t.app, clerk.cookie).get(String(res.headers.location));
      expect(page.body).toContain(filing.talonNumber!);
      expect(page.body).toContain('data-signature="paper"');
      const [attachment] = await t.database.db.select().from(filingAttachments).where(eq(filingAttachments.filingId, filingId));
      const download = await t.app.inject({ method: 'GET', url: `/court/filings/${filingId}/files/${attachment!.id}`, headers: { cookie: clerk.cookie } });
      expect(download.headers['content-type']).toBe('application/pdf');
      expect(download.rawPayload.equals(SAMPLE_FILES.pdf())).toBe(true);
      const talonPdf = await t.app.inject({ method: 'GET', url: `/court/filings/${filingId}/talon.pdf`, headers: { cookie: clerk.cookie } });
      expect(talonPdf.statusCode).toBe(200);
      // Not in the clerk's own cabinet: it is the court's record.
      expect((await t.app.inject({ method: 'GET', url: `/cabinet/filings/${filingId}/talon`, headers: { cookie: clerk.cookie } })).statusCode).toBe(404);

      expect((await queue(clerk)).body).toContain(filing.talonNumber!);
      const browser = new Browser(t.app, clerk.cookie);
      const token = tokenOf((await browser.get('/court/registry')).body);
      const registered = await browser.post(`/court/cases/${shell!.id}/register`, { _csrf: token });
      expect(registered.statusCode).toBe(303);
      const [after] = await t.database.db.select().from(cases).where(eq(cases.id, shell!.id));
      expect(after!.status).toBe('assigned');
      expect(after!.number).toMatch(/^7517-/);
    });

    it('enters a paper filing in an existing case as already received', async () => {
      const res = await enter({ ...claimForm({ type: 'petition', caseNumber: myCase.number, category: '', subject: '', party1Name: '', party1Id: '' }) }, { name: 'petition.png', content: SAMPLE_FILES.png() });
      expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
      const filingId = /\/court\/filings\/([0-9a-f-]{36})/.exec(String(res.headers.location))![1]!;
      const filing = await filingRow(filingId);
      expect(filing.caseId).toBe(myCase.id);
      expect((await queue(clerk)).body).not.toContain(filing.talonNumber!);
    });
  });
});
