/**
 * Searches run under a statement timeout, so a query nobody foresaw ends with a clear refusal
 * instead of holding a connection for minutes. Where the connections were opened with the
 * timeout already (the public search pool, `searchDatabaseTargetFromConfig`), the work runs as
 * it is: a transaction only to set it would be three more round trips for each search. Elsewhere
 * (the main pool, the embedded database) it runs in a transaction under `SET LOCAL`.
 */
import { sql } from 'drizzle-orm';
import { connectionStatementTimeout, type Db } from './client.ts';
import { isDatabaseError } from './databaseError.ts';

/** What a search needs of the database: statements, in a transaction or not. */
export type SearchReader = Pick<Db, 'execute' | 'select'>;

/** Every public and court search is bounded by this (PostgreSQL's `statement_timeout`). */
export const SEARCH_TIMEOUT_MS = 5_000;

/** Whether `error` is PostgreSQL cancelling a statement for its timeout. */
export function isStatementTimeout(error: unknown): boolean {
  return isDatabaseError(error, '57014');
}

/** Runs `work` with each of its statements cut off after `SEARCH_TIMEOUT_MS`. */
export async function underSearchTimeout<T>(db: Db, work: (reader: SearchReader) => Promise<T>): Promise<T> {
  const preset = connectionStatementTimeout(db);
  if (preset !== null && preset <= SEARCH_TIMEOUT_MS) return work(db);
  return db.transaction(async (tx) => {
    await tx.execute(sql.raw(`set local statement_timeout = ${SEARCH_TIMEOUT_MS}`));
    return work(tx);
  });
}
