import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmailSender, OutgoingEmail } from '../../src/adapters/delivery.ts';
import { queueNotice, type Notice } from '../../src/commands/notices.ts';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { notifications, users } from '../../src/db/schema/index.ts';
import { startJobQueue } from '../../src/jobs/jobQueue.ts';
import { Scheduler } from '../../src/jobs/schedules.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { useTestAuditKey } from '../support/auditKey.ts';
import { testDbKind } from '../support/db.ts';
import { postgresBinDir, startPrivatePostgres, type PrivatePostgres } from '../support/privatePostgres.ts';
import { signedInUser } from '../support/sessions.ts';

/**
 * PostgreSQL restarting under a running Sot (a failover, an upgrade): a server of the test's own is
 * stopped and started again on the same port. Meanwhile people get a translated 503 page and
 * programs `database_unavailable`; afterwards Sot serves again without being restarted, and
 * notices queued before the outage are delivered, the one in flight included.
 */
const binDir = postgresBinDir();
if (testDbKind === 'postgres' && !binDir) {
  const message = 'No PostgreSQL server binaries (initdb, pg_ctl) on this machine.';
  if (process.env.SOT_REQUIRE_POSTGRES === '1') throw new Error(`${message} SOT_REQUIRE_POSTGRES=1 forbids skipping the database outage test.`);
  console.warn(`\n${'!'.repeat(78)}\n!! ${message}\n!! THE DATABASE OUTAGE TEST (test/db/databaseOutage.test.ts) IS SKIPPED.\n${'!'.repeat(78)}\n`);
}
// A server restart is a PostgreSQL matter: the embedded database lives and dies with Sot's process.
const describeOutage = testDbKind === 'postgres' && binDir ? describe : describe.skip;

/** An SMTP relay that can be made to hold a message until released, and records what it sent. */
function gatedRelay() {
  const sent: string[] = [];
  let gate: { promise: Promise<void>; open: () => void } | null = null;
  const taken: ((id: string) => void)[] = [];
  const sender: EmailSender = {
    async send(message: OutgoingEmail) {
      for (const listener of taken.splice(0)) listener(message.id);
      if (gate) await gate.promise;
      sent.push(message.id);
      return { providerMessageId: `relay-${message.id}` };
    },
    close() {},
  };
  return {
    sender,
    sent,
    hold() {
      let open!: () => void;
      const promise = new Promise<void>((resolve) => (open = resolve));
      gate = { promise, open };
    },
    release() {
      gate?.open();
      gate = null;
    },
    nextTaken: () => new Promise<string>((resolve) => taken.push(resolve)),
  };
}

