import { and, eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { urls } from '../../src/urls.ts';
import { createSmtpSender } from '../../src/adapters/email/smtp.ts';
import { startStandInSmtp, type StandInSmtp } from '../../src/adapters/email/standInSmtp.ts';
import { createSmsGateway, signDeliveryReport } from '../../src/adapters/sms/gateway.ts';
import { queueNotice, type Notice } from '../../src/commands/notices.ts';
import * as schema from '../../src/db/schema/index.ts';
import { notifications, outbox, users } from '../../src/db/schema/index.ts';
import { startJobQueue } from '../../src/jobs/jobQueue.ts';
import { NotificationDelivery } from '../../src/jobs/notifications.ts';
import { createTestApp, TEST_NOW, type TestApp } from '../support/app.ts';
import { describeDb } from '../support/db.ts';
import { signedInUser } from '../support/sessions.ts';

describeDb('notifications: transactional outbox, pg-boss delivery, stand-ins', () => {
  let t: TestApp;
  let smtp: StandInSmtp;
  let delivery: NotificationDelivery;
  let base: string;

  const notice = (aboutId: string, legallyRequired = false): Notice => ({
    event: 'document_issued',
    aboutId,
    caseId: null,
    link: '/cabinet',
    legallyRequired,
    compose: (tr) => ({ subject: tr('notifications.title'), body: tr('notifications.lead') }),
  });

  async function person(contacts: { email?: string; phone?: string; notifyByEmail?: boolean; notifyBySms?: boolean }) {
    const user = await signedInUser(t.database.db);
    const [row] = await t.database.db
      .update(users)
      .set({
        language: 'en',
        ...(contacts.email ? { email: contacts.email, emailVerifiedAt: TEST_NOW } : {}),
        ...(contacts.phone ? { phone: contacts.phone, phoneVerifiedAt: TEST_NOW } : {}),
        notifyByEmail: contacts.notifyByEmail ?? true,
        notifyBySms: contacts.notifyBySms ?? true,
      })
      .where(eq(users.id, user.id))
      .returning();
    return row!;
  }
  const queue = (user: typeof users.$inferSelect, n: Notice) => t.database.db.transaction((tx) => queueNotice(tx, user, n, TEST_NOW));
  const rowsOf = (userId: string) => t.database.db.select().from(notifications).where(eq(notifications.userId, userId));

  beforeAll(async () => {
    // The stand-in SMS gateway is part of the demo, which is asked for.
    t = await createTestApp({ config: { NOTIFY_RETRY_LIMIT: '5', NOTIFY_RETRY_DELAY_SECONDS: '300', DEMO: '1' } });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    smtp = await startStandInSmtp(t.database.db);
    const key = t.app.config.notifications.smsGatewayKey;
    delivery = new NotificationDelivery({
      db: t.database.db,
      pool: t.database.pool,
      log: t.app.log,
      email: createSmtpSender({ url: smtp.url, from: 'Sot <no-reply@sot.test>', timeoutMs: 2_000 }),
      sms: createSmsGateway({ url: `${base}/sandbox/sms`, key, callbackUrl: `${base}/api/v1/sms/delivery-reports`, timeoutMs: 300 }),
      retryLimit: 5,
      // Long enough that no retry falls due by itself while a test runs, however slow the machine:
      // tests that retry say so (ignoreStartAfter).
      retryDelaySeconds: 300,
      clock: () => TEST_NOW,
    });
    await delivery.start({ work: false });
  }, 60_000);

  afterAll(async () => {
    await delivery?.stop();
    await smtp?.stop();
    // The "does not answer" test leaves the sender's aborted connection behind; it would hold the close.
    t?.app.server.closeAllConnections();
    await t?.close();
  });

  it('writes one row per channel and nothing more when the same event comes twice', async () => {
    const user = await person({ email: 'a@example.kz', phone: '+77010000001' });
    await queue(user, notice('doc-1'));
    await queue(user, notice('doc-1'));
    const rows = await rowsOf(user.id);
    expect(rows.map((r) => r.channel).sort()).toEqual(['email', 'in_app', 'sms']);
    // Links are signed and expire (src/auth/noticeLinks.ts); the signed link leads to the page.
    const smsLink = /^Sot: .+\. (http:\/\/localhost:3000(\/n\/[A-Za-z0-9_.-]+))$/.exec(rows.find((r) => r.channel === 'sms')!.body);
    expect(smsLink).not.toBeNull();
    expect(rows.find((r) => r.channel === 'email')!.html).toContain(`<a href="${smsLink![1]}">`);
    expect((await t.app.inject({ method: 'GET', url: smsLink![2]! })).headers.location).toBe(urls.loginFromNotice('/cabinet'));
  });

  it('writes nothing when the transaction rolls back', async () => {
    const user = await person({ email: 'b@example.kz' });
    await expect(
      t.database.db.transaction(async (tx) => {
        await queueNotice(tx, user, notice('doc-2'), TEST_NOW);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await rowsOf(user.id)).toEqual([]);
  });

  it('respects the person’s preferences, but a legally required notice still goes by one channel', async () => {
    const user = await person({ email: 'c@example.kz', phone: '+77010000002', notifyByEmail: false, notifyBySms: false });
    await queue(user, notice('doc-3'));
    expect((await rowsOf(user.id)).map((r) => r.channel)).toEqual(['in_app']);
    await queue(user, notice('doc-4', true));
    expect((await rowsOf(user.id)).filter((r) => r.dedupeKey.startsWith('document_issued:doc-4')).map((r) => r.channel).sort()).toEqual(['email', 'in_app']);
    const smsOnly = await person({ phone: '+77010000003', notifyBySms: false });
    await queue(smsOnly, notice('doc-5', true));
    expect((await rowsOf(smsOnly.id)).map((r) => r.channel).sort()).toEqual(['in_app', 'sms']);
  });

  it('delivers 1,000 e-mails exactly once across an SMTP outage', async () => {
    await delivery.drain({ ignoreStartAfter: true });
    await t.database.db.delete(outbox);
    const user = await person({ email: 'many@example.kz', notifyBySms: false });
    for (let batch = 0; batch < 10; batch++) {
      await t.database.db.transaction(async (tx) => {
        for (let i = 0; i < 100; i++) await queueNotice(tx, user, notice(`bulk-${batch}-${i}`), TEST_NOW);
      });
    }
    await smtp.stop();
    expect(await delivery.dispatch()).toBeGreaterThanOrEqual(1000);
    // The relay is down: every message fails its first attempt and waits for its retry.
    const untried = async () => (await rowsOf(user.id)).filter((r) => r.channel === 'email' && r.attempts === 0).length;
    while ((await untried()) > 0) await delivery.drain({ limit: 100 });
    const waiting = (await rowsOf(user.id)).filter((r) => r.channel === 'email');
    expect(waiting.every((r) => r.status === 'queued' && r.attempts >= 1 && /SMTP relay unreachable/.test(r.lastError ?? ''))).toBe(true);
    // A dispatch during the outage offers the same jobs again: nothing doubles.
    await delivery.dispatch();
    await smtp.start();
    // In service the retries come minutes apart; this drain takes them at once, so it first lets
    // the sender's short rest after failing to reach the relay run out, or the first batch would
    // spend its remaining attempts on that rest.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await delivery.drain({ ignoreStartAfter: true });
    const rows = (await rowsOf(user.id)).filter((r) => r.channel === 'email');
    expect(rows).toHaveLength(1000);
    expect(rows.filter((r) => r.status === 'sent')).toHaveLength(1000);
    const received = await t.database.db.select({ id: outbox.id }).from(outbox).where(eq(outbox.address, 'many@example.kz'));
    expect(received).toHaveLength(1000);
    expect(new Set(received.map((r) => r.id))).toEqual(new Set(rows.map((r) => r.id)));
    // A transmission whose answer was lost may come again; the Message-ID keeps it to one message.
    expect(smtp.received).toBeGreaterThanOrEqual(1000);
  }, 120_000);

  it('spends the same statements on a batch of 30 messages as on a batch of 6', async () => {
    await delivery.drain({ ignoreStartAfter: true });
    // A delivery of its own over the same pool, counting every statement it sends: its database
    // client and its pg-boss (which does no upkeep here) use nothing else. The relay answers at
    // once and writes nothing, so only the delivery's own statements are counted.
    let statements = 0;
    const pool = t.database.pool;
    const counting = Object.create(pool) as pg.Pool;
    counting.query = ((...args: Parameters<pg.Pool['query']>) => {
      statements++;
      return (pool.query as (...a: unknown[]) => unknown)(...args);
    }) as pg.Pool['query'];
    const boss = await startJobQueue(counting, t.app.log, { maintain: false });
    const counted = new NotificationDelivery({
      db: drizzle({ client: counting, schema }),
      pool: counting,
      log: t.app.log,
      email: { send: async (message) => ({ providerMessageId: `relay-${message.id}` }), close() {} },
      sms: undefined,
      retryLimit: 5,
      retryDelaySeconds: 300,
      clock: () => TEST_NOW,
    });
    await counted.start({ work: false, boss });
    const user = await person({ email: 'batch@example.kz', notifyBySms: false });
    const drainOf = async (n: number, batch: string) => {
      for (let i = 0; i < n; i++) await queue(user, notice(`${batch}-${i}`));
      await delivery.dispatch();
      statements = 0;
      expect(await counted.drain()).toBe(n);
      return statements;
    };
    try {
      const small = await drainOf(6, 'batch-small');
      const large = await drainOf(30, 'batch-large');
      expect(large).toBe(small);
      // The fetch, the claim, the outcomes, the completion, and the fetch that finds nothing more.
      expect(small).toBe(5);
      const emails = (await rowsOf(user.id)).filter((r) => r.channel === 'email');
      expect(emails).toHaveLength(36);
      expect(emails.every((r) => r.status === 'sent' && r.attempts === 1 && r.providerMessageId === `relay-${r.id}`)).toBe(true);
      const { rows } = await pool.query<{ state: string }>('select state from pgboss.job where id = any($1::uuid[])', [emails.map((r) => r.id)]);
      expect(rows.map((r) => r.state)).toEqual(emails.map(() => 'completed'));
    } finally {
      await counted.stop();
      await boss.stop({ graceful: true, wait: true, close: false, timeout: 5_000 });
    }
  });

  async function smsTo(phone: string, aboutId: string) {
    await delivery.drain({ ignoreStartAfter: true });
    const user = await person({ phone, notifyByEmail: false });
    await queue(user, notice(aboutId));
    const [row] = (await rowsOf(user.id)).filter((r) => r.channel === 'sms');
    await delivery.dispatch();
    return row!.id;
  }
  const rowById = async (id: string) => (await t.database.db.select().from(notifications).where(eq(notifications.id, id)))[0]!;
  const storedSms = (id: string) => t.database.db.select().from(outbox).where(and(eq(outbox.id, id), eq(outbox.channel, 'sms')));

  it('retries an SMS after the gateway’s 500 and sends it once', async () => {
    const id = await smsTo('+77010000500', 'sms-500');
    await delivery.drain({ limit: 1 });
    expect(await rowById(id)).toMatchObject({ status: 'queued', attempts: 1, lastError: 'SMS gateway 500: temporary failure' });
    await delivery.drain({ ignoreStartAfter: true });
    expect(await rowById(id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(await storedSms(id)).toHaveLength(1);
  });

  it('sends to a number written the way people write it, with spaces and brackets', async () => {
    const id = await smsTo('+7 (701) 000-00-01', 'sms-spaces');
    await delivery.drain({ ignoreStartAfter: true });
    expect(await rowById(id)).toMatchObject({ status: 'sent', attempts: 1 });
    expect((await storedSms(id))[0]).toMatchObject({ address: '+77010000001' });
  });

  it('retries an SMS after the gateway timed out', async () => {
    const id = await smsTo('+77010000504', 'sms-504');
    await delivery.drain({ limit: 1 });
    expect((await rowById(id)).lastError).toMatch(/did not answer within 300 ms/);
    await delivery.drain({ ignoreStartAfter: true });
    expect(await rowById(id)).toMatchObject({ status: 'sent' });
    expect(await storedSms(id)).toHaveLength(1);
  });

  it('marks an SMS the gateway rejects as failed, with the reason, without retrying', async () => {
    const id = await smsTo('+77010000400', 'sms-400');
    await delivery.drain({ ignoreStartAfter: true });
    expect(await rowById(id)).toMatchObject({ status: 'failed', attempts: 1, lastError: 'SMS gateway 400: invalid number' });
    expect(t.app.standInSms.attempts(id)).toBe(1);
  });

  it('records the gateway’s delivery report and refuses a forged one', async () => {
    const id = await smsTo('+77010000777', 'sms-report');
    await delivery.drain({ ignoreStartAfter: true });
    const sent = await rowById(id);
    expect(sent.status).toBe('sent');
    const forged = JSON.stringify({ messageId: sent.providerMessageId, status: 'failed' });
    const refused = await t.app.inject({ method: 'POST', url: '/api/v1/sms/delivery-reports', payload: forged, headers: { 'content-type': 'application/json', 'x-sot-signature': signDeliveryReport('not-the-key', forged) } });
    expect(refused.statusCode).toBe(401);
    expect((await rowById(id)).status).toBe('sent');
    await t.app.standInSms.idle();
    expect(await rowById(id)).toMatchObject({ status: 'delivered' });
    // The same report again changes nothing.
    const again = JSON.stringify({ messageId: sent.providerMessageId, status: 'delivered' });
    const repeated = await t.app.inject({ method: 'POST', url: '/api/v1/sms/delivery-reports', payload: again, headers: { 'content-type': 'application/json', 'x-sot-signature': signDeliveryReport(t.app.config.notifications.smsGatewayKey, again) } });
    expect(repeated.json()).toEqual({ status: 'delivered' });
  });

  it('shows the person’s notices in the centre with an unread count, and marks them read', async () => {
    const viewer = await signedInUser(t.database.db, { lang: 'en' });
    const [user] = await t.database.db.select().from(users).where(eq(users.id, viewer.id));
    await queue(user!, notice('centre-1'));
    const page = await t.app.inject({ method: 'GET', url: '/cabinet/notifications', headers: { cookie: viewer.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('(1 unread)');
    expect(page.body).toContain('href="/cabinet"');
    const seenUntil = /name="seenUntil" value="([^"]+)"/.exec(page.body)![1]!;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const cookies = [viewer.cookie, ...[page.headers['set-cookie']].flat().filter((c): c is string => Boolean(c)).map((c) => c.split(';')[0])].join('; ');
    const read = await t.app.inject({ method: 'POST', url: '/cabinet/notifications/read', payload: { _csrf: csrf, seenUntil }, headers: { cookie: cookies, 'content-type': 'application/json', origin: t.app.config.publicUrl } });
    expect(read.statusCode).toBe(303);
    const after = await t.app.inject({ method: 'GET', url: '/cabinet/notifications', headers: { cookie: viewer.cookie } });
    expect(after.body).not.toContain('unread)');
  });
});
