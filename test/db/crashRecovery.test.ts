import { and, eq, gte, inArray, like } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createBuiltInVerifier } from '../../src/adapters/eds/index.ts';
import { openDatabase, type DatabaseTarget } from '../../src/db/client.ts';
import { verifyAuditChain } from '../../src/db/audit.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { auditLog, courts, documents, events, filings, talonCounters } from '../../src/db/schema/index.ts';
import { courtYear } from '../../src/i18n/format.ts';
import { seedDemo } from '../../src/seed/demo.ts';
import { carryMciIntoThisYear } from '../../src/seed/standInMci.ts';
import { createTestApp, OPERATOR_SETTINGS } from '../support/app.ts';
import { createPostgresDatabase, describeDb, testDbKind, testMciBasis } from '../support/db.ts';
import { multipart, SAMPLE_FILES, signedManifest } from '../support/filing.ts';
import { issueSigner, makeRootCa, testIin } from '../support/pki.ts';
import { signedInUser } from '../support/sessions.ts';
import { startSotProcess, type SotProcess } from '../support/sotProcess.ts';
import { TEST_AUDIT_KEY, useTestAuditKey } from '../support/auditKey.ts';

/**
 * A crash in the middle of a rush of filings. Sot runs as its own process; 200 signed claims are
 * submitted at once, the process is killed with SIGKILL once some have their talon, and is started
 * again on the same data. Every filing whose talon was returned must be whole (its documents, each
 * file on disk with its sha256, its audit row, its talon), nothing half-written may be visible, and
 * the talon numbers stay gapless.
 */
const FILERS = 10;
const FILINGS_PER_FILER = 20;
const KILL_AFTER_TALONS = 50;
const SESSION_SECRET = 'crash-test-secret-crash-test-secret-0123';

interface Prepared {
  id: string;
  cookie: string;
  cms: string;
}

