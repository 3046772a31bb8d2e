import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { dumpPglite, openDatabase } from '../../src/db/client.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { useTestAuditKey } from './auditKey.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string;
  }
}

/**
 * Prepares the PGlite leg as postgresSetup.ts prepares the PostgreSQL one: one in-memory database
 * with every migration applied, dumped to a file that each test file's database starts from. A
 * fresh cluster costs an initdb and the migrations in every file; loading the dump costs a third.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), 'sot-pglite-'));
  const file = path.join(dir, 'migrated.tar');
  const database = await openDatabase({ kind: 'pglite', dir: null });
  try {
    // Migrations write the shipped reference values, audited.
    useTestAuditKey();
    await migrateDatabase(database);
    writeFileSync(file, Buffer.from(await (await dumpPglite(database)).arrayBuffer()));
  } finally {
    await database.close();
  }
  project.provide('pgliteSnapshot', file);
  return () => rmSync(dir, { recursive: true, force: true });
}
