import { and, eq } from 'drizzle-orm';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBuiltInVerifier, createSignatureVerifier } from '../../src/adapters/eds/index.ts';
import { auditLog, cases, courts, documents, events, filings, parties, payments } from '../../src/db/schema/index.ts';
import { FILING_TYPES, startsCase, type FilingType } from '../../src/domain/filingTypes.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { describeDb } from '../support/db.ts';
import { keepAppealOpen, multipart, SAMPLE_FILES, signedManifest } from '../support/filing.ts';
import { issueAuthKey, issueSigner, makeRootCa, testIin, type TestCa, type TestSigner } from '../support/pki.ts';
import { signedInUser, type TestUser } from '../support/sessions.ts';

/**
 * Filing through the API with real signatures: every filing type, attachments checked by
 * content, the talon, and each kind of bad input the Court Cabinet must turn away.
 */
describeDb('filing API', () => {
  let t: TestApp;
  let root: TestCa;
  let me: TestUser;
  let mySigner: TestSigner;
  let stranger: TestUser;
  let medeu: string;
  let caseNumber: string;
  let foreignCaseNumber: string;
  let appealCaseNumber: string;
  let cassationCaseNumber: string;
  const now = () => new Date();

  beforeAll(async () => {
    root = await makeRootCa({ name: 'Test NCA Root' });
    t = await createTestApp({ seed: true, signatureVerifier: createBuiltInVerifier({ trustedRoots: [root.certificateDer] }), clock: now });
    me = await signedInUser(t.database.db, { lang: 'en', now: now() });
    stranger = await signedInUser(t.database.db, { lang: 'en', now: now() });
    mySigner = await issueSigner(root, { person: { fullName: 'ТЕСТОВ ТЕСТ', iin: me.iin } });
    [{ id: medeu }] = (await t.database.db.select({ id: courts.id }).from(courts).where(eq(courts.code, '7517'))) as [{ id: string }];
    // A decision in force takes a cassation complaint and any other filing; one in its appeal window takes an appeal.
    const inForce = await t.database.db.select({ id: cases.id, number: cases.number }).from(cases).where(and(eq(cases.courtId, medeu), eq(cases.status, 'in_force'), eq(cases.instance, 1))).limit(1);
    const appealable = await t.database.db.select({ id: cases.id, number: cases.number }).from(cases).where(and(eq(cases.courtId, medeu), eq(cases.status, 'appeal_window'))).limit(1);
    const foreign = await t.database.db.select({ number: cases.number }).from(cases).where(and(eq(cases.courtId, medeu), eq(cases.status, 'hearing_scheduled'))).limit(1);
    // Cassation lies only against an appellate act in force (CPC Art. 434(1)).
    const appellateInForce = await t.database.db.select({ id: cases.id, number: cases.number }).from(cases).where(and(eq(cases.status, 'in_force'), eq(cases.instance, 2))).limit(1);
    caseNumber = inForce[0]!.number!;
    appealCaseNumber = appealable[0]!.number!;
    cassationCaseNumber = appellateInForce[0]!.number!;
    foreignCaseNumber = foreign[0]!.number!;
    for (const { id } of [inForce[0]!, appealable[0]!, appellateInForce[0]!]) await t.database.db.insert(parties).values({ caseId: id, role: 'defendant', userId: me.id, displayName: 'Тестов Тест' });
    await keepAppealOpen(t.database.db, appealable[0]!.id, now());
  });
  afterAll(() => t?.close());

  const api = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object, user: TestUser = me) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: user.cookie }, ...(payload ? { payload } : {}) });

  const claimFields = { category: 'property', subject: 'Взыскание долга по договору займа', amount: '1500000', parties: [{ side: 'defendant', kind: 'individual', name: 'Иванов Иван', iin: testIin(9700) }] };

  async function draft(body: object): Promise<string> {
    const res = await api('POST', '/filings', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id;
  }

  async function attach(id: string, files: { name: string; content: Buffer }[], user: TestUser = me) {
    const { payload, headers } = multipart(files);
    return t.app.inject({ method: 'POST', url: `/api/v1/filings/${id}/attachments`, headers: { cookie: user.cookie, ...headers }, payload });
  }

  async function submit(id: string, signer = mySigner) {
    return api('POST', `/filings/${id}/submit`, { cms: await signedManifest(t.app, me.cookie, id, signer) });
  }

  describe('a property claim', () => {
    let id: string;
    it('starts as a draft, takes two attachments recognised by content, and is signed and submitted', async () => {
      id = await draft({ type: 'claim', courtId: medeu, ...claimFields, text: 'Прошу взыскать с ответчика долг.' });
      const uploaded = await attach(id, [
        { name: 'договор.pdf', content: SAMPLE_FILES.pdf() },
        { name: 'расписка.png', content: SAMPLE_FILES.png() },
      ]);
      expect(uploaded.statusCode, uploaded.body).toBe(201);
      expect(uploaded.json().attachments.map((a: { mediaType: string }) => a.mediaType)).toEqual(['application/pdf', 'image/png']);

      const signedBytes = (await api('GET', `/filings/${id}/manifest`)).rawPayload;
      const res = await submit(id);
      expect(res.statusCode, res.body).toBe(201);
      // After submission the manifest is the signed one, byte for byte.
      expect((await api('GET', `/filings/${id}/manifest`)).rawPayload.equals(signedBytes)).toBe(true);
      const talon = res.json();
      expect(talon.talonNumber).toMatch(/^7517-\d{2}-\d{6}$/);
      expect(talon.verifyUrl).toMatch(/\/verify\/[0-9A-Z]{12}$/);
      expect(talon.talonPdfUrl).toContain(`/api/v1/filings/${id}/talon.pdf`);
    });

    it('shows the filer the talon, the files and the duty: 1% of 1,500,000 ₸', async () => {
      const view = (await api('GET', `/filings/${id}`)).json();
      expect(view).toMatchObject({ status: 'submitted', type: 'claim', court: { code: '7517' }, duty: { status: 'unpaid', amountKzt: '15000.00', flaggedForJudge: true } });
      expect(view.attachments).toHaveLength(2);
      expect(view.talon.number).toMatch(/^7517-/);
    });

    it('started a case in the court with the filer as claimant, the signed claim and the files as documents', async () => {
      const [filing] = await t.database.db.select().from(filings).where(eq(filings.id, id));
      const [started] = await t.database.db.select().from(cases).where(eq(cases.id, filing!.caseId!));
      expect(started).toMatchObject({ status: 'submitted', number: null, courtId: medeu, kind: 'civil', category: 'property' });
      const caseParties = await t.database.db.select().from(parties).where(eq(parties.caseId, started!.id));
      expect(caseParties.map((p) => p.role).sort()).toEqual(['claimant', 'defendant']);
      expect(caseParties.find((p) => p.role === 'claimant')!.userId).toBe(me.id);
      const docs = await t.database.db.select().from(documents).where(eq(documents.caseId, started!.id));
      expect(docs.map((d) => d.kind).sort()).toEqual(['attachment', 'attachment', 'claim']);
      expect(docs.find((d) => d.kind === 'claim')!.signature).not.toBeNull();
      expect(await t.database.db.select().from(events).where(eq(events.caseId, started!.id))).toHaveLength(1);
      const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, id));
      expect(audit.map((a) => a.action)).toContain('filing.submitted');
      expect(JSON.stringify(audit)).not.toContain(me.iin);
    });

    it('returns the same talon when submitted again', async () => {
      const first = (await api('GET', `/filings/${id}`)).json().talon.number;
      const again = await api('POST', `/filings/${id}/submit`, { cms: 'AAAA' });
      expect(again.statusCode).toBe(201);
      expect(again.json().talonNumber).toBe(first);
    });

    it('can no longer be changed', async () => {
      const res = await api('PUT', `/filings/${id}`, { version: 1, fields: claimFields });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('filing_submitted');
      expect((await attach(id, [{ name: 'late.pdf', content: SAMPLE_FILES.pdf() }])).statusCode).toBe(409);
    });

    it('does not exist for anyone but its filer', async () => {
      for (const url of [`/filings/${id}`, `/filings/${id}/manifest`]) expect((await api('GET', url, undefined, stranger)).statusCode).toBe(404);
      expect((await t.app.inject({ method: 'GET', url: `/api/v1/filings/${id}` })).statusCode).toBe(401);
    });
  });

  // An objection to a court order has its own rules (test/db/courtOrders.test.ts).
  it.each(FILING_TYPES.filter((type) => !startsCase(type) && type !== 'court_order_objection'))('takes a %s in a case the filer is party to', async (type: FilingType) => {
    const target = type === 'appeal' ? appealCaseNumber : type === 'cassation_complaint' ? cassationCaseNumber : caseNumber;
    const id = await draft({ type, caseNumber: target, text: 'Текст обращения.', ...(type === 'counterclaim' ? { subject: 'Встречное требование' } : {}) });
    const res = await submit(id);
    expect(res.statusCode, res.body).toBe(201);
    const view = (await api('GET', `/filings/${id}`)).json();
    expect(view.caseNumber).toBe(target);
    // Appeals and procedural papers carry no duty; a counterclaim does. A cassation complaint pays
    // half the duty: the demo's appellate act in force is in a labour dispute, but the filer is the
    // defendant, and the labour exemption is the claimant's (Tax Code 2026 Art. 668(1)).
    const owes = type === 'counterclaim' || type === 'cassation_complaint';
    expect(view.duty.status === 'not_required' || view.duty.status === 'exempt', `${type}: ${JSON.stringify(view.duty)}`).toBe(!owes);
  });

  it('takes an application for a court order, at half the property rate', async () => {
    const id = await draft({ type: 'court_order_application', courtId: medeu, ...claimFields, category: 'court_order', courtOrderDemand: 'insurance_loan_agreement', text: 'Прошу выдать судебный приказ.' });
    expect((await submit(id)).statusCode).toBe(201);
    expect((await api('GET', `/filings/${id}`)).json().duty.amountKzt).toBe('7500.00');
  });

  describe('turns away', () => {
    const expectError = (res: { statusCode: number; json: () => { error: { code: string; message: string } } }, status: number, code: string) => {
      expect(res.statusCode).toBe(status);
      expect(res.json().error.code).toBe(code);
      expect(res.json().error.message.length).toBeGreaterThan(10);
    };

    it('an IIN or BIN with a wrong check digit', async () => {
      expectError(await api('POST', '/filings', { type: 'claim', courtId: medeu, parties: [{ side: 'defendant', kind: 'individual', name: 'X', iin: testIin(9700).slice(0, 11) + String((Number(testIin(9700)[11]) + 1) % 10) }] }), 400, 'invalid_iin');
      expectError(await api('POST', '/filings', { type: 'claim', courtId: medeu, parties: [{ side: 'defendant', kind: 'legal', name: 'X', bin: '123456789012' }] }), 400, 'invalid_bin');
    });

    it.each(['-5', 'abc', '1e6', '10.505', '99999999999999999'])('the amount %s', async (amount) => {
      expectError(await api('POST', '/filings', { type: 'claim', courtId: medeu, amount }), 400, 'invalid_amount');
    });

    it('an unknown filing type, or a party that is not an object', async () => {
      for (const body of [{ type: 'complaint_to_the_tsar' }, { type: 'claim', parties: ['Иванов'] }]) expectError(await api('POST', '/filings', body), 400, 'invalid_request');
    });

    it('a claim to a court that is not of first instance', async () => {
      const [supreme] = await t.database.db.select({ id: courts.id }).from(courts).where(eq(courts.code, '9001'));
      expectError(await api('POST', '/filings', { type: 'claim', courtId: supreme!.id }), 400, 'court_not_first_instance');
    });

    it('a filing into a case the filer takes no part in, or that does not exist', async () => {
      expectError(await api('POST', '/filings', { type: 'appeal', caseNumber: foreignCaseNumber }), 403, 'not_party_to_case');
      expectError(await api('POST', '/filings', { type: 'appeal', caseNumber: '7517-26-00-2/999999' }), 404, 'case_not_found');
      expectError(await api('POST', '/filings', { type: 'appeal' }), 400, 'case_number_required');
    });

    it('an .exe renamed .pdf, a text file and an empty file, keeping nothing of the upload', async () => {
      const id = await draft({ type: 'claim', courtId: medeu, ...claimFields });
      expectError(await attach(id, [{ name: 'claim.pdf', content: SAMPLE_FILES.exe() }]), 415, 'file_type_not_allowed');
      expectError(await attach(id, [{ name: 'good.pdf', content: SAMPLE_FILES.pdf() }, { name: 'notes.docx', content: SAMPLE_FILES.text() }]), 415, 'file_type_not_allowed');
      expectError(await attach(id, [{ name: 'empty.pdf', content: Buffer.alloc(0) }]), 400, 'file_missing');
      expect((await api('GET', `/filings/${id}`)).json().attachments).toEqual([]);
      const staging = path.join(t.app.config.dataDir, 'blobs', 'staging');
      expect(existsSync(staging) ? readdirSync(staging) : []).toEqual([]);
    });

    it('a file over 20 MB', async () => {
      const id = await draft({ type: 'claim', courtId: medeu, ...claimFields });
      const big = Buffer.concat([SAMPLE_FILES.pdf(), Buffer.alloc(20 * 1024 * 1024)]);
      expectError(await attach(id, [{ name: 'big.pdf', content: big }]), 413, 'file_too_large');
      expect((await api('GET', `/filings/${id}`)).json().attachments).toEqual([]);
    });

    it('an incomplete claim, naming what is missing', async () => {
      const id = await draft({ type: 'claim', courtId: medeu });
      const res = await submit(id);
      expectError(res, 400, 'filing_incomplete');
      expect(res.json().error.message).toContain('category');
    });

    it('a signature by someone else, or over an older version of the draft', async () => {
      const id = await draft({ type: 'claim', courtId: medeu, ...claimFields, text: 'Текст' });
      const other = await issueSigner(root, { person: { fullName: 'ДРУГОЙ ЧЕЛОВЕК', iin: stranger.iin } });
      expectError(await submit(id, other), 403, 'signer_mismatch');
      const stale = await signedManifest(t.app, me.cookie, id, mySigner);
      const saved = await api('PUT', `/filings/${id}`, { version: 1, fields: { ...claimFields, text: 'Другой текст' } });
      expect(saved.statusCode, saved.body).toBe(200);
      expectError(await api('POST', `/filings/${id}/submit`, { cms: stale }), 401, 'bad_signature');
      expectError(await api('POST', `/filings/${id}/submit`, { cms: 'not base64!' }), 401, 'malformed_cms');
      expect((await api('GET', `/filings/${id}`)).json().status).toBe('draft');
    });

    it('a signature with the filer’s authentication key, telling them to choose the signing key', async () => {
      const id = await draft({ type: 'claim', courtId: medeu, ...claimFields, text: 'Текст' });
      const authKey = await issueAuthKey(root, { person: { fullName: 'ТЕСТОВ ТЕСТ', iin: me.iin } });
      const res = await submit(id, authKey);
      expectError(res, 401, 'authentication_key_for_document');
      expect(res.json().error.message).toMatch(/choose your signing key \(RSA or GOST\)/);
      expect((await api('GET', `/filings/${id}`)).json().status).toBe('draft');
    });

    it('a signature whose certificate’s revocation status no one could establish', async () => {
      const unreachable = (() => Promise.reject(new TypeError('fetch failed'))) as typeof fetch;
      const strict = await createTestApp({ database: t.database, signatureVerifier: createSignatureVerifier({ trustedRoots: [root.certificateDer], revocation: 'ocsp-crl', fetchImpl: unreachable }), clock: now });
      try {
        const id = await draft({ type: 'claim', courtId: medeu, ...claimFields, text: 'Текст' });
        const checked = await issueSigner(root, { ocspUrl: 'http://ocsp.test/', crlUrl: 'http://crl.test/root.crl', person: { fullName: 'ТЕСТОВ ТЕСТ', iin: me.iin } });
        const res = await strict.app.inject({ method: 'POST', url: `/api/v1/filings/${id}/submit`, headers: { cookie: me.cookie }, payload: { cms: await signedManifest(strict.app, me.cookie, id, checked) } });
        expectError(res, 401, 'certificate_status_unknown');
        expect(res.json().error.message).toMatch(/revoked cannot be confirmed/);
        expect((await api('GET', `/filings/${id}`)).json().status).toBe('draft');
      } finally {
        await strict.app.close();
      }
    });

    it('deleting a draft that money was paid towards', async () => {
      const id = await draft({ type: 'claim', courtId: medeu, ...claimFields });
      await t.database.db.insert(payments).values({ filingId: id, method: 'card', status: 'paid', amountTiyn: 1_500_000, orderId: `SOT-TEST-${id.slice(0, 8)}` });
      const { deleteDraft } = await import('../../src/commands/filings.ts');
      const principal = { userId: me.id, iin: me.iin, fullName: 'Тестов', bin: null, roles: [{ role: 'citizen' as const, courtId: null }] };
      await expect(deleteDraft(t.database.db, principal, id, new Date())).rejects.toMatchObject({ code: 'draft_has_payments' });
      expect((await api('GET', `/filings/${id}`)).statusCode).toBe(200);
    });

    it('a card payment on the draft that no longer covers the duty when submitted', async () => {
      const id = await draft({ type: 'claim', courtId: medeu, ...claimFields, text: 'Текст' });
      await t.database.db.insert(payments).values({ filingId: id, method: 'card', status: 'paid', amountTiyn: 1_500_000, orderId: `SOT-LOW-${id.slice(0, 8)}` });
      await t.database.db.update(filings).set({ dutyStatus: 'paid' }).where(eq(filings.id, id));
      const raised = await api('PUT', `/filings/${id}`, { version: 1, fields: { ...claimFields, amount: '3000000', text: 'Текст' } });
      expect(raised.statusCode, raised.body).toBe(200);
      expect((await submit(id)).statusCode).toBe(201);
      expect((await api('GET', `/filings/${id}`)).json().duty).toMatchObject({ status: 'unpaid', amountKzt: '30000.00', flaggedForJudge: true });
    });

    it('a save against a stale version', async () => {
      const id = await draft({ type: 'claim', courtId: medeu, ...claimFields });
      expect((await api('PUT', `/filings/${id}`, { version: 1, fields: claimFields })).statusCode).toBe(200);
      expectError(await api('PUT', `/filings/${id}`, { version: 1, fields: claimFields }), 409, 'filing_changed');
    });
  });

  it('numbers talons of a court without gaps', async () => {
    const numbers: string[] = [];
    for (let i = 0; i < 3; i++) {
      const id = await draft({ type: 'claim', courtId: medeu, ...claimFields, text: `Иск ${i}` });
      numbers.push((await submit(id)).json().talonNumber);
    }
    const sequences = numbers.map((n) => Number(n.split('-')[2]));
    expect(sequences[1]! - sequences[0]!).toBe(1);
    expect(sequences[2]! - sequences[1]!).toBe(1);
  });
});
