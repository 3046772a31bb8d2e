/**
 * `npm run build`: the release in `dist/`. The server's JavaScript (one ESM bundle per entry,
 * packages left to node_modules), the migrations beside it, the stylesheet and the page scripts
 * named by their content hash, the OpenAPI document, and `build.json` (what the build was made
 * from, and where each asset is) written last, so a build cut short counts as no build.
 *
 * Runs through tsx (`npm run build`, or `sot` on first start); nothing in `dist/` imports it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import * as sass from 'sass';
import { BUILD_INFO, builtStamp, DIST_DIR, ROOT_DIR, sourceStamp } from '../bin/sourceStamp.js';
import type { AssetManifest, BuildInfo } from './assets.ts';

/**
 * The server's entry points: `node dist/server.js` (what `sot start` runs), the `sot` command,
 * `startServer` for tests that start the built portal in their own process, the app the
 * OpenAPI document is read from, and the worker threads that check EDS signatures.
 */
const SERVER_ENTRIES = { server: 'src/main.ts', cli: 'src/cli.ts', startServer: 'src/server.ts', openapi: 'src/openapi.ts', edsWorker: 'src/adapters/eds/verifyWorker.ts' };

/** The page scripts. `signin` and `signDocument` load the demo signer (and its PKI code) only when a demo page asks for it. */
const CLIENT_ENTRIES = ['enhance', 'signin', 'signDocument', 'upload'];

/** Images GOV.UK Frontend's and MOJ Frontend's styles point at, served at `/assets/images/`. */
const VENDOR_IMAGES = ['node_modules/govuk-frontend/dist/govuk/assets/images', 'node_modules/@ministryofjustice/frontend/moj/assets/images'];

const contentHash = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex').slice(0, 10);

