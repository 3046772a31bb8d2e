/**
 * SMS through an HTTP gateway: `POST {SMS_GATEWAY_URL}/messages` with JSON
 * `{ to, text, reference, callbackUrl }` and `Authorization: Bearer {SMS_GATEWAY_KEY}`; the answer
 * `{ id }` is the gateway's message id, which its delivery reports name. `reference` (the
 * notification's id, also sent as `Idempotency-Key`) lets the gateway drop a resend after an
 * answer that never arrived. 5xx, 429, timeouts and network errors are temporary; other 4xx are final.
 *
 * Delivery reports come back to `POST /api/v1/sms/delivery-reports` as JSON
 * `{ messageId, status: "delivered" | "failed", error? }`, signed with
 * `X-Sot-Signature: sha256=<hex HMAC-SHA256 of the raw body under SMS_GATEWAY_KEY>`.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { DeliveryError, type OutgoingSms, type SmsSender } from '../delivery.ts';

export const SIGNATURE_HEADER = 'x-sot-signature';

export function signDeliveryReport(key: string, rawBody: string | Buffer): string {
  return `sha256=${createHmac('sha256', key).update(rawBody).digest('hex')}`;
}

export function deliveryReportSignatureValid(key: string, rawBody: Buffer, header: string | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(signDeliveryReport(key, rawBody));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Gateways take the number as digits with its country code; people write it with spaces, dashes and brackets. */
export function e164(phone: string): string {
  return phone.replace(/[\s()-]/g, '');
}

export function createSmsGateway(options: { url: string; key: string; callbackUrl: string; timeoutMs: number }): SmsSender {
  return {
    async send(message: OutgoingSms) {
      let response: Response;
      try {
        response = await fetch(`${options.url}/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${options.key}`, 'idempotency-key': message.reference },
          body: JSON.stringify({ to: e164(message.to), text: message.text, reference: message.reference, callbackUrl: options.callbackUrl }),
          signal: AbortSignal.timeout(options.timeoutMs),
          redirect: 'error',
        });
      } catch (error) {
        const timedOut = (error as Error).name === 'TimeoutError';
        throw new DeliveryError(timedOut ? `SMS gateway did not answer within ${options.timeoutMs} ms` : 'SMS gateway unreachable', false);
      }
      const payload = (await response.json().catch(() => null)) as { id?: unknown; error?: unknown } | null;
      if (response.status >= 500 || response.status === 429) throw new DeliveryError(`SMS gateway ${response.status}: temporary failure`, false);
      if (!response.ok) {
        const reason = typeof payload?.error === 'string' ? payload.error.slice(0, 200) : 'rejected';
        throw new DeliveryError(`SMS gateway ${response.status}: ${reason}`, true);
      }
      if (typeof payload?.id !== 'string' || payload.id.length === 0 || payload.id.length > 200) throw new DeliveryError('SMS gateway answered without a message id', false);
      return { providerMessageId: payload.id };
    },
  };
}
