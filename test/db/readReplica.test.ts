import { eq, sql } from 'drizzle-orm';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { authNonces, cases, courts } from '../../src/db/schema/index.ts';
import { seedDemo } from '../../src/seed/demo.ts';
import { startServer, type RunningServer } from '../../src/server.ts';
import { OPERATOR_SETTINGS } from '../support/app.ts';
import { createPostgresDatabase, postgresUnavailable, testDbKind, TEST_AUDIT_KEY } from '../support/db.ts';
import { useTestAuditKey } from '../support/auditKey.ts';
import { signedInUser } from '../support/sessions.ts';

/**
 * DATABASE_READ_URL: the public read paths read a replica, everything else the primary. The
 * "replica" here is a copy of the primary (`create database … template …`) that is then changed,
 * so each answer shows which database it came from. PostgreSQL only: PGlite has no replicas.
 */
const REPLICA_NAME = 'Replica District Court of Medeu';

const describeReplica = testDbKind === 'postgres' && !postgresUnavailable ? describe : describe.skip;

if (testDbKind !== 'postgres') {
  describe('a read replica for the public pages', () => {
    it.skip('runs on PostgreSQL only: the embedded database has no replicas, and DATABASE_READ_URL without DATABASE_URL is refused', () => {});
  });
}

describeReplica('public pages read the replica, signed-in pages and writes the primary', () => {
  let primary: Database;
  let replica: Database;
  let server: RunningServer;
  const drops: (() => Promise<void>)[] = [];
  let caseNumber: string;
  let primaryName: string;
  let replicaUrl: string;
  /** The operator's settings of a process on this primary and replica. */
  let env: Record<string, string>;

  beforeAll(async () => {
    useTestAuditKey();
    const created = await createPostgresDatabase();
    drops.push(created.drop);
    const seeding = await openDatabase({ kind: 'postgres', url: created.url, poolSize: 2 });
    await seedDemo(seeding.db);
    await seeding.close();
    // The replica: a copy of the primary as it is now, then told apart by one court's name.
    const replicaName = `${new URL(created.url).pathname.slice(1)}_replica`;
    const admin = new pg.Client({ connectionString: inject('postgresAdminUrl') });
    await admin.connect();
    try {
      await admin.query(`create database ${replicaName} template ${new URL(created.url).pathname.slice(1)}`);
    } finally {
      await admin.end();
    }
    const replicaAddress = new URL(created.url);
    replicaAddress.pathname = `/${replicaName}`;
    replicaUrl = replicaAddress.toString();
    drops.push(async () => {
      const client = new pg.Client({ connectionString: inject('postgresAdminUrl') });
      await client.connect();
      await client.query(`drop database if exists ${replicaName} with (force)`);
      await client.end();
    });
    replica = await openDatabase({ kind: 'postgres', url: replicaUrl, poolSize: 2 });
    primary = await openDatabase({ kind: 'postgres', url: created.url, poolSize: 2 });
    await replica.db.update(courts).set({ nameEn: REPLICA_NAME }).where(eq(courts.code, '7517'));
    [{ nameEn: primaryName }] = (await primary.db.select({ nameEn: courts.nameEn }).from(courts).where(eq(courts.code, '7517'))) as [{ nameEn: string }];
    const [court] = await primary.db.select({ id: courts.id }).from(courts).where(eq(courts.code, '7517'));
    const [someCase] = await primary.db.select({ number: cases.number }).from(cases).where(eq(cases.courtId, court!.id)).limit(1);
    caseNumber = someCase!.number!;

    env = { ...OPERATOR_SETTINGS, NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATA_DIR: mkdtempSync(path.join(tmpdir(), 'sot-replica-')), SESSION_SECRET: 'replica-test-secret-replica-test-secret-0', AUDIT_KEY: TEST_AUDIT_KEY, DATABASE_URL: created.url, DATABASE_READ_URL: replicaUrl, DB_POOL_SIZE: '3' };
    server = await startServer(loadConfig(env, { serve: true }));
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    await primary?.close();
    await replica?.close();
    for (const drop of drops.reverse()) await drop();
  });

  const get = (url: string, cookie?: string) => server.app.inject({ method: 'GET', url, headers: { cookie: `lang=en${cookie ? `; ${cookie}` : ''}`, accept: 'text/html' } });

  it('shows the courts list, a court’s page and its hearings from the replica', async () => {
    expect(primaryName).not.toBe(REPLICA_NAME);
    const list = await get('/courts');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(REPLICA_NAME);
    expect(list.body).not.toContain(primaryName);
    const court = await get('/courts/7517');
    expect(court.statusCode).toBe(200);
    expect(court.body).toContain(REPLICA_NAME);
  });

  it('answers the public case status, page and API, from the replica', async () => {
    const api = await server.app.inject({ method: 'GET', url: `/api/v1/public/cases/${encodeURIComponent(caseNumber)}` });
    expect(api.statusCode, api.body).toBe(200);
    expect(api.json().court.name.en).toBe(REPLICA_NAME);
    const page = await get(`/case-status?number=${encodeURIComponent(caseNumber)}`);
    expect(page.body).toContain(REPLICA_NAME);
  });

  it('searches judgments and hearing lists on the replica, over connections opened with the search timeout', async () => {
    const [where] = (await server.app.searchDb.execute<{ db: string; timeout: string }>(sql`select current_database() as db, current_setting('statement_timeout') as timeout`)).rows;
    expect(where).toEqual({ db: new URL(replicaUrl).pathname.slice(1), timeout: '5s' });
    const hearings = await server.app.inject({ method: 'GET', url: '/api/v1/public/hearings?court=7517' });
    expect(hearings.statusCode, hearings.body).toBe(200);
    const judgments = await server.app.inject({ method: 'GET', url: `/api/v1/public/judgments?q=${encodeURIComponent('иск')}` });
    expect(judgments.statusCode, judgments.body).toBe(200);
  });

  it('opens neither the replica’s pool nor the search pool in a worker, which serves no request', async () => {
    const worker = await startServer(loadConfig({ ...env, DATA_DIR: mkdtempSync(path.join(tmpdir(), 'sot-replica-worker-')) }, { serve: true, role: 'worker' }));
    try {
      expect(worker.app.readDb).toBe(worker.database.db);
      expect(worker.app.searchDb).toBe(worker.database.db);
    } finally {
      await worker.stop();
    }
  });

  it('reads a signed-in person’s session from the primary and writes there only', async () => {
    // Made after the copy: the person and the session exist on the primary alone.
    const person = await signedInUser(primary.db, { now: new Date() });
    const me = await server.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: person.cookie } });
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json().user.iin).toBe(person.iin);
    expect((await get('/cabinet', person.cookie)).statusCode).toBe(200);
    // A write (a sign-in challenge) lands on the primary; the replica never sees it.
    const before = await replica.db.$count(authNonces);
    const challenge = await server.app.inject({ method: 'POST', url: '/api/v1/auth/challenge', payload: {} });
    expect(challenge.statusCode).toBe(200);
    const { nonce } = challenge.json<{ nonce: string }>();
    expect(await primary.db.$count(authNonces)).toBeGreaterThan(0);
    expect(await replica.db.$count(authNonces)).toBe(before);
    expect(nonce.length).toBeGreaterThan(10);
  });
});
