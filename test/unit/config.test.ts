import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { pemCertificates, signatureVerifierFromConfig, trustedRootsFromConfig } from '../../src/auth/verifier.ts';
import { ConfigError, estimatedKeyBits, loadConfig, logStartupWarnings, startupWarnings } from '../../src/config.ts';
import { loggerOptions } from '../../src/log.ts';
import { createDevPki } from '../../src/pki/devCa.ts';
import { OPERATOR_SETTINGS } from '../support/app.ts';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'sot-config-'));


const MESSAGING = { SMTP_URL: 'smtp://mail.example.kz:587', SMS_GATEWAY_URL: 'https://sms.example.kz/v1', SMS_GATEWAY_KEY: 'k'.repeat(40) };
const AUDIT = { AUDIT_KEY: 'q3VhX0m9Zk2Lr7TtYb1Wc5Nd8Pf4Gs6Jh-_aQeRuIoE' };

/** A secret as `openssl rand -base64 32` makes one. */
const STRONG_SECRET = 'q7Vd2kP9xZr4Lm8NwB3tYc6HfJ1sGe5UaK0oRi-Tn_E';
const ACQUIRER = { ACQUIRER_URL: 'https://pay.example.kz/', ACQUIRER_MERCHANT_ID: 'SUD-0001', ACQUIRER_SECRET: 'a'.repeat(40) };
const production = (extra: Record<string, string> = {}) => ({ NODE_ENV: 'production', DATA_DIR: tmp(), SESSION_SECRET: STRONG_SECRET, TRUSTED_ROOTS_DIR: tmp(), ...ACQUIRER, ...MESSAGING, ...AUDIT, PUBLIC_URL: 'https://sot.example.kz/', ...extra });
const demo = { demo: true, serve: true };
const serve = { serve: true };

