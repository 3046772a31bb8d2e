/**
 * The JSON API's OpenAPI document, as the app serves it at /api/docs/json, read from the app
 * without a database: `npm run build` writes it into dist/openapi.json.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { buildApp } from './app.ts';
import { createSignatureVerifier } from './adapters/eds/index.ts';
import { loadConfig } from './config.ts';
import * as schema from './db/schema/index.ts';

export async function openApiDocument(): Promise<unknown> {
  // A pool that never connects: building the app and its routes asks the database nothing.
  const pool = new pg.Pool({ connectionString: 'postgres://openapi@127.0.0.1:1/none', max: 1 });
  // Nothing is written, but the app's stores are made under DATA_DIR: keep them out of the checkout.
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sot-openapi-'));
  const config = loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'silent', DATA_DIR: dataDir, SESSION_SECRET: 'o'.repeat(32), AUDIT_KEY: 'a'.repeat(32) });
  const app = await buildApp({
    config,
    database: { db: drizzle(pool, { schema }), pool, kind: 'postgres', close: () => pool.end() },
    // No signature is checked here, so no roots are needed to trust.
    signatureVerifier: createSignatureVerifier({ trustedRoots: [] }),
  });
  try {
    await app.ready();
    return app.swagger();
  } finally {
    await app.close();
    await pool.end();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
