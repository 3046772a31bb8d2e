import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT_DIR = fileURLToPath(new URL('..', import.meta.url));
export const PUBLIC_DIR = path.join(ROOT_DIR, 'public');
const STYLES_DIR = path.join(ROOT_DIR, 'styles');
const STYLESHEET = path.join(PUBLIC_DIR, 'build', 'sot.css');

function newestSourceTime(): number {
  return Math.max(...readdirSync(STYLES_DIR).map((f) => statSync(path.join(STYLES_DIR, f)).mtimeMs));
}

/**
 * Compiles the stylesheet when it is missing or older than its sources, so a fresh checkout
 * needs no separate build step. Production images build it once at image time.
 */
export async function ensureStylesheet(): Promise<void> {
  if (existsSync(STYLESHEET) && statSync(STYLESHEET).mtimeMs >= newestSourceTime()) return;
  const sass = await import('sass');
  const result = await sass.compileAsync(path.join(STYLES_DIR, 'sot.scss'), {
    loadPaths: [ROOT_DIR],
    style: 'compressed',
    quietDeps: true,
    // GOV.UK and MOJ Frontend warn about their own deprecations; nothing for Sot to act on.
    logger: sass.Logger.silent,
  });
  mkdirSync(path.dirname(STYLESHEET), { recursive: true });
  writeFileSync(STYLESHEET, result.css);
}

/** Asset URLs carry a content hash, so browsers may cache them for a year. */
export function assetVersion(): string {
  const hash = createHash('sha256');
  for (const file of [STYLESHEET, path.join(PUBLIC_DIR, 'js', 'enhance.js')]) {
    if (existsSync(file)) hash.update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 12);
}
