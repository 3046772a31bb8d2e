import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { createAcquirerClient, type AcquirerNotification } from '../../src/adapters/payments/acquirer.ts';
import { standInAcquirer, type Deliver } from '../../src/adapters/payments/standInAcquirer.tsx';
import { formatTenge } from '../../src/i18n/format.ts';
import { createTestApp, TEST_NOW, type TestApp } from '../support/app.ts';
import { describeDb } from '../support/db.ts';
import { signedInUser } from '../support/sessions.ts';

const MERCHANT = 'SOT-COURTS';
const SECRET = 'stand-in-secret-0123456789';
const BASE = '/sandbox/acquirer';
const CALLBACK_PATH = '/api/test/merchant/acquirer-callback';
const RETURN_URL = 'http://localhost/cabinet/payments/return';
const APPROVED = '4111 1111 1111 1111';
const DECLINED = '4000 0000 0000 0002';
const THREE_DS = '4000 0000 0000 3220';

const client = createAcquirerClient({ url: `http://localhost${BASE}`, merchantId: MERCHANT, secret: SECRET });

describeDb('stand-in acquirer', () => {
  let t: TestApp;
  /** What the stand-in tried to send, and what the merchant's route answered or saw. */
  let attempts: { url: string; body: string; headers: Record<string, string> }[] = [];
  let received: { body: Buffer; signature: string | undefined }[] = [];
  /** Statuses the merchant answers with, in turn ('network' = the connection fails); then 200. */
  let merchantAnswers: (number | 'network')[] = [];

  /** Posts to the merchant's route inside the same app, as the network would. */
  const deliverTo = (app: FastifyInstance): Deliver => async (url, body, headers) => {
    attempts.push({ url, body, headers });
    if (merchantAnswers[0] === 'network') {
      merchantAnswers.shift();
      throw new Error('connect ECONNREFUSED');
    }
    return (await app.inject({ method: 'POST', url: new URL(url).pathname, headers, payload: body })).statusCode;
  };

  beforeAll(async () => {
    t = await createTestApp({
      // A real acquirer is configured, so the app mounts no stand-in of its own: this test mounts one it can watch.
      config: { ACQUIRER_URL: 'https://acquirer.invalid' },
      extend: (app) => {
        app.register(async (merchant) => {
          // The merchant needs the bytes as sent: the signature covers them, not parsed JSON.
          merchant.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
          merchant.post(CALLBACK_PATH, { config: { access: 'public' } }, async (request, reply) => {
            const answer = merchantAnswers.shift() ?? 200;
            received.push({ body: request.body as Buffer, signature: request.headers['x-signature'] as string | undefined });
            return reply.status(answer as number).send({ ok: answer === 200 });
          });
        });
        app.register(standInAcquirer, { prefix: BASE, merchantId: MERCHANT, secret: SECRET, deliver: deliverTo(app), retryDelaysMs: [0, 0, 0], delayedCallbackMs: 20 });
      },
    });
  });
  afterAll(() => t?.close());
  beforeEach(() => {
    attempts = [];
    received = [];
    merchantAnswers = [];
  });

  const paymentLink = (overrides: { amountTiyn?: number } = {}) => {
    const orderId = `duty-${randomUUID()}`;
    const url = client.paymentPageUrl({
      orderId,
      amountTiyn: overrides.amountTiyn ?? 129_750,
      description: 'State duty: claim & counterclaim',
      returnUrl: RETURN_URL,
      callbackUrl: `http://localhost${CALLBACK_PATH}`,
      at: TEST_NOW,
    });
    return { orderId, path: url.slice('http://localhost'.length) };
  };

  const decode = (text: string) => text.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

  /** Opens a page as a browser would and keeps what its form needs: the hidden fields and the CSRF cookie. */
  async function openForm(path: string, action: string, { lang = 'en', cookie = '' } = {}) {
    const page = await t.app.inject({ method: 'GET', url: path, headers: { 'accept-language': lang, ...(cookie ? { cookie } : {}) } });
    const start = page.body.indexOf(`action="${action}"`);
    const form = start >= 0 ? page.body.slice(start, page.body.indexOf('</form>', start)) : '';
    const hidden = Object.fromEntries([...form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, decode(m[2]!)]));
    const secret = /_csrf=([^;]+)/.exec(String(page.headers['set-cookie'] ?? ''))?.[1];
    return { page, hidden, cookie: [cookie, secret ? `_csrf=${secret}` : ''].filter(Boolean).join('; '), lang };
  }

  type OpenForm = Awaited<ReturnType<typeof openForm>>;

  const submit = (form: OpenForm, action: string, fields: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url: action,
      headers: { cookie: form.cookie, 'accept-language': form.lang, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ ...form.hidden, ...fields }).toString(),
    });

  const card = (cardNumber: string, more: Record<string, string> = {}) => ({ cardNumber, expiry: '12/30', cvc: '123', cardholder: 'AIGUL SERIKOVA', ...more });

  async function pay(cardNumber: string, more: Record<string, string> = {}) {
    const link = paymentLink();
    const form = await openForm(link.path, `${BASE}/pay`);
    const response = await submit(form, `${BASE}/pay`, card(cardNumber, more));
    return { ...link, form, response };
  }

  /** Every callback the merchant saw, checked as the merchant's own code would. */
  async function notifications(): Promise<AcquirerNotification[]> {
    await t.app.standInAcquirer.idle();
    return received.map(({ body, signature }) => {
      const parsed = client.parseNotification(body, signature);
      if (!parsed.ok) throw new Error(`callback refused: ${parsed.reason}`);
      return parsed.notification;
    });
  }

  it('shows the order, the amount in tenge, a test banner and a card form with autocomplete', async () => {
    const { page } = await openForm(paymentLink().path, `${BASE}/pay`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Test acquirer');
    expect(page.body).toContain('No real money moves');
    expect(page.body).toContain(formatTenge(1297.5, 'en'));
    expect(page.body).toContain('State duty: claim &amp; counterclaim');
    expect(page.body).toContain(MERCHANT);
    for (const [name, autocomplete] of [['cardNumber', 'cc-number'], ['expiry', 'cc-exp'], ['cvc', 'cc-csc'], ['cardholder', 'cc-name']]) {
      expect(page.body).toMatch(new RegExp(`<label class="govuk-label" for="${name}">`));
      expect(page.body).toMatch(new RegExp(`<input[^>]*id="${name}"[^>]*autocomplete="${autocomplete}"`));
    }
    expect(page.body).toMatch(/<input[^>]*id="cardNumber"[^>]*inputmode="numeric"/);
    expect(page.body).toMatch(/<select[^>]*id="behaviour"/);
  });

  it('approves the approving test card, sends the payer back and tells the merchant with a signed callback', async () => {
    const { orderId, response } = await pay(APPROVED);
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`${RETURN_URL}?orderId=${orderId}`);
    const [notification, ...more] = await notifications();
    expect(more).toEqual([]);
    expect(notification).toMatchObject({ merchantId: MERCHANT, orderId, status: 'paid', amountTiyn: 129_750, currency: 'KZT', cardMask: '411111******1111', at: TEST_NOW });
    expect(notification!.reference).toMatch(/^SBX-/);
    expect(attempts[0]!.url).toBe(`http://localhost${CALLBACK_PATH}`);
    expect(attempts[0]!.headers['content-type']).toBe('application/json');
  });

  it('never passes on or logs the card number', async () => {
    await pay(APPROVED);
    await t.app.standInAcquirer.idle();
    const everything = JSON.stringify({ attempts, logs: t.logs });
    expect(everything).not.toContain('4111111111111111');
    expect(everything).not.toContain('4111 1111 1111 1111');
  });

  it('declines the declining test card and says so to the merchant', async () => {
    const { orderId, response } = await pay(DECLINED);
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`${RETURN_URL}?orderId=${orderId}`);
    expect(await notifications()).toMatchObject([{ orderId, status: 'declined', cardMask: '400000******0002' }]);
  });

  it('declines a valid card number that is not a test card', async () => {
    const { orderId } = await pay('5555 5555 5555 4444');
    expect(await notifications()).toMatchObject([{ orderId, status: 'declined', cardMask: '555555******4444' }]);
  });

  it('asks for a one-time code for the 3-D Secure card and approves on the right code', async () => {
    const { orderId, form, response } = await pay(THREE_DS);
    expect(response.statusCode).toBe(303);
    const confirmUrl = response.headers.location as string;
    expect(confirmUrl).toMatch(new RegExp(`^${BASE}/3ds\\?id=[0-9a-f]{32}$`));
    expect(await notifications()).toEqual([]);
    const confirm = await openForm(confirmUrl, `${BASE}/3ds`, { cookie: form.cookie });
    expect(confirm.page.statusCode).toBe(200);
    expect(confirm.page.body).toContain('One-time code');
    const codeInput = /<input[^>]*id="code"[^>]*>/.exec(confirm.page.body)?.[0] ?? '';
    expect(codeInput).toContain('autocomplete="one-time-code"');
    expect(codeInput).toContain('inputmode="numeric"');
    const done = await submit(confirm, `${BASE}/3ds`, { code: '123456' });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`${RETURN_URL}?orderId=${orderId}`);
    expect(await notifications()).toMatchObject([{ orderId, status: 'paid', cardMask: '400000******3220' }]);
  });

  it('declines the 3-D Secure payment after three wrong codes and forgets the confirmation', async () => {
    const { orderId, form, response } = await pay(THREE_DS);
    const confirmUrl = response.headers.location as string;
    const confirm = await openForm(confirmUrl, `${BASE}/3ds`, { cookie: form.cookie });
    const first = await submit(confirm, `${BASE}/3ds`, { code: '000000' });
    expect(first.statusCode).toBe(400);
    expect(first.body).toContain('The code is not right. Tries left: 2');
    expect(first.body).toContain('href="#code"');
    expect((await submit(confirm, `${BASE}/3ds`, { code: '111111' })).body).toContain('Tries left: 1');
    const last = await submit(confirm, `${BASE}/3ds`, { code: '222222' });
    expect(last.statusCode).toBe(303);
    expect(last.headers.location).toBe(`${RETURN_URL}?orderId=${orderId}`);
    expect(await notifications()).toMatchObject([{ orderId, status: 'declined' }]);
    expect((await t.app.inject({ method: 'GET', url: confirmUrl })).statusCode).toBe(404);
    expect((await submit(confirm, `${BASE}/3ds`, { code: '123456' })).statusCode).toBe(404);
  });

  it('refuses a link with a bad signature and never shows the card form', async () => {
    const { path } = paymentLink();
    const tampered = path.replace('amount=129750', 'amount=100');
    expect(tampered).not.toBe(path);
    const forged = createAcquirerClient({ url: `http://localhost${BASE}`, merchantId: MERCHANT, secret: 'guessed-secret' }).paymentPageUrl({
      orderId: 'x',
      amountTiyn: 100,
      description: 'x',
      returnUrl: RETURN_URL,
      callbackUrl: RETURN_URL,
      at: TEST_NOW,
    });
    for (const url of [tampered, forged.slice('http://localhost'.length), `${BASE}/pay`]) {
      const page = await t.app.inject({ method: 'GET', url, headers: { 'accept-language': 'en' } });
      expect(page.statusCode, url).toBe(400);
      expect(page.body).toContain('This payment link is not valid');
      expect(page.body).not.toContain('name="cardNumber"');
    }
  });

  it('re-checks the signed order on submit, so a changed amount is refused without a callback', async () => {
    const link = paymentLink();
    const form = await openForm(link.path, `${BASE}/pay`);
    const response = await submit({ ...form, hidden: { ...form.hidden, amount: '100' } }, `${BASE}/pay`, card(APPROVED));
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('This payment link is not valid');
    expect(await notifications()).toEqual([]);
  });

  it('explains wrong card details next to each field, in Russian, without echoing the card number', async () => {
    const link = paymentLink();
    const form = await openForm(link.path, `${BASE}/pay`, { lang: 'ru' });
    const response = await submit(form, `${BASE}/pay`, { cardNumber: '4111 1111 1111 1112', expiry: '13/30', cvc: '12', cardholder: 'AIGUL SERIKOVA' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Номер карты неверен: проверьте цифры');
    expect(response.body).toContain('Введите срок действия как месяц и год, например 08/29');
    expect(response.body).toContain('Введите трёхзначный код безопасности с обратной стороны карты');
    for (const field of ['cardNumber', 'expiry', 'cvc']) {
      expect(response.body).toContain(`href="#${field}"`);
      expect(response.body).toContain(`id="${field}-error"`);
    }
    expect(response.body).not.toContain('cardholder-error');
    expect(response.body).toContain('value="AIGUL SERIKOVA"');
    expect(response.body).not.toContain('4111 1111 1111 1112');
    expect(await notifications()).toEqual([]);
  });

  it('takes a card through the end of its expiry month, in Kazakhstan time, and refuses it after', async () => {
    // TEST_NOW is 25 November 2026.
    const expired = await pay(APPROVED, { expiry: '10/26' });
    expect(expired.response.statusCode).toBe(400);
    expect(expired.response.body).toContain('The card has expired');
    const thisMonth = await pay(APPROVED, { expiry: '1126' });
    expect(thisMonth.response.statusCode).toBe(303);
    const missing = await pay('', { expiry: '' });
    expect(missing.response.body).toContain('Enter the card number');
    expect(missing.response.body).toContain('Enter the expiry date');
  });

  it('sends the very same signed body twice when asked to', async () => {
    const { orderId } = await pay(APPROVED, { behaviour: 'twice' });
    const seen = await notifications();
    expect(seen).toHaveLength(2);
    expect(seen.every((n) => n.orderId === orderId && n.status === 'paid')).toBe(true);
    expect(received[0]!.body.equals(received[1]!.body)).toBe(true);
    expect(received[0]!.signature).toBe(received[1]!.signature);
  });

  it('delays the callback when asked to, without holding up the payer', async () => {
    const { orderId, response } = await pay(APPROVED, { behaviour: 'delayed' });
    expect(response.statusCode).toBe(303);
    expect(attempts).toEqual([]);
    expect(await notifications()).toMatchObject([{ orderId, status: 'paid' }]);
  });

  it('retries after the merchant answers 500 or cannot be reached, until it acknowledges', async () => {
    merchantAnswers = [500, 'network'];
    const { orderId } = await pay(APPROVED);
    await t.app.standInAcquirer.idle();
    expect(attempts).toHaveLength(3);
    expect(new Set(attempts.map((a) => a.body)).size).toBe(1);
    // The merchant saw the first (answered 500) and the third; the second never reached it.
    expect(await notifications()).toMatchObject([{ orderId }, { orderId }]);
  });

  it('gives up after four attempts', async () => {
    merchantAnswers = [500, 502, 503, 500, 500];
    await pay(APPROVED);
    await t.app.standInAcquirer.idle();
    expect(attempts).toHaveLength(4);
    expect(merchantAnswers).toEqual([500]);
  });

  it('charges an order once: the link and a second submit then say it is paid', async () => {
    const { path, form } = await pay(APPROVED);
    await notifications();
    received = [];
    const again = await t.app.inject({ method: 'GET', url: path, headers: { 'accept-language': 'en' } });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('This order is already paid');
    expect(again.body).not.toContain('name="cardNumber"');
    const resubmit = await submit(form, `${BASE}/pay`, card(APPROVED));
    expect(resubmit.statusCode).toBe(409);
    expect(await notifications()).toEqual([]);
  });

  it('refuses a card form posted without the CSRF token', async () => {
    const link = paymentLink();
    const form = await openForm(link.path, `${BASE}/pay`);
    const { _csrf, ...withoutToken } = form.hidden;
    expect(_csrf).toBeTruthy();
    const noToken = await submit({ ...form, hidden: withoutToken }, `${BASE}/pay`, card(APPROVED));
    expect(noToken.statusCode).toBe(403);
    const noCookie = await submit({ ...form, cookie: '' }, `${BASE}/pay`, card(APPROVED));
    expect(noCookie.statusCode).toBe(403);
    expect(await notifications()).toEqual([]);
  });

  it('lets a signed-in payer pay, with the token the layout gives', async () => {
    const user = await signedInUser(t.database.db, { lang: 'en' });
    const link = paymentLink();
    const form = await openForm(link.path, `${BASE}/pay`, { cookie: user.cookie });
    const response = await submit(form, `${BASE}/pay`, card(APPROVED));
    expect(response.statusCode).toBe(303);
    expect(await notifications()).toMatchObject([{ orderId: link.orderId, status: 'paid' }]);
  });
});
