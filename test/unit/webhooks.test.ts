import { describe, expect, it } from 'vitest';
import { verifyWebhook } from '../../docs/examples/verify-webhook.mjs';
import {
  attemptVerdict,
  nextAttemptAt,
  organisationMayReceive,
  publicEventData,
  retryScheduleMinutes,
  webhookPayload,
  webhookSignature,
  webhookSignatureValid,
  webhookUrlProblem,
  WEBHOOK_MAX_ATTEMPTS,
} from '../../src/domain/webhooks.ts';

const SECRET = `whsec_${'0f'.repeat(32)}`;
const BANK = '6f1c2a4e-0000-4000-8000-000000000001';

describe('which events an organisation receives', () => {
  const facts = { partyOrganisationIds: [BANK], closedHearing: false };
  it('sends the subscribed kinds of the cases the organisation takes part in', () => {
    expect(organisationMayReceive(BANK, ['status_changed'], 'status_changed', facts)).toBe(true);
  });
  it('sends nothing of a case the organisation is not a party to', () => {
    expect(organisationMayReceive(BANK, ['status_changed'], 'status_changed', { partyOrganisationIds: ['another'], closedHearing: false })).toBe(false);
  });
  it('sends no kind it did not subscribe to, nor a kind Sot does not offer', () => {
    expect(organisationMayReceive(BANK, ['status_changed'], 'hearing_scheduled', facts)).toBe(false);
    expect(organisationMayReceive(BANK, ['audit.secret'], 'audit.secret', facts)).toBe(false);
  });
});

describe('what a delivery carries', () => {
  it('keeps ids, statuses and dates and drops free text, IINs, fingerprints and unknown fields', () => {
    const data = { from: 'registered', to: 'assigned', reason: 'болезнь судьи', iin: '800101300123', sha256: 'ab'.repeat(32), talonNumber: '800101300123', documentId: '12345678-1234-4234-8234-123456789012', note: { nested: true } };
    expect(publicEventData(data, false)).toEqual({ from: 'registered', to: 'assigned', documentId: '12345678-1234-4234-8234-123456789012' });
  });
  it('says nothing of a document’s content in closed proceedings', () => {
    const data = { documentId: 'd', kind: 'decision', decisionForm: 'full', outcome: 'granted' };
    expect(publicEventData(data, true)).toEqual({ documentId: 'd' });
    expect(publicEventData(data, false)).toEqual(data);
  });
  it('builds the documented payload', () => {
    const payload = webhookPayload('delivery-1', { eventId: 7, type: 'status_changed', occurredAt: new Date('2026-11-25T05:00:00Z'), data: { to: 'assigned' }, caseId: 'c', caseNumber: '7517-26-00-2/1', courtCode: '7517', caseKind: 'civil', caseStatus: 'assigned', closedHearing: false });
    expect(payload).toEqual({ id: 'delivery-1', type: 'status_changed', occurredAt: '2026-11-25T05:00:00.000Z', eventId: 7, case: { id: 'c', number: '7517-26-00-2/1', court: '7517', kind: 'civil', status: 'assigned' }, data: { to: 'assigned' } });
  });
});