/** One step of the teardown; one that hangs is named, rather than the whole hook timing out. */
async function step(name: string, run: () => unknown, state: () => string, timeoutMs = 20_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`teardown: ${name} did not finish in ${timeoutMs} ms (${state()})`)), timeoutMs)));
  try {
    await Promise.race([Promise.resolve().then(run), late]);
  } finally {
    clearTimeout(timer);
  }
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describeOutage('PostgreSQL restarted while Sot serves', () => {
  let server: PrivatePostgres;
  let database: Database;
  let t: TestApp;
  let boss: Awaited<ReturnType<typeof startJobQueue>>;
  let scheduler: Scheduler;
  const relay = gatedRelay();
  const poolErrors: Error[] = [];

  beforeAll(async () => {
    useTestAuditKey();
    server = await startPrivatePostgres(binDir!);
    // Room beside the notice worker and the scheduled jobs, which poll through the same pool, so
    // some connections are idle when the server goes, as between requests in production.
    database = await openDatabase({ kind: 'postgres', url: server.url, poolSize: 10 });
    // Sot's own listener: without one, an idle connection the server drops ends the process.
    expect(database.pool.listenerCount('error')).toBeGreaterThan(0);
    database.pool.on('error', (error) => poolErrors.push(error));
    await migrateDatabase(database);
    t = await createTestApp({ database, email: relay.sender, clock: () => new Date(), config: { NOTIFY_RETRY_DELAY_SECONDS: '1' } });
    await t.app.notifications.start({ work: true, sweepEveryMs: 1_000 });
    // The scheduled jobs, ticking every second, meet the outage too.
    boss = await startJobQueue(database.pool, t.app.log, { maintain: true });
    scheduler = new Scheduler(t.app, { everySeconds: 1 });
    await scheduler.start(boss);
  }, 120_000);

  afterAll(async () => {
    relay.release();
    const pool = () => `pool: ${database?.pool.totalCount} connections, ${database?.pool.idleCount} idle, ${database?.pool.waitingCount} waiting`;
    try {
      await step('the scheduler stops', () => scheduler?.stop(), pool);
      await step('pg-boss stops', () => boss?.stop({ graceful: true, close: false, timeout: 5_000 }), pool);
      await step('the app and its pool close', () => t?.close(), pool);
    } finally {
      server?.destroy();
    }
  }, 90_000);

  const notice = (aboutId: string): Notice => ({
    event: 'document_issued',
    aboutId,
    caseId: null,
    link: '/cabinet',
    legallyRequired: false,
    compose: (tr) => ({ subject: tr('notifications.title'), body: tr('notifications.lead') }),
  });

  it('answers 503 in every language during the outage, then serves and delivers every queued notice without a restart', async () => {
    const person = await signedInUser(database.db, { now: new Date() });
    const [recipient] = await database.db.update(users).set({ language: 'ru', email: 'party@example.kz', emailVerifiedAt: new Date(), notifyByEmail: true }).where(eq(users.id, person.id)).returning();
    const queue = async (aboutId: string) => {
      await database.db.transaction((tx) => queueNotice(tx, recipient!, notice(aboutId), new Date()));
      await t.app.notifications.dispatch();
      const [row] = await database.db.select({ id: notifications.id }).from(notifications).where(eq(notifications.dedupeKey, `document_issued:${aboutId}:${person.id}:email`));
      return row!.id;
    };
    const page = (lang: string) => t.app.inject({ method: 'GET', url: '/courts', headers: { cookie: `lang=${lang}`, accept: 'text/html' } });

    // Before: delivered as usual.
    const before = await queue('before');
    await until('the first notice is sent', async () => relay.sent.includes(before));

    // One notice held at the relay while the database goes, two more waiting in the queue.
    relay.hold();
    const taken = relay.nextTaken();
    const inFlight = await queue('in-flight');
    expect(await taken).toBe(inFlight);
    const waiting = [await queue('waiting-1'), await queue('waiting-2')];

    // Connections sit idle in the pool when the server goes, as they do between requests.
    // The notice worker and pg-boss's loops borrow from the same pool, so wait for a moment when
    // some connection rests rather than reading the count once.
    await Promise.all([1, 2, 3, 4, 5, 6].map(() => database.pool.query('select pg_sleep(0.05)')));
    await until('a connection rests idle in the pool', async () => database.pool.idleCount > 0, 5_000);
    server.stop();
    // The idle connections hear the server's goodbye (57P01) before the next request comes.
    await until('the pool hears the server go', async () => poolErrors.length > 0, 5_000);
    for (const [lang, text] of [
      ['kk', 'Портал қазір өз дерекқорына қосыла алмай тұр'],
      ['ru', 'Портал сейчас не может связаться со своей базой данных'],
      ['en', 'The portal cannot reach its database just now'],
    ] as const) {
      const res = await page(lang);
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBe('30');
      expect(res.body).toContain(text);
      expect(res.body).not.toMatch(/ECONNREFUSED|at .*\.ts:\d+/);
    }
    // Signed in, the session itself cannot be read: the answer is the same page, not a bare 500.
    const signedIn = await t.app.inject({ method: 'GET', url: '/cabinet', headers: { cookie: `${person.cookie}; lang=ru`, accept: 'text/html' } });
    expect(signedIn.statusCode).toBe(503);
    expect(signedIn.body).toContain('Портал сейчас не может связаться со своей базой данных');
    const api = await t.app.inject({ method: 'GET', url: '/api/v1/public/cases/7517-26-00-2%2F1' });
    expect(api.statusCode).toBe(503);
    expect(api.json()).toMatchObject({ error: { code: 'database_unavailable' } });
    const write = await t.app.inject({ method: 'POST', url: '/api/v1/filings', headers: { cookie: person.cookie }, payload: { type: 'claim' } });
    expect(write.statusCode).toBe(503);
    expect(write.json()).toMatchObject({ error: { code: 'database_unavailable' } });
    expect((await t.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(503);
    // The worker's sweep and pg-boss's own loops meet the outage for a while; the process lives on
    // (an unhandled rejection or an unheard 'error' would fail this test file).
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(poolErrors.map((e) => (e as { code?: string }).code)).toContain('57P01');

    server.start();
    await until('Sot answers again', async () => (await t.app.inject({ method: 'GET', url: '/health' })).statusCode === 200);
    expect((await page('en')).statusCode).toBe(200);

    // The held message goes out now; its outcome, and the two waiting, reach the database.
    relay.release();
    const after = await queue('after');
    const all = [before, inFlight, ...waiting, after];
    await until('every notice is sent', async () => {
      const rows = await database.db.select({ status: notifications.status }).from(notifications).where(inArray(notifications.id, all));
      return rows.length === all.length && rows.every((r) => r.status === 'sent');
    });
    expect([...relay.sent].sort()).toEqual([...all].sort());
    // The schedules tick on by themselves: a tick after the restart runs.
    const restartedAt = new Date();
    await until('a scheduled job runs again', async () => {
      const { rows } = await database.pool.query(`select 1 from pgboss.job where name = 'entry-into-force' and state = 'completed' and (data->>'tick')::timestamptz > $1`, [restartedAt]);
      return rows.length > 0;
    });
    expect(t.logs.some((l) => l.msg === 'schedules could not be read' || l.msg === 'scheduled job queue unreachable')).toBe(true);
  }, 120_000);
});
