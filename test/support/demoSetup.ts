import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createDevPki } from '../../src/pki/devCa.ts';
import { demoPeople } from '../../src/seed/people.ts';
import { startServer } from '../../src/server.ts';
import { demoServerConfig, freePort } from './demoConfig.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    demoDataDir: string;
  }
}

/**
 * The demo's data directory as `npm start` leaves it after its first start, made once for the
 * browser suite: migrated, seeded, its acts signed, the development CA and every demo person's
 * two keys issued. Each journey's demo server starts from a copy, as a restarted `npm start`
 * does, instead of generating some seventy RSA keys and seeding again (about 8 s of CPU a server
 * against 1 s). Seeding queues no notices, and the server's address is read from its
 * configuration on each request, never stored, so a copy serves on its own port.
 */
export default async function setup(project: TestProject) {
  const root = mkdtempSync(path.join(tmpdir(), 'sot-e2e-demo-'));
  const pkiDir = path.join(root, 'pki');
  const dataDir = path.join(root, 'data');
  await createDevPki(pkiDir, demoPeople());
  const config = demoServerConfig(dataDir, await freePort());
  cpSync(pkiDir, config.devPkiDir, { recursive: true });
  const server = await startServer(config);
  await server.stop();
  project.provide('demoDataDir', dataDir);
  return () => rmSync(root, { recursive: true, force: true });
}