async function buildServer(out: string): Promise<void> {
  await esbuild.build({
    absWorkingDir: ROOT_DIR,
    entryPoints: SERVER_ENTRIES,
    outdir: out,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: ['node20.19'],
    // Dependencies stay in node_modules; only Sot's own code is bundled.
    packages: 'external',
    // Chunks sit beside the entries, so `import.meta.url` names dist/ in every one of them and
    // the files read beside the code (dist/migrations) are found from any chunk.
    chunkNames: '[name]-[hash]',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  cpSync(path.join(ROOT_DIR, 'src/db/migrations'), path.join(out, 'migrations'), { recursive: true });
}

async function buildStylesheet(publicOut: string): Promise<AssetManifest> {
  const result = await sass.compileAsync(path.join(ROOT_DIR, 'styles/sot.scss'), {
    loadPaths: [ROOT_DIR],
    style: 'compressed',
    quietDeps: true,
    // GOV.UK and MOJ Frontend warn about their own deprecations; nothing for Sot to act on.
    logger: sass.Logger.silent,
  });
  const name = `sot-${contentHash(result.css)}.css`;
  writeFileSync(path.join(publicOut, 'build', name), result.css);
  return { 'sot.css': describe(`/public/build/${name}`, [Buffer.from(result.css)]) };
}

function describe(url: string, files: Uint8Array[]) {
  return { url, bytes: files.reduce((sum, file) => sum + file.byteLength, 0), gzipBytes: files.reduce((sum, file) => sum + gzipSync(file).byteLength, 0) };
}

async function buildScripts(publicOut: string): Promise<AssetManifest> {
  const outdir = path.join(publicOut, 'build');
  const result = await esbuild.build({
    absWorkingDir: ROOT_DIR,
    entryPoints: CLIENT_ENTRIES.map((name) => `src/client/${name}.ts`),
    outdir,
    entryNames: '[name]-[hash]',
    chunkNames: '[name]-[hash]',
    bundle: true,
    // Code two scripts share, and code loaded on demand (the demo signer), become chunks of their own.
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022'],
    minify: true,
    metafile: true,
    // ncalayer-js-client mentions the Node WebSocket package for use outside browsers only.
    external: ['ws'],
    logLevel: 'warning',
  });
  const outputs = result.metafile.outputs;
  const relative = (file: string) => path.relative(outdir, path.join(ROOT_DIR, file));
  // What loading a script fetches before it runs: itself and the chunks it imports statically.
  const staticClosure = (file: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(file)) return seen;
    seen.add(file);
    for (const imported of outputs[file]!.imports) if (imported.kind === 'import-statement') staticClosure(imported.path, seen);
    return seen;
  };
  const manifest: AssetManifest = {};
  for (const [file, output] of Object.entries(outputs)) {
    const name = output.entryPoint && path.basename(output.entryPoint, '.ts');
    // Files imported on demand are entry points to esbuild too; only the pages' scripts are named.
    if (!name || !CLIENT_ENTRIES.includes(name)) continue;
    const loaded = [...staticClosure(file)];
    const lazy = new Set(loaded.flatMap((f) => outputs[f]!.imports.filter((i) => i.kind === 'dynamic-import').map((i) => i.path)));
    manifest[`${name}.js`] = {
      ...describe(`/public/build/${relative(file)}`, loaded.map((f) => readFileSync(path.join(ROOT_DIR, f)))),
      // What the script fetches only on demand (the demo signer and the chunks that only it needs).
      lazy: [...lazy].flatMap((f) => [...staticClosure(f)].filter((c) => !loaded.includes(c))).map((f) => `/public/build/${relative(f)}`),
    };
  }
  return manifest;
}

/** The OpenAPI document the built app serves at /api/docs/json, for those who read it offline. */
async function writeOpenApi(out: string): Promise<void> {
  const { openApiDocument } = (await import(pathToFileURL(path.join(out, 'openapi.js')).href)) as typeof import('./openapi.ts');
  writeFileSync(path.join(out, 'openapi.json'), `${JSON.stringify(await openApiDocument(), null, 2)}\n`);
}

/**
 * Builds into a fresh directory beside dist/ and then swaps it in, so a running server or a
 * second build never sees half a release.
 */
export async function build(): Promise<BuildInfo> {
  const stamp = sourceStamp();
  const unique = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const out = `${DIST_DIR}.${unique}.tmp`;
  rmSync(out, { recursive: true, force: true });
  const publicOut = path.join(out, 'public');
  mkdirSync(path.join(publicOut, 'build'), { recursive: true });
  // A checkout from before releases may still hold public/build; it is not a source.
  const staleBuild = path.join(ROOT_DIR, 'public', 'build');
  cpSync(path.join(ROOT_DIR, 'public'), publicOut, { recursive: true, filter: (source) => source !== staleBuild });
  for (const images of VENDOR_IMAGES) cpSync(path.join(ROOT_DIR, images), path.join(out, 'assets', 'images'), { recursive: true });
  let info: BuildInfo;
  try {
    const [, stylesheet, scripts] = await Promise.all([buildServer(out), buildStylesheet(publicOut), buildScripts(publicOut)]);
    await writeOpenApi(out);
    info = { sourceStamp: stamp, builtAt: new Date().toISOString(), assets: { ...stylesheet, ...scripts } };
    writeFileSync(path.join(out, path.basename(BUILD_INFO)), `${JSON.stringify(info, null, 2)}\n`);
  } catch (error) {
    rmSync(out, { recursive: true, force: true });
    throw error;
  }
  swapIn(out, `${DIST_DIR}.${unique}.old`);
  return info;
}

/** Moves a finished build to dist/. Two builds at once (two test runs) each end with a whole release there. */
function swapIn(out: string, old: string): void {
  const replaced: string[] = [];
  for (let attempt = 0; ; attempt++) {
    try {
      if (existsSync(DIST_DIR)) {
        replaced.push(`${old}${attempt}`);
        renameSync(DIST_DIR, replaced.at(-1)!);
      }
      renameSync(out, DIST_DIR);
      break;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (attempt >= 5 || (code !== 'ENOENT' && code !== 'ENOTEMPTY' && code !== 'EEXIST')) throw error;
    }
  }
  for (const dir of replaced) rmSync(dir, { recursive: true, force: true });
}

let ensured: Promise<void> | undefined;

/** Builds dist/ unless it was built from the sources as they are; once per process (test setups, the benchmark). */
export function ensureBuild(): Promise<void> {
  ensured ??= builtStamp() === sourceStamp() ? Promise.resolve() : build().then(() => undefined);
  return ensured;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = performance.now();
  const info = await build();
  const signin = info.assets['signin.js']!;
  console.log(`Built dist/ in ${((performance.now() - started) / 1000).toFixed(1)} s (sign-in script ${(signin.gzipBytes / 1024).toFixed(1)} KB gzipped).`);
}
