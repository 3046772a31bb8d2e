import { cpSync, mkdtempSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../../src/config.ts';
import { auditKeyring, useAuditKeys } from '../../src/db/audit.ts';
import type { RunningServer } from '../../src/server.ts';
import { launchBrowser } from './browser.ts';

/** A port nobody listens on now, so PUBLIC_URL can name it before the server starts. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * The built release (dist/, made once by the suite's setup), as `sot start` runs it: no
 * TypeScript, hashed assets, the split page scripts.
 */
async function releaseStartServer(): Promise<typeof import('../../src/server.ts').startServer> {
  const release = (await import(pathToFileURL(path.resolve('dist/startServer.js')).href)) as typeof import('../../src/server.ts');
  return release.startServer;
}

/**
 * The portal as `npm start` runs it: the release in dist/, demo mode, embedded database in a fresh data directory, a
 * free port that PUBLIC_URL names (the stand-in acquirer calls the portal back on it).
 */
export async function startDemoServer(): Promise<RunningServer & { dataDir: string }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sot-e2e-'));
  const port = await freePort();
  const config = loadConfig({ NODE_ENV: 'development', DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: `http://localhost:${port}`, LOG_LEVEL: 'warn', DEMO: '1' }, { serve: true });
  // The suite's demo keys, made once (test/support/demoPkiSetup.ts); the server keeps what is current.
  cpSync(inject('demoPkiDir'), config.devPkiDir, { recursive: true });
  const server = await (await releaseStartServer())(config);
  // Tests write audited rows through the sources' own modules, which need the server's key too.
  useAuditKeys(auditKeyring(config.audit));
  return { ...server, dataDir };
}

const DEMO_START_TIMEOUT_MS = 240_000;

/**
 * A demo server and a browser for the tests of the calling `describe`, started before them and
 * stopped after. Read `server` and `browser` inside tests (they exist once `beforeAll` ran).
 */
export function withDemoBrowser(): { readonly server: Awaited<ReturnType<typeof startDemoServer>>; readonly browser: Browser } {
  const state: { server?: Awaited<ReturnType<typeof startDemoServer>>; browser?: Browser } = {};
  // A fresh demo issues two RSA keys per demo person (authentication and signing); with two
  // journeys starting side by side on a busy machine that alone can take a minute or more.
  beforeAll(async () => {
    state.server = await startDemoServer();
    state.browser = await launchBrowser();
  }, DEMO_START_TIMEOUT_MS);
  afterAll(async () => {
    await state.browser?.close();
    await state.server?.stop();
  });
  return {
    get server() {
      return state.server!;
    },
    get browser() {
      return state.browser!;
    },
  };
}
