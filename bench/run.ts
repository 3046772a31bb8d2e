/**
 * Load benchmark of the public read paths at national scale (a million cases by default).
 *
 * Sot runs as an operator runs it (`node bin/sot.js start`, production mode, its own process)
 * and beside it, as another process on the same database, a bare `node:http` + `pg` server
 * running the same SQL (bench/baseline.ts). Each scenario loads the two in turn (Sot, baseline,
 * Sot, baseline, …) at the same concurrency and reports the median ratio of their throughput:
 * the machine is shared and noisy, the ratio much less so. Loopback traffic only; every run is
 * bounded in time.
 *
 *   npm run bench                      PostgreSQL at 127.0.0.1, database sot_bench, 1,000,000 cases
 *   BENCH_CASES=200000 npm run bench   smaller
 *   BENCH_SECONDS=20 npm run bench     longer runs per scenario and round
 *   BENCH_ROUNDS=5 npm run bench       more Sot/baseline pairs per scenario
 *   BENCH_JUDGMENTS=200000 npm run bench   a smaller judgment bank for the search scenarios (0: none)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { ensureBuild } from '../src/build.ts';
import { ensureBenchCases } from '../src/db/benchData.ts';
import { ensureBenchHearings } from '../src/db/benchHearings.ts';
import { ensureBenchJudgments } from '../src/db/benchJudgments.ts';
import { BENCH_TERMS } from '../src/seed/benchJudgmentText.ts';
import { openDatabase, type Database } from '../src/db/client.ts';
import { auditKeyring, useAuditKeys } from '../src/db/audit.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { openDevPki } from '../src/pki/devCa.ts';
import { seedDemo } from '../src/seed/demo.ts';
import { seedDemoActs } from '../src/seed/demoActs.ts';
import { demoPeople } from '../src/seed/people.ts';
import { createDiskBlobStore } from '../src/adapters/storage/blobStore.ts';
import { caseSearchScenarios } from './caseSearch.ts';
import { prepareSignedFilings, SIGNED_FILING_SCENARIO } from './filings.ts';
import { hearingListSample, hearingListScenarios, type HearingListSample } from './hearingLists.ts';
import { benchNoticeDrain, NOTICE_DRAIN_SCENARIO, type DrainResult } from './notices.ts';
import { percentile, rssMb } from './processStats.ts';

export interface BenchOptions {
  cases: number;
  seconds: number;
  rounds: number;
  connections: number;
  /** PostgreSQL server whose database `database` is used (created when missing). */
  adminUrl: string;
  database: string;
  /** Where RESULTS.md and the same numbers as JSON go; null writes none. */
  resultsFile: string | null;
  jsonFile: string | null;
  /** The Sot-only checks (court act QR, duty quote, talon 404) besides the paired scenarios. */
  extraScenarios: boolean;
  /** Signed filings with a 1 MB attachment made for the submission scenario; 0 leaves it out. */
  filings: number;
  /** Messages (half e-mail, half SMS) the notice-delivery scenario drains; 0 leaves it out. */
  notices: number;
  /** Published judgments in the bank for the judgment search scenarios; 0 leaves them out. */
  judgments?: number;
  /** Seconds of load before each scenario's measured runs (default 1), so JIT, connections and plans are warm. */
  warmUpSeconds?: number;
  log?: (line: string) => void;
}

export interface Measurement {
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  peakRssMb: number;
  eventLoopDelayP99Ms: number;
  eventLoopDelayMaxMs: number;
}

export interface ScenarioResult {
  name: string;
  /** Status every answer should have (404 for the unknown-number check). */
  expectStatus: number;
  target: { ratio: number; p95Ms?: number } | { requestsPerSecond: number; p99Ms: number; eventLoopDelayMaxMs: number } | { p95Ms: number } | null;
  sot: Measurement[];
  baseline: Measurement[];
  /** Median of Sot's req/s over the baseline's, round by round. */
  medianRatio: number | null;
  met: boolean | null;
}

