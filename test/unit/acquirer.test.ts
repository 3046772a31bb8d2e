import { describe, expect, it } from 'vitest';
import { canonicalString, createAcquirerClient, signBody, signParams, verifyParams, type NotificationBody } from '../../src/adapters/payments/acquirer.ts';

const SECRET = 'merchant-secret-0123456789';
const config = { url: 'https://acquirer.example.kz/', merchantId: 'SOT-COURTS', secret: SECRET };
const client = createAcquirerClient(config);

const order = {
  orderId: 'duty-2026-000042',
  amountTiyn: 129_750,
  description: 'Госпошлина: иск о взыскании & прочее',
  returnUrl: 'https://sot.example.kz/cabinet/payments/return?x=1',
  callbackUrl: 'https://sot.example.kz/api/v1/payments/callback',
  at: new Date('2026-11-25T05:00:00Z'),
};

/** The query of a payment page URL as the acquirer would read it. */
function pageParams(url: string): Record<string, string> {
  return Object.fromEntries(new URL(url).searchParams);
}

function notification(overrides: Partial<Record<keyof NotificationBody, unknown>> & Record<string, unknown> = {}): string {
  return JSON.stringify({
    merchantId: 'SOT-COURTS',
    orderId: 'duty-2026-000042',
    status: 'paid',
    amount: 129_750,
    currency: 'KZT',
    reference: 'SBX-1',
    cardMask: '411111******1111',
    at: '2026-11-25T05:01:00.000Z',
    ...overrides,
  });
}

describe('payment page signature', () => {
  it('is deterministic and does not depend on the order of the parameters', () => {
    const params = { b: '2', a: 'x y', c: 'ä&=' };
    const reordered = { c: 'ä&=', a: 'x y', b: '2' };
    expect(signParams(SECRET, params)).toBe(signParams(SECRET, reordered));
    expect(signParams(SECRET, params)).toMatch(/^[0-9a-f]{64}$/);
    expect(canonicalString(params)).toBe('a=x%20y&b=2&c=%C3%A4%26%3D');
  });

  it('leaves the signature itself out of the signed text', () => {
    expect(canonicalString({ a: '1', signature: 'ff' })).toBe('a=1');
  });

  it('sorts by code unit, not by locale, so both sides agree', () => {
    expect(canonicalString({ b: '1', B: '2', a: '3' })).toBe('B=2&a=3&b=1');
  });

  it('builds a page URL the acquirer verifies, with every parameter of the order', () => {
    const url = client.paymentPageUrl(order);
    expect(url.startsWith('https://acquirer.example.kz/pay?')).toBe(true);
    const params = pageParams(url);
    expect(params).toMatchObject({
      merchantId: 'SOT-COURTS',
      orderId: order.orderId,
      amount: '129750',
      currency: 'KZT',
      description: order.description,
      returnUrl: order.returnUrl,
      callbackUrl: order.callbackUrl,
      timestamp: '2026-11-25T05:00:00.000Z',
    });
    expect(verifyParams(SECRET, params)).toBe(true);
  });

  it.each(['merchantId', 'orderId', 'amount', 'currency', 'description', 'returnUrl', 'callbackUrl', 'timestamp'])('fails when %s is changed', (name) => {
    const params = pageParams(client.paymentPageUrl(order));
    expect(verifyParams(SECRET, { ...params, [name]: `${params[name]}0` })).toBe(false);
  });

  it('fails with another secret, a missing signature or a malformed one', () => {
    const params = pageParams(client.paymentPageUrl(order));
    expect(verifyParams('another-secret', params)).toBe(false);
    const { signature, ...unsigned } = params;
    expect(verifyParams(SECRET, unsigned)).toBe(false);
    expect(verifyParams(SECRET, { ...unsigned, signature: signature!.slice(0, 63) })).toBe(false);
    expect(verifyParams(SECRET, { ...unsigned, signature: `${signature!}00` })).toBe(false);
    expect(verifyParams(SECRET, { ...unsigned, signature: signature!.toUpperCase() })).toBe(true);
  });

  it('refuses an amount that is not a positive whole number of tiyn', () => {
    expect(() => client.paymentPageUrl({ ...order, amountTiyn: 12.5 })).toThrow(RangeError);
    expect(() => client.paymentPageUrl({ ...order, amountTiyn: 0 })).toThrow(RangeError);
  });
});

describe('callback from the acquirer', () => {
  it('accepts a signed body and gives the notification with amount in tiyn and a date', () => {
    const body = notification();
    const result = client.parseNotification(Buffer.from(body), signBody(SECRET, body));
    expect(result).toEqual({
      ok: true,
      notification: {
        merchantId: 'SOT-COURTS',
        orderId: 'duty-2026-000042',
        status: 'paid',
        amountTiyn: 129_750,
        currency: 'KZT',
        reference: 'SBX-1',
        cardMask: '411111******1111',
        at: new Date('2026-11-25T05:01:00Z'),
      },
    });
  });

  it('checks the signature over the raw bytes, so re-serialised JSON does not pass', () => {
    const body = notification();
    const spaced = JSON.stringify(JSON.parse(body), null, 1);
    expect(client.parseNotification(spaced, signBody(SECRET, body))).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['odd length', 'abc'],
    ['not hex', 'z'.repeat(64)],
    ['too long', 'a'.repeat(66)],
    ['too short', 'a'.repeat(62)],
  ])('refuses a %s signature header', (_name, header) => {
    expect(client.parseNotification(notification(), header)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('refuses a body signed with another secret or changed after signing', () => {
    const body = notification();
    expect(client.parseNotification(body, signBody('another-secret', body))).toEqual({ ok: false, reason: 'bad_signature' });
    const tampered = body.replace('"paid"', '"PAID"');
    expect(client.parseNotification(tampered, signBody(SECRET, body))).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it.each<[string, string]>([
    ['not JSON', '{"merchantId":'],
    ['an array', '[]'],
    ['an amount as a string', notification({ amount: '129750' })],
    ['a fractional amount', notification({ amount: 1297.5 })],
    ['an unknown status', notification({ status: 'refunded' })],
    ['another currency', notification({ currency: 'USD' })],
    ['a full card number', notification({ cardMask: '4111111111111111' })],
    ['an extra card number field', notification({ cardNumber: '4111111111111111' })],
    ['no reference', notification({ reference: undefined })],
    ['a date that is not a date', notification({ at: 'yesterday' })],
  ])('calls a signed body with %s malformed', (_name, body) => {
    expect(client.parseNotification(body, signBody(SECRET, body))).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuses a well-signed notification for another merchant', () => {
    const body = notification({ merchantId: 'SOMEONE-ELSE' });
    expect(client.parseNotification(body, signBody(SECRET, body))).toEqual({ ok: false, reason: 'wrong_merchant' });
  });
});
