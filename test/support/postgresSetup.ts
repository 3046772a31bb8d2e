import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/client.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { useTestAuditKey } from './auditKey.ts';

/**
 * Prepares the PostgreSQL leg: a throwaway template database with every migration applied,
 * cloned per test file and dropped at the end. Without a server the leg is skipped, loudly;
 * with SOT_REQUIRE_POSTGRES=1 (CI) a missing server fails the run instead.
 */
export const ADMIN_URL = process.env.SOT_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresTemplate: string | null;
    postgresAdminUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const runId = `sot_test_${process.pid}_${Date.now().toString(36)}`;
  const template = `${runId}_tpl`;
  const admin = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3_000 });
  try {
    await admin.connect();
  } catch (error) {
    const message = `PostgreSQL at ${ADMIN_URL} does not answer (${(error as Error).message}).`;
    if (process.env.SOT_REQUIRE_POSTGRES === '1') throw new Error(`${message} SOT_REQUIRE_POSTGRES=1 forbids skipping the PostgreSQL tests.`);
    console.warn(`\n${'!'.repeat(78)}\n!! ${message}\n!! THE POSTGRESQL LEG OF THE DATABASE TESTS IS SKIPPED.\n${'!'.repeat(78)}\n`);
    project.provide('postgresTemplate', null);
    project.provide('postgresAdminUrl', ADMIN_URL);
    return;
  }
  await admin.query(`create database ${template}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${template}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 1 });
  // Migrations write the shipped reference values, audited.
  useTestAuditKey();
  await migrateDatabase(database);
  await database.close();
  project.provide('postgresTemplate', template);
  project.provide('postgresAdminUrl', ADMIN_URL);

  return async () => {
    const { rows } = await admin.query<{ datname: string }>('select datname from pg_database where datname like $1', [`${runId}%`]);
    for (const { datname } of rows) await admin.query(`drop database if exists ${datname} with (force)`);
    await admin.end();
  };
}
