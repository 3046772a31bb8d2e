// Checking a webhook from Sot, in Node (no packages needed). Sot's own tests run this file
// against real deliveries (test/db/webhooks.test.ts), so it stays correct.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** A request older (or further in the future) than this is refused as a replay. */
export const TOLERANCE_SECONDS = 5 * 60;

/**
 * Checks one request: the three Sot-Webhook-* headers and the raw body exactly as received
 * (before any JSON parsing). `secret` is the `whsec_…` string the court's administrator gave you.
 * Returns { ok: true, id } or { ok: false, reason }.
 */
export function verifyWebhook({ secret, headers, body, now = Date.now() }) {
  const id = headers['sot-webhook-id'];
  const timestamp = headers['sot-webhook-timestamp'];
  const signatures = headers['sot-webhook-signature'];
  if (typeof id !== 'string' || typeof timestamp !== 'string' || typeof signatures !== 'string') return { ok: false, reason: 'missing_headers' };
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(now / 1000 - Number(timestamp)) > TOLERANCE_SECONDS) return { ok: false, reason: 'stale' };
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'hex');
  const expected = Buffer.from(`v1=${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('hex')}`);
  const matches = signatures.split(' ').some((given) => {
    const candidate = Buffer.from(given);
    return candidate.length === expected.length && timingSafeEqual(candidate, expected);
  });
  return matches ? { ok: true, id } : { ok: false, reason: 'bad_signature' };
}

/**
 * A receiver: verifies, drops what it has already processed (Sot sends the same id again after a
 * lost answer, a retry or a re-send), then processes. `seen` must outlive the process in real use
 * (a table with the id as its primary key, written in the same transaction as the processing).
 * Answers with the HTTP status to send back: 2xx tells Sot to stop sending this id.
 */
export function createWebhookReceiver({ secret, process, seen = new Set(), now = () => Date.now() }) {
  return async function receive(headers, body) {
    const verdict = verifyWebhook({ secret, headers, body, now: now() });
    if (!verdict.ok) return { status: verdict.reason === 'bad_signature' ? 401 : 400, outcome: 'refused', reason: verdict.reason };
    if (seen.has(verdict.id)) return { status: 200, outcome: 'duplicate' };
    await process(JSON.parse(body));
    seen.add(verdict.id);
    return { status: 200, outcome: 'processed' };
  };
}
