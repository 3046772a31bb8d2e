import pg from 'pg';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { ensureQueue, isQueueCreationRace, isSchemaInstallRace, startJobQueue } from '../../src/jobs/jobQueue.ts';
import { createPostgresDatabase, postgresUnavailable, testDbKind } from '../support/db.ts';

// Several processes on one PostgreSQL database: the embedded database belongs to one process.
const describeCluster = testDbKind === 'postgres' && !postgresUnavailable ? describe : describe.skip;

describeCluster('the job queue of a cluster', () => {
  it('starts when another process installs its schema at the same moment', async () => {
    const created = await createPostgresDatabase();
    const database = await openDatabase({ kind: 'postgres', url: created.url, poolSize: 3 });
    // The other process of a cluster's first start, caught half-way: its schema made, not committed.
    const other = new pg.Client({ connectionString: created.url });
    await other.connect();
    try {
      await other.query('begin');
      await other.query('create schema pgboss');
      const starting = startJobQueue(database.pool, pino({ level: 'silent' }), { maintain: false });
      const outcome = starting.then(
        () => 'started',
        (error: unknown) => error,
      );
      // This start finds no schema, makes its own, and waits on the other's uncommitted row.
      for (let waited = 0; ; waited += 50) {
        const { rows } = await database.pool.query(`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`);
        if (rows[0].n > 0) break;
        if (waited > 10_000) throw new Error('the start never waited on the other schema');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await other.query('commit');
      // PostgreSQL tells the loser as a unique violation in its catalogue, not "already exists".
      expect(await outcome).toBe('started');
      await (await starting).stop({ graceful: false, close: false });
      const { rows } = await database.pool.query(`select to_regclass('pgboss.job') is not null as installed`);
      expect(rows[0].installed).toBe(true);
    } finally {
      await other.end();
      await database.close();
      await created.drop();
    }
  }, 60_000);

  /** An error as the driver reports PostgreSQL's: a SQLSTATE with a severity. */
  const pgError = (fields: Record<string, string>) => Object.assign(new Error('duplicate key value violates unique constraint'), { severity: 'ERROR', ...fields });

  it('tells that race from other failures', () => {
    expect(isSchemaInstallRace(pgError({ code: '23505', schema: 'pg_catalog', table: 'pg_namespace' }))).toBe(true);
    expect(isSchemaInstallRace(pgError({ code: '23505', schema: 'pg_catalog', table: 'pg_type' }))).toBe(true);
    expect(isSchemaInstallRace(new Error('Failed query', { cause: pgError({ code: '23505', schema: 'pg_catalog', table: 'pg_type' }) }))).toBe(true);
    expect(isSchemaInstallRace(pgError({ code: '23505', schema: 'public', table: 'users' }))).toBe(false);
    expect(isSchemaInstallRace(pgError({ code: '57P01' }))).toBe(false);
    expect(isSchemaInstallRace(new Error('connection refused'))).toBe(false);
    expect(isSchemaInstallRace(undefined)).toBe(false);
  });

  it('creates a queue when every process of a first start creates it at once', async () => {
    const created = await createPostgresDatabase();
    const databases = await Promise.all([1, 2, 3, 4].map(() => openDatabase({ kind: 'postgres', url: created.url, poolSize: 3 })));
    const log = pino({ level: 'silent' });
    try {
      const bosses = await Promise.all(databases.map((d) => startJobQueue(d.pool, log, { maintain: false })));
      // As three web processes and a worker do on start (the deadlock CI met once in four runs).
      await Promise.all(bosses.flatMap((boss) => ['race-a', 'race-b'].map((name) => ensureQueue(boss, name, { retryLimit: 1 }))));
      const { rows } = await databases[0]!.pool.query(`select count(*)::int as n from pgboss.queue where name like 'race-%'`);
      expect(rows[0].n).toBe(2);
      await Promise.all(bosses.map((boss) => boss.stop({ graceful: false, close: false })));
    } finally {
      await Promise.all(databases.map((d) => d.close()));
      await created.drop();
    }
  }, 60_000);

  it('tells a queue made at the same moment from other failures', () => {
    // A deadlock, the other's row, the other's table: each is gone once the other commits.
    expect(isQueueCreationRace(pgError({ code: '40P01' }))).toBe(true);
    expect(isQueueCreationRace(pgError({ code: '23505' }))).toBe(true);
    expect(isQueueCreationRace(pgError({ code: '42P07' }))).toBe(true);
    expect(isQueueCreationRace(pgError({ code: '57P01' }))).toBe(false);
    expect(isQueueCreationRace(new Error('connection refused'))).toBe(false);
    expect(isQueueCreationRace(undefined)).toBe(false);
  });
});