describeDb(`a crash while filings are submitted (${testDbKind})`, () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sot-crash-'));
  const prepared: Prepared[] = [];
  let target: DatabaseTarget;
  let env: Record<string, string>;
  let dropDatabase: (() => Promise<void>) | undefined;
  let server: SotProcess | undefined;
  let courtId: string;

  beforeAll(async () => {
    useTestAuditKey();
    if (testDbKind === 'postgres') {
      const created = await createPostgresDatabase();
      dropDatabase = created.drop;
      target = { kind: 'postgres', url: created.url, poolSize: 5 };
    } else {
      target = { kind: 'pglite', dir: path.join(dataDir, 'db') };
    }
    const root = await makeRootCa({ name: 'Crash Test Root' });
    mkdirSync(path.join(dataDir, 'roots'));
    writeFileSync(path.join(dataDir, 'roots', 'root.der'), root.certificateDer);
    // An operator's start: no demo, so the operator's acquirer and messaging are configured (never
    // reached here), and the audit key this test checks the chain with.
    env = { ...OPERATOR_SETTINGS, DATA_DIR: dataDir, SESSION_SECRET, AUDIT_KEY: TEST_AUDIT_KEY, TRUSTED_ROOTS_DIR: path.join(dataDir, 'roots'), ...(target.kind === 'postgres' ? { DATABASE_URL: target.url } : {}) };

    // The drafts, their files and their signatures are made before the rush, as filers would.
    const database = await openDatabase(target);
    await migrateDatabase(database);
    await seedDemo(database.db);
    // Its claims are priced on the real clock, as createTestDatabase's are.
    await carryMciIntoThisYear(database.db, new Date(), testMciBasis);
    const t = await createTestApp({ database, config: { DATA_DIR: dataDir, SESSION_SECRET }, clock: () => new Date(), signatureVerifier: createBuiltInVerifier({ trustedRoots: [root.certificateDer] }) });
    try {
      [{ id: courtId }] = (await database.db.select({ id: courts.id }).from(courts).where(eq(courts.code, '7517'))) as [{ id: string }];
      // Filers work side by side; each one's drafts one after another.
      const byFiler = await Promise.all(Array.from({ length: FILERS }, async (_, f) => {
        const mine: Prepared[] = [];
        const filer = await signedInUser(database.db, { lang: 'en', now: new Date() });
        const signer = await issueSigner(root, { person: { fullName: 'ТЕСТОВ ТЕСТ', iin: filer.iin } });
        for (let n = 0; n < FILINGS_PER_FILER; n++) {
          const created = await t.app.inject({
            method: 'POST',
            url: '/api/v1/filings',
            headers: { cookie: filer.cookie },
            payload: { type: 'claim', courtId, category: 'property', subject: `Взыскание долга №${f}-${n}`, amount: '150000', text: 'Прошу взыскать долг.', parties: [{ side: 'defendant', kind: 'individual', name: 'Иванов Иван', iin: testIin(9700) }] },
          });
          expect(created.statusCode, created.body).toBe(201);
          const id = created.json<{ id: string }>().id;
          // A file of its own per filing, so each has a blob only it names.
          const { payload, headers } = multipart([{ name: 'договор.pdf', content: Buffer.concat([SAMPLE_FILES.pdf(), Buffer.from(`% ${id}\n`)]) }]);
          const attached = await t.app.inject({ method: 'POST', url: `/api/v1/filings/${id}/attachments`, headers: { cookie: filer.cookie, ...headers }, payload });
          expect(attached.statusCode, attached.body).toBe(201);
          mine.push({ id, cookie: filer.cookie, cms: await signedManifest(t.app, filer.cookie, id, signer) });
        }
        return mine;
      }));
      prepared.push(...byFiler.flat());
    } finally {
      await t.close();
    }
  }, 240_000);

  afterAll(async () => {
    if (server && server.child.exitCode === null) server.child.kill('SIGKILL');
    await server?.exited;
    await dropDatabase?.();
  });

  const submit = (url: string, filing: Prepared) =>
    fetch(`${url}/api/v1/filings/${filing.id}/submit`, { method: 'POST', headers: { cookie: filing.cookie, 'content-type': 'application/json' }, body: JSON.stringify({ cms: filing.cms }) });
  /** As a client does with a 503 and its Retry-After: a burst of 200 may outwait a pool of connections. */
  async function submitUntilAnswered(url: string, filing: Prepared): Promise<Response> {
    for (let attempt = 1; ; attempt++) {
      const res = await submit(url, filing);
      if (res.status !== 503 || attempt === 10) return res;
      expect(res.headers.get('retry-after')).toBe('30');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  it('keeps every filing whose talon was returned, whole, and shows none half-written', async () => {
    // The rush, and SIGKILL in the middle of it.
    const startedAt = new Date();
    server = await startSotProcess(env);
    const running = server;
    const talons = new Map<string, string>();
    let killedWith = -1;
    const results = await Promise.allSettled(
      prepared.map(async (filing) => {
        const res = await submit(running.url, filing);
        const body = (await res.json()) as { talonNumber?: string };
        expect(res.status, JSON.stringify(body)).toBe(201);
        talons.set(filing.id, body.talonNumber!);
        if (talons.size === KILL_AFTER_TALONS) {
          killedWith = talons.size;
          running.child.kill('SIGKILL');
        }
      }),
    );
    expect(await running.exited).toBeNull();
    const acknowledged = new Map(talons);
    // The kill fell in the middle: some talons out, some requests cut off.
    expect(killedWith).toBe(KILL_AFTER_TALONS);
    expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER_TALONS);
    expect(acknowledged.size).toBeLessThan(prepared.length);
    expect(results.filter((r) => r.status === 'rejected').length).toBe(prepared.length - acknowledged.size);

    // Started again on the same data (the embedded database's lock names a dead process).
    server = await startSotProcess(env);
    const restarted = server;
    for (const filing of prepared.filter((f) => acknowledged.has(f.id))) {
      const view = await fetch(`${restarted.url}/api/v1/filings/${filing.id}`, { headers: { cookie: filing.cookie } });
      expect(view.status).toBe(200);
      expect(await view.json()).toMatchObject({ status: 'submitted', talon: { number: acknowledged.get(filing.id) } });
    }
    // Each filer sends again what went unanswered; an answered one gets its talon back unchanged.
    const again = await Promise.all(prepared.map(async (filing) => ({ filing, res: await submitUntilAnswered(restarted.url, filing) })));
    for (const { filing, res } of again) {
      const body = (await res.json()) as { talonNumber: string };
      expect(res.status, JSON.stringify(body)).toBe(201);
      if (acknowledged.has(filing.id)) expect(body.talonNumber).toBe(acknowledged.get(filing.id));
    }
    restarted.child.kill('SIGTERM');
    expect(await restarted.exited).toBe(0);

    // What is on disk and in the database now.
    const database = await openDatabase(target);
    try {
      const ids = prepared.map((f) => f.id);
      const rows = await database.db.select().from(filings).where(inArray(filings.id, ids));
      expect(rows).toHaveLength(prepared.length);
      const blobPath = (sha256: string) => path.join(dataDir, 'blobs', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
      const fileIsWhole = (sha256: string) => existsSync(blobPath(sha256)) && createHash('sha256').update(readFileSync(blobPath(sha256))).digest('hex') === sha256;
      for (const filing of rows) {
        expect(filing).toMatchObject({ status: 'submitted', talonNumber: expect.stringMatching(/^7517-\d{2}-\d{6}$/), caseId: expect.any(String), manifestSha256: expect.any(String) });
        if (acknowledged.has(filing.id)) expect(filing.talonNumber).toBe(acknowledged.get(filing.id));
        const docs = await database.db.select().from(documents).where(eq(documents.caseId, filing.caseId!));
        expect(docs.map((d) => d.kind).sort()).toEqual(['attachment', 'claim']);
        expect(docs.find((d) => d.kind === 'claim')!.sha256).toBe(filing.manifestSha256);
        for (const doc of docs) expect(fileIsWhole(doc.sha256!), `document ${doc.id}`).toBe(true);
        const audit = await database.db.select().from(auditLog).where(and(eq(auditLog.entityId, filing.id), eq(auditLog.action, 'filing.submitted')));
        expect(audit).toHaveLength(1);
        expect(audit[0]!.data).toMatchObject({ talonNumber: filing.talonNumber, caseId: filing.caseId });
        expect(await database.db.select().from(events).where(and(eq(events.caseId, filing.caseId!), eq(events.type, 'filing_submitted')))).toHaveLength(1);
      }
      // Nothing half-written anywhere: every document made since the rush names a whole file.
      const recent = await database.db.select().from(documents).where(gte(documents.createdAt, startedAt));
      expect(recent.length).toBe(2 * prepared.length);
      for (const doc of recent) expect(fileIsWhole(doc.sha256!), `document ${doc.id}`).toBe(true);
      // Talons run 1, 2, 3… in the court and year without a gap, up to the counter.
      const year = courtYear(new Date());
      const prefix = `7517-${String(year % 100).padStart(2, '0')}-`;
      const issued = await database.db.select({ talon: filings.talonNumber }).from(filings).where(and(eq(filings.courtId, courtId), like(filings.talonNumber, `${prefix}%`)));
      const sequences = issued.map((r) => Number(r.talon!.slice(prefix.length))).sort((a, b) => a - b);
      const [counter] = await database.db.select().from(talonCounters).where(and(eq(talonCounters.courtId, courtId), eq(talonCounters.year, year)));
      expect(sequences).toEqual(Array.from({ length: counter!.lastSequence }, (_, i) => i + 1));
      expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
      if (target.kind === 'pglite') {
        // The embedded database syncs every commit to disk, as a PostgreSQL server does: a power
        // cut, not only a killed process, keeps what was acknowledged.
        const { rows } = await database.pool.query<{ name: string; setting: string }>(`select name, setting from pg_settings where name in ('fsync', 'wal_sync_method') order by name`);
        expect(rows).toEqual([
          { name: 'fsync', setting: 'on' },
          { name: 'wal_sync_method', setting: 'fsync' },
        ]);
      }
    } finally {
      await database.close();
    }
  }, 300_000);
});