export interface BenchReport {
  at: string;
  commit: string;
  machine: { cpus: number; cpuModel: string; node: string; postgres: string };
  cases: number;
  /** Published judgments in the bank (0 when the search scenarios were left out). */
  judgments: number;
  seconds: number;
  rounds: number;
  connections: number;
  /** Spawn to the first 200 from /health on a restart, and on the run's first start. */
  timeToReadyMs: number;
  firstStartMs: number;
  scenarios: ScenarioResult[];
  /** Background work measured in items per minute rather than requests. */
  drains: DrainResult[];
}

interface Scenario {
  name: string;
  /** Each request gets a fresh path, so caches and plans see realistic variety. */
  path: () => string;
  expectStatus?: number;
  target: ScenarioResult['target'];
  /** Whether the baseline serves it too. */
  paired: boolean;
  /** A signed-in scenario's session cookie, made afresh for each run. */
  cookie?: () => Promise<string>;
  /**
   * Requests that change state, each to be sent once (a signed filing is submitted once): made
   * before the timed part, and the run lasts until all are answered rather than `seconds`.
   */
  once?: (server: Server, warmUp: boolean) => Promise<{ method: 'POST'; path: string; headers: Record<string, string>; body: string }[]>;
}

interface Server {
  name: string;
  url: string;
  child: ChildProcess;
  /** The event-loop delay since the previous call, as measured inside the server. */
  eventLoopDelay(): Promise<{ p99Ms: number; maxMs: number }>;
  stop(): Promise<void>;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};


async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}


/** Starts a process and waits for the first 200 from its /health; returns the time that took. */
async function spawnServer(name: string, args: string[], env: Record<string, string>, port: number): Promise<{ child: ChildProcess; readyMs: number; output: () => string }> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let exited: number | null | undefined;
  child.once('exit', (code) => (exited = code));
  const deadline = started + 120_000;
  for (;;) {
    if (exited !== undefined) throw new Error(`${name} exited with ${exited} before it was ready:\n${output}`);
    if (performance.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} was not ready in 120 s:\n${output}`);
    }
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health`);
      if (response.status === 200) return { child, readyMs: performance.now() - started, output: () => output };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function measure(server: Server, scenario: Scenario, seconds: number, connections: number, warmUp = false): Promise<Measurement> {
  await server.eventLoopDelay(); // starts a fresh window
  let peakRss = rssMb(server.child.pid!);
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(server.child.pid!))), 200);
  const latencies: number[] = [];
  let wrongStatus = 0;
  const expected = scenario.expectStatus ?? 200;
  const once = scenario.once ? await scenario.once(server, warmUp) : null;
  const headers = scenario.cookie ? { cookie: await scenario.cookie() } : undefined;
  let sent = 0;
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: server.url,
        connections,
        ...(once ? { amount: once.length } : { duration: seconds }),
        requests: [{ setupRequest: (request) => (once ? { ...request, ...once[sent++ % once.length]! } : { ...request, path: scenario.path(), ...(headers ? { headers: { ...request.headers, ...headers } } : {}) }) }],
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (statusCode !== expected) wrongStatus++;
    });
  });
  const elapsedSeconds = once ? (performance.now() - started) / 1000 : seconds;
  clearInterval(sampler);
  const delay = await server.eventLoopDelay();
  latencies.sort((a, b) => a - b);
  return {
    requestsPerSecond: Math.round(latencies.length / elapsedSeconds),
    p50Ms: Number(percentile(latencies, 50).toFixed(2)),
    p95Ms: Number(percentile(latencies, 95).toFixed(2)),
    p99Ms: Number(percentile(latencies, 99).toFixed(2)),
    requests: latencies.length,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: wrongStatus,
    peakRssMb: Math.round(peakRss),
    eventLoopDelayP99Ms: Number(delay.p99Ms.toFixed(2)),
    eventLoopDelayMaxMs: Number(delay.maxMs.toFixed(2)),
  };
}

