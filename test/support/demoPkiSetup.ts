import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createDevPki } from '../../src/pki/devCa.ts';
import { demoPeople } from '../../src/seed/people.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    demoPkiDir: string;
  }
}

/**
 * The development CA and every demo person's two keys, made once for the browser suite: each
 * journey's demo server starts from a copy, as a restarted `npm start` finds its own, instead of
 * generating some seventy RSA keys again.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), 'sot-e2e-pki-'));
  await createDevPki(dir, demoPeople());
  project.provide('demoPkiDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
