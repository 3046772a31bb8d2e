import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASELINE_SQL } from '../../bench/baseline.ts';
import { CASE_SEARCH_SCENARIOS } from '../../bench/caseSearch.ts';
import { HEARING_LIST_SCENARIOS } from '../../bench/hearingLists.ts';
import { JUDGMENT_SCENARIOS, runBench, type BenchReport } from '../../bench/run.ts';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { courtPage, listCourts } from '../../src/queries/courts.ts';
import { findPublicCase } from '../../src/queries/publicCase.ts';
import { TEST_NOW } from '../support/app.ts';
import { createPostgresDatabase, postgresUnavailable, testDbKind } from '../support/db.ts';

// The benchmark at smoke scale, so it keeps working: Sot and the baseline as their own processes
// on PostgreSQL, a couple of thousand cases, half a second per run. It checks that every scenario was
// measured without errors, not how fast (the shared machine makes speed meaningless here); with
// a few signed filings submitted and a few notices drained by a worker process.
const describePostgres = testDbKind === 'postgres' && !postgresUnavailable ? describe : describe.skip;

describePostgres('benchmark at smoke scale', () => {
  let target: { url: string; drop(): Promise<void> };
  beforeAll(async () => {
    target = await createPostgresDatabase();
  });
  afterAll(() => target?.drop());

  it('the baseline runs the very SQL Sot prepares for the public reads', async () => {
    // The statements are what matters here, not their rows: an empty database will do.
    const database: Database = await openDatabase({ kind: 'postgres', url: target.url, poolSize: 2 });
    try {
      const seen = new Map<string, string>();
      const query = database.pool.query.bind(database.pool) as (...args: unknown[]) => unknown;
      (database.pool as unknown as { query: (...args: unknown[]) => unknown }).query = (config: unknown, ...rest: unknown[]) => {
        const named = config as { name?: string; text?: string };
        if (typeof config === 'object' && named.name && named.text) seen.set(named.name, named.text);
        return query(config, ...rest);
      };
      await findPublicCase(database.db, '7517-26-00-2/1', TEST_NOW);
      await courtPage(database.db, '7517', TEST_NOW, 14);
      await listCourts(database.db);
      // Sot also reads the courts directory's version, to know its cached courts are current;
      // the baseline has no cache and fetches the courts every time.
      const { courts_directory_version: versionRead, ...statements } = Object.fromEntries(seen);
      expect(versionRead).toMatch(/from "directory_versions"/);
      expect(statements).toEqual({
        public_case_by_number: BASELINE_SQL.publicCaseByNumber,
        court_by_code: BASELINE_SQL.courtByCode,
        lower_courts_by_code: BASELINE_SQL.lowerCourtsByCode,
        cassation_courts_by_code: BASELINE_SQL.cassationCourtsByCode,
        court_schedule: BASELINE_SQL.courtSchedule,
        all_courts: BASELINE_SQL.allCourts,
      });
    } finally {
      await database.close();
    }
  });

  it('measures every scenario on Sot and on the baseline, with no errors, and writes the results', async () => {
    const url = new URL(target.url);
    const databaseName = url.pathname.slice(1);
    url.pathname = '/postgres';
    const resultsFile = path.join(mkdtempSync(path.join(tmpdir(), 'sot-bench-smoke-')), 'RESULTS.md');
    const report: BenchReport = await runBench({
      cases: 2_000,
      seconds: 0.5,
      warmUpSeconds: 0.5,
      rounds: 1,
      connections: 4,
      adminUrl: url.toString(),
      database: databaseName,
      resultsFile,
      jsonFile: null,
      extraScenarios: false,
      notices: 6,
      filings: 4,
      judgments: 600,
      log: () => {},
    });
    expect(report.cases).toBeGreaterThanOrEqual(2_000);
    expect(report.timeToReadyMs).toBeGreaterThan(0);
    expect(report.scenarios.map((s) => s.name)).toEqual([
      'API: public case by number',
      'page: case status by number',
      'page: court with hearing schedule',
      'page: list of courts',
      'API: unknown case number (404)',
      ...Object.values(JUDGMENT_SCENARIOS),
      ...Object.values(HEARING_LIST_SCENARIOS),
      ...Object.values(CASE_SEARCH_SCENARIOS),
      'API: submit a signed filing with a 1 MB attachment',
    ]);
    expect(report.judgments).toBeGreaterThanOrEqual(600);
    // The judgment searches, the hearing lists and the case searches are Sot's alone, each judged
    // by its p95 rather than a ratio; a case search answered other than 200 had no working session.
    const p95Targets = new Map<string, number>([
      ...Object.values(JUDGMENT_SCENARIOS).map((name) => [name, 50] as const),
      ...Object.values(HEARING_LIST_SCENARIOS).map((name) => [name, 50] as const),
      ...Object.values(CASE_SEARCH_SCENARIOS).map((name) => [name, 100] as const),
    ]);
    const searches = report.scenarios.filter((s) => p95Targets.has(s.name));
    expect(searches).toHaveLength(p95Targets.size);
    for (const search of searches) {
      expect(search.target, search.name).toEqual({ p95Ms: p95Targets.get(search.name) });
      expect(search.baseline).toEqual([]);
      expect(typeof search.met).toBe('boolean');
      for (const run of search.sot) {
        expect(run.requests, search.name).toBeGreaterThan(0);
        expect({ scenario: search.name, errors: run.errors, timeouts: run.timeouts, unexpectedStatus: run.non2xx }).toEqual({ scenario: search.name, errors: 0, timeouts: 0, unexpectedStatus: 0 });
      }
    }
    // Every prepared filing submitted once, each answered 201 with its talon.
    const filings = report.scenarios.find((s) => s.name === 'API: submit a signed filing with a 1 MB attachment')!;
    expect(filings.sot.map((run) => run.requests)).toEqual([4]);
    expect(filings.baseline).toEqual([]);
    for (const run of filings.sot) {
      expect({ errors: run.errors, timeouts: run.timeouts, unexpectedStatus: run.non2xx }).toEqual({ errors: 0, timeouts: 0, unexpectedStatus: 0 });
      expect(run.peakRssMb).toBeGreaterThan(0);
      expect(Number.isFinite(run.eventLoopDelayMaxMs)).toBe(true);
    }
    for (const scenario of report.scenarios.filter((s) => s !== filings && !searches.includes(s))) {
      for (const run of [...scenario.sot, ...scenario.baseline]) {
        expect(run.requests, scenario.name).toBeGreaterThan(0);
        expect({ scenario: scenario.name, errors: run.errors, timeouts: run.timeouts, unexpectedStatus: run.non2xx }).toEqual({ scenario: scenario.name, errors: 0, timeouts: 0, unexpectedStatus: 0 });
        expect(run.peakRssMb).toBeGreaterThan(0);
        expect(Number.isFinite(run.eventLoopDelayP99Ms)).toBe(true);
      }
      expect(scenario.sot).toHaveLength(1);
      expect(scenario.baseline).toHaveLength(1);
      expect(scenario.medianRatio).toBeGreaterThan(0);
    }
    // A few notices drained by a worker process, and the same number straight to the stand-ins.
    expect(report.drains.map((d) => d.name)).toEqual(['worker: notices drained to the SMTP and SMS stand-ins']);
    for (const drain of report.drains) {
      expect(drain.sot.messages).toBe(6);
      expect(drain.baseline.messages).toBe(6);
      expect({ sot: drain.sot.errors, baseline: drain.baseline.errors }).toEqual({ sot: 0, baseline: 0 });
      expect(drain.sot.perMinute).toBeGreaterThan(0);
      expect(drain.baseline.perMinute).toBeGreaterThan(0);
      expect(drain.sot.peakRssMb).toBeGreaterThan(0);
      expect(Number.isFinite(drain.sot.eventLoopDelayMaxMs)).toBe(true);
    }
    const written = readFileSync(resultsFile, 'utf8');
    expect(written).toContain('| worker: notices drained to the SMTP and SMS stand-ins | 6 |');
    expect(written).toContain('| API: public case by number |');
    expect(written).toContain('Time to ready');
    expect(written).toContain(`| ${JUDGMENT_SCENARIOS.apiCommon} |`);
    expect(written).toContain('p95 < 50 ms');
    expect(written).toContain(`| ${HEARING_LIST_SCENARIOS.apiCountry} |`);
    expect(written).toContain(`| ${CASE_SEARCH_SCENARIOS.courtByName} |`);
    expect(written).toContain('p95 < 100 ms');
  }, 180_000);
});
