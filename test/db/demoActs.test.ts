import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createBuiltInVerifier, keyKind, keyUsageFacts, parseSignedCms } from '../../src/adapters/eds/index.ts';
import { DEV_ROOT_FILE, pemCertificates } from '../../src/auth/verifier.ts';
import { cases, documents, judgments, parties } from '../../src/db/schema/index.ts';
import { openDevPki, type DevPkiIssuer } from '../../src/pki/devCa.ts';
import { seedDemoActs } from '../../src/seed/demoActs.ts';
import { demoPeople } from '../../src/seed/people.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { describeDb } from '../support/db.ts';

/** The demo's decisions are real signed acts: each checks out against its judge's demo certificate. */
describeDb('demo court acts', () => {
  let t: TestApp;
  let pkiDir: string;

  let dataDir: string;
  let pki: DevPkiIssuer;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'sot-demo-acts-'));
    pkiDir = path.join(dataDir, 'pki');
    // Only the root: the acts issue the signing judges' keys, the route anyone else's.
    pki = await openDevPki(pkiDir, demoPeople());
    const roots = pemCertificates(readFileSync(path.join(pkiDir, DEV_ROOT_FILE), 'utf8'));
    t = await createTestApp({ seed: true, signatureVerifier: createBuiltInVerifier({ trustedRoots: roots }), clock: () => new Date(), config: { DATA_DIR: dataDir, DEMO: 'true' } });
  }, 120_000);
  afterAll(() => t?.close());

  it('signs a decision for every decided demo case, once, and each passes the public check', async () => {
    const issued = await seedDemoActs(t.database.db, t.app.blobs, pki);
    expect(issued).toBeGreaterThan(3);
    expect(await seedDemoActs(t.database.db, t.app.blobs, pki)).toBe(0);
    const [appealable] = await t.database.db.select({ id: cases.id }).from(cases).where(eq(cases.status, 'appeal_window'));
    const acts = await t.database.db.select().from(documents).where(and(eq(documents.caseId, appealable!.id), isNotNull(documents.issuedAt), eq(documents.kind, 'decision')));
    expect(acts).toHaveLength(1);
    expect(acts[0]).toMatchObject({ decisionForm: 'final', visibility: 'parties' });
    const all = await t.database.db.select({ code: documents.verifyCode }).from(documents).where(isNotNull(documents.verifyCode));
    for (const { code } of all) {
      const page = await t.app.inject({ method: 'GET', url: `/verify/${code}`, headers: { cookie: 'lang=en' } });
      expect(page.body, code!).toContain('This court act is genuine');
    }
  });

  it('sends the demo’s final acts through the judgment bank: those in force reviewed and published but one, none of a closed hearing', async () => {
    const rows = await t.database.db.select({ status: judgments.status, closed: cases.closedHearing, text: judgments.text, caseId: judgments.caseId }).from(judgments).innerJoin(cases, eq(cases.id, judgments.caseId));
    expect(rows.filter((r) => r.status === 'published').length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.status === 'pending_review').length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.closed)).toEqual([]);
    // The published text names no private party as the case has them.
    const named = await t.database.db.select({ caseId: parties.caseId, name: parties.displayName, organisationId: parties.organisationId }).from(parties);
    for (const row of rows.filter((r) => r.status === 'published')) {
      for (const p of named.filter((n) => n.caseId === row.caseId && !n.organisationId)) expect(row.text).not.toContain(p.name);
    }
    const search = await t.app.inject({ method: 'GET', url: '/api/v1/public/judgments?q=' + encodeURIComponent('иск') });
    expect(search.statusCode).toBe(200);
    expect(search.json().items.length).toBeGreaterThan(0);
  });

  it('signs the demo’s acts with the judges’ signing keys, not their authentication keys', async () => {
    const signed = await t.database.db.select({ signature: documents.signature }).from(documents).where(isNotNull(documents.verifyCode));
    expect(signed.length).toBeGreaterThan(3);
    for (const { signature } of signed) expect(keyKind(keyUsageFacts((await parseSignedCms(new Uint8Array(signature!))).signer))).toBe('signing');
  });

  it('serves each judge’s two demo key files in demo mode, and nothing else', async () => {
    const judge = demoPeople().find((p) => p.handle.startsWith('judge-'))!.handle;
    for (const key of ['auth', 'sign'] as const) {
      const res = await t.app.inject({ method: 'GET', url: `/dev/pki/${judge}.${key}.p12` });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/x-pkcs12');
      expect(res.rawPayload.equals(readFileSync(path.join(pkiDir, 'users', `${judge}.${key}.p12`)))).toBe(true);
    }
    for (const file of [`${judge}.p12`, `${judge}.other.p12`, `${judge}.auth.pem`, '..%2Froot-ca.key.pem']) {
      expect((await t.app.inject({ method: 'GET', url: `/dev/pki/${file}` })).statusCode, file).toBe(404);
    }
  });

  it('issues a demo person’s keys when the signer first asks for them, and no one else’s', async () => {
    const file = (handle: string, key: string) => path.join(pkiDir, 'users', `${handle}.${key}.p12`);
    // Seeding signed with judges' keys only: a citizen's are made on request.
    expect(existsSync(file('citizen', 'auth'))).toBe(false);
    const first = await t.app.inject({ method: 'GET', url: '/dev/pki/citizen.auth.p12' });
    expect(first.statusCode).toBe(200);
    expect(first.rawPayload.equals(readFileSync(file('citizen', 'auth')))).toBe(true);
    expect(existsSync(file('citizen', 'sign'))).toBe(false);
    // Asked again, the same key, not a new one.
    expect((await t.app.inject({ method: 'GET', url: '/dev/pki/citizen.auth.p12' })).rawPayload.equals(first.rawPayload)).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: '/dev/pki/nobody.auth.p12' })).statusCode).toBe(404);
    expect(existsSync(file('nobody', 'auth'))).toBe(false);
  });
});
