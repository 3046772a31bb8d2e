import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBuiltInVerifier } from '../../src/adapters/eds/index.ts';
import { signBody } from '../../src/adapters/payments/acquirer.ts';
import { auditLog, cases, courts, filingAttachments, filings, notifications, parties, paymentNotifications, payments, users } from '../../src/db/schema/index.ts';
import { courtDateIso } from '../../src/i18n/format.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { describeDb } from '../support/db.ts';
import { SAMPLE_FILES, signedManifest } from '../support/filing.ts';
import { Browser, formOf, freePort, pathOf, registerPaymentRoutes, tokenOf } from '../support/payments.ts';
import { issueSigner, makeRootCa, testIin, type TestSigner } from '../support/pki.ts';
import { signedInUser, type TestUser } from '../support/sessions.ts';

const APPROVED = '4111 1111 1111 1111';
const DECLINED = '4000 0000 0000 0002';
const FILER_EMAIL = 'filer@example.kz';

/**
 * Paying the state duty end to end: the pay page, the stand-in acquirer's card page and its
 * signed callback over real HTTP, the result page; forged and wrong notifications; payment
 * documents through the clerk's queue.
 */
describeDb('state duty payments', () => {
  let t: TestApp;
  let me: TestUser;
  let mySigner: TestSigner;
  let stranger: TestUser;
  let medeu: string;
  let clerk: TestUser;
  let otherClerk: TestUser;
  let caseNumber: string;
  const now = () => new Date();

  beforeAll(async () => {
    const root = await makeRootCa({ name: 'Test NCA Root' });
    // The stand-in acquirer posts its callbacks over HTTP to the public URL, so the app listens there.
    const port = await freePort();
    t = await createTestApp({
      seed: true,
      signatureVerifier: createBuiltInVerifier({ trustedRoots: [root.certificateDer] }),
      clock: now,
      // The stand-in acquirer is part of the demo, which is asked for.
      config: { PUBLIC_URL: `http://127.0.0.1:${port}`, DEMO: '1' },
      extend: registerPaymentRoutes,
    });
    await t.app.listen({ host: '127.0.0.1', port });
    const db = t.database.db;
    me = await signedInUser(db, { lang: 'en', now: now() });
    stranger = await signedInUser(db, { lang: 'en', now: now() });
    await db.update(users).set({ email: FILER_EMAIL, emailVerifiedAt: now(), language: 'en' }).where(eq(users.id, me.id));
    mySigner = await issueSigner(root, { person: { fullName: 'ТЕСТОВ ТЕСТ', iin: me.iin } });
    [{ id: medeu }] = (await db.select({ id: courts.id }).from(courts).where(eq(courts.code, '7517'))) as [{ id: string }];
    const [other] = await db.select({ id: courts.id }).from(courts).where(eq(courts.code, '9594'));
    clerk = await signedInUser(db, { lang: 'en', now: now(), roles: [{ role: 'clerk', courtId: medeu }] });
    otherClerk = await signedInUser(db, { lang: 'en', now: now(), roles: [{ role: 'clerk', courtId: other!.id }] });
    // A decision open to appeal, so an appeal can be filed in it.
    const [registered] = await db.select({ id: cases.id, number: cases.number }).from(cases).where(and(eq(cases.courtId, medeu), eq(cases.status, 'appeal_window'))).limit(1);
    caseNumber = registered!.number!;
    await db.insert(parties).values({ caseId: registered!.id, role: 'defendant', userId: me.id, displayName: 'Тестов Тест' });
  });
  afterAll(() => t?.close());

  const api = (method: 'GET' | 'POST', url: string, payload?: object, user: TestUser = me) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: user.cookie }, ...(payload ? { payload } : {}) });

  const claimFields = { category: 'property', subject: 'Взыскание долга', amount: '1500000', text: 'Прошу взыскать долг.', parties: [{ side: 'defendant', kind: 'individual', name: 'Иванов Иван', iin: testIin(9700) }] };

  /** A filing drafted and signed through the API; a property claim of 1,500,000 ₸ unless told. */
  async function submitted(body: object = { type: 'claim', courtId: medeu, ...claimFields }): Promise<{ id: string; talon: string }> {
    const draft = await api('POST', '/filings', body);
    expect(draft.statusCode, draft.body).toBe(201);
    const id = draft.json().id as string;
    const res = await api('POST', `/filings/${id}/submit`, { cms: await signedManifest(t.app, me.cookie, id, mySigner) });
    expect(res.statusCode, res.body).toBe(201);
    return { id, talon: res.json().talonNumber };
  }

  const filingRow = async (id: string) => (await t.database.db.select().from(filings).where(eq(filings.id, id)))[0]!;
  const paymentRows = (filingId: string) => t.database.db.select().from(payments).where(eq(payments.filingId, filingId));
  const notificationsOf = (orderId: string) => t.database.db.select().from(paymentNotifications).where(eq(paymentNotifications.orderId, orderId));
  const auditOf = (entityId: string, action: string) => t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, entityId), eq(auditLog.action, action)));
  // The payment's own notices, not the talon's receipt the filing got on submission.
  const outboxMentioning = async (text: string) =>
    (await t.database.db.select().from(notifications).where(and(eq(notifications.userId, me.id), eq(notifications.channel, 'email')))).filter((m) => m.body.includes(text) && m.event.startsWith('payment_'));

  describe('by card', () => {
    /** From the pay page through the stand-in acquirer's card form back to Sot's result page. */
    async function payByCard(filingId: string, cardNumber: string, behaviour = 'normal') {
      const browser = new Browser(t.app, me.cookie);
      const payPage = await browser.get(`/cabinet/filings/${filingId}/pay`);
      expect(payPage.statusCode, payPage.body).toBe(200);
      const started = await browser.post(`/cabinet/filings/${filingId}/pay/card`, { _csrf: tokenOf(payPage.body) });
      expect(started.statusCode, started.body).toBe(303);
      expect(String(started.headers.location)).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/sandbox\/acquirer\/pay\?/);
      const orderId = new URL(String(started.headers.location)).searchParams.get('orderId')!;
      const cardPage = await browser.get(pathOf(started.headers.location));
      expect(cardPage.statusCode, cardPage.body).toBe(200);
      const { hidden } = formOf(cardPage.body, '/sandbox/acquirer/pay');
      const paid = await browser.post('/sandbox/acquirer/pay', { ...hidden, cardNumber, expiry: '12/30', cvc: '123', cardholder: 'AIGUL SERIKOVA', behaviour });
      expect(paid.statusCode, paid.body).toBe(303);
      await t.app.standInAcquirer.idle();
      const result = await browser.get(pathOf(paid.headers.location));
      return { orderId, payPage, result };
    }

    it('takes the duty on the acquirer’s page and counts it paid once the signed callback arrives', async () => {
      const { id, talon } = await submitted();
      expect(await filingRow(id)).toMatchObject({ dutyStatus: 'unpaid', dutyFlagged: true, dutyAmountTiyn: 1_500_000 });
      const { orderId, payPage, result } = await payByCard(id, APPROVED);
      expect(payPage.body).toContain('Pay the state duty');
      expect(payPage.body).toContain('Continue to card payment');

      expect(await filingRow(id)).toMatchObject({ dutyStatus: 'paid', dutyFlagged: false });
      const [payment] = await paymentRows(id);
      expect(payment).toMatchObject({ method: 'card', status: 'paid', amountTiyn: 1_500_000, orderId });
      expect(payment!.paidAt).toBeInstanceOf(Date);
      expect(payment!.providerReference).toMatch(/^SBX-/);
      expect(result.statusCode).toBe(200);
      expect(result.body).toContain('Payment received');
      expect(result.body).toContain(payment!.providerReference!);
      expect(await auditOf(payment!.id, 'payment.paid')).toHaveLength(1);
      const [notice] = await outboxMentioning(talon);
      expect(notice).toMatchObject({ channel: 'email', address: FILER_EMAIL, subject: 'State duty paid' });
      // Card details never reach Sot: only the mask the acquirer sends.
      const [kept] = await notificationsOf(orderId);
      expect(kept).toMatchObject({ signatureValid: true, outcome: 'applied' });
      expect(JSON.stringify(kept!.body)).not.toContain('4111111111111111');
    });

    it('shows a declined card as declined and leaves the duty unpaid', async () => {
      const { id } = await submitted();
      const { result } = await payByCard(id, DECLINED);
      expect(result.body).toContain('The payment did not go through');
      expect(result.body).toContain(`href="/cabinet/filings/${id}/pay"`);
      expect(await filingRow(id)).toMatchObject({ dutyStatus: 'unpaid', dutyFlagged: true });
      expect((await paymentRows(id)).map((p) => p.status)).toEqual(['declined']);
    });

    it('counts a callback sent twice once, and acknowledges both', async () => {
      const { id } = await submitted();
      const { orderId } = await payByCard(id, APPROVED, 'twice');
      const [payment] = await paymentRows(id);
      expect(payment!.status).toBe('paid');
      expect((await notificationsOf(orderId)).map((n) => n.outcome).sort()).toEqual(['applied', 'duplicate']);
      expect(await auditOf(payment!.id, 'payment.paid')).toHaveLength(1);
      const delivered = t.logs.filter((line) => line['orderId'] === orderId && String(line['msg']).startsWith('stand-in acquirer: callback'));
      expect(delivered.map((line) => [line['msg'], line['attempt']])).toEqual([
        ['stand-in acquirer: callback delivered', 1],
        ['stand-in acquirer: callback delivered', 1],
      ]);
    });

    it('shows a payment the bank has not confirmed yet as waiting, with a way to check again', async () => {
      const { id } = await submitted();
      const started = await api('POST', `/filings/${id}/payments/card`);
      expect(started.statusCode, started.body).toBe(201);
      const { orderId, paymentUrl } = started.json();
      expect(paymentUrl).toContain('/sandbox/acquirer/pay?');
      const page = await new Browser(t.app, me.cookie).get(`/cabinet/filings/${id}/payment?order=${orderId}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Waiting for the bank’s confirmation');
      expect(page.body).toContain(`href="/cabinet/filings/${id}/payment?order=${orderId}"`);
      expect(page.body).not.toContain('http-equiv');
      expect(page.headers['cache-control']).toBe('no-store');
    });

    describe('refuses a callback', () => {
      let filingId: string;
      let orderId: string;
      beforeAll(async () => {
        ({ id: filingId } = await submitted());
        ({ orderId } = (await api('POST', `/filings/${filingId}/payments/card`)).json());
      });

      const notification = (overrides: Record<string, unknown> = {}) =>
        JSON.stringify({ merchantId: t.app.config.acquirer.merchantId, orderId, status: 'paid', amount: 1_500_000, currency: 'KZT', reference: 'REF-1', cardMask: '411111******1111', at: new Date().toISOString(), ...overrides });
      const callback = (body: string, signature: string) =>
        t.app.inject({ method: 'POST', url: '/api/v1/payments/callback', headers: { 'content-type': 'application/json', 'x-signature': signature }, payload: body });

      it('with a forged signature: 400, kept as unsigned, nothing paid', async () => {
        const body = notification();
        const res = await callback(body, signBody('not-the-merchant-secret-at-all-0123456789', body));
        expect(res.statusCode).toBe(400);
        expect(res.json().error.code).toBe('invalid_request');
        const kept = await notificationsOf(orderId);
        expect(kept.map((n) => ({ signatureValid: n.signatureValid, outcome: n.outcome, body: n.body }))).toEqual([{ signatureValid: false, outcome: 'rejected', body: { orderId } }]);
        expect((await paymentRows(filingId)).map((p) => p.status)).toEqual(['pending']);
        expect((await filingRow(filingId)).dutyStatus).toBe('unpaid');
        expect((await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'payment.notification_rejected'))).length).toBeGreaterThan(0);
      });

      it('for another amount than the order’s', async () => {
        const body = notification({ amount: 100 });
        const res = await callback(body, signBody(t.app.config.acquirer.secret, body));
        expect(res.statusCode).toBe(400);
        const kept = (await notificationsOf(orderId)).filter((n) => n.signatureValid);
        expect(kept.map((n) => n.outcome)).toEqual(['rejected']);
        expect((await paymentRows(filingId)).map((p) => p.status)).toEqual(['pending']);
      });

      it('carrying a card number, without keeping it', async () => {
        const body = notification({ pan: '4111111111111111' });
        const res = await callback(body, signBody(t.app.config.acquirer.secret, body));
        expect(res.statusCode).toBe(400);
        const all = await t.database.db.select().from(paymentNotifications);
        expect(JSON.stringify(all)).not.toContain('4111111111111111');
        expect((await paymentRows(filingId)).map((p) => p.status)).toEqual(['pending']);
      });

      it('and then takes the genuine one', async () => {
        const body = notification();
        const res = await callback(body, signBody(t.app.config.acquirer.secret, body));
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json()).toEqual({ ok: true });
        expect((await filingRow(filingId)).dutyStatus).toBe('paid');
      });
    });

    it('cannot be started by someone else for my filing', async () => {
      const { id } = await submitted();
      const res = await api('POST', `/filings/${id}/payments/card`, undefined, stranger);
      expect(res.statusCode).toBe(404);
      expect((await new Browser(t.app, stranger.cookie).get(`/cabinet/filings/${id}/pay`)).statusCode).toBe(404);
      expect(await paymentRows(id)).toEqual([]);
    });

    it('is refused where no duty is owed: an exempt claim, an appeal', async () => {
      const exempt = await submitted({ type: 'claim', courtId: medeu, ...claimFields, exemption: 'disability' });
      const appeal = await submitted({ type: 'appeal', caseNumber, text: 'Прошу отменить решение.' });
      expect((await filingRow(exempt.id)).dutyStatus).toBe('exempt');
      expect((await filingRow(appeal.id)).dutyStatus).toBe('not_required');
      for (const { id } of [exempt, appeal]) {
        const res = await api('POST', `/filings/${id}/payments/card`);
        expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
        expect(res.statusCode).toBeLessThan(500);
        expect(res.statusCode).not.toBe(404);
        expect(await paymentRows(id)).toEqual([]);
        const browser = new Browser(t.app, me.cookie);
        const page = await browser.get(`/cabinet/filings/${id}/pay`);
        expect(page.body).toContain('There is nothing to pay on this filing now');
        expect(page.body).not.toContain('Continue to card payment');
        const posted = await browser.post(`/cabinet/filings/${id}/pay/card`, { _csrf: tokenOf(page.body) });
        expect(posted.statusCode).toBe(res.statusCode);
        expect(posted.body).toContain('There is nothing to pay on this filing now');
        expect(await paymentRows(id)).toEqual([]);
      }
    });
  });

  describe('by payment document', () => {
    const today = courtDateIso(new Date()).split('-');
    const details = { number: 'КВ-000123', day: today[2]!, month: today[1]!, year: today[0]!, amount: '15000' };

    async function sendDocument(filingId: string, fields: Record<string, string> = details, files = [{ name: 'квитанция.png', content: SAMPLE_FILES.png() }]) {
      const browser = new Browser(t.app, me.cookie);
      const page = await browser.get(`/cabinet/filings/${filingId}/pay`);
      // As the browser sends the form: its hidden token first, then the details, then the file.
      const { action, hidden } = formOf(page.body, `/cabinet/filings/${filingId}/pay/document`);
      return browser.postFiles(action, files, { ...hidden, ...fields });
    }

    async function decide(user: TestUser, paymentId: string, decision: 'verify' | 'reject', reason?: string) {
      const browser = new Browser(t.app, user.cookie);
      const queue = await browser.get('/court/payments');
      return browser.post(`/court/payments/${paymentId}/${decision}`, { _csrf: tokenOf(queue.body), ...(reason !== undefined ? { reason } : {}) });
    }

    it('goes to the clerks of the filing’s court, who verify it', async () => {
      const { id, talon } = await submitted();
      const sent = await sendDocument(id);
      expect(sent.statusCode, sent.body).toBe(303);
      expect(sent.headers.location).toBe(`/cabinet/filings/${id}/talon`);
      expect(await filingRow(id)).toMatchObject({ dutyStatus: 'document_pending', dutyFlagged: true });
      const [payment] = await paymentRows(id);
      expect(payment).toMatchObject({ method: 'document', status: 'submitted', amountTiyn: 1_500_000, documentNumber: 'КВ-000123', documentDate: today.join('-') });
      const [scan] = await t.database.db.select().from(filingAttachments).where(eq(filingAttachments.id, payment!.documentAttachmentId!));
      expect(scan).toMatchObject({ purpose: 'payment_document', mediaType: 'image/png', name: 'квитанция.png' });

      const queue = await new Browser(t.app, clerk.cookie).get('/court/payments');
      expect(queue.statusCode).toBe(200);
      expect(queue.body).toContain(talon);
      expect(queue.body).toContain(`/court/payments/${payment!.id}/document`);
      const scanFile = await t.app.inject({ method: 'GET', url: `/court/payments/${payment!.id}/document`, headers: { cookie: clerk.cookie } });
      expect(scanFile.statusCode).toBe(200);
      expect(scanFile.headers['content-type']).toBe('image/png');
      expect(String(scanFile.headers['content-disposition'])).toMatch(/^attachment; filename="/);
      expect(scanFile.rawPayload.equals(SAMPLE_FILES.png())).toBe(true);

      const elsewhere = await new Browser(t.app, otherClerk.cookie).get('/court/payments');
      expect(elsewhere.statusCode).toBe(200);
      expect(elsewhere.body).not.toContain(talon);
      expect((await decide(otherClerk, payment!.id, 'verify')).statusCode).toBe(404);
      expect((await t.app.inject({ method: 'GET', url: `/court/payments/${payment!.id}/document`, headers: { cookie: otherClerk.cookie } })).statusCode).toBe(404);
      expect((await new Browser(t.app, me.cookie).get('/court/payments')).statusCode).toBe(403);

      const verified = await decide(clerk, payment!.id, 'verify');
      expect(verified.statusCode, verified.body).toBe(303);
      expect(verified.headers.location).toBe('/court/payments?done=verified');
      expect(await filingRow(id)).toMatchObject({ dutyStatus: 'verified', dutyFlagged: false });
      expect((await paymentRows(id))[0]).toMatchObject({ status: 'verified', reviewedBy: clerk.id });
      expect(await auditOf(payment!.id, 'payment.verified')).toHaveLength(1);
      const [notice] = await outboxMentioning(talon);
      expect(notice).toMatchObject({ channel: 'email', address: FILER_EMAIL, subject: 'Payment document confirmed' });

      const again = await decide(clerk, payment!.id, 'verify');
      expect(again.statusCode).toBe(409);
      expect(again.body).toContain('This payment document has already been checked');
      expect((await new Browser(t.app, clerk.cookie).get('/court/payments')).body).not.toContain(talon);
    });

    it('is rejected only with a reason, which the filer is told', async () => {
      const { id, talon } = await submitted();
      expect((await sendDocument(id)).statusCode).toBe(303);
      const [payment] = await paymentRows(id);

      const noReason = await decide(clerk, payment!.id, 'reject', '  ');
      expect(noReason.statusCode).toBe(400);
      expect(noReason.body).toContain('Enter the reason for rejecting the document');
      expect(noReason.body).toContain(`href="#reason-${payment!.id}"`);
      expect((await filingRow(id)).dutyStatus).toBe('document_pending');

      const reason = 'The amount is less than the duty';
      const rejected = await decide(clerk, payment!.id, 'reject', reason);
      expect(rejected.statusCode, rejected.body).toBe(303);
      expect(await filingRow(id)).toMatchObject({ dutyStatus: 'rejected', dutyFlagged: true });
      expect((await paymentRows(id))[0]).toMatchObject({ status: 'rejected', rejectionReason: reason });
      const [notice] = await outboxMentioning(talon);
      expect(notice!.body).toContain(reason);
      const payPage = await new Browser(t.app, me.cookie).get(`/cabinet/filings/${id}/pay`);
      expect(payPage.body).toContain(reason);
    });

    it('needs its number, a past date, an amount and a scan, and says what is missing', async () => {
      const { id } = await submitted();
      const res = await sendDocument(id, { number: '', day: '31', month: '2', year: '2025', amount: 'много' }, []);
      expect(res.statusCode).toBe(400);
      for (const message of ['Enter the document number', 'Enter the date of payment as a real date', 'Enter the amount paid in tenge', 'Choose a file to upload']) expect(res.body).toContain(message);
      const future = await sendDocument(id, { ...details, year: String(Number(details.year) + 1) });
      expect(future.statusCode).toBe(400);
      expect(future.body).toContain('The date of payment must be today or in the past');
      const exe = await sendDocument(id, details, [{ name: 'receipt.png', content: SAMPLE_FILES.exe() }]);
      expect(exe.statusCode).toBe(400);
      expect(await paymentRows(id)).toEqual([]);
      expect((await filingRow(id)).dutyStatus).toBe('unpaid');
    });
  });
});