describe('configuration', () => {
  it('runs the demo with no settings at all when asked for it: port 3000, embedded database', () => {
    const config = loadConfig({ DATA_DIR: tmp() }, demo);
    expect(config).toMatchObject({ port: 3000, env: 'development', demo: true, databaseUrl: undefined, publicUrl: 'http://localhost:3000' });
    expect(loadConfig({ DATA_DIR: tmp(), DEMO: '1' }).demo).toBe(true);
  });

  it('never turns the demo on by itself, whatever NODE_ENV says', () => {
    for (const NODE_ENV of ['development', 'test', 'production']) {
      const config = loadConfig(NODE_ENV === 'production' ? production() : { NODE_ENV, DATA_DIR: tmp(), ...OPERATOR_SETTINGS });
      expect(config.demo).toBe(false);
      expect(config.acquirer.standIn).toBe(false);
      expect(config.notifications.smsStandIn).toBe(false);
    }
    expect(loadConfig({ DATA_DIR: tmp(), ...OPERATOR_SETTINGS, DEMO: '0' }).demo).toBe(false);
  });

  it('outside the demo, names every adapter the operator has not configured and how to try the demo instead', () => {
    const error = (() => {
      try {
        loadConfig({ DATA_DIR: tmp() }, serve);
      } catch (e) {
        return e as Error;
      }
      throw new Error('loaded');
    })();
    expect(error).toBeInstanceOf(ConfigError);
    for (const key of ['TRUSTED_ROOTS_DIR', 'ACQUIRER_URL', 'ACQUIRER_MERCHANT_ID', 'ACQUIRER_SECRET', 'SMTP_URL', 'SMS_GATEWAY_URL', 'SMS_GATEWAY_KEY']) expect(error.message).toContain(key);
    expect(error.message).toContain('npm start');
    const { SMTP_URL: _smtp, ...withoutSmtp } = OPERATOR_SETTINGS;
    expect(() => loadConfig({ DATA_DIR: tmp(), ...withoutSmtp }, serve)).toThrow(/SMTP_URL: required/);
    // Commands that only use the database (migrate, reference, audit verify) need none of them.
    expect(loadConfig({ DATA_DIR: tmp() })).toMatchObject({ demo: false });
  });

  it('refuses the demo on PostgreSQL, at an address that is not this machine, and in production', () => {
    expect(() => loadConfig({ DATA_DIR: tmp(), DATABASE_URL: 'postgres://sot@db.example.kz/sot' }, demo)).toThrow(/DEMO: demo mode runs only on the embedded database/);
    expect(() => loadConfig({ DATA_DIR: tmp(), DATABASE_URL: 'postgres://sot@127.0.0.1/sot', DEMO: '1' })).toThrow(ConfigError);
    for (const url of ['https://sot.example.kz', 'http://10.0.0.5:3000', 'http://localhost.example.kz:3000', 'http://0.0.0.0:3000', 'http://[::2]:3000']) {
      expect(() => loadConfig({ DATA_DIR: tmp(), PUBLIC_URL: url }, demo), url).toThrow(/DEMO: demo mode runs only at a local address/);
    }
    for (const url of ['http://localhost:3000', 'http://127.0.0.1:8080', 'http://127.1.2.3:3000', 'http://[::1]:3000']) {
      expect(loadConfig({ DATA_DIR: tmp(), PUBLIC_URL: url }, demo).demo, url).toBe(true);
    }
    expect(() => loadConfig(production({ DEMO: 'true' }))).toThrow(/DEMO: demo mode cannot be enabled in production/);
    expect(() => loadConfig(production(), demo)).toThrow(/DEMO/);
  });

  it('generates a session secret once and keeps it in the data directory', () => {
    const dir = tmp();
    const first = loadConfig({ DATA_DIR: dir }, demo);
    const second = loadConfig({ DATA_DIR: dir }, demo);
    expect(first.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(second.sessionSecret).toBe(first.sessionSecret);
    expect(readFileSync(path.join(dir, 'session-secret'), 'utf8').trim()).toBe(first.sessionSecret);
    expect(statSync(path.join(dir, 'session-secret')).mode & 0o077).toBe(0);
  });

  it('names the variable and the problem when a value is wrong', () => {
    expect(() => loadConfig({ DATA_DIR: tmp(), PORT: 'eighty' }, demo)).toThrow(/PORT/);
    expect(() => loadConfig({ DATA_DIR: tmp(), PORT: '70000' }, demo)).toThrow(ConfigError);
    expect(() => loadConfig({ DATA_DIR: tmp(), DATABASE_URL: 'mysql://x' }, demo)).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ DATA_DIR: tmp(), LOG_LEVEL: 'loud' }, demo)).toThrow(/LOG_LEVEL/);
    expect(() => loadConfig({ DATA_DIR: tmp(), NODE_ENV: 'staging' }, demo)).toThrow(/NODE_ENV/);
  });

  it('requires in production a session secret, trusted roots, the acquirer and messaging', () => {
    const { SESSION_SECRET: _secret, ...noSecret } = production();
    expect(() => loadConfig(noSecret)).toThrow(/SESSION_SECRET: required in production/);
    const { TRUSTED_ROOTS_DIR: _roots, ...noRoots } = production();
    expect(() => loadConfig(noRoots, serve)).toThrow(/TRUSTED_ROOTS_DIR: required/);
    const { ACQUIRER_URL: _acquirer, ...noAcquirer } = production();
    expect(() => loadConfig(noAcquirer, serve)).toThrow(/ACQUIRER_URL: required/);
    const { SMS_GATEWAY_KEY: _key, ...noSms } = production();
    expect(() => loadConfig(noSms, serve)).toThrow(/SMS_GATEWAY_KEY: required/);
    expect(() => loadConfig(noSms, serve)).not.toThrow(/npm start/);
    const config = loadConfig(production());
    expect(config).toMatchObject({ isProduction: true, demo: false, publicUrl: 'https://sot.example.kz', acquirer: { url: 'https://pay.example.kz', merchantId: 'SUD-0001', standIn: false } });
  });

  it.each([
    ['one character repeated', 'x'.repeat(40), /only 1 different characters/],
    ['a short piece repeated', 'changeme'.repeat(5), /only 7 different characters|repeats a shorter piece|word/],
    ['a piece of ten characters repeated', 'Kq8#vZ2!pL'.repeat(4), /repeats a shorter piece/],
    ['a word', 'Xk9-password-Vq2m7Lw4Rz8Np3Tb6Hc', /the word "password"/],
    ['a word spelled with digits', 'Zr7#Ch4ngeM3-Vq2m7Lw4Rz8Np3Tb6Hd', /the word "change(me)?"/],
    ['a run of the keyboard', 'abcdefghijklmnopqrstuvwxyz012345', /consecutive characters/],
    ['too few kinds of character', '1234598765123459876512345987651234', /consecutive characters|bits/],
    ['few bits for its length', '7311937311973137913711379179317319', /different characters|bits/],
  ])('refuses a guessable session secret in production: %s', (_what, secret, reason) => {
    let message = '';
    try {
      loadConfig(production({ SESSION_SECRET: secret }));
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      message = (e as Error).message;
    }
    expect(message).toMatch(/SESSION_SECRET: too easy to guess|SESSION_SECRET/);
    expect(message).toMatch(reason);
    // The message says what a good secret is, and never repeats the secret itself.
    expect(message).toContain('openssl rand -base64 32');
    expect(message).not.toContain(secret);
  });

  it('requires a random audit key in production and keeps a generated one in the data directory elsewhere', () => {
    const { AUDIT_KEY: _key, ...noKey } = production();
    expect(() => loadConfig(noKey)).toThrow(/AUDIT_KEY: required in production/);
    expect(() => loadConfig(production({ AUDIT_KEY: 'a'.repeat(64) }))).toThrow(/AUDIT_KEY: the key is not random enough/);
    expect(() => loadConfig(production({ AUDIT_KEY: 'passwordpasswordpasswordpassword' }))).toThrow(/not random enough/);
    expect(() => loadConfig(production({ AUDIT_KEYS_PREVIOUS: 'short' }))).toThrow(/AUDIT_KEYS_PREVIOUS/);
    const reversed = AUDIT.AUDIT_KEY.split('').reverse().join('');
    const keyed = loadConfig(production({ AUDIT_KEYS_PREVIOUS: `Rk8vT2mQ9xLw4nZp7cYb3HsJ6dFg0aUe5iOq1Vt, ${reversed}` }));
    expect(keyed.audit).toEqual({ key: AUDIT.AUDIT_KEY, previousKeys: ['Rk8vT2mQ9xLw4nZp7cYb3HsJ6dFg0aUe5iOq1Vt', reversed] });

    const dir = tmp();
    const first = loadConfig({ DATA_DIR: dir }, demo);
    expect(estimatedKeyBits(first.audit.key)).toBeGreaterThan(128);
    expect(loadConfig({ DATA_DIR: dir }, demo).audit.key).toBe(first.audit.key);
    expect(first.audit.key).not.toBe(first.sessionSecret);
    expect(statSync(path.join(dir, 'audit-key')).mode & 0o077).toBe(0);
  });

  it('refuses a short session secret anywhere', () => {
    expect(() => loadConfig(production({ SESSION_SECRET: 'Kq8#vZ2!pLw4Rz8N' }))).toThrow(/SESSION_SECRET: must not have fewer than 32 characters/);
    expect(() => loadConfig({ DATA_DIR: tmp(), SESSION_SECRET: 'Kq8#vZ2!pLw4Rz8N' }, demo)).toThrow(/SESSION_SECRET/);
  });

  it('accepts secrets as generators make them', () => {
    for (const secret of [STRONG_SECRET, 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', '9f86d081884c7d659a2feaa0c55ad015']) {
      expect(loadConfig(production({ SESSION_SECRET: secret })).sessionSecret).toBe(secret);
    }
  });

  it('takes TRUST_PROXY as a number of proxies or their addresses, never "trust everyone"', () => {
    const proxy = (TRUST_PROXY: string) => loadConfig({ DATA_DIR: tmp(), TRUST_PROXY }, demo).trustProxy;
    expect(loadConfig({ DATA_DIR: tmp() }, demo).trustProxy).toBe(false);
    expect(proxy('false')).toBe(false);
    expect(proxy('1')).toBe(1);
    expect(proxy('2')).toBe(2);
    expect(proxy('10.0.0.0/8, 192.0.2.7,2001:db8::/32,loopback')).toEqual(['10.0.0.0/8', '192.0.2.7', '2001:db8::/32', 'loopback']);
    expect(() => proxy('true')).toThrow(/TRUST_PROXY: "true" would believe any client's X-Forwarded-For/);
    expect(() => proxy('yes')).toThrow(/TRUST_PROXY: not an address or CIDR range: "yes"/);
    expect(() => proxy('10.0.0.0/33')).toThrow(/"10.0.0.0\/33"/);
    expect(() => proxy('10.0.0.1,*')).toThrow(/"\*"/);
    expect(() => proxy('500')).toThrow(/TRUST_PROXY/);
  });

  it('uses the stand-in SMTP server and SMS gateway in demo mode', () => {
    const config = loadConfig({ DATA_DIR: tmp(), PUBLIC_URL: 'http://localhost:4000' }, demo);
    expect(config.notifications).toMatchObject({ smtpUrl: undefined, smsGatewayUrl: 'http://localhost:4000/sandbox/sms', smsStandIn: true });
    expect(() => loadConfig({ DATA_DIR: tmp(), SMTP_URL: 'http://x' }, demo)).toThrow(/SMTP_URL/);
  });

  it('uses the stand-in acquirer in demo mode, with a secret that lasts as long as the data directory', () => {
    const dir = tmp();
    const first = loadConfig({ DATA_DIR: dir, PUBLIC_URL: 'http://localhost:4000' }, demo);
    expect(first.acquirer).toMatchObject({ url: 'http://localhost:4000/sandbox/acquirer', standIn: true });
    expect(loadConfig({ DATA_DIR: dir }, demo).acquirer.secret).toBe(first.acquirer.secret);
    expect(loadConfig({ DATA_DIR: tmp() }, demo).acquirer.secret).not.toBe(first.acquirer.secret);
  });

  it('refuses to start outside the demo with no trusted root to sign in against', async () => {
    const roots = tmp();
    for (const env of [production({ TRUSTED_ROOTS_DIR: roots }), { DATA_DIR: tmp(), ...OPERATOR_SETTINGS, TRUSTED_ROOTS_DIR: roots }]) {
      expect(() => signatureVerifierFromConfig(loadConfig(env))).toThrow(ConfigError);
    }
    writeFileSync(path.join(roots, 'nca-root.pem'), (await createDevPki(tmp(), [])).rootPem);
    expect(() => signatureVerifierFromConfig(loadConfig(production({ TRUSTED_ROOTS_DIR: roots })))).not.toThrow();
  });

  it('trusts the development root in demo mode only, whatever NODE_ENV says', async () => {
    const dataDir = tmp();
    const devRoot = Buffer.from(pemCertificates((await createDevPki(path.join(dataDir, 'pki'), [])).rootPem)[0]!);
    const isDevRoot = (der: Uint8Array) => Buffer.from(der).equals(devRoot);
    expect(trustedRootsFromConfig(loadConfig({ DATA_DIR: dataDir }, demo)).some(isDevRoot)).toBe(true);
    for (const NODE_ENV of ['development', 'test']) {
      const roots = trustedRootsFromConfig(loadConfig({ NODE_ENV, DATA_DIR: dataDir, ...OPERATOR_SETTINGS }));
      expect(roots.length).toBeGreaterThan(0);
      expect(roots.some(isDevRoot)).toBe(false);
    }
  });

  describe('revocation checks', () => {
    const configured = (extra: Record<string, string> = {}) => loadConfig(production(extra));

    /** The server's own logger options, writing JSON lines into an array. */
    function capturedLogger() {
      const lines: { level: number; msg: string }[] = [];
      const stream = new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(JSON.parse(chunk.toString('utf8')) as { level: number; msg: string });
          done();
        },
      });
      return { log: pino(loggerOptions('info', stream) as pino.LoggerOptions, stream), lines };
    }

    it('are on by default in production, by OCSP then CRL', () => {
      expect(configured().edsRevocation).toBe('ocsp-crl');
      expect(startupWarnings(configured())).toEqual([]);
    });

    it('are off by default in development and demo, where there is no network', () => {
      expect(loadConfig({ DATA_DIR: tmp() }).edsRevocation).toBe('off');
      expect(loadConfig({ DATA_DIR: tmp(), NODE_ENV: 'test' }).edsRevocation).toBe('off');
      expect(startupWarnings(loadConfig({ DATA_DIR: tmp() }))).toEqual([]);
      expect(loadConfig({ DATA_DIR: tmp(), EDS_REVOCATION: 'ocsp-crl' }).edsRevocation).toBe('ocsp-crl');
    });

    it('are turned off in production only when set so, and then every start logs a warning', () => {
      const config = configured({ EDS_REVOCATION: 'off' });
      expect(config.edsRevocation).toBe('off');
      for (let start = 0; start < 2; start++) {
        const { log, lines } = capturedLogger();
        logStartupWarnings(config, log);
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatchObject({ level: 40 });
        expect(lines[0]!.msg).toMatch(/EDS_REVOCATION=off in production/);
      }
      const { log, lines } = capturedLogger();
      logStartupWarnings(configured(), log);
      expect(lines).toEqual([]);
    });

    it('refuses a value that is neither off nor ocsp-crl', () => {
      expect(() => configured({ EDS_REVOCATION: 'ocsp' })).toThrow(/EDS_REVOCATION/);
    });
  });

  it('checks signatures on worker threads in production, one fewer than the cores (one to four), and in-process elsewhere unless asked', () => {
    expect(loadConfig(production()).edsVerifyThreads).toBe(Math.max(1, Math.min(availableParallelism() - 1, 4)));
    expect(loadConfig(production({ EDS_VERIFY_THREADS: '0' })).edsVerifyThreads).toBe(0);
    expect(loadConfig({ DATA_DIR: tmp() }).edsVerifyThreads).toBe(0);
    expect(loadConfig({ DATA_DIR: tmp(), EDS_VERIFY_THREADS: '3' }).edsVerifyThreads).toBe(3);
    for (const bad of ['-1', 'two', '1.5', '33']) expect(() => loadConfig({ DATA_DIR: tmp(), EDS_VERIFY_THREADS: bad }), bad).toThrow(/EDS_VERIFY_THREADS/);
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ DATA_DIR: tmp(), PORT: '', DATABASE_URL: '' }, demo)).toMatchObject({ port: 3000, databaseUrl: undefined });
  });

  describe('processes and databases of a cluster', () => {
    const postgres = { DATABASE_URL: 'postgres://sot@db.example.kz/sot' };

    it('runs web and jobs in one process unless --role splits them, on PostgreSQL', () => {
      expect(loadConfig({ DATA_DIR: tmp(), ...OPERATOR_SETTINGS }, serve).role).toBe('all');
      for (const role of ['web', 'worker', 'all'] as const) expect(loadConfig({ DATA_DIR: tmp(), ...OPERATOR_SETTINGS, ...postgres }, { ...serve, role }).role).toBe(role);
    });

    it('names the roles there are when --role is wrong', () => {
      for (const role of ['', 'Web', 'jobs', 'web,worker']) {
        expect(() => loadConfig({ DATA_DIR: tmp(), ...OPERATOR_SETTINGS, ...postgres }, { ...serve, role })).toThrow(/Invalid --role ".*": use web \(HTTP only\), worker \(background jobs only\) or all/);
      }
    });

    it('refuses to split web and worker on the embedded database, which one process owns', () => {
      for (const role of ['web', 'worker']) {
        expect(() => loadConfig({ DATA_DIR: tmp(), ...OPERATOR_SETTINGS }, { ...serve, role })).toThrow(new RegExp(`--role ${role}: web and worker processes run apart only on PostgreSQL \\(DATABASE_URL\\)`));
        expect(() => loadConfig({ DATA_DIR: tmp() }, { ...demo, role })).toThrow(ConfigError);
      }
      expect(loadConfig({ DATA_DIR: tmp() }, { ...demo, role: 'all' }).role).toBe('all');
    });

    it('reads public pages from a replica only beside a primary', () => {
      const replica = { DATABASE_READ_URL: 'postgres://sot@replica.example.kz/sot' };
      expect(loadConfig({ DATA_DIR: tmp(), ...OPERATOR_SETTINGS, ...postgres, ...replica }, serve).databaseReadUrl).toBe(replica.DATABASE_READ_URL);
      expect(loadConfig({ DATA_DIR: tmp(), ...OPERATOR_SETTINGS, ...postgres }, serve).databaseReadUrl).toBeUndefined();
      expect(() => loadConfig({ DATA_DIR: tmp(), ...OPERATOR_SETTINGS, ...replica }, serve)).toThrow(/DATABASE_READ_URL: a read replica of the PostgreSQL server at DATABASE_URL; set DATABASE_URL too/);
      expect(() => loadConfig({ DATA_DIR: tmp(), ...OPERATOR_SETTINGS, ...postgres, DATABASE_READ_URL: 'mysql://replica' }, serve)).toThrow(/DATABASE_READ_URL/);
    });

    it('lets only tests make the schedules tick in seconds', () => {
      expect(loadConfig({ DATA_DIR: tmp(), ...OPERATOR_SETTINGS, SCHEDULES_EVERY_SECONDS: '5' }, serve).schedulesEverySeconds).toBe(5);
      expect(loadConfig({ DATA_DIR: tmp(), ...OPERATOR_SETTINGS }, serve).schedulesEverySeconds).toBeUndefined();
      expect(() => loadConfig({ DATA_DIR: tmp(), ...OPERATOR_SETTINGS, SCHEDULES_EVERY_SECONDS: '7' }, serve)).toThrow(/SCHEDULES_EVERY_SECONDS: must divide 60/);
      expect(() => loadConfig(production({ SCHEDULES_EVERY_SECONDS: '5' }), serve)).toThrow(/SCHEDULES_EVERY_SECONDS: for tests of the schedules only, never in production/);
    });
  });
});
