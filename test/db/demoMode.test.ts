import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { importPrivateKey, signCms } from '../../src/pki/cms.ts';
import { createDevPki, DEV_PKCS12_PASSWORD } from '../../src/pki/devCa.ts';
import { parsePkcs12 } from '../../src/pki/pkcs12.ts';
import { demoPeople } from '../../src/seed/people.ts';
import { createTestDatabase, describeDb } from '../support/db.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import type { Database } from '../../src/db/client.ts';

/**
 * The demo's doors (`/dev/*`, the stand-in acquirer and SMS gateway, the development root) exist
 * only in demo mode, which is asked for; without it they are not there at all.
 */
describeDb('demo mode', () => {
  let database: Database;
  let dataDir: string;
  let demo: TestApp;
  let operated: TestApp;
  const citizen = demoPeople().find((p) => p.handle === 'citizen')!;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = mkdtempSync(path.join(tmpdir(), 'sot-demo-mode-'));
    // The same data directory holds the development CA and the citizen's demo certificate.
    await createDevPki(path.join(dataDir, 'pki'), [citizen]);
    demo = await createTestApp({ database, clock: () => new Date(), config: { DATA_DIR: dataDir, DEMO: '1' } });
    operated = await createTestApp({ database, clock: () => new Date(), config: { DATA_DIR: dataDir } });
  });
  afterAll(async () => {
    await demo?.app.close();
    await operated?.app.close();
    await database?.close();
  });

  const demoAddresses = [
    { method: 'GET', url: '/dev/outbox' },
    { method: 'GET', url: '/dev/pki/citizen.auth.p12' },
    { method: 'GET', url: '/sandbox/acquirer/pay?orderId=1' },
    { method: 'POST', url: '/sandbox/sms/messages', payload: { to: '+77010000000', text: 'x' } },
  ] as const;

  it('serves the outbox, the demo certificates and the stand-ins in demo mode', async () => {
    expect((await demo.app.inject({ method: 'GET', url: '/dev/outbox' })).statusCode).toBe(200);
    expect((await demo.app.inject({ method: 'GET', url: '/dev/pki/citizen.auth.p12' })).statusCode).toBe(200);
    const routes = demo.app.routeAccess().map((r) => r.url);
    expect(routes.some((url) => url.startsWith('/sandbox/acquirer'))).toBe(true);
    expect(routes.some((url) => url.startsWith('/sandbox/sms'))).toBe(true);
  });

  it('has no /dev or /sandbox address at all outside demo mode', async () => {
    expect(operated.app.routeAccess().filter((r) => r.url.startsWith('/dev') || r.url.startsWith('/sandbox'))).toEqual([]);
    for (const request of demoAddresses) {
      const res = await operated.app.inject({ ...request, headers: { 'accept-language': 'en' } });
      expect(res.statusCode, request.url).toBe(404);
    }
    // No demo people to pick on the sign-in page either.
    const login = await operated.app.inject({ method: 'GET', url: '/login', headers: { 'accept-language': 'en' } });
    expect(login.body).not.toContain('id="demo-handle"');
    expect((await demo.app.inject({ method: 'GET', url: '/login', headers: { 'accept-language': 'en' } })).body).toContain('id="demo-handle"');
  });

  it('trusts the development root in demo mode only', async () => {
    const p12 = await parsePkcs12(new Uint8Array(readFileSync(path.join(dataDir, 'pki', 'users', 'citizen.auth.p12'))), DEV_PKCS12_PASSWORD);
    const privateKey = await importPrivateKey(p12.privateKeyPkcs8, p12.certificateDer);
    const signIn = async (app: TestApp['app']) => {
      const challenge = await app.inject({ method: 'POST', url: '/api/v1/auth/challenge', payload: {} });
      const { nonce } = challenge.json<{ nonce: string }>();
      const cms = await signCms({ content: new Uint8Array(Buffer.from(nonce, 'base64')), certificateDer: p12.certificateDer, chainDer: p12.chainDer, privateKey, detached: false });
      return app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'accept-language': 'en' }, payload: { nonce, cms: Buffer.from(cms).toString('base64') } });
    };
    expect((await signIn(demo.app)).statusCode).toBe(200);
    const refused = await signIn(operated.app);
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.code).toBe('untrusted_certificate');
  });
});
