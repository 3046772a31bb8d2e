import { eq, inArray } from 'drizzle-orm';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandInSmtp, type StandInSmtp } from '../../src/adapters/email/standInSmtp.ts';
import { queueNotice, type Notice } from '../../src/commands/notices.ts';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { notifications, outbox, users } from '../../src/db/schema/index.ts';
import { SCHEDULED_JOBS } from '../../src/jobs/schedules.ts';
import { OPERATOR_SETTINGS } from '../support/app.ts';
import { IMPORT_TRACE, modulesLoaded, packagesLoaded } from '../support/importTrace.ts';
import { createPostgresDatabase, postgresUnavailable, testDbKind, TEST_AUDIT_KEY } from '../support/db.ts';
import { issueAuthKey, makeRootCa, signContent, testIin } from '../support/pki.ts';
import { signedInUser } from '../support/sessions.ts';
import { startSotProcess, type SotProcess } from '../support/sotProcess.ts';

/**
 * Sot as a cluster: two `web` processes and one `worker`, each `node bin/sot.js start --role …`, on
 * one PostgreSQL database, with no proxy in front. Sessions, rate limits, notices and schedules
 * live in the database, so it makes no difference which process a request or a job reaches.
 * PostgreSQL only: the embedded database belongs to one process, which refuses `--role`.
 */
const TICK_SECONDS = 3;
const NOTICES = 50;
const FEED_LIMIT = 60;
const SESSION_SECRET = 'cluster-test-secret-cluster-test-secret-01';

const describeCluster = testDbKind === 'postgres' && !postgresUnavailable ? describe : describe.skip;

if (testDbKind !== 'postgres') {
  describe('a cluster of web and worker processes', () => {
    it.skip('runs on PostgreSQL only: the embedded database belongs to one process, which refuses --role', () => {});
  });
}

