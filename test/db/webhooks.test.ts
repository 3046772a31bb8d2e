import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomInt } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebhookReceiver, type ReceiveResult } from '../../docs/examples/verify-webhook.mjs';
import { auditLog, cases, courts, events, organisations, parties, webhookAttempts, webhookDeliveries, webhookFanout, webhookSubscriptions } from '../../src/db/schema/index.ts';
import { webhookSignature } from '../../src/domain/webhooks.ts';
import { deliverDueWebhooks, fanOutWebhookEvents, SETTLE_MS } from '../../src/jobs/webhooks.ts';
import { createTestApp, TEST_NOW, type TestApp } from '../support/app.ts';
import { describeDb, testDbKind } from '../support/db.ts';
import { formSession } from '../support/forms.ts';
import { signedInUser, type TestUser } from '../support/sessions.ts';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  result: ReceiveResult | { status: number; outcome: 'failed_on_purpose' };
}

/**
 * An organisation's endpoint on this machine, checking every request with the verification code
 * docs/webhooks.md shows. `failNext` answers 500 that many times first; `answer` overrides the
 * status (a 4xx the organisation gives for good).
 */
class TestReceiver {
  server!: Server;
  url = '';
  secret = '';
  failNext = 0;
  answer: number | null = null;
  now = () => TEST_NOW.getTime();
  received: Received[] = [];
  processed: { id: string; type: string; [key: string]: unknown }[] = [];
  seen = new Set<string>();

  async start() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        void (async () => {
          const body = Buffer.concat(chunks).toString('utf8');
          let result: Received['result'];
          if (this.failNext > 0) {
            this.failNext--;
            result = { status: 500, outcome: 'failed_on_purpose' };
          } else if (this.answer !== null) {
            result = { status: this.answer, outcome: 'failed_on_purpose' };
          } else {
            const receive = createWebhookReceiver({ secret: this.secret, seen: this.seen, now: this.now, process: (event) => void this.processed.push(event as (typeof this.processed)[number]) });
            result = await receive(req.headers, body);
          }
          this.received.push({ headers: req.headers, body, result });
          res.writeHead(result.status, { 'content-type': 'text/plain' }).end(result.outcome);
        })();
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/sot-events`;
  }

  /** Sends a request again as an attacker who captured it would. */
  replay(request: Received, headers: Record<string, string> = {}) {
    const keep = ['sot-webhook-id', 'sot-webhook-timestamp', 'sot-webhook-signature'] as const;
    return fetch(this.url, { method: 'POST', headers: { 'content-type': 'application/json', ...Object.fromEntries(keep.map((h) => [h, String(request.headers[h])])), ...headers }, body: request.body });
  }
}

describeDb(`organisations' webhooks (${testDbKind})`, () => {
  let t: TestApp;
  let sysadmin: TestUser;
  let citizen: TestUser;
  let now = TEST_NOW;
  const receiver = new TestReceiver();
  let bank: { id: string; bin: string };
  let other: { id: string; bin: string };
  let subscriptionId = '';
  let courtId = '';

  const freshBin = () => `26${String(randomInt(0, 10_000_000_000)).padStart(10, '0')}`;
  const deliver = () => deliverDueWebhooks({ db: t.database.db, log: t.app.log, sealKey: t.app.config.webhooks.sealKey, clock: () => now, random: () => 0.5, timeoutMs: 2_000 });
  const fanOut = () => fanOutWebhookEvents(t.database.db, now);

  async function form(url: string, body: Record<string, string | string[]>, page = '/admin/webhooks', who = sysadmin) {
    const { token, cookie } = formSession(await t.app.inject({ method: 'GET', url: page, headers: { cookie: who.cookie } }), who.cookie);
    const params = new URLSearchParams({ _csrf: token });
    for (const [k, v] of Object.entries(body)) for (const one of [v].flat()) params.append(k, one);
    return t.app.inject({ method: 'POST', url, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: params.toString() });
  }

