/**
 * Client for a card acquirer's hosted payment page, in the shape Kazakh acquirers use: the
 * merchant sends the payer to a signed URL, the acquirer takes the card on its own page and
 * reports the outcome to the merchant's server in a signed JSON callback. Both signatures are
 * hex HMAC-SHA256 with the merchant's shared secret. No network here: the client only builds
 * and checks messages, so the routes that use it stay testable.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import Type, { type Static } from 'typebox';
import { Value } from 'typebox/value';

export interface AcquirerConfig {
  /** The acquirer's base URL; the payment page is `${url}/pay`. */
  url: string;
  merchantId: string;
  secret: string;
}

export interface PaymentOrder {
  /** The merchant's own id of the payment; the acquirer charges an order at most once. */
  orderId: string;
  amountTiyn: number;
  description: string;
  returnUrl: string;
  callbackUrl: string;
  at: Date;
}

/** Query parameters of the payment page besides `signature`, in the order people read them. */
export const PAYMENT_PAGE_PARAMS = ['merchantId', 'orderId', 'amount', 'currency', 'description', 'returnUrl', 'callbackUrl', 'timestamp'] as const;
export type PaymentPageParam = (typeof PAYMENT_PAGE_PARAMS)[number];
export type PaymentPageParams = Record<PaymentPageParam, string>;

export const CURRENCY = 'KZT';

/** The callback's JSON body, exactly: anything more (a card number, say) makes it malformed. */
export const NotificationBody = Type.Object(
  {
    merchantId: Type.String({ minLength: 1, maxLength: 64 }),
    orderId: Type.String({ minLength: 1, maxLength: 64 }),
    status: Type.Enum(['paid', 'declined']),
    amount: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
    currency: Type.Literal(CURRENCY),
    reference: Type.String({ minLength: 1, maxLength: 64 }),
    cardMask: Type.String({ pattern: '^[0-9]{6}\\*{2,9}[0-9]{4}$' }),
    at: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);
export type NotificationBody = Static<typeof NotificationBody>;

export interface AcquirerNotification {
  merchantId: string;
  orderId: string;
  status: 'paid' | 'declined';
  amountTiyn: number;
  currency: typeof CURRENCY;
  /** The acquirer's transaction id, for reconciliation and disputes. */
  reference: string;
  cardMask: string;
  at: Date;
}

export type NotificationRejection = 'bad_signature' | 'malformed' | 'wrong_merchant';
export type ParsedNotification = { ok: true; notification: AcquirerNotification } | { ok: false; reason: NotificationRejection };

export interface AcquirerClient {
  /** Where to send the payer (with a 303): the acquirer's page for this order, signed. */
  paymentPageUrl(order: PaymentOrder): string;
  /** Checks a callback's signature over its raw bytes, then its fields and merchant. */
  parseNotification(rawBody: Buffer | string, signatureHeader: string | undefined): ParsedNotification;
}

/**
 * The signed text of the page parameters: every one but `signature`, sorted by name in code-unit
 * order (locale-independent), `name=value` with the value percent-encoded, joined with `&`.
 */
export function canonicalString(params: Readonly<Record<string, string>>): string {
  return Object.keys(params)
    .filter((name) => name !== 'signature')
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => `${name}=${encodeURIComponent(params[name]!)}`)
    .join('&');
}

function hmac(secret: string, data: Buffer | string): Buffer {
  return createHmac('sha256', secret).update(data).digest();
}

export function signParams(secret: string, params: Readonly<Record<string, string>>): string {
  return hmac(secret, canonicalString(params)).toString('hex');
}

export function signBody(secret: string, rawBody: Buffer | string): string {
  return hmac(secret, rawBody).toString('hex');
}

const HEX_SHA256 = /^[0-9a-fA-F]{64}$/;

/**
 * Constant-time check of a hex signature. A malformed one is still compared, against zeros of
 * the right length, so how long the answer takes says nothing about the expected value.
 */
function signatureMatches(expected: Buffer, given: string | undefined): boolean {
  const wellFormed = typeof given === 'string' && HEX_SHA256.test(given);
  const candidate = wellFormed ? Buffer.from(given, 'hex') : Buffer.alloc(expected.length);
  return timingSafeEqual(candidate, expected) && wellFormed;
}

/** Whether `params.signature` signs the other parameters: what the acquirer checks on its page. */
export function verifyParams(secret: string, params: Readonly<Record<string, string>>): boolean {
  return signatureMatches(hmac(secret, canonicalString(params)), params['signature']);
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return undefined;
  }
}

export function createAcquirerClient({ url, merchantId, secret }: AcquirerConfig): AcquirerClient {
  const pageUrl = `${url.replace(/\/+$/, '')}/pay`;
  return {
    paymentPageUrl(order) {
      if (!Number.isSafeInteger(order.amountTiyn) || order.amountTiyn < 1) throw new RangeError(`Amount must be a positive whole number of tiyn: ${order.amountTiyn}`);
      const params: PaymentPageParams = {
        merchantId,
        orderId: order.orderId,
        amount: String(order.amountTiyn),
        currency: CURRENCY,
        description: order.description,
        returnUrl: order.returnUrl,
        callbackUrl: order.callbackUrl,
        timestamp: order.at.toISOString(),
      };
      const query = new URLSearchParams({ ...params, signature: signParams(secret, params) });
      return `${pageUrl}?${query.toString()}`;
    },

    parseNotification(rawBody, signatureHeader) {
      const raw = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody;
      // The signature covers the bytes as sent; nothing unsigned is even parsed.
      if (!signatureMatches(hmac(secret, raw), signatureHeader)) return { ok: false, reason: 'bad_signature' };
      const body = parseJson(raw);
      if (!Value.Check(NotificationBody, body)) return { ok: false, reason: 'malformed' };
      if (body.merchantId !== merchantId) return { ok: false, reason: 'wrong_merchant' };
      return {
        ok: true,
        notification: {
          merchantId: body.merchantId,
          orderId: body.orderId,
          status: body.status,
          amountTiyn: body.amount,
          currency: body.currency,
          reference: body.reference,
          cardMask: body.cardMask,
          at: new Date(body.at),
        },
      };
    },
  };
}
