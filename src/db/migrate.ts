import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { Database } from './client.ts';
import * as schema from './schema/index.ts';
import { seedReferenceOnce } from './referenceSeed.ts';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

// Arbitrary constant naming Sot's migration lock among the server's advisory locks.
const MIGRATION_LOCK_KEY = 7_517_240_002;

/**
 * Applies pending migrations, then gives a new database the reference values Sot ships. Several
 * instances starting at once against one PostgreSQL server queue on an advisory lock, so each
 * migration runs exactly once.
 */
export async function migrateDatabase(database: Database): Promise<void> {
  const client = await database.pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await migrate(drizzle({ client }), { migrationsFolder: MIGRATIONS_FOLDER });
      await seedReferenceOnce(drizzle({ client, schema }));
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}
