/**
 * Load benchmark of the public pages and API at national scale (a million cases by default).
 *
 * Results are ratios to a baseline measured in the same run (`/health`, one trivial query), so
 * they compare across noisy machines. Only loopback traffic; every run is bounded in time.
 *
 *   npm run bench                      PostgreSQL at 127.0.0.1, database sot_bench, 1,000,000 cases
 *   BENCH_CASES=200000 npm run bench   smaller
 *   BENCH_DB=pglite npm run bench      embedded database (default 100,000 cases)
 *   BENCH_SECONDS=20 npm run bench     longer runs per scenario
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { ensureBuild } from '../src/build.ts';
import { loadConfig } from '../src/config.ts';
import { ensureBenchCases } from '../src/db/benchData.ts';
import { openDatabase, type Database } from '../src/db/client.ts';
import { auditKeyring, useAuditKeys } from '../src/db/audit.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { createDevPki } from '../src/pki/devCa.ts';
import { seedDemo } from '../src/seed/demo.ts';
import { seedDemoActs } from '../src/seed/demoActs.ts';
import { demoPeople } from '../src/seed/people.ts';
import { createDiskBlobStore } from '../src/adapters/storage/blobStore.ts';

const usePglite = process.env.BENCH_DB === 'pglite';
const totalCases = Number(process.env.BENCH_CASES ?? (usePglite ? 100_000 : 1_000_000));
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const adminUrl = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function openBenchDatabase(): Promise<Database> {
  if (usePglite) return openDatabase({ kind: 'pglite', dir: mkdtempSync(path.join(tmpdir(), 'sot-bench-')) + '/db' });
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const exists = await admin.query("select 1 from pg_database where datname = 'sot_bench'");
  if (exists.rowCount === 0) await admin.query('create database sot_bench');
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = '/sot_bench';
  return openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 10 });
}

interface Scenario {
  name: string;
  /** Each request gets a fresh path, so caches and plans see realistic variety. */
  path: () => string;
}

async function sampleNumbers(database: Database, n: number): Promise<string[]> {
  const result = await database.db.execute<{ number: string }>(
    sql`select number from cases tablesample system (1) where number is not null limit ${n}`,
  );
  return result.rows.map((r) => r.number);
}

async function measure(url: string, scenario: Scenario) {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [{ setupRequest: (request) => ({ ...request, path: scenario.path() }) }],
  });
  return {
    name: scenario.name,
    requestsPerSecond: Math.round(result.requests.average),
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

/**
 * A directory holding one root certificate (production refuses to start without any), and the
 * demo judges' certificates under it, so the demo's court acts are signed and their public check
 * verifies each signature for real.
 */
async function benchTrustedRoots(): Promise<{ rootsDir: string; pkiDir: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sot-bench-roots-'));
  const pkiDir = path.join(dir, 'ca');
  const pki = await createDevPki(pkiDir, demoPeople().filter((p) => p.handle.startsWith('judge-')));
  writeFileSync(path.join(dir, 'root.pem'), pki.rootPem);
  return { rootsDir: dir, pkiDir };
}

async function main() {
  await ensureBuild();
  // Migrations and the demo write audited rows before the app exists.
  const auditKey = randomBytes(32).toString('base64url');
  useAuditKeys(auditKeyring({ key: auditKey, previousKeys: [] }));
  const database = await openBenchDatabase();
  try {
    await migrateDatabase(database);
    await seedDemo(database.db);
    const started = performance.now();
    const { existing, added } = await ensureBenchCases(database.db, totalCases);
    console.log(`Data: ${existing + added} benchmark cases on ${database.kind} (${added} generated in ${Math.round(performance.now() - started)} ms)`);

    const numbers = await sampleNumbers(database, 5_000);
    if (numbers.length === 0) throw new Error('no case numbers to sample');
    const pick = () => numbers[Math.floor(Math.random() * numbers.length)]!;
    const courts = ['7517', '9514', '7599', '9113', '9001'];

    const { rootsDir, pkiDir } = await benchTrustedRoots();
    const dataDir = mkdtempSync(path.join(tmpdir(), 'sot-bench-cfg-'));
    await seedDemoActs(database.db, createDiskBlobStore(path.join(dataDir, 'blobs')), pkiDir);
    const actCodes = (await database.db.execute<{ code: string }>(sql`select verify_code as code from documents where verify_code is not null`)).rows.map((r) => r.code);
    if (actCodes.length === 0) throw new Error('no signed court act to check');
    const config = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'bench-secret-bench-secret-bench-secret', TRUSTED_ROOTS_DIR: rootsDir, ACQUIRER_URL: 'https://acquirer.invalid', ACQUIRER_MERCHANT_ID: 'bench', ACQUIRER_SECRET: 'bench-acquirer-secret-bench-acquirer-secret', SMTP_URL: 'smtp://127.0.0.1:9', SMS_GATEWAY_URL: 'https://sms.invalid', SMS_GATEWAY_KEY: 'bench-sms-key-bench-sms-key-bench-sms-key', AUDIT_KEY: auditKey, DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
    const app = await buildApp({ config, database });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

    const scenarios: Scenario[] = [
      { name: 'baseline: GET /health', path: () => '/health' },
      { name: 'API: public case by number', path: () => `/api/v1/public/cases/${encodeURIComponent(pick())}` },
      { name: 'page: case status by number', path: () => `/case-status?number=${encodeURIComponent(pick())}` },
      { name: 'page: court with hearing schedule', path: () => `/courts/${courts[Math.floor(Math.random() * courts.length)]}` },
      { name: 'page: list of courts', path: () => '/courts' },
      { name: 'API: unknown case number (404)', path: () => `/api/v1/public/cases/${encodeURIComponent('7517-99-00-2/9999999')}` },
      { name: 'API: state duty quote', path: () => `/api/v1/duty/quote?filingType=claim&claimantType=individual&category=property&amount=${1000 + Math.floor(Math.random() * 10_000_000)}` },
      { name: 'page: talon check, unknown code (404)', path: () => `/verify/${randomBytes(6).toString('hex').toUpperCase().replace(/[ILOU]/g, '0')}` },
      // The QR on every court act leads here; the judge's signature is checked once per process, then remembered.
      { name: 'page: court act check (QR)', path: () => `/verify/${actCodes[Math.floor(Math.random() * actCodes.length)]}` },
    ];
    // Warm-up, so the first scenario does not pay for JIT and connection set-up.
    await autocannon({ url: `${url}/health`, connections, duration: 2 });
    const results = [];
    for (const scenario of scenarios) results.push(await measure(url, scenario));
    await app.close();

    const baseline = results[0]!.requestsPerSecond;
    const report = results.map((r) => ({ ...r, ratioToBaseline: Number((r.requestsPerSecond / baseline).toFixed(3)) }));
    console.table(report);
    const out = path.resolve('artifacts/bench');
    mkdirSync(out, { recursive: true });
    writeFileSync(
      path.join(out, 'results.json'),
      JSON.stringify({ at: new Date().toISOString(), database: database.kind, cases: existing + added, seconds, connections, results: report }, null, 2),
    );
    console.log(`Written to ${path.join(out, 'results.json')}`);
  } finally {
    await database.close();
  }
}

await main();
