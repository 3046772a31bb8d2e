import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBuiltInVerifier, createSignatureVerifier } from '../../src/adapters/eds/index.ts';
import { SESSION_COOKIE } from '../../src/auth/sessions.ts';
import { auditLog, certificates, users } from '../../src/db/schema/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { describeDb } from '../support/db.ts';
import { flipSignatureByte, generateKeyPair, issueAuthKey, issueSigner, issueSigningKey, makeRootCa, signContent, testBin, testIin, type TestCa, type TestSigner } from '../support/pki.ts';

const MINUTE = 60_000;

/**
 * Sign-in by EDS over HTTP with real certificates from an in-memory CA: every failure code the
 * protocol names, sessions and their expiry, sign-out.
 */
describeDb('EDS sign-in', () => {
  let t: TestApp;
  let now = new Date();
  let root: TestCa;
  let strangerRoot: TestCa;
  let person: TestSigner;
  const personIin = testIin(9510);

  beforeAll(async () => {
    [root, strangerRoot] = await Promise.all([makeRootCa({ name: 'Test NCA Root' }), makeRootCa({ name: 'Some Other CA' })]);
    person = await issueAuthKey(root, { person: { fullName: 'Тестова Айгерім Серікқызы', iin: personIin } });
    t = await createTestApp({ signatureVerifier: createBuiltInVerifier({ trustedRoots: [root.certificateDer] }), clock: () => now });
  });
  afterAll(() => t?.close());

  const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

  // Each sign-in of this file from its own address: the clock stands still, so one address would
  // run into the per-address limit on challenges, which its own test below checks.
  let clients = 0;
  async function challenge(): Promise<string> {
    clients++;
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/challenge', payload: {}, remoteAddress: `10.200.${clients >> 8}.${clients & 255}` });
    expect(res.statusCode).toBe(200);
    return res.json().nonce;
  }

  async function login(nonce: string, cms: Uint8Array | string, headers: Record<string, string> = {}) {
    return t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'accept-language': 'en', ...headers }, payload: { nonce, cms: typeof cms === 'string' ? cms : b64(cms) } });
  }

  async function signedNonce(signer: TestSigner, options: { detached?: boolean } = {}) {
    const nonce = await challenge();
    return { nonce, cms: await signContent(signer, Buffer.from(nonce, 'base64'), options) };
  }

  const sessionCookie = (res: { headers: Record<string, unknown> }) => /sot_session=([^;]+)/.exec(String(res.headers['set-cookie']))?.[1];

  it('issues a fresh 32-byte challenge valid for five minutes', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/challenge', payload: {} });
    const { nonce, expiresAt } = res.json();
    expect(Buffer.from(nonce, 'base64')).toHaveLength(32);
    expect(new Date(expiresAt).getTime() - now.getTime()).toBe(5 * MINUTE);
    expect(await challenge()).not.toBe(nonce);
  });

  it('signs a person in with an attached ECDSA signature, creating them on first sign-in', async () => {
    const { nonce, cms } = await signedNonce(person);
    const res = await login(nonce, cms);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ user: { iin: personIin, name: 'Тестова Айгерім Серікқызы', roles: ['citizen'] } });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/sot_session=[\w-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).not.toContain('Secure');
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: `${SESSION_COOKIE}=${sessionCookie(res)}` } });
    expect(me.json().user.iin).toBe(personIin);
    expect(await t.database.db.select().from(users).where(eq(users.iin, personIin))).toHaveLength(1);
    const [seen] = await t.database.db.select().from(certificates);
    expect(seen!.subject).toContain('SERIALNUMBER=IIN');
    const [audit] = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'auth.login'));
    expect(JSON.stringify(audit)).not.toContain(personIin);
  });

  it('accepts a detached RSA signature and makes the first head named by a certificate with a BIN a legal-entity representative', async () => {
    const bin = testBin(9610);
    const head = await issueAuthKey(root, { algorithm: 'rsa-2048', person: { fullName: 'Омаров Асхат Болатұлы', iin: testIin(9520), bin }, organisationRoles: ['first_head'] });
    const { nonce, cms } = await signedNonce(head, { detached: true });
    const res = await login(nonce, cms);
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ bin, entity: { bin, standing: 'head' }, roles: ['citizen', 'legal_representative'] });
  });

  it('signs in a certificate with a BIN but no NCA role as a person who works at the entity, not its representative', async () => {
    const bin = testBin(9610);
    const employee = await issueAuthKey(root, { person: { fullName: 'Омарова Әсел', iin: testIin(9521), bin } });
    const { nonce, cms } = await signedNonce(employee);
    const res = await login(nonce, cms);
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toEqual({ iin: testIin(9521), entity: { bin, standing: 'employee' }, name: 'Омарова Әсел', roles: ['citizen'] });
    const [audit] = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'auth.login')).orderBy(desc(auditLog.id)).limit(1);
    expect(audit!.data).toMatchObject({ forLegalEntity: false, entityStanding: 'employee' });
  });

  describe('refuses with a specific code, never a 500', () => {
    const expectFailure = async (res: Awaited<ReturnType<typeof login>>, code: string) => {
      expect(res.statusCode, res.body).toBe(401);
      expect(res.json().error.code).toBe(code);
      expect(res.json().error.message.length).toBeGreaterThan(10);
      expect(res.headers['set-cookie'] ?? '').not.toContain('sot_session=');
    };

    it('nonce_used: a nonce works once', async () => {
      const { nonce, cms } = await signedNonce(person);
      expect((await login(nonce, cms)).statusCode).toBe(200);
      await expectFailure(await login(nonce, cms), 'nonce_used');
    });

    it('nonce_unknown: a nonce the server never issued', async () => {
      const nonce = Buffer.alloc(32, 7).toString('base64');
      await expectFailure(await login(nonce, await signContent(person, Buffer.from(nonce, 'base64'))), 'nonce_unknown');
      await expectFailure(await login('%%%not-base64', 'AAAA'), 'nonce_unknown');
    });

    it('nonce_expired: after five minutes', async () => {
      const { nonce, cms } = await signedNonce(person);
      const issuedAt = now;
      now = new Date(issuedAt.getTime() + 5 * MINUTE + 1000);
      try {
        await expectFailure(await login(nonce, cms), 'nonce_expired');
      } finally {
        now = issuedAt;
      }
    });

    it('certificate_expired', async () => {
      const expired = await issueAuthKey(root, { notBefore: new Date(now.getTime() - 400 * 86_400_000), notAfter: new Date(now.getTime() - 86_400_000) });
      const { nonce, cms } = await signedNonce(expired);
      await expectFailure(await login(nonce, cms), 'certificate_expired');
    });

    it('untrusted_certificate: a certificate from another CA', async () => {
      const { nonce, cms } = await signedNonce(await issueAuthKey(strangerRoot));
      await expectFailure(await login(nonce, cms), 'untrusted_certificate');
    });

    it('bad_signature: signed with a key that is not the certificate\'s', async () => {
      const nonce = await challenge();
      const { privateKey } = await generateKeyPair('ecdsa-p256');
      await expectFailure(await login(nonce, await signContent(person, Buffer.from(nonce, 'base64'), { privateKey })), 'bad_signature');
    });

    it('bad_signature: a tampered signature', async () => {
      const { nonce, cms } = await signedNonce(person);
      await expectFailure(await login(nonce, flipSignatureByte(cms)), 'bad_signature');
    });

    it('bad_signature: a valid signature over something else', async () => {
      const nonce = await challenge();
      await expectFailure(await login(nonce, await signContent(person, Buffer.alloc(32, 1))), 'bad_signature');
    });

    it('malformed_cms: garbage, truncated DER, text', async () => {
      for (const cms of [b64(Buffer.from('hello world')), b64(Buffer.alloc(300, 0x30)), 'not base64 at all!', b64((await signedNonce(person)).cms.slice(0, 40))]) {
        await expectFailure(await login(await challenge(), cms), 'malformed_cms');
      }
    });

    it('key_usage_not_allowed and invalid_identity', async () => {
      const encipherOnly = await signedNonce(await issueSigner(root, { keyUsage: ['keyEncipherment'] }));
      await expectFailure(await login(encipherOnly.nonce, encipherOnly.cms), 'key_usage_not_allowed');
      const noIin = await signedNonce(await issueAuthKey(root, { subject: [{ type: '2.5.4.3', value: 'NO IIN HERE' }] }));
      await expectFailure(await login(noIin.nonce, noIin.cms), 'invalid_identity');
    });

    it('signing_key_at_sign_in: the person’s signing key, with a message naming the key to choose, in each language', async () => {
      const signingKey = await issueSigningKey(root, { person: { fullName: 'Тестова Айгерім Серікқызы', iin: personIin } });
      const messages: Record<string, RegExp> = { en: /authentication key \(AUTH_RSA/, ru: /ключ для аутентификации \(AUTH_RSA/, kk: /аутентификация кілтін \(AUTH_RSA/ };
      for (const [lang, message] of Object.entries(messages)) {
        const { nonce, cms } = await signedNonce(signingKey);
        const res = await login(nonce, cms, { 'accept-language': lang });
        await expectFailure(res, 'signing_key_at_sign_in');
        expect(res.json().error.message).toMatch(message);
      }
    });

    it('key_usage_missing: a certificate that does not say what its key is for', async () => {
      const { nonce, cms } = await signedNonce(await issueSigner(root, { key: 'auth', keyUsage: null }));
      await expectFailure(await login(nonce, cms), 'key_usage_missing');
    });

    it('certificate_status_unknown: revocation checked and neither OCSP nor the CRL answered, in each language', async () => {
      const unreachable = (() => Promise.reject(new TypeError('fetch failed'))) as typeof fetch;
      const strict = await createTestApp({
        database: t.database,
        signatureVerifier: createSignatureVerifier({ trustedRoots: [root.certificateDer], revocation: 'ocsp-crl', fetchImpl: unreachable }),
        clock: () => now,
      });
      try {
        const checked = await issueAuthKey(root, { ocspUrl: 'http://ocsp.test/', crlUrl: 'http://crl.test/root.crl', person: { iin: personIin } });
        const messages: Record<string, RegExp> = { en: /cannot be confirmed/, ru: /невозможно подтвердить/, kk: /растау мүмкін емес/ };
        for (const [lang, message] of Object.entries(messages)) {
          const nonce = (await strict.app.inject({ method: 'POST', url: '/api/v1/auth/challenge', payload: {} })).json().nonce as string;
          const res = await strict.app.inject({
            method: 'POST',
            url: '/api/v1/auth/login',
            headers: { 'accept-language': lang },
            payload: { nonce, cms: b64(await signContent(checked, Buffer.from(nonce, 'base64'))) },
          });
          await expectFailure(res, 'certificate_status_unknown');
          expect(res.json().error.message).toMatch(message);
        }
      } finally {
        await strict.app.close();
      }
    });

    it('leaves an audit entry for each failure, without the IIN', async () => {
      const failures = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'auth.login_failed'));
      expect(failures.length).toBeGreaterThanOrEqual(8);
      expect(JSON.stringify(failures)).not.toContain(personIin);
    });

    it('refuses a form-encoded login (cross-site forms cannot sign anyone in)', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'nonce=a&cms=b' });
      expect(res.statusCode).toBe(415);
    });
  });

  describe('sessions', () => {
    async function signIn(extraHeaders: Record<string, string> = {}) {
      const { nonce, cms } = await signedNonce(person);
      const res = await login(nonce, cms, extraHeaders);
      expect(res.statusCode).toBe(200);
      return sessionCookie(res)!;
    }
    const me = (id: string) => t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: `${SESSION_COOKIE}=${id}` } });

    it('gives a new session id at sign-in and ends the one the browser had', async () => {
      const first = await signIn();
      const second = await signIn({ cookie: `${SESSION_COOKIE}=${first}` });
      expect(second).not.toBe(first);
      expect((await me(first)).statusCode).toBe(401);
      expect((await me(second)).statusCode).toBe(200);
    });

    it('ends after 30 idle minutes', async () => {
      const id = await signIn();
      const start = now;
      try {
        now = new Date(start.getTime() + 29 * MINUTE);
        expect((await me(id)).statusCode).toBe(200);
        now = new Date(start.getTime() + 58 * MINUTE);
        expect((await me(id)).statusCode).toBe(200);
        now = new Date(start.getTime() + 90 * MINUTE);
        expect((await me(id)).statusCode).toBe(401);
      } finally {
        now = start;
      }
    });

    it('ends 12 hours after sign-in however active the person is', async () => {
      const id = await signIn();
      const start = now;
      try {
        for (let m = 20; m < 12 * 60; m += 20) {
          now = new Date(start.getTime() + m * MINUTE);
          expect((await me(id)).statusCode, `${m} min`).toBe(200);
        }
        now = new Date(start.getTime() + 12 * 60 * MINUTE + MINUTE);
        expect((await me(id)).statusCode).toBe(401);
      } finally {
        now = start;
      }
    });

    it('signs out', async () => {
      const id = await signIn();
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: `${SESSION_COOKIE}=${id}`, 'content-type': 'application/json' }, payload: {} });
      expect(res.statusCode).toBe(204);
      expect(String(res.headers['set-cookie'])).toMatch(/sot_session=;/);
      expect((await me(id)).statusCode).toBe(401);
      const [audit] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'auth.logout')));
      expect(audit).toBeDefined();
    });
  });

  it('limits challenges per client address', async () => {
    const limited = await createTestApp({ database: t.database, signatureVerifier: createBuiltInVerifier({ trustedRoots: [root.certificateDer] }) });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 35; i++) statuses.push((await limited.app.inject({ method: 'POST', url: '/api/v1/auth/challenge', payload: {}, remoteAddress: '10.1.2.3' })).statusCode);
      expect(statuses.filter((s) => s === 200)).toHaveLength(30);
      const last = await limited.app.inject({ method: 'POST', url: '/api/v1/auth/challenge', payload: {}, remoteAddress: '10.1.2.3', headers: { 'accept-language': 'ru' } });
      expect(last.statusCode).toBe(429);
      expect(last.json().error.code).toBe('too_many_requests');
      expect((await limited.app.inject({ method: 'POST', url: '/api/v1/auth/challenge', payload: {}, remoteAddress: '10.9.9.9' })).statusCode).toBe(200);
    } finally {
      await limited.app.close();
    }
  });

  it('counts a client behind a trusted proxy by its forwarded address, and ignores that header otherwise', async () => {
    const exhaust = async (app: TestApp['app'], forwardedFor: string) => {
      const statuses: number[] = [];
      for (let i = 0; i < 31; i++) {
        statuses.push((await app.inject({ method: 'POST', url: '/api/v1/auth/challenge', payload: {}, remoteAddress: '10.5.0.1', headers: { 'x-forwarded-for': forwardedFor } })).statusCode);
      }
      return statuses.at(-1);
    };
    // One proxy in front, given by its count or by its address range.
    for (const [TRUST_PROXY, client] of [['1', '192.0.2.10'], ['10.5.0.0/16', '192.0.2.20']] as const) {
      const behindProxy = await createTestApp({ database: t.database, config: { TRUST_PROXY } });
      try {
        expect(await exhaust(behindProxy.app, client)).toBe(429);
        expect((await behindProxy.app.inject({ method: 'POST', url: '/api/v1/auth/challenge', payload: {}, remoteAddress: '10.5.0.1', headers: { 'x-forwarded-for': `${client}1` } })).statusCode).toBe(200);
      } finally {
        await behindProxy.app.close();
      }
    }
    // A proxy Sot was not told about is a client like any other: its header is not believed.
    const otherProxy = await createTestApp({ database: t.database, config: { TRUST_PROXY: '10.6.0.0/16' } });
    try {
      await exhaust(otherProxy.app, '192.0.2.30');
      expect((await otherProxy.app.inject({ method: 'POST', url: '/api/v1/auth/challenge', payload: {}, remoteAddress: '10.5.0.1', headers: { 'x-forwarded-for': '192.0.2.31' } })).statusCode).toBe(429);
    } finally {
      await otherProxy.app.close();
    }
    const direct = await createTestApp({ database: t.database });
    try {
      // Without a trusted proxy, a client cannot escape its limit by inventing a forwarded address.
      await exhaust(direct.app, '198.51.100.1');
      expect((await direct.app.inject({ method: 'POST', url: '/api/v1/auth/challenge', payload: {}, remoteAddress: '10.5.0.1', headers: { 'x-forwarded-for': '198.51.100.2' } })).statusCode).toBe(429);
    } finally {
      await direct.app.close();
    }
  });
});
