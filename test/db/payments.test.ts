import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBuiltInVerifier } from '../../src/adapters/eds/index.ts';
import { signBody } from '../../src/adapters/payments/acquirer.ts';
import { auditLog, cases, courts, filingAttachments, filings, notifications, parties, paymentNotifications, payments, users } from '../../src/db/schema/index.ts';
import { courtDateIso } from '../../src/i18n/format.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { describeDb } from '../support/db.ts';
import { keepAppealOpen, SAMPLE_FILES, signedManifest } from '../support/filing.ts';
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
    await keepAppealOpen(db, registered!.id, now());
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
    async function payByCard(filingId: string, cardNumber: string, behaviour = 'normal', waitForCallbacks = true) {
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
      if (waitForCallbacks) await t.app.standInAcquirer.idle();
      const result = await browser.get(pathOf(paid.headers.location));
      return { orderId, payPage, result, browser };
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

    it('says "paid" on the payer\'s return: the acquirer\'s notification comes before the payer', async () => {
      const { id } = await submitted();
      const { result } = await payByCard(id, APPROVED, 'normal', false);
      expect(result.body).toContain('Payment received');
      expect(result.headers['refresh']).toBeUndefined();
    });

    it('checks again by itself, without script, while a late notification is on its way', async () => {
      const { id } = await submitted();
      const { orderId, result, browser } = await payByCard(id, APPROVED, 'delayed', false);
      expect(result.body).toContain('Waiting for the bank’s confirmation');
      expect(result.body).toContain('This page checks again by itself every few seconds.');
      const self = `/cabinet/filings/${id}/payment?order=${orderId}`;
      expect(result.headers['refresh']).toBe(`3; url=${self}&checked=1`);
      await t.app.standInAcquirer.idle();
      const again = await browser.get(`${self}&checked=1`);
      expect(again.body).toContain('Payment received');
      expect(again.headers['refresh']).toBeUndefined();
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
      expect(page.headers['refresh']).toBe(`3; url=/cabinet/filings/${id}/payment?order=${orderId}&checked=1`);
      // After about a minute the page stops checking and says what to do.
      const last = await new Browser(t.app, me.cookie).get(`/cabinet/filings/${id}/payment?order=${orderId}&checked=20`);
      expect(last.headers['refresh']).toBeUndefined();
      expect(last.body).toContain('The bank has still not answered.');
      expect((await new Browser(t.app, me.cookie).get(`/cabinet/filings/${id}/payment?order=${orderId}&checked=21`)).statusCode).toBe(400);
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
    const details = { number: 'КВ-000123', day: today[2]!, month: today[1]!, year: today[0]!, amount: '15000', payer: testIin(9800) };
    let scans = 0;
    /** A scan no other payment has used: the sample picture with bytes of its own after its end. */
    const freshScan = () => Buffer.concat([SAMPLE_FILES.png(), Buffer.from(`scan ${++scans} ${Math.random()}`)]);

    async function sendDocument(filingId: string, fields: Record<string, string> = details, files = [{ name: 'квитанция.png', content: freshScan() }], user: TestUser = me) {
      const browser = new Browser(t.app, user.cookie);
      const page = await browser.get(`/cabinet/filings/${filingId}/pay`);
      // As the browser sends the form: its hidden token first, then the details, then the file.
      const { action, hidden } = formOf(page.body, `/cabinet/filings/${filingId}/pay/document`);
      return browser.postFiles(action, files, { ...hidden, ...fields });
    }

    async function decide(user: TestUser, paymentId: string, decision: 'verify' | 'reject', reason?: string, confirmation?: string) {
      const browser = new Browser(t.app, user.cookie);
      const queue = await browser.get('/court/payments');
      return browser.post(`/court/payments/${paymentId}/${decision}`, { _csrf: tokenOf(queue.body), ...(reason !== undefined ? { reason } : {}), ...(confirmation !== undefined ? { confirmation } : {}) });
    }

    it('goes to the clerks of the filing’s court, who verify it', async () => {
      const { id, talon } = await submitted();
      const content = freshScan();
      const sent = await sendDocument(id, details, [{ name: 'квитанция.png', content }]);
      expect(sent.statusCode, sent.body).toBe(303);
      expect(sent.headers.location).toBe(`/cabinet/filings/${id}/talon`);
      expect(await filingRow(id)).toMatchObject({ dutyStatus: 'document_pending', dutyFlagged: true });
      const [payment] = await paymentRows(id);
      expect(payment).toMatchObject({ method: 'document', status: 'submitted', amountTiyn: 1_500_000, documentNumber: 'КВ-000123', documentDate: today.join('-'), documentPayer: details.payer, duplicateOfPaymentId: null });
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
      expect(scanFile.rawPayload.equals(content)).toBe(true);

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

    it('needs its number, a past date, an amount, the payer and a scan, and says what is missing', async () => {
      const { id } = await submitted();
      const res = await sendDocument(id, { number: '', day: '31', month: '2', year: '2025', amount: 'много', payer: '123' }, []);
      expect(res.statusCode).toBe(400);
      for (const message of ['Enter the document number', 'Enter the date of payment as a real date', 'Enter the amount paid in tenge', 'Enter the payer’s IIN or BIN', 'Choose a file to upload']) expect(res.body).toContain(message);
      const future = await sendDocument(id, { ...details, year: String(Number(details.year) + 1) });
      expect(future.statusCode).toBe(400);
      expect(future.body).toContain('The date of payment must be today or in the past');
      const exe = await sendDocument(id, details, [{ name: 'receipt.png', content: SAMPLE_FILES.exe() }]);
      expect(exe.statusCode).toBe(400);
      expect(await paymentRows(id)).toEqual([]);
      expect((await filingRow(id)).dutyStatus).toBe('unpaid');
    });
    it('pays one filing only: the same scan again is refused, in the filer’s language', async () => {
      const scan = freshScan();
      const first = await submitted();
      expect((await sendDocument(first.id, details, [{ name: 'квитанция.png', content: scan }])).statusCode).toBe(303);
      const second = await submitted();
      const again = await sendDocument(second.id, { ...details, number: 'КВ-000999' }, [{ name: 'та-же.png', content: scan }]);
      expect(again.statusCode).toBe(400);
      expect(again.body).toContain('This scan has already been sent to pay a state duty. One payment document pays the duty of one filing only');
      expect(await paymentRows(second.id)).toEqual([]);
      expect((await filingRow(second.id)).dutyStatus).toBe('unpaid');
      // Nor a second time on the same filing.
      expect((await sendDocument(first.id, details, [{ name: 'копия.png', content: scan }])).statusCode).toBe(400);
      expect(await paymentRows(first.id)).toHaveLength(1);

      const russian = await signedInUser(t.database.db, { lang: 'ru', now: now() });
      await t.database.db.update(filings).set({ filerId: russian.id }).where(eq(filings.id, second.id));
      const inRussian = await sendDocument(second.id, details, [{ name: 'та-же.png', content: scan }], russian);
      expect(inRussian.body).toContain('Этот скан уже отправлен в оплату государственной пошлины');

      // A rejected document paid nothing: its scan may back another payment.
      const [payment] = await paymentRows(first.id);
      expect((await decide(clerk, payment!.id, 'reject', 'The bank did not confirm the payment')).statusCode).toBe(303);
      expect((await sendDocument(second.id, details, [{ name: 'та-же.png', content: scan }], russian)).statusCode).toBe(303);
    });

    it('lets only one of two uploads of the same scan at once through, by the database’s unique index', async () => {
      const scan = freshScan();
      const [a, b] = [await submitted(), await submitted()];
      const results = await Promise.all(
        [a, b].map((filing, i) => sendDocument(filing.id, { ...details, number: `ОДНОВР-${i}` }, [{ name: 'квитанция.png', content: scan }])),
      );
      expect(results.map((r) => r.statusCode).sort()).toEqual([303, 400]);
      const rows = [...(await paymentRows(a.id)), ...(await paymentRows(b.id))];
      expect(rows).toHaveLength(1);
      // The index itself, without the command's read in front of it.
      const { id: _id, ...copy } = rows[0]!;
      await expect(t.database.db.insert(payments).values({ ...copy, filingId: rows[0]!.filingId === a.id ? b.id : a.id })).rejects.toThrow();
    });

    it('flags the same number, date, payer and amount under another scan, naming the first filing, and verifies it only with a reason', async () => {
      const number = `ПП-${Math.floor(Math.random() * 1e6)}`;
      const first = await submitted();
      expect((await sendDocument(first.id, { ...details, number })).statusCode).toBe(303);
      const second = await submitted();
      // Typed with spaces and in other case: still the same document.
      const sent = await sendDocument(second.id, { ...details, number: ` ${number.toLowerCase()} `, payer: details.payer.replace(/(\d{6})/, '$1 ') });
      expect(sent.statusCode, sent.body).toBe(303);
      const [firstPayment] = await paymentRows(first.id);
      const [flagged] = await paymentRows(second.id);
      expect(flagged).toMatchObject({ status: 'submitted', duplicateOfPaymentId: firstPayment!.id });
      expect((await auditOf(flagged!.id, 'payment.document_submitted'))[0]!.data).toMatchObject({ duplicateOf: firstPayment!.id });

      const queue = await new Browser(t.app, clerk.cookie).get('/court/payments');
      expect(queue.body).toContain('A document with the same number, date, payer and amount was already sent to pay the duty of');
      expect(queue.body).toContain(`<a class="govuk-link" href="/court/filings/${first.id}">talon ${first.talon}</a>`);
      expect(queue.body).toContain(`id="confirmation-${flagged!.id}"`);

      const plain = await decide(clerk, flagged!.id, 'verify');
      expect(plain.statusCode).toBe(409);
      expect(plain.body).toContain('This document repeats another one already sent');
      expect(plain.body).toContain(`href="#confirmation-${flagged!.id}"`);
      expect((await paymentRows(second.id))[0]!.status).toBe('submitted');

      const why = 'Two payments on the same day; the bank confirmed both by letter';
      const confirmed = await decide(clerk, flagged!.id, 'verify', undefined, why);
      expect(confirmed.statusCode, confirmed.body).toBe(303);
      expect((await paymentRows(second.id))[0]).toMatchObject({ status: 'verified', duplicateConfirmation: why });
      expect(await filingRow(second.id)).toMatchObject({ dutyStatus: 'verified' });
      const [audit] = await auditOf(flagged!.id, 'payment.verified');
      expect(audit!.data).toMatchObject({ duplicateOf: firstPayment!.id, confirmation: why });
      // The first document is not flagged: it came first.
      expect(firstPayment!.duplicateOfPaymentId).toBeNull();
      expect((await decide(clerk, firstPayment!.id, 'verify')).statusCode).toBe(303);
    });
  });
});