/** The judgment search scenarios: Sot alone (the baseline has no search), each with a p95 target. */
export const JUDGMENT_SCENARIOS = {
  pageRare: 'page: judgment search, rare term (ru/kk)',
  pageCommon: 'page: judgment search, common term (ru/kk)',
  apiRare: 'API: judgment search, rare term (ru/kk)',
  apiCommon: 'API: judgment search, common term (ru/kk)',
} as const;

async function prepareDatabase(options: BenchOptions, log: (line: string) => void): Promise<{ url: string; numbers: string[]; actCodes: string[]; pkiRoot: string; cases: number; judgments: number; postgres: string; hearingLists: HearingListSample }> {
  const admin = new pg.Client({ connectionString: options.adminUrl });
  await admin.connect();
  const exists = await admin.query('select 1 from pg_database where datname = $1', [options.database]);
  if (exists.rowCount === 0) await admin.query(`create database "${options.database.replace(/"/g, '')}"`);
  const postgres = String((await admin.query('show server_version')).rows[0].server_version);
  await admin.end();
  const url = new URL(options.adminUrl);
  url.pathname = `/${options.database}`;
  const database: Database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 4 });
  try {
    await migrateDatabase(database);
    await seedDemo(database.db);
    const started = performance.now();
    const { existing, added } = await ensureBenchCases(database.db, options.cases);
    log(`Data: ${existing + added} benchmark cases (${added} generated in ${Math.round(performance.now() - started)} ms)`);
    const hearingsStarted = performance.now();
    const heard = await ensureBenchHearings(database.db, new Date());
    log(`Data: ${heard.existing + heard.added} benchmark hearings on ${heard.days.length} working days (${heard.added} generated in ${Math.round(performance.now() - hearingsStarted)} ms)`);
    const hearingLists = await hearingListSample(database.db, heard.days);
    if (options.judgments) {
      const bankStarted = performance.now();
      const bank = await ensureBenchJudgments(database.db, options.judgments);
      log(`Data: ${bank.existing + bank.added} benchmark judgments (${bank.added} generated in ${Math.round(performance.now() - bankStarted)} ms)`);
    }
    // The demo judges' certificates under one root, so the court act check verifies real signatures.
    const pkiRoot = mkdtempSync(path.join(tmpdir(), 'sot-bench-roots-'));
    const pki = await openDevPki(path.join(pkiRoot, 'ca'), demoPeople());
    writeFileSync(path.join(pkiRoot, 'root.pem'), pki.rootPem);
    if (options.extraScenarios) await seedDemoActs(database.db, createDiskBlobStore(path.join(pkiRoot, 'blobs')), pki);
    // A 1% block sample spreads over the whole table; a small table is sampled whole.
    const sampled = await database.db.execute<{ number: string }>(sql`select number from cases tablesample system (1) where number is not null and registered_at < '2020-01-01' limit 5000`);
    const rows = sampled.rows.length >= 100 ? sampled.rows : (await database.db.execute<{ number: string }>(sql`select number from cases where number is not null and registered_at < '2020-01-01' order by random() limit 5000`)).rows;
    const numbers = rows.map((r) => r.number);
    if (numbers.length === 0) throw new Error('no case numbers to sample');
    const actCodes = (await database.db.execute<{ code: string }>(sql`select verify_code as code from documents where verify_code is not null`)).rows.map((r) => r.code);
    const bank = options.judgments ? Number((await database.db.execute<{ n: string }>(sql`select count(*) as n from judgments where status = 'published'`)).rows[0]!.n) : 0;
    return { url: url.toString(), numbers, actCodes, pkiRoot, cases: existing + added, judgments: bank, postgres, hearingLists };
  } finally {
    await database.close();
  }
}

