import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { describe, inject } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { carryMciIntoThisYear } from '../../src/seed/standInMci.ts';
import { TEST_AUDIT_KEY, useTestAuditKey } from './auditKey.ts';

export { TEST_AUDIT_KEY };

export type TestDbKind = 'pglite' | 'postgres';

export const testDbKind = (process.env.SOT_TEST_DB ?? 'pglite') as TestDbKind;

/** True when the PostgreSQL leg runs without a server; its suites are skipped (the setup said so loudly). */
export const postgresUnavailable = testDbKind === 'postgres' && !inject('postgresTemplate');

/** The basis a test database's carried-over MCI is entered with: it is not the law. */
export const testMciBasis = (fromYear: number) => `Test value: the ${fromYear} MCI carried over`;

/**
 * A fresh, migrated database for one test file: in-memory PGlite started from the migrated dump,
 * or a clone of the migrated template on the PostgreSQL server. Each file gets its own, so files
 * never see each other's rows.
 */
export async function createTestDatabase(options: { asShipped?: boolean } = {}): Promise<Database> {
  useTestAuditKey();
  const database = await openTestDatabase();
  // Clones of one template share its identity, which the reference values' cache is keyed by (the
  // cache lives in the module, and a worker's modules serve one test file after another): each
  // test database is a database of its own.
  await database.pool.query('update reference_state set database_id = gen_random_uuid()');
  // Tests that file claims on the real clock need this year's MCI, which a release ships only once
  // the budget law is out; tests of the missing year itself ask for the values as shipped.
  if (!options.asShipped) await carryMciIntoThisYear(database.db, new Date(), testMciBasis);
  return database;
}

async function openTestDatabase(): Promise<Database> {
  if (testDbKind === 'pglite') {
    // The migrated database pgliteSetup.ts dumped; without it (a file run outside the pglite
    // project) a fresh one is migrated here.
    const snapshot = inject('pgliteSnapshot');
    if (snapshot) return openDatabase({ kind: 'pglite', dir: null, snapshot: new Blob([readFileSync(snapshot)]) });
    const database = await openDatabase({ kind: 'pglite', dir: null });
    await migrateDatabase(database);
    return database;
  }
  return openDatabase({ kind: 'postgres', url: (await createPostgresDatabase()).url, poolSize: 5 });
}

/**
 * A fresh, migrated database on the PostgreSQL server for a test that runs Sot as its own
 * process: the address to give it, and the drop for the end (the run's teardown drops it too).
 */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const template = inject('postgresTemplate');
  if (!template) throw new Error('PostgreSQL is not available');
  const adminUrl = inject('postgresAdminUrl');
  const name = `${template.replace(/_tpl$/, '')}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    // Cloning is refused while another clone of the same template is being made; wait and retry.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`create database ${name} template ${template}`);
        break;
      } catch (error) {
        if (attempt >= 20 || !/being accessed by other users/.test((error as Error).message)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

export const describeDb = postgresUnavailable ? describe.skip : describe;
