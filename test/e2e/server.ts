import { cpSync, mkdtempSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { auditKeyring, useAuditKeys } from '../../src/db/audit.ts';
import type { RunningServer } from '../../src/server.ts';
import { demoServerConfig, freePort } from '../support/demoConfig.ts';
import { launchBrowser } from './browser.ts';

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
 * free port that PUBLIC_URL names (the stand-in acquirer calls the portal back on it). The data
 * directory is a copy of the one the suite's first demo start left (test/support/demoSetup.ts),
 * so this is a restarted demo: its data and keys are there, and the server keeps what is current.
 */
export async function startDemoServer(): Promise<RunningServer & { url: string; dataDir: string }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sot-e2e-'));
  cpSync(inject('demoDataDir'), dataDir, { recursive: true });
  const config = demoServerConfig(dataDir, await freePort());
  const server = await (await releaseStartServer())(config);
  // Tests write audited rows through the sources' own modules, which need the server's key too.
  useAuditKeys(auditKeyring(config.audit));
  // `npm start` serves and works in one process, so it listens.
  return { ...server, url: server.url!, dataDir };
}

const DEMO_START_TIMEOUT_MS = 240_000;

/**
 * A demo server and a browser for the tests of the calling `describe`, started before them and
 * stopped after. Read `server` and `browser` inside tests (they exist once `beforeAll` ran).
 */
export function withDemoBrowser(): { readonly server: Awaited<ReturnType<typeof startDemoServer>>; readonly browser: Browser } {
  const state: { server?: Awaited<ReturnType<typeof startDemoServer>>; browser?: Browser } = {};
  // A restarted demo and Chromium start in seconds, but with two journeys starting side by side
  // on a busy machine they can take a minute or more.
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