/** Sot's production settings for the benchmark: every required one, the stand-ins' addresses unreachable. */
function sotEnv(databaseUrl: string, pkiRoot: string, auditKey: string, port: number, metricsToken: string): Record<string, string> {
  const secret = () => randomBytes(32).toString('base64url');
  return {
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: databaseUrl,
    DB_POOL_SIZE: '10',
    // Request logs at info would measure the log pipe rather than Sot.
    LOG_LEVEL: 'warn',
    SESSION_SECRET: secret(),
    AUDIT_KEY: auditKey,
    METRICS_TOKEN: metricsToken,
    TRUSTED_ROOTS_DIR: pkiRoot,
    EDS_REVOCATION: 'off',
    ACQUIRER_URL: 'https://acquirer.invalid',
    ACQUIRER_MERCHANT_ID: 'bench',
    ACQUIRER_SECRET: secret(),
    SMTP_URL: 'smtp://127.0.0.1:9',
    SMS_GATEWAY_URL: 'https://sms.invalid',
    SMS_GATEWAY_KEY: secret(),
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'sot-bench-data-')),
    DEMO: 'false',
  };
}

/** BENCH_PROFILE=dir writes Sot's CPU profile there when it stops (node --cpu-prof). */
const profileFlags = () => (process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_PROFILE)}`] : []);

async function startSot(databaseUrl: string, pkiRoot: string, auditKey: string): Promise<Server & { readyMs: number }> {
  const port = await freePort();
  const metricsToken = randomBytes(24).toString('base64url');
  const { child, readyMs, output } = await spawnServer('sot', [...profileFlags(), path.resolve('bin/sot.js'), 'start'], sotEnv(databaseUrl, pkiRoot, auditKey, port, metricsToken), port);
  const url = `http://127.0.0.1:${port}`;
  return {
    name: 'sot',
    url,
    child,
    readyMs,
    async eventLoopDelay() {
      // prom-client's default metrics read monitorEventLoopDelay and reset it on every scrape.
      const text = await (await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } })).text();
      const value = (name: string) => Number(new RegExp(`^${name} ([\\d.e+-]+)`, 'm').exec(text)?.[1] ?? NaN) * 1000;
      if (Number.isNaN(value('sot_nodejs_eventloop_lag_p99_seconds'))) throw new Error(`no event-loop metrics from Sot:\n${output()}`);
      return { p99Ms: value('sot_nodejs_eventloop_lag_p99_seconds'), maxMs: value('sot_nodejs_eventloop_lag_max_seconds') };
    },
    stop: () => stopChild(child),
  };
}

async function startBaselineProcess(databaseUrl: string): Promise<Server> {
  const port = await freePort();
  const { child } = await spawnServer('baseline', ['--import', 'tsx', path.resolve('bench/baseline.ts')], { BASELINE_DATABASE_URL: databaseUrl, PORT: String(port) }, port);
  const url = `http://127.0.0.1:${port}`;
  return {
    name: 'baseline',
    url,
    child,
    async eventLoopDelay() {
      const stats = (await (await fetch(`${url}/__stats`)).json()) as { eventLoopDelayP99Ms: number; eventLoopDelayMaxMs: number };
      return { p99Ms: stats.eventLoopDelayP99Ms, maxMs: stats.eventLoopDelayMaxMs };
    },
    stop: () => stopChild(child),
  };
}

function gitCommit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim() !== '';
    return dirty ? `${head} (with uncommitted changes)` : head;
  } catch {
    return 'unknown';
  }
}

