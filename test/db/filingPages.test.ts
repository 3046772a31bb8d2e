import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createBuiltInVerifier } from '../../src/adapters/eds/index.ts';
import { cases, courts, filingAttachments, parties } from '../../src/db/schema/index.ts';
import { formatCaseNumber, numberCategoryCode } from '../../src/domain/caseNumber.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { describeDb } from '../support/db.ts';
import { multipart, SAMPLE_FILES, signedManifest } from '../support/filing.ts';
import { issueSigner, makeRootCa, testIin, type TestSigner } from '../support/pki.ts';
import { signedInUser, type TestUser } from '../support/sessions.ts';
import { formSession } from '../support/forms.ts';

/**
 * The filing form as a person without JavaScript goes through it: one topic per page, each
 * saved with Post/Redirect/Get, errors shown next to their fields; then the talon, its PDF and
 * its public check.
 */
describeDb('filing form pages', () => {
  let t: TestApp;
  let me: TestUser;
  let signer: TestSigner;
  let medeu: string;
  let filingId: string;
  let cookie: string;
  let token: string;

  beforeAll(async () => {
    const root = await makeRootCa();
    t = await createTestApp({ seed: true, signatureVerifier: createBuiltInVerifier({ trustedRoots: [root.certificateDer] }), clock: () => new Date() });
    me = await signedInUser(t.database.db, { lang: 'en', now: new Date() });
    signer = await issueSigner(root, { person: { fullName: 'ТЕСТОВА АЙГЕРІМ', iin: me.iin } });
    [{ id: medeu }] = (await t.database.db.select({ id: courts.id }).from(courts).where(eq(courts.code, '7517'))) as [{ id: string }];
    const page = await t.app.inject({ method: 'GET', url: '/cabinet/filings/new', headers: { cookie: me.cookie } });
    expect(page.statusCode).toBe(200);
    ({ token, cookie } = formSession(page, me.cookie));
  });
  afterAll(() => t?.close());

  const post = (url: string, form: Record<string, string>) =>
    t.app.inject({ method: 'POST', url, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: token, ...form }).toString() });
  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
  const version = async (step: string) => /name="version" value="(\d+)"/.exec((await get(`/cabinet/filings/${filingId}/${step}`)).body)![1]!;

  it('starts a claim and asks for the court first', async () => {
    const res = await post('/cabinet/filings', { type: 'claim' });
    expect(res.statusCode).toBe(303);
    filingId = /\/cabinet\/filings\/([0-9a-f-]{36})\/court$/.exec(res.headers.location as string)![1]!;
    const page = await get(`/cabinet/filings/${filingId}/court`);
    expect(page.body).toContain('Which court are you filing to?');
    expect(page.body).toContain('Medeu District Court');
  });

  it('explains a missing choice next to the field, keeping the draft', async () => {
    const res = await post(`/cabinet/filings/${filingId}/court`, { version: await version('court'), courtId: '' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('href="#courtId"');
    expect(res.body).toContain('Choose the court to file to.');
  });

  it('goes through court, category, parties, representative and claim, each saved', async () => {
    expect((await post(`/cabinet/filings/${filingId}/court`, { version: await version('court'), courtId: medeu })).headers.location).toBe(`/cabinet/filings/${filingId}/category`);
    expect((await post(`/cabinet/filings/${filingId}/category`, { version: await version('category'), category: 'property', claimantType: 'individual' })).headers.location).toBe(`/cabinet/filings/${filingId}/parties`);

    const wrongIin = await post(`/cabinet/filings/${filingId}/parties`, { version: await version('parties'), side: 'defendant', kind: 'individual', name: 'Иванов Иван', identifier: '123456789012' });
    expect(wrongIin.statusCode).toBe(400);
    expect(wrongIin.body).toContain('The IIN must be 12 digits with a valid check digit.');
    expect(wrongIin.body).toContain('value="Иванов Иван"');

    const added = await post(`/cabinet/filings/${filingId}/parties`, { version: await version('parties'), side: 'defendant', kind: 'individual', name: 'Иванов Иван', identifier: testIin(9800), address: 'Алматы, ул. Абая, 1' });
    expect(added.headers.location).toBe(`/cabinet/filings/${filingId}/parties`);
    expect((await get(`/cabinet/filings/${filingId}/parties`)).body).toContain('Иванов Иван');
    expect((await post(`/cabinet/filings/${filingId}/representative`, { version: await version('representative') })).headers.location).toBe(`/cabinet/filings/${filingId}/claim`);

    const badAmount = await post(`/cabinet/filings/${filingId}/claim`, { version: await version('claim'), subject: 'Взыскание долга', amount: 'миллион', text: 'Прошу взыскать.' });
    expect(badAmount.statusCode).toBe(400);
    expect(badAmount.body).toContain('Enter the amount in tenge');
    expect((await post(`/cabinet/filings/${filingId}/claim`, { version: await version('claim'), subject: 'Взыскание долга', amount: '2 000 000', text: 'Прошу взыскать.' })).headers.location).toBe(`/cabinet/filings/${filingId}/attachments`);
  });

  it('uploads with a plain file input, the token the form\'s first part, never in the address', async () => {
    const page = await get(`/cabinet/filings/${filingId}/attachments`);
    expect(page.body).not.toMatch(/action="[^"]*_csrf=/);
    expect(page.body).toMatch(/enctype="multipart\/form-data"[^>]*>\s*<input type="hidden" name="_csrf"/);
    const { payload, headers } = multipart([{ name: 'договор.pdf', content: SAMPLE_FILES.pdf() }], { _csrf: token });
    const res = await t.app.inject({ method: 'POST', url: `/cabinet/filings/${filingId}/attachments`, headers: { cookie, ...headers }, payload });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
    expect((await get(`/cabinet/filings/${filingId}/attachments`)).body).toContain('договор.pdf');
    const forged = multipart([{ name: 'x.pdf', content: SAMPLE_FILES.pdf() }]);
    expect((await t.app.inject({ method: 'POST', url: `/cabinet/filings/${filingId}/attachments`, headers: { cookie, ...forged.headers }, payload: forged.payload })).statusCode).toBe(403);
    // The token in the address, as upload forms once sent it, is no token.
    expect((await t.app.inject({ method: 'POST', url: `/cabinet/filings/${filingId}/attachments?_csrf=${encodeURIComponent(token)}`, headers: { cookie, ...forged.headers }, payload: forged.payload })).statusCode).toBe(403);
    // Nor is one that comes after the file: the file would be read before the token.
    const late = multipart([{ name: 'late.pdf', content: SAMPLE_FILES.pdf() }]);
    const lateBody = Buffer.concat([late.payload.subarray(0, late.payload.length - Buffer.byteLength(`--${late.headers['content-type']!.split('boundary=')[1]}--\r\n`)), Buffer.from(`--${late.headers['content-type']!.split('boundary=')[1]}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${token}\r\n--${late.headers['content-type']!.split('boundary=')[1]}--\r\n`)]);
    expect((await t.app.inject({ method: 'POST', url: `/cabinet/filings/${filingId}/attachments`, headers: { cookie, ...late.headers }, payload: lateBody })).statusCode).toBe(403);
    expect((await get(`/cabinet/filings/${filingId}/attachments`)).body).not.toContain('late.pdf');
    const poa = multipart([{ name: 'сенімхат.png', content: SAMPLE_FILES.png() }], { _csrf: token, purpose: 'power_of_attorney' });
    expect((await t.app.inject({ method: 'POST', url: `/cabinet/filings/${filingId}/attachments`, headers: { cookie, ...poa.headers }, payload: poa.payload })).statusCode).toBe(303);
    const [kept] = await t.database.db.select().from(filingAttachments).where(eq(filingAttachments.name, 'сенімхат.png'));
    expect(kept!.purpose).toBe('power_of_attorney');
    const exe = multipart([{ name: 'x.pdf', content: SAMPLE_FILES.exe() }], { _csrf: token });
    const refused = await t.app.inject({ method: 'POST', url: `/cabinet/filings/${filingId}/attachments`, headers: { cookie, ...exe.headers }, payload: exe.payload });
    expect(refused.statusCode).toBe(415);
    expect(refused.body).toContain('The file must be a PDF, Word or Excel document');
  });

  it('shows the duty and how it was computed, then the answers to check', async () => {
    const duty = await get(`/cabinet/filings/${filingId}/duty`);
    expect(duty.body).toContain('20,000');
    expect(duty.body).toContain('1% of');
    expect((await post(`/cabinet/filings/${filingId}/duty`, { version: await version('duty'), exemption: '' })).headers.location).toBe(`/cabinet/filings/${filingId}/check`);
    const check = await get(`/cabinet/filings/${filingId}/check`);
    expect(check.body).toContain('Check your filing');
    expect(check.body).toContain('data-sign-manifest=');
    expect(check.body).toMatch(/<script type="module" src="\/public\/build\/signDocument-\w+\.js">/);
  });

  it('gives the talon page, the PDF and the public check once signed', async () => {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/filings/${filingId}/submit`, headers: { cookie }, payload: { cms: await signedManifest(t.app, cookie, filingId, signer) } });
    expect(res.statusCode, res.body).toBe(201);
    const { talonNumber, verifyUrl } = res.json();

    expect((await get(`/cabinet/filings/${filingId}`)).headers.location).toBe(`/cabinet/filings/${filingId}/talon`);
    const talon = await get(`/cabinet/filings/${filingId}/talon`);
    expect(talon.body).toContain(talonNumber);
    expect(talon.body).toContain('<svg');
    expect(talon.body).toContain('Pay the state duty');
    // No case number yet: the office has not registered the claim.
    expect(talon.body).toContain('is awaiting registration by the court office');

    const pdf = await get(`/api/v1/filings/${filingId}/talon.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const check = await t.app.inject({ method: 'GET', url: new URL(verifyUrl).pathname, headers: { 'accept-language': 'en' } });
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain('The talon is genuine');
    // The check shows what the talon itself shows, its holder's IIN masked.
    expect(check.body).toContain('Тестов Тест');
    expect(check.body).toContain('Not paid');
    expect(check.body).not.toContain(me.iin);
    expect((await t.app.inject({ method: 'GET', url: '/verify/0000000000AA' })).statusCode).toBe(404);

    const cabinet = await get('/cabinet');
    expect(cabinet.body).toContain(talonNumber);
  });

  it('says which article refuses a cassation complaint the Code does not allow, with the article filled in', async () => {
    // A court order in force in which this person is a party: no cassation (CPC Art. 434(2)(1)).
    const number = formatCaseNumber({ courtCode: '7517', year: new Date().getFullYear(), categoryCode: numberCategoryCode('civil', 1), sequence: 99_001 });
    const [order] = await t.database.db.insert(cases).values({ number, courtId: medeu, kind: 'civil', category: 'court_order', instance: 1, status: 'in_force', inForceOn: '2026-01-15' }).returning({ id: cases.id });
    await t.database.db.insert(parties).values({ caseId: order!.id, role: 'defendant', userId: me.id, iin: me.iin, displayName: 'Тестова Айгерім' });
    const res = await post('/cabinet/filings', { type: 'cassation_complaint', caseNumber: number });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('href="#caseNumber"');
    expect(res.body).toContain('Acts in court order proceedings cannot be complained of in cassation (CPC Art. 434(2)(1)).');
    expect(res.body).not.toContain('{article}');
  });

  it('keeps the form pages and the talon from anyone else', async () => {
    const stranger = await signedInUser(t.database.db, { now: new Date() });
    for (const url of [`/cabinet/filings/${filingId}/talon`, `/cabinet/filings/${filingId}/check`, `/api/v1/filings/${filingId}/talon.pdf`]) {
      expect((await t.app.inject({ method: 'GET', url, headers: { cookie: stranger.cookie } })).statusCode, url).toBe(404);
    }
  });
});
