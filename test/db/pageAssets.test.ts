import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInfo } from '../../src/assets.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { createTestDatabase, describeDb } from '../support/db.ts';

const moduleScripts = (html: string) => [...html.matchAll(/<script type="module" src="([^"]+)"/g)].map((m) => m[1]!);
const preloads = (html: string) => [...html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map((m) => m[1]!);

describe('the page scripts as built', () => {
  it('keeps the sign-in script under 30 KB gzipped, the demo signer in a chunk loaded on demand', () => {
    const signin = buildInfo().assets['signin.js']!;
    expect(signin.gzipBytes).toBeLessThan(30 * 1024);
    expect(signin.lazy).toEqual([expect.stringMatching(/^\/public\/build\/demoSigner-\w+\.js$/)]);
    expect(buildInfo().assets['signDocument.js']!.lazy).toEqual(signin.lazy);
  });
});

describeDb('pages and their assets', () => {
  let production: TestApp;
  let demo: TestApp;
  beforeAll(async () => {
    const database = await createTestDatabase();
    production = await createTestApp({ database });
    demo = await createTestApp({ database, config: { DEMO: '1' } });
  });
  afterAll(async () => {
    await demo?.app.close();
    await production?.close();
  });

  it('names the built assets by their hashed addresses, which browsers keep for a year', async () => {
    const { assets } = buildInfo();
    const page = (await production.app.inject({ method: 'GET', url: '/login' })).body;
    expect(page).toContain(`<link rel="stylesheet" href="${assets['sot.css']!.url}"/>`);
    expect(moduleScripts(page)).toEqual([assets['enhance.js']!.url, assets['signin.js']!.url]);
    for (const url of moduleScripts(page)) {
      const script = await production.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'identity' } });
      expect(script.statusCode, url).toBe(200);
      expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(script.headers['content-type']).toMatch(/javascript/);
    }
    // What the build recorded is what a browser gets (the sign-in script needs no other chunk).
    const signin = await production.app.inject({ method: 'GET', url: assets['signin.js']!.url, headers: { 'accept-encoding': 'identity' } });
    expect(gzipSync(signin.rawPayload).byteLength).toBeLessThanOrEqual(assets['signin.js']!.gzipBytes);
  });

  it('points only demo pages at the demo signer', async () => {
    const lazy = buildInfo().assets['signin.js']!.lazy!;
    const outside = (await production.app.inject({ method: 'GET', url: '/login' })).body;
    expect(preloads(outside)).toEqual([]);
    expect(outside).not.toContain('demoSigner');
    const inDemo = (await demo.app.inject({ method: 'GET', url: '/login' })).body;
    expect(preloads(inDemo)).toEqual(lazy);
    const chunk = await demo.app.inject({ method: 'GET', url: lazy[0]! });
    expect(chunk.statusCode).toBe(200);
  });
});
