import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import type { Database } from '../../src/db/client.ts';
import type { SignatureVerifier } from '../../src/adapters/eds/index.ts';
import type { EmailSender } from '../../src/adapters/delivery.ts';
import { seedDemo } from '../../src/seed/demo.ts';
import { createTestDatabase, TEST_AUDIT_KEY } from './db.ts';

/** A fixed "now" for tests: a Wednesday, 25 November 2026, 10:00 in Kazakhstan. */
export const TEST_NOW = new Date('2026-11-25T05:00:00Z');

/** A root certificate (its key thrown away) so an app outside demo mode has a trusted root, as it must. */
export const TEST_TRUSTED_ROOTS_DIR = path.resolve('test/support/trusted-roots');

/**
 * What an operator configures outside demo mode; none of these addresses answers. Tests that
 * need the demo's stand-ins (acquirer, SMS gateway, `/dev/*`) ask for them with `DEMO: '1'`.
 */
export const OPERATOR_SETTINGS = {
  TRUSTED_ROOTS_DIR: TEST_TRUSTED_ROOTS_DIR,
  ACQUIRER_URL: 'https://acquirer.invalid/pay',
  ACQUIRER_MERCHANT_ID: 'SUD-TEST',
  ACQUIRER_SECRET: 'acquirer-secret-for-tests-0123456789abcdef',
  SMTP_URL: 'smtp://127.0.0.1:9',
  SMS_GATEWAY_URL: 'https://sms.invalid/v1',
  SMS_GATEWAY_KEY: 'sms-gateway-key-for-tests-0123456789abcdef',
};

export function testConfig(overrides: Record<string, string> = {}): Config {
  const demo = overrides['DEMO'] === '1' || overrides['DEMO'] === 'true';
  return loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'sot-test-')),
    SESSION_SECRET: 'test-secret-test-secret-test-secret-0123',
    AUDIT_KEY: TEST_AUDIT_KEY,
    LOG_LEVEL: 'info',
    ...(demo ? {} : OPERATOR_SETTINGS),
    ...overrides,
  }, { serve: true });
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  /** Every log line the app wrote, parsed. */
  logs: Record<string, unknown>[];
  close(): Promise<void>;
}

export interface TestAppOptions {
  seed?: boolean;
  config?: Record<string, string>;
  database?: Database;
  /** Runs before the app is made ready, to add routes a test needs. */
  extend?: (app: FastifyInstance) => void;
  signatureVerifier?: SignatureVerifier;
  /** Where the app's e-mails go; none when absent. */
  email?: EmailSender;
  /** The app's clock; TEST_NOW when absent. */
  clock?: () => Date;
}

/** A logged error in a line: its kind, message, database error and Sot's frames of its stack. */
function errorSummary(logged: unknown): string {
  if (!logged || typeof logged !== 'object') return '';
  const err = logged as { type?: string; message?: string; stack?: string; database?: unknown; cause?: { message?: string } };
  const frames = (err.stack ?? '').split('\n').filter((line) => line.includes('/src/')).slice(0, 4).map((line) => line.trim());
  return JSON.stringify({ type: err.type, message: err.message?.slice(0, 300), database: err.database, cause: err.cause?.message, at: frames });
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  if (options.seed) await seedDemo(database.db, TEST_NOW);
  const logs: Record<string, unknown>[] = [];
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) {
        if (!line.trim()) continue;
        const entry = JSON.parse(line) as Record<string, unknown>;
        logs.push(entry);
        // An error the app logged (a 5xx above all) is the one clue to a failure that shows only in
        // a full run, so it goes to the test's output rather than only into `logs`.
        if (typeof entry['level'] === 'number' && entry['level'] >= 50) console.error('[sot error log]', entry['msg'], errorSummary(entry['err']));
      }
      done();
    },
  });
  const app = await buildApp({
    config: testConfig(options.config),
    database,
    clock: options.clock ?? (() => TEST_NOW),
    logStream,
    ...(options.signatureVerifier ? { signatureVerifier: options.signatureVerifier } : {}),
    ...(options.email ? { email: options.email } : {}),
  });
  options.extend?.(app);
  await app.ready();
  return {
    app,
    database,
    logs,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