  /** A case in which `organisationId` takes part (or nobody's organisation), with one event on its timeline. */
  async function caseWithEvent(organisationId: string | null, type: string, data: Record<string, unknown>, closedHearing = false) {
    const db = t.database.db;
    const [c] = await db.insert(cases).values({ courtId, kind: 'civil', category: 'property', instance: 1, status: 'registered', number: `7517-26-00-2/${randomInt(1, 999_999)}`, closedHearing }).returning({ id: cases.id });
    await db.insert(parties).values({ caseId: c!.id, role: 'defendant', organisationId, displayName: 'АО «Тест Банк»' });
    await db.insert(parties).values({ caseId: c!.id, role: 'claimant', iin: '800101300123', displayName: 'Иванов Иван' });
    const [e] = await db.insert(events).values({ caseId: c!.id, type, occurredAt: now, data }).returning({ id: events.id });
    return { caseId: c!.id, eventId: e!.id };
  }

  const deliveriesOf = (eventId: number) => t.database.db.select().from(webhookDeliveries).where(and(eq(webhookDeliveries.subscriptionId, subscriptionId), eq(webhookDeliveries.eventId, eventId)));

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    const db = t.database.db;
    sysadmin = await signedInUser(db, { roles: [{ role: 'system_admin', courtId: null }], lang: 'en' });
    citizen = await signedInUser(db, { lang: 'en' });
    [bank] = await db.insert(organisations).values({ bin: freshBin(), name: 'АО «Тест Банк»' }).returning({ id: organisations.id, bin: organisations.bin }) as [{ id: string; bin: string }];
    [other] = await db.insert(organisations).values({ bin: freshBin(), name: 'ТОО «Другое»' }).returning({ id: organisations.id, bin: organisations.bin }) as [{ id: string; bin: string }];
    courtId = (await db.select({ id: courts.id }).from(courts).limit(1))[0]!.id;
    await receiver.start();
    // Seeding the demo's courts takes a while on a busy machine.
  }, 180_000);
  afterAll(async () => {
    receiver.server?.close();
    await t?.close();
  });

  describe('the administrators’ page', () => {
    it('is for system administrators only', async () => {
      for (const url of ['/admin/webhooks', `/admin/webhooks/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`]) {
        expect([403, 404]).toContain((await t.app.inject({ method: 'GET', url, headers: { cookie: citizen.cookie } })).statusCode);
        expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(303);
      }
      const courtAdmin = await signedInUser(t.database.db, { roles: [{ role: 'court_admin', courtId }], lang: 'en' });
      expect([403, 404]).toContain((await t.app.inject({ method: 'GET', url: '/admin/webhooks', headers: { cookie: courtAdmin.cookie } })).statusCode);
      expect((await t.app.inject({ method: 'GET', url: '/admin/webhooks', headers: { cookie: sysadmin.cookie } })).statusCode).toBe(200);
    });

    it('refuses an address that is not HTTPS, carries credentials, or an organisation Sot does not know', async () => {
      const plain = await form('/admin/webhooks', { bin: bank.bin, url: 'http://bank.example.kz/hook', eventTypes: 'status_changed' });
      expect(plain.statusCode).toBe(400);
      expect(plain.body).toContain('The address must start with https://');
      const credentials = await form('/admin/webhooks', { bin: bank.bin, url: 'https://user:pw@bank.example.kz/hook', eventTypes: 'status_changed' });
      expect(credentials.body).toContain('must not contain a user name or password');
      const unknown = await form('/admin/webhooks', { bin: '999999999999', url: 'https://bank.example.kz/hook', eventTypes: 'status_changed' });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.body).toContain('Enter the BIN of an organisation known to Sot');
      const none = await form('/admin/webhooks', { bin: bank.bin, url: 'https://bank.example.kz/hook' });
      expect(none.body).toContain('Select at least one event');
    });

    it('registers a webhook, shows its secret once and audits it without the secret', async () => {
      const created = await form('/admin/webhooks', { bin: bank.bin, url: receiver.url, eventTypes: ['status_changed', 'hearing_scheduled'] });
      expect(created.statusCode).toBe(201);
      expect(created.headers['cache-control']).toBe('no-store');
      receiver.secret = /whsec_[0-9a-f]{64}/.exec(created.body)![0];
      subscriptionId = /\/admin\/webhooks\/([0-9a-f-]{36})/.exec(created.body)![1]!;
      const page = await t.app.inject({ method: 'GET', url: '/admin/webhooks', headers: { cookie: sysadmin.cookie } });
      expect(page.body).toContain(receiver.url);
      expect(page.body).not.toContain(receiver.secret);
      const [audit] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'webhook.registered'), eq(auditLog.entityId, subscriptionId)));
      expect(audit!.data).toMatchObject({ organisationId: bank.id, url: receiver.url });
      expect(JSON.stringify(audit)).not.toContain(receiver.secret.slice(6));
      // The fan-out starts at the present.
      await fanOut();
    });
  });

  describe('delivery', () => {
    let firstRequest: Received;
    let deliveryId = '';

    it('sends each event of the organisation’s cases once, retries after a 500, and the receiver processes it once', async () => {
      const mine = await caseWithEvent(bank.id, 'status_changed', { from: 'registered', to: 'assigned', reason: 'болезнь судьи Петрова', iin: '800101300123', sha256: 'ab'.repeat(32) });
      const notMine = await caseWithEvent(other.id, 'status_changed', { from: 'registered', to: 'assigned' });
      const notSubscribed = await caseWithEvent(bank.id, 'judge_assigned', { judgeId: sysadmin.id });
      expect(await fanOut()).toBe(1);
      // Looking again queues nothing twice.
      expect(await fanOut()).toBe(0);
      expect(await deliveriesOf(notMine.eventId)).toHaveLength(0);
      expect(await deliveriesOf(notSubscribed.eventId)).toHaveLength(0);
      const [queued] = await deliveriesOf(mine.eventId);
      deliveryId = queued!.id;

      receiver.failNext = 1;
      expect(await deliver()).toBe(1);
      let [row] = await deliveriesOf(mine.eventId);
      expect(row).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 500 });
      // One minute and a tenth of it (the jitter of 0.5), not sooner.
      expect(row!.nextAttemptAt.getTime()).toBe(now.getTime() + 66_000);
      expect(await deliver()).toBe(0);

      now = new Date(now.getTime() + 2 * 60_000);
      expect(await deliver()).toBe(1);
      [row] = await deliveriesOf(mine.eventId);
      expect(row).toMatchObject({ status: 'delivered', attempts: 2, lastStatusCode: 200 });
      expect(receiver.processed).toHaveLength(1);
      firstRequest = receiver.received.at(-1)!;
      expect(firstRequest.result.outcome).toBe('processed');
      expect(receiver.received.map((r) => r.headers['sot-webhook-id'])).toEqual([deliveryId, deliveryId]);

      const payload = receiver.processed[0]!;
      expect(payload).toMatchObject({ id: deliveryId, type: 'status_changed', eventId: mine.eventId, case: { id: mine.caseId, kind: 'civil' }, data: { from: 'registered', to: 'assigned' } });
      // No free text, no IIN, no fingerprint of a document.
      expect(firstRequest.body).not.toContain('800101300123');
      expect(firstRequest.body).not.toContain('Петров');
      expect(firstRequest.body).not.toContain('sha256');

      const log = await t.database.db.select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, deliveryId)).orderBy(asc(webhookAttempts.id));
      expect(log.map((a) => [a.statusCode, a.errorClass, a.resend])).toEqual([
        [500, 'http_5xx', false],
        [200, null, false],
      ]);
    });

    it('lets the receiver refuse a replay: the same id again, an old timestamp, a changed body', async () => {
      const again = await receiver.replay(firstRequest);
      expect(again.status).toBe(200);
      expect(receiver.received.at(-1)!.result.outcome).toBe('duplicate');
      expect(receiver.processed).toHaveLength(1);

      // Signed correctly, but ten minutes old: outside the five-minute window.
      const old = Math.floor(now.getTime() / 1000) - 600;
      const stale = await receiver.replay(firstRequest, { 'sot-webhook-timestamp': String(old), 'sot-webhook-signature': webhookSignature(receiver.secret, deliveryId, old, firstRequest.body) });
      expect(stale.status).toBe(400);
      expect(receiver.received.at(-1)!.result).toMatchObject({ outcome: 'refused', reason: 'stale' });

      const forged = await fetch(receiver.url, { method: 'POST', headers: Object.fromEntries(['sot-webhook-id', 'sot-webhook-timestamp', 'sot-webhook-signature'].map((h) => [h, String(firstRequest.headers[h])])), body: firstRequest.body.replace('assigned', 'closed') });
      expect(forged.status).toBe(401);
      expect(receiver.processed).toHaveLength(1);
    });

    it('re-sends a delivery on the administrator’s request with the same id, which the receiver does not process twice', async () => {
      const resent = await form(`/admin/webhooks/${subscriptionId}/deliveries/${deliveryId}/resend`, {}, `/admin/webhooks/${subscriptionId}`);
      expect(resent.statusCode).toBe(303);
      expect(resent.headers.location).toBe(`/admin/webhooks/${subscriptionId}?done=resent`);
      // Asking again while it waits is refused, not queued twice.
      const twice = await form(`/admin/webhooks/${subscriptionId}/deliveries/${deliveryId}/resend`, {}, `/admin/webhooks/${subscriptionId}`);
      expect(twice.statusCode).toBe(409);

      expect(await deliver()).toBe(1);
      const last = receiver.received.at(-1)!;
      expect(last.headers['sot-webhook-id']).toBe(deliveryId);
      expect(last.result.outcome).toBe('duplicate');
      expect(receiver.processed).toHaveLength(1);
      const log = await t.database.db.select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, deliveryId)).orderBy(asc(webhookAttempts.id));
      expect(log.at(-1)).toMatchObject({ statusCode: 200, resend: true });
      const audits = await t.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'webhook.resent'), eq(auditLog.entityId, subscriptionId)));
      expect(audits).toHaveLength(1);

      const page = await t.app.inject({ method: 'GET', url: `/admin/webhooks/${subscriptionId}?done=resent`, headers: { cookie: sysadmin.cookie } });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('HTTP 500');
      expect(page.body).toContain('sent again');
    });

    it('gives up at once on a 4xx, without retrying', async () => {
      receiver.answer = 410;
      const gone = await caseWithEvent(bank.id, 'hearing_scheduled', { hearingId: sysadmin.id, startsAt: '2026-12-01T05:00:00.000Z' });
      expect(await fanOut()).toBe(1);
      expect(await deliver()).toBe(1);
      const [row] = await deliveriesOf(gone.eventId);
      expect(row).toMatchObject({ status: 'failed', attempts: 1, lastStatusCode: 410 });
      now = new Date(now.getTime() + 48 * 3600_000);
      expect(await deliver()).toBe(0);
      receiver.answer = null;
    });

    it('keeps sending after a receiver that does not answer, and records it as a network error', async () => {
      const closed = await caseWithEvent(bank.id, 'status_changed', { from: 'assigned', to: 'hearing' }, true);
      expect(await fanOut()).toBe(1);
      const dead = receiver.url.replace(/:\d+\//, ':9/');
      await t.database.db.update(webhookSubscriptions).set({ url: dead }).where(eq(webhookSubscriptions.id, subscriptionId));
      expect(await deliver()).toBe(1);
      const [row] = await deliveriesOf(closed.eventId);
      expect(row).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: null });
      const [attempt] = await t.database.db.select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, row!.id));
      expect(attempt!.errorClass).toBe('network');
    });

    it('moves its cursor past events only once they have settled, so a late commit is still seen', async () => {
      const [before] = await t.database.db.select().from(webhookFanout);
      // An event whose id was taken before the others but committed only now: its id is below the highest seen.
      const late = await caseWithEvent(bank.id, 'status_changed', { from: 'hearing', to: 'decided' });
      await t.database.db.update(webhookFanout).set({ seenId: late.eventId + 100, seenAt: now });
      expect(await fanOut()).toBe(1);
      const [after] = await t.database.db.select().from(webhookFanout);
      expect(after!.settledId).toBe(before!.settledId);
      now = new Date(now.getTime() + SETTLE_MS + 1000);
      await fanOut();
      const [settled] = await t.database.db.select().from(webhookFanout);
      expect(settled!.settledId).toBe(late.eventId + 100);
    });
  });
});
