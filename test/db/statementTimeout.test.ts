import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, searchDatabaseTargetFromConfig, type Database } from '../../src/db/client.ts';
import { isStatementTimeout, SEARCH_TIMEOUT_MS, underSearchTimeout, type SearchReader } from '../../src/db/statementTimeout.ts';
import { createPostgresDatabase, createTestDatabase, describeDb, testDbKind } from '../support/db.ts';

/**
 * Every search runs under the search timeout: on a pool whose connections were opened with it as
 * its statements alone, anywhere else in a transaction that sets it.
 */
describeDb('searches under a statement timeout', () => {
  let main: Database;
  let search: Database | undefined;
  let drop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    main = await createTestDatabase();
    if (testDbKind === 'postgres') {
      const created = await createPostgresDatabase();
      drop = created.drop;
      const target = searchDatabaseTargetFromConfig({ databaseUrl: created.url, databaseReadUrl: undefined, dbPoolSize: 5 }, SEARCH_TIMEOUT_MS);
      search = await openDatabase(target!);
    }
  });
  afterAll(async () => {
    await search?.close();
    await main?.close();
    await drop?.();
  });

  /** The timeout a statement of the work runs under, and whether its statements run alone or in one transaction. */
  async function seen(reader: SearchReader) {
    // `now()` is when the transaction began: the same for two statements in one, apart by the
    // pause between them when each is its own.
    const first = await reader.execute<{ at: string }>(sql`select now()::text as at`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const rows = await reader.execute<{ timeout: string; at: string }>(sql`select current_setting('statement_timeout') as timeout, now()::text as at`);
    return { timeout: rows.rows[0]!.timeout, alone: rows.rows[0]!.at !== first.rows[0]!.at };
  }

  it('sets the timeout in a transaction on a pool opened without it', async () => {
    expect(await underSearchTimeout(main.db, seen)).toEqual({ timeout: `${SEARCH_TIMEOUT_MS / 1000}s`, alone: false });
    // Only for the search: the pool's next statement runs without it.
    expect((await seen(main.db)).timeout).toBe('0');
  });

  it('runs the statements alone on the public search pool, whose every connection has the timeout', async (context) => {
    if (!search) return context.skip();
    expect(await underSearchTimeout(search.db, seen)).toEqual({ timeout: `${SEARCH_TIMEOUT_MS / 1000}s`, alone: true });
    // Each of its connections, not only the first.
    const all = await Promise.all([1, 2, 3].map(() => search!.pool.query<{ t: string }>("select current_setting('statement_timeout') as t, pg_sleep(0.05)")));
    expect(all.map((r) => r.rows[0]!.t)).toEqual(['5s', '5s', '5s']);
    expect(search.pool.totalCount).toBe(3);
    // Half the main pool's size, at least two.
    expect(searchDatabaseTargetFromConfig({ databaseUrl: 'postgres://x/y', databaseReadUrl: 'postgres://r/y', dbPoolSize: 3 }, 1)).toMatchObject({ url: 'postgres://r/y', poolSize: 2 });
    expect(searchDatabaseTargetFromConfig({ databaseUrl: undefined, databaseReadUrl: undefined, dbPoolSize: 10 }, 1)).toBeNull();
  });

  it('knows a statement the timeout cut off from any other failure, as the query builder reports them', async (context) => {
    // PGlite runs a statement to its end in the process's one thread: it has no timeout to test.
    if (testDbKind === 'pglite') return context.skip();
    const failureOf = (statement: ReturnType<typeof sql>) =>
      main.db
        .transaction(async (tx) => {
          await tx.execute(sql`set local statement_timeout = 50`);
          await tx.execute(statement);
        })
        .then(
          () => null,
          (error: unknown) => error,
        );
    const cutOff = await failureOf(sql`select pg_sleep(2)`);
    // The builder wraps the driver's error; the SQLSTATE is on its cause.
    expect(cutOff).toBeInstanceOf(Error);
    expect(isStatementTimeout(cutOff)).toBe(true);
    expect(isStatementTimeout(await failureOf(sql`select 1 / 0`))).toBe(false);
    expect(isStatementTimeout(new Error('statement timeout'))).toBe(false);
  });
});