export async function runBench(options: BenchOptions): Promise<BenchReport> {
  const log = options.log ?? ((line: string) => console.log(line));
  await ensureBuild();
  const auditKey = randomBytes(32).toString('base64url');
  useAuditKeys(auditKeyring({ key: auditKey, previousKeys: [] }));
  const prepared = await prepareDatabase(options, log);
  const pick = () => prepared.numbers[Math.floor(Math.random() * prepared.numbers.length)]!;
  const courts = ['7517', '9514', '7599', '9113', '9001'];
  const pickCourt = () => courts[Math.floor(Math.random() * courts.length)]!;

  const scenarios: Scenario[] = [
    { name: 'API: public case by number', path: () => `/api/v1/public/cases/${encodeURIComponent(pick())}`, target: { ratio: 0.9, p95Ms: 5 }, paired: true },
    { name: 'page: case status by number', path: () => `/case-status?number=${encodeURIComponent(pick())}`, target: { ratio: 0.9, p95Ms: 5 }, paired: true },
    { name: 'page: court with hearing schedule', path: () => `/courts/${pickCourt()}`, target: { ratio: 0.8 }, paired: true },
    { name: 'page: list of courts', path: () => '/courts', target: { ratio: 0.8 }, paired: true },
    { name: 'API: unknown case number (404)', path: () => `/api/v1/public/cases/${encodeURIComponent('7517-99-00-2/9999999')}`, expectStatus: 404, target: null, paired: true },
  ];
  if (options.extraScenarios) {
    scenarios.push(
      { name: 'API: state duty quote', path: () => `/api/v1/duty/quote?filingType=claim&claimantType=individual&category=property&amount=${1000 + Math.floor(Math.random() * 10_000_000)}`, target: null, paired: false },
      { name: 'page: talon check, unknown code (404)', path: () => `/verify/${randomBytes(6).toString('hex').toUpperCase().replace(/[ILOU]/g, '0')}`, expectStatus: 404, target: null, paired: false },
    );
    // The QR on every court act leads here; the judge's signature is checked once per process, then remembered.
    if (prepared.actCodes.length > 0) scenarios.push({ name: 'page: court act check (QR)', path: () => `/verify/${prepared.actCodes[Math.floor(Math.random() * prepared.actCodes.length)]}`, target: null, paired: false });
  }

  if (options.judgments) {
    // Russian and Kazakh picked in turn: a common word is in most acts of its language, a rare one
    // in about one in a thousand or fewer (src/seed/benchJudgmentText.ts).
    const terms = (kind: 'common' | 'rare') => [...BENCH_TERMS.ru[kind], ...BENCH_TERMS.kk[kind]];
    const pickTerm = (kind: 'common' | 'rare') => encodeURIComponent(terms(kind)[Math.floor(Math.random() * terms(kind).length)]!);
    scenarios.push(
      { name: JUDGMENT_SCENARIOS.pageRare, path: () => `/judgments?q=${pickTerm('rare')}`, target: { p95Ms: 50 }, paired: false },
      { name: JUDGMENT_SCENARIOS.pageCommon, path: () => `/judgments?q=${pickTerm('common')}`, target: { p95Ms: 50 }, paired: false },
      { name: JUDGMENT_SCENARIOS.apiRare, path: () => `/api/v1/public/judgments?q=${pickTerm('rare')}`, target: { p95Ms: 50 }, paired: false },
      { name: JUDGMENT_SCENARIOS.apiCommon, path: () => `/api/v1/public/judgments?q=${pickTerm('common')}`, target: { p95Ms: 50 }, paired: false },
    );
  }

  // The public hearing lists and the signed-in case searches: Sot's alone, each with a p95 target.
  scenarios.push(...hearingListScenarios(prepared.hearingLists), ...caseSearchScenarios(prepared.url));

  if (options.filings > 0) {
    scenarios.push({
      name: SIGNED_FILING_SCENARIO,
      path: () => '/',
      expectStatus: 201,
      target: { requestsPerSecond: 300, p99Ms: 200, eventLoopDelayMaxMs: 20 },
      paired: false,
      // Each draft is submitted once; they are made (through Sot's API) and signed before the timed part.
      once: async (server, warmUp) =>
        (await prepareSignedFilings({ databaseUrl: prepared.url, sotUrl: server.url, caDir: path.join(prepared.pkiRoot, 'ca'), count: warmUp ? Math.min(20, options.filings) : options.filings, concurrency: options.connections })).map((filing) => ({
          method: 'POST' as const,
          path: `/api/v1/filings/${filing.id}/submit`,
          headers: { cookie: filing.cookie, 'content-type': 'application/json' },
          body: filing.body,
        })),
    });
  }

  // BENCH_ONLY=text keeps the scenarios whose name contains it (for profiling one path).
  const only = process.env.BENCH_ONLY;
  if (only) scenarios.splice(0, scenarios.length, ...scenarios.filter((s) => s.name.includes(only)));
  const sot = await startSot(prepared.url, prepared.pkiRoot, auditKey);
  log(`Sot ready in ${Math.round(sot.readyMs)} ms (spawn to the first 200 from /health)`);
  let baseline: Server | undefined;
  try {
    baseline = await startBaselineProcess(prepared.url);
    // Warm-up, so the first scenario does not pay for JIT, connections and statement plans.
    for (const server of [sot, baseline]) {
      for (const scenario of scenarios.filter((s) => s.paired || server === sot)) await measure(server, scenario, options.warmUpSeconds ?? 1, options.connections, true);
    }
    const results: ScenarioResult[] = [];
    for (const scenario of scenarios) {
      const result: ScenarioResult = { name: scenario.name, expectStatus: scenario.expectStatus ?? 200, target: scenario.target, sot: [], baseline: [], medianRatio: null, met: null };
      for (let round = 0; round < (scenario.paired ? options.rounds : 1); round++) {
        result.sot.push(await measure(sot, scenario, options.seconds, options.connections));
        if (scenario.paired) result.baseline.push(await measure(baseline, scenario, options.seconds, options.connections));
      }
      if (scenario.paired) {
        result.medianRatio = Number(median(result.sot.map((s, i) => s.requestsPerSecond / Math.max(1, result.baseline[i]!.requestsPerSecond))).toFixed(3));
        if (scenario.target && 'ratio' in scenario.target) {
          const p95 = median(result.sot.map((s) => s.p95Ms));
          result.met = result.medianRatio >= scenario.target.ratio && (scenario.target.p95Ms === undefined || p95 < scenario.target.p95Ms);
        }
      }
      if (scenario.target && !('ratio' in scenario.target) && !('requestsPerSecond' in scenario.target)) {
        const p95 = median(result.sot.map((s) => s.p95Ms));
        result.met = p95 < scenario.target.p95Ms && result.sot.every((s) => s.errors + s.timeouts + s.non2xx === 0);
      }
      if (scenario.target && 'requestsPerSecond' in scenario.target) {
        const target = scenario.target;
        result.met = result.sot.every((s) => s.requestsPerSecond >= target.requestsPerSecond && s.p99Ms < target.p99Ms && s.eventLoopDelayMaxMs <= target.eventLoopDelayMaxMs && s.errors + s.timeouts + s.non2xx === 0);
      }
      const last = result.sot.at(-1)!;
      log(`${scenario.name}: Sot ${last.requestsPerSecond} req/s p95 ${last.p95Ms} ms${result.medianRatio !== null ? `, ratio ${result.medianRatio}` : ''}`);
      results.push(result);
    }
    // Time to ready on the existing database: a restart, as after a deploy. The first start above
    // may also have made pg-boss's schema, and it ran beside the data preparation's aftermath.
    await sot.stop();
    const restarted = await startSot(prepared.url, prepared.pkiRoot, auditKey);
    await restarted.stop();
    log(`Sot ready again in ${Math.round(restarted.readyMs)} ms after a restart`);
    const drains: DrainResult[] = [];
    if (options.notices > 0 && (!only || NOTICE_DRAIN_SCENARIO.includes(only))) {
      drains.push(
        await benchNoticeDrain({
          databaseUrl: prepared.url,
          messages: options.notices,
          concurrency: options.connections,
          sotEnv: sotEnv(prepared.url, prepared.pkiRoot, auditKey, await freePort(), randomBytes(24).toString('base64url')),
          nodeFlags: profileFlags(),
          log,
        }),
      );
    }
    const cpu = cpus();
    const report: BenchReport = {
      at: new Date().toISOString(),
      commit: gitCommit(),
      machine: { cpus: cpu.length, cpuModel: cpu[0]?.model ?? 'unknown', node: process.version, postgres: prepared.postgres },
      cases: prepared.cases,
      judgments: prepared.judgments,
      seconds: options.seconds,
      rounds: options.rounds,
      connections: options.connections,
      timeToReadyMs: Math.round(restarted.readyMs),
      firstStartMs: Math.round(sot.readyMs),
      scenarios: results,
      drains,
    };
    if (options.resultsFile) {
      writeFileSync(options.resultsFile, resultsMarkdown(report));
      log(`Written to ${options.resultsFile}`);
    }
    if (options.jsonFile) {
      mkdirSync(path.dirname(options.jsonFile), { recursive: true });
      writeFileSync(options.jsonFile, JSON.stringify(report, null, 2));
    }
    return report;
  } finally {
    await baseline?.stop();
    await sot.stop();
  }
}

