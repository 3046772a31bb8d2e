import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { OPERATOR_SETTINGS } from '../support/app.ts';
import { IMPORT_TRACE, modulesLoaded, packagesLoaded } from '../support/importTrace.ts';
import { issueAuthKey, makeRootCa, signContent } from '../support/pki.ts';

const ROOT = path.resolve('.');
const packageJson = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };

/** Every file under the checkout's own directories, with its size and modification time. */
function snapshot(): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(ROOT, relative), { withFileTypes: true })) {
      const child = path.join(relative, entry.name);
      if (entry.isDirectory()) walk(child);
      else {
        const stat = statSync(path.join(ROOT, child));
        files.set(child, `${stat.size}:${stat.mtimeMs}`);
      }
    }
  };
  for (const dir of ['dist', 'public', 'src', 'bin', 'styles']) walk(dir);
  // A new file or directory at the top (a data/ directory, a log) is a write too.
  for (const entry of readdirSync(ROOT)) if (!['artifacts', 'node_modules', 'data', 'dist', 'public', 'src', 'bin', 'styles'].includes(entry)) files.set(entry, 'top');
  return files;
}

/** `node dist/server.js` in production, its every import written to a file. */
async function startRelease(dataDir: string, trace: string) {
  const child = spawn(process.execPath, ['--import', IMPORT_TRACE, path.join(ROOT, 'dist/server.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...OPERATOR_SETTINGS,
      TRUSTED_ROOTS_DIR: path.resolve(OPERATOR_SETTINGS.TRUSTED_ROOTS_DIR),
      NODE_ENV: 'production',
      DEMO: 'false',
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      PUBLIC_URL: 'https://sot.example.kz',
      SESSION_SECRET: randomBytes(32).toString('base64'),
      AUDIT_KEY: randomBytes(32).toString('base64'),
      EDS_REVOCATION: 'off',
      LOG_LEVEL: 'info',
      SOT_IMPORT_TRACE: trace,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the release did not start:\n${output}`)), 90_000);
    void exited.then((code) => reject(new Error(`the release exited with ${code}:\n${output}`)));
    child.stdout.on('data', () => {
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
  });
  return { url, stop: () => (child.kill('SIGTERM'), exited) };
}

/** The npm packages among the loaded modules, by name. */
describe('the release in dist/', () => {
  it('runs in production without TypeScript, stand-ins or development packages, and writes nothing under the checkout', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'sot-release-'));
    const trace = path.join(dataDir, 'imports.txt');
    const before = snapshot();
    const release = await startRelease(dataDir, trace);
    try {
      expect(await (await fetch(`${release.url}/health`)).json()).toEqual({ status: 'ok', db: 'ok' });
      const login = await (await fetch(`${release.url}/login`)).text();
      const scripts = [...login.matchAll(/<script type="module" src="([^"]+)"/g)].map((m) => m[1]!);
      expect(scripts).toEqual([expect.stringMatching(/^\/public\/build\/enhance-\w+\.js$/), expect.stringMatching(/^\/public\/build\/signin-\w+\.js$/)]);
      // Outside the demo no page names the demo signer's chunk.
      expect(login).not.toContain('demoSigner');
      for (const src of scripts) {
        const asset = await fetch(`${release.url}${src}`);
        expect(asset.status, src).toBe(200);
        expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
        expect(await asset.text()).not.toContain('demoSigner');
      }
      expect((await fetch(`${release.url}/api/docs/json`)).status).toBe(200);
      // Production checks signatures on worker threads, run from dist/ too: a signature by a root
      // nobody trusts is refused for that reason, which only a whole check can tell.
      const { nonce } = (await (await fetch(`${release.url}/api/v1/auth/challenge`, { method: 'POST', headers: { origin: 'https://sot.example.kz' } })).json()) as { nonce: string };
      const stranger = await issueAuthKey(await makeRootCa({ name: 'Nobody Trusts This Root' }));
      const cms = await signContent(stranger, new Uint8Array(Buffer.from(nonce, 'base64')));
      const refused = await fetch(`${release.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'https://sot.example.kz' },
        body: JSON.stringify({ nonce, cms: Buffer.from(cms).toString('base64') }),
      });
      expect(refused.status).toBe(401);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('untrusted_certificate');
    } finally {
      expect(await release.stop()).toBe(0);
    }

    const loaded = modulesLoaded(trace);
    expect(loaded.some((url) => url.endsWith('/dist/server.js'))).toBe(true);
    // Sot's own code all comes from dist/: nothing is compiled at run time.
    const own = loaded.filter((url) => url.startsWith(pathToFileURL(ROOT).href + '/') && !url.includes('/node_modules/'));
    expect(own.filter((url) => !url.startsWith(pathToFileURL(path.join(ROOT, 'dist')).href + '/'))).toEqual([]);
    expect(loaded.filter((url) => /\.tsx?$/.test(url))).toEqual([]);
    const packages = packagesLoaded(loaded);
    expect(packages.has('fastify')).toBe(true);
    for (const standIn of ['smtp-server', 'mailparser', 'tsx', 'sass', 'esbuild']) expect(packages.has(standIn), standIn).toBe(false);
    // `npm ci --omit=dev` leaves these out, so the release may not need any.
    expect([...packages].filter((name) => name in packageJson.devDependencies)).toEqual([]);

    // The application directory may be read-only: everything the process wrote is under DATA_DIR.
    expect(snapshot()).toEqual(before);
  });
});
