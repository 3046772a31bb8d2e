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
  for (const file of [STYLESHEET, path.join(PUBLIC_DIR, 'js', 'enhance.js'), path.join(PUBLIC_DIR, 'build', 'signin.js')]) {
    if (existsSync(file)) hash.update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 12);
}

const SCRIPTS = ['signin', 'signDocument', 'upload'].map((name) => ({ entry: `src/client/${name}.ts`, out: `public/build/${name}.js` }));

/** Bundles the few page scripts (ES modules for current browsers) when missing or stale. */
export async function ensureScripts(): Promise<void> {
  const esbuild = await import('esbuild');
  for (const script of SCRIPTS) {
    const out = path.join(ROOT_DIR, script.out);
    const sources = [path.join(ROOT_DIR, script.entry), ...['src/client/signing.ts', 'src/pki/cms.ts', 'src/pki/pkcs12.ts'].map((file) => path.join(ROOT_DIR, file))];
    if (existsSync(out) && sources.every((s) => !existsSync(s) || statSync(s).mtimeMs <= statSync(out).mtimeMs)) continue;
    await esbuild.build({
      entryPoints: [path.join(ROOT_DIR, script.entry)],
      outfile: out,
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: ['es2022'],
      minify: true,
      // ncalayer-js-client mentions the Node WebSocket package for use outside browsers only.
      external: ['ws'],
      logLevel: 'warning',
    });
  }
}

/** Everything the pages load: the stylesheet and the bundled scripts. */
export async function ensureAssets(): Promise<void> {
  await Promise.all([ensureStylesheet(), ensureScripts()]);
}