describeCluster('two web processes and a worker on one PostgreSQL database', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sot-cluster-'));
  let database: Database;
  let drop: (() => Promise<void>) | undefined;
  let smtp: StandInSmtp;
  let webs: SotProcess[] = [];
  let worker: SotProcess | undefined;
  let workerTrace: string;
  let root: Awaited<ReturnType<typeof makeRootCa>>;
  const startedAt = Date.now();

  beforeAll(async () => {
    const created = await createPostgresDatabase();
    drop = created.drop;
    database = await openDatabase({ kind: 'postgres', url: created.url, poolSize: 3 });
    // The relay the worker sends through: it counts every message it is given, resends included.
    smtp = await startStandInSmtp(database.db);
    root = await makeRootCa({ name: 'Cluster Test Root' });
    mkdirSync(path.join(dataDir, 'roots'));
    writeFileSync(path.join(dataDir, 'roots', 'root.der'), root.certificateDer);
    const env = {
      ...OPERATOR_SETTINGS,
      DATABASE_URL: created.url,
      DB_POOL_SIZE: '4',
      DATA_DIR: dataDir,
      SESSION_SECRET,
      AUDIT_KEY: TEST_AUDIT_KEY,
      TRUSTED_ROOTS_DIR: path.join(dataDir, 'roots'),
      SMTP_URL: smtp.url,
      SCHEDULES_EVERY_SECONDS: String(TICK_SECONDS),
      // The scheduled runs are logged at debug level: the test counts them.
      LOG_LEVEL: 'debug',
    };
    workerTrace = path.join(dataDir, 'worker-imports.txt');
    const started = await Promise.all([
      startSotProcess(env, { role: 'web' }),
      startSotProcess(env, { role: 'web' }),
      startSotProcess({ ...env, SOT_IMPORT_TRACE: workerTrace }, { role: 'worker', nodeOptions: ['--import', IMPORT_TRACE] }),
    ]);
    webs = started.slice(0, 2);
    worker = started[2];
  }, 120_000);

  afterAll(async () => {
    const processes = [...webs, ...(worker ? [worker] : [])];
    for (const sot of processes) if (sot.child.exitCode === null) sot.child.kill('SIGTERM');
    const codes = await Promise.all(processes.map((sot) => sot.exited));
    await smtp?.stop();
    await database?.close();
    await drop?.();
    // Each drained its requests and jobs and closed its pool on SIGTERM; one that did not says why.
    const failed = processes.filter((_, i) => codes[i] !== 0).map((sot) => sot.output().slice(-4_000));
    expect(codes, failed.join('\n---\n')).toEqual([0, 0, 0]);
  }, 60_000);

  it('answers HTTP from the web processes only', async () => {
    for (const web of webs) expect((await fetch(`${web.url}/health`)).status).toBe(200);
    expect(worker!.url).toBe('');
    expect(worker!.output()).not.toMatch(/Server listening at/);
    expect(worker!.output()).toMatch(/"role":"worker"/);
    // Nor does it load what only requests need: it builds src/workerApp.ts, not the web app.
    const packages = packagesLoaded(modulesLoaded(workerTrace));
    expect(packages.has('pg-boss')).toBe(true);
    for (const web of ['@fastify/swagger', '@fastify/swagger-ui', '@fastify/static', '@fastify/multipart', '@fastify/compress', 'preact-render-to-string', 'pdfkit']) expect(packages.has(web), web).toBe(false);
  });

  it('keeps a session made on one web process on the other', async () => {
    const iin = testIin(9531);
    const signer = await issueAuthKey(root, { person: { fullName: 'Кластерова Айгүл', iin } });
    // The challenge from one process, the signed answer to the other: the nonce is in the database.
    const challenge = await fetch(`${webs[0]!.url}/api/v1/auth/challenge`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const { nonce } = (await challenge.json()) as { nonce: string };
    const cms = Buffer.from(await signContent(signer, Buffer.from(nonce, 'base64'))).toString('base64');
    const login = await fetch(`${webs[1]!.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ nonce, cms }) });
    expect(login.status).toBe(200);
    const cookie = /sot_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')![0];
    for (const web of webs) {
      const me = await fetch(`${web.url}/api/v1/me`, { headers: { cookie } });
      expect(me.status).toBe(200);
      expect(((await me.json()) as { user: { iin: string } }).user.iin).toBe(iin);
      expect((await fetch(`${web.url}/cabinet`, { headers: { cookie }, redirect: 'manual' })).status).toBe(200);
    }
    // Signed out on the first, the session is gone on the second too.
    const out = await fetch(`${webs[0]!.url}/api/v1/auth/logout`, { method: 'POST', headers: { cookie, origin: webs[0]!.url, 'content-type': 'application/json' }, body: '{}' });
    expect(out.status).toBeLessThan(400);
    expect((await fetch(`${webs[1]!.url}/api/v1/me`, { headers: { cookie } })).status).toBe(401);
  });

  it('counts a rate limit across both web processes', async () => {
    const statuses: number[] = [];
    for (let hit = 0; hit < FEED_LIMIT + 2; hit++) {
      const web = webs[hit % 2]!;
      statuses.push((await fetch(`${web.url}/calendar/unknown-feed.ics`)).status);
    }
    // Each process saw only half the hits; together they reached the limit at its very hit.
    expect(statuses.slice(0, FEED_LIMIT)).toEqual(Array(FEED_LIMIT).fill(404));
    expect(statuses.slice(FEED_LIMIT)).toEqual([429, 429]);
  });

  it('delivers every notice exactly once, whichever process offered it', async () => {
    const person = await signedInUser(database.db, { now: new Date() });
    const [recipient] = await database.db.update(users).set({ language: 'kk', email: 'cluster@example.kz', emailVerifiedAt: new Date(), notifyByEmail: true, notifyBySms: false }).where(eq(users.id, person.id)).returning();
    const notice = (n: number): Notice => ({ event: 'document_issued', aboutId: `cluster-${n}`, caseId: null, link: '/cabinet', legallyRequired: false, compose: (t) => ({ subject: t('notifications.title'), body: t('notifications.lead') }) });
    const ids: string[] = [];
    for (let n = 0; n < NOTICES; n++) {
      ids.push(...(await database.db.transaction((tx) => queueNotice(tx, recipient!, notice(n), new Date()))));
      // After a commit a web process offers the queued notices (as after any form it handles),
      // the two in turn and at once; the worker's sweep offers them too.
      if (n % 10 === 9) await Promise.all(webs.map((web) => fetch(`${web.url}/api/v1/auth/challenge`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })));
    }
    const emails = (await database.db.select().from(notifications).where(inArray(notifications.id, ids))).filter((r) => r.channel === 'email');
    expect(emails).toHaveLength(NOTICES);
    const emailIds = emails.map((e) => e.id);
    const sentCount = async () => (await database.db.select({ status: notifications.status }).from(notifications).where(inArray(notifications.id, emailIds))).filter((r) => r.status === 'sent').length;
    for (const deadline = Date.now() + 30_000; (await sentCount()) < NOTICES && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await sentCount()).toBe(NOTICES);
    // Each reached the relay once: no resend, no second worker's copy.
    expect(smtp.received).toBe(NOTICES);
    expect((await database.db.select({ id: outbox.id }).from(outbox)).map((r) => r.id).sort()).toEqual(emails.map((e) => e.id).sort());
    const rows = await database.db.select().from(notifications).where(inArray(notifications.id, emailIds));
    expect(rows.every((r) => r.attempts === 1)).toBe(true);
  });

  it('runs every scheduled job once a tick, in the worker only', async () => {
    // Long enough for a few ticks of every job since the cluster started.
    const wait = Math.max(0, startedAt + 4 * TICK_SECONDS * 1000 - Date.now());
    await new Promise((resolve) => setTimeout(resolve, wait + TICK_SECONDS * 1000));
    const runs = (output: string) =>
      output
        .split('\n')
        .filter((line) => line.includes('"msg":"scheduled job done"'))
        .map((line) => JSON.parse(line) as { job: string; tick: string | null; atStart: boolean });
    for (const web of webs) expect(runs(web.output())).toEqual([]);
    expect(webs.every((web) => !/scheduled|"job":/.test(web.output()))).toBe(true);
    const done = runs(worker!.output());
    const { rows: jobs } = await database.pool.query<{ name: string; tick: string | null; state: string }>(
      `select name, data->>'tick' as tick, state::text from pgboss.job where name = any($1) and data ? 'tick'`,
      [SCHEDULED_JOBS.map((j) => j.name)],
    );
    for (const { name } of SCHEDULED_JOBS) {
      const ticks = done.filter((r) => r.job === name && r.tick).map((r) => r.tick!);
      // One run a tick: no tick twice, none missed between the first and the last.
      expect(new Set(ticks).size, name).toBe(ticks.length);
      expect(ticks.length, name).toBeGreaterThanOrEqual(3);
      const instants = ticks.map((t) => Date.parse(t)).sort((a, b) => a - b);
      for (let i = 1; i < instants.length; i++) expect(instants[i]! - instants[i - 1]!, name).toBe(TICK_SECONDS * 1000);
      // pg-boss holds one job a tick, and each tick the worker ran is a completed job.
      const held = jobs.filter((j) => j.name === name);
      expect(new Set(held.map((j) => j.tick)).size, name).toBe(held.length);
      for (const tick of ticks) expect(held.find((j) => j.tick === tick)?.state, `${name} ${tick}`).toBe('completed');
    }
    // The audit chain's head was walked and logged at the worker's start, once.
    expect(done.filter((r) => r.atStart).map((r) => r.job).sort()).toEqual(['audit-head', 'reference-watch']);
  }, 60_000);
});