const fmt = (values: number[]) => String(median(values));

export function resultsMarkdown(report: BenchReport): string {
  const lines = [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` on ${report.at}, commit ${report.commit}.`,
    '',
    `- Machine: ${report.machine.cpus} × ${report.machine.cpuModel}, Node ${report.machine.node}, PostgreSQL ${report.machine.postgres} (shared with other work: absolute numbers are low and noisy, the ratios are what to compare)`,
    `- Data: ${report.cases.toLocaleString('en')} benchmark cases${report.judgments ? ` and ${report.judgments.toLocaleString('en')} published judgments (two in Russian to one in Kazakh)` : ''} plus the demo's courts, people and cases`,
    `- Load: autocannon, ${report.connections} connections, ${report.seconds} s per run, ${report.rounds} rounds of Sot then baseline per scenario; medians over the rounds`,
    `- Sot: \`node bin/sot.js start\`, production mode, its own process; baseline: bench/baseline.ts, a bare node:http + pg server running the same SQL, its own process`,
    `- Time to ready of \`sot start\` on the existing database (a restart; spawn to the first 200 from /health): **${report.timeToReadyMs} ms** (target < 3000 ms: ${report.timeToReadyMs < 3000 ? 'met' : '**missed**'}); the run's first start took ${report.firstStartMs} ms`,
    '',
    '| scenario | Sot req/s | baseline req/s | ratio (median) | target | met | Sot p50 / p95 / p99 ms | baseline p50 / p95 / p99 ms | Sot errors / timeouts / unexpected status | Sot peak RSS MB | baseline peak RSS MB | Sot event-loop delay p99 / max ms | baseline event-loop delay p99 / max ms |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const s of report.scenarios) {
    const sot = s.sot;
    const base = s.baseline;
    const sum = (pick: (m: Measurement) => number) => sot.reduce((n, m) => n + pick(m), 0);
    const target = !s.target
      ? '—'
      : 'ratio' in s.target
        ? `≥ ${s.target.ratio}×${s.target.p95Ms !== undefined ? `, p95 < ${s.target.p95Ms} ms` : ''}`
        : !('requestsPerSecond' in s.target)
          ? `p95 < ${s.target.p95Ms} ms`
          : `≥ ${s.target.requestsPerSecond} req/s, p99 < ${s.target.p99Ms} ms, event-loop delay max ≤ ${s.target.eventLoopDelayMaxMs} ms`;
    lines.push(
      `| ${s.name}${s.expectStatus !== 200 ? ` (expects ${s.expectStatus})` : ''} | ${fmt(sot.map((m) => m.requestsPerSecond))} | ${base.length ? fmt(base.map((m) => m.requestsPerSecond)) : '—'} | ${s.medianRatio ?? '—'} | ${target} | ${s.met === null ? '—' : s.met ? 'met' : '**missed**'} | ${fmt(sot.map((m) => m.p50Ms))} / ${fmt(sot.map((m) => m.p95Ms))} / ${fmt(sot.map((m) => m.p99Ms))} | ${base.length ? `${fmt(base.map((m) => m.p50Ms))} / ${fmt(base.map((m) => m.p95Ms))} / ${fmt(base.map((m) => m.p99Ms))}` : '—'} | ${sum((m) => m.errors)} / ${sum((m) => m.timeouts)} / ${sum((m) => m.non2xx)} | ${Math.max(...sot.map((m) => m.peakRssMb))} | ${base.length ? Math.max(...base.map((m) => m.peakRssMb)) : '—'} | ${fmt(sot.map((m) => m.eventLoopDelayP99Ms))} / ${Math.max(...sot.map((m) => m.eventLoopDelayMaxMs))} | ${base.length ? `${fmt(base.map((m) => m.eventLoopDelayP99Ms))} / ${Math.max(...base.map((m) => m.eventLoopDelayMaxMs))}` : '—'} |`,
    );
  }
  if (report.drains.length) {
    lines.push(
      '',
      'Background work, drained by `sot start --role worker` (production mode, its own process); the baseline is a bare loop sending the same number of messages straight to the same stand-ins through the same clients at the same concurrency. Sot\'s rate is taken from the first message marked `sent` to the last (the worker\'s start-up not counted); its percentiles are how long after that first message each one was sent, the baseline\'s are each message\'s own send time.',
      '',
      '| scenario | messages | concurrency | Sot items/min | baseline items/min | ratio | target | met | Sot sent after p50 / p95 / p99 ms | baseline send p50 / p95 / p99 ms | Sot errors (failed or not sent) / baseline errors | worker peak RSS MB | worker event-loop delay p99 / max ms | worker spawn to drained ms |',
      '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    );
    for (const d of report.drains) {
      lines.push(
        `| ${d.name} | ${d.sot.messages} | ${d.concurrency} | ${d.sot.perMinute} | ${d.baseline.perMinute} | ${d.ratio} | ≥ ${d.target.perMinute.toLocaleString('en')}/min | ${d.met ? 'met' : '**missed**'} | ${d.sot.p50Ms} / ${d.sot.p95Ms} / ${d.sot.p99Ms} | ${d.baseline.p50Ms} / ${d.baseline.p95Ms} / ${d.baseline.p99Ms} | ${d.sot.errors} / ${d.baseline.errors} | ${d.sot.peakRssMb} | ${d.sot.eventLoopDelayP99Ms} / ${d.sot.eventLoopDelayMaxMs} | ${d.spawnToDrainedMs} |`,
      );
    }
  }
  lines.push('', 'Per-round ratios (Sot req/s ÷ baseline req/s):', '');
  for (const s of report.scenarios.filter((r) => r.baseline.length)) {
    lines.push(`- ${s.name}: ${s.sot.map((m, i) => (m.requestsPerSecond / Math.max(1, s.baseline[i]!.requestsPerSecond)).toFixed(3)).join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runBench({
    cases: Number(process.env.BENCH_CASES ?? 1_000_000),
    seconds: Number(process.env.BENCH_SECONDS ?? 10),
    rounds: Number(process.env.BENCH_ROUNDS ?? 3),
    connections: Number(process.env.BENCH_CONNECTIONS ?? 10),
    adminUrl: process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    database: process.env.BENCH_DATABASE ?? 'sot_bench',
    resultsFile: process.env.BENCH_RESULTS ?? path.resolve('bench/RESULTS.md'),
    jsonFile: path.resolve('artifacts/bench/results.json'),
    extraScenarios: process.env.BENCH_EXTRA !== '0',
    notices: Number(process.env.BENCH_NOTICES ?? 20_000),
    judgments: Number(process.env.BENCH_JUDGMENTS ?? 1_000_000),
    filings: Number(process.env.BENCH_FILINGS ?? 1_000),
  });
}