describe('the signature', () => {
  it('is the HMAC-SHA256 of "id.timestamp.body" under the secret’s bytes, as the documented openssl line computes', () => {
    // printf '%s' 'msg_1.1764046800.{"a":1}' | openssl dgst -sha256 -mac HMAC -macopt hexkey:0f0f…0f
    expect(webhookSignature(SECRET, 'msg_1', 1764046800, '{"a":1}')).toBe('v1=eef1d9fffcd0064132e33eba09d0220ed9016fdb02e0af1d1ea3c51ae9de4b88');
  });
  it('is checked by the documented verification code, and any change of id, time or body breaks it', () => {
    const now = 1764046800_000;
    const ts = now / 1000;
    const body = '{"id":"msg_1"}';
    const headers = { 'sot-webhook-id': 'msg_1', 'sot-webhook-timestamp': String(ts), 'sot-webhook-signature': webhookSignature(SECRET, 'msg_1', ts, body) };
    expect(verifyWebhook({ secret: SECRET, headers, body, now })).toEqual({ ok: true, id: 'msg_1' });
    expect(verifyWebhook({ secret: SECRET, headers: { ...headers, 'sot-webhook-id': 'msg_2' }, body, now })).toMatchObject({ ok: false, reason: 'bad_signature' });
    expect(verifyWebhook({ secret: SECRET, headers, body: '{"id":"msg_2"}', now })).toMatchObject({ ok: false, reason: 'bad_signature' });
    expect(verifyWebhook({ secret: `whsec_${'1f'.repeat(32)}`, headers, body, now })).toMatchObject({ ok: false, reason: 'bad_signature' });
    expect(verifyWebhook({ secret: SECRET, headers, body, now: now + 301_000 })).toMatchObject({ ok: false, reason: 'stale' });
    expect(verifyWebhook({ secret: SECRET, headers, body, now: now - 301_000 })).toMatchObject({ ok: false, reason: 'stale' });
    expect(webhookSignatureValid(SECRET, 'msg_1', ts, body, `v1=${'0'.repeat(64)} ${headers['sot-webhook-signature']}`)).toBe(true);
    expect(webhookSignatureValid(SECRET, 'msg_1', ts + 1, body, headers['sot-webhook-signature'])).toBe(false);
  });
});

describe('the endpoint', () => {
  it('takes HTTPS, and plain HTTP only to this machine where allowed', () => {
    expect(webhookUrlProblem('https://bank.kz/hooks/sot', false)).toBeNull();
    expect(webhookUrlProblem('http://bank.kz/hooks', true)).toBe('scheme');
    expect(webhookUrlProblem('http://127.0.0.1:8080/hooks', false)).toBe('scheme');
    expect(webhookUrlProblem('http://127.0.0.1:8080/hooks', true)).toBeNull();
    expect(webhookUrlProblem('ftp://bank.kz/', true)).toBe('scheme');
  });
  it('refuses credentials, fragments, nonsense and length', () => {
    expect(webhookUrlProblem('https://u:p@bank.kz/', false)).toBe('credentials');
    expect(webhookUrlProblem('https://token@bank.kz/', false)).toBe('credentials');
    expect(webhookUrlProblem('https://bank.kz/#x', false)).toBe('invalid');
    expect(webhookUrlProblem('bank.kz/hooks', false)).toBe('invalid');
    expect(webhookUrlProblem(`https://bank.kz/${'a'.repeat(500)}`, false)).toBe('too_long');
  });
});

describe('attempts and retries', () => {
  it('delivers on 2xx, retries the receiver’s trouble and gives up on other refusals', () => {
    expect(attemptVerdict({ kind: 'status', status: 204 })).toBe('delivered');
    for (const status of [500, 502, 503, 408, 429]) expect(attemptVerdict({ kind: 'status', status })).toBe('retry');
    expect(attemptVerdict({ kind: 'timeout' })).toBe('retry');
    expect(attemptVerdict({ kind: 'network' })).toBe('retry');
    for (const status of [400, 401, 404, 410, 301]) expect(attemptVerdict({ kind: 'status', status })).toBe('refused');
  });
  it('waits longer after each failure, about a day in all, then stops', () => {
    const from = new Date('2026-11-25T05:00:00Z');
    const waits = Array.from({ length: WEBHOOK_MAX_ATTEMPTS - 1 }, (_, i) => (nextAttemptAt(i + 1, from, 0)!.getTime() - from.getTime()) / 60_000);
    expect(waits).toEqual([...retryScheduleMinutes()]);
    for (let i = 1; i < waits.length; i++) expect(waits[i]!).toBeGreaterThan(waits[i - 1]!);
    const total = waits.reduce((a, b) => a + b, 0) / 60;
    expect(total).toBeGreaterThan(20);
    expect(total).toBeLessThan(26);
    expect(nextAttemptAt(WEBHOOK_MAX_ATTEMPTS, from, 0)).toBeNull();
  });
  it('spreads retries by up to a fifth of the wait', () => {
    const from = new Date(0);
    expect(nextAttemptAt(1, from, 0)!.getTime()).toBe(60_000);
    expect(nextAttemptAt(1, from, 0.5)!.getTime()).toBe(66_000);
    expect(nextAttemptAt(1, from, 0.999999)!.getTime()).toBeLessThan(72_000);
  });
});
