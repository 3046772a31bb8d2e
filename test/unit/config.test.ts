import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { signatureVerifierFromConfig } from '../../src/auth/verifier.ts';
import { ConfigError, estimatedKeyBits, loadConfig, logStartupWarnings, startupWarnings } from '../../src/config.ts';
import { loggerOptions } from '../../src/log.ts';
import { createDevPki } from '../../src/pki/devCa.ts';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'sot-config-'));


const MESSAGING = { SMTP_URL: 'smtp://mail.example.kz:587', SMS_GATEWAY_URL: 'https://sms.example.kz/v1', SMS_GATEWAY_KEY: 'k'.repeat(40) };
const AUDIT = { AUDIT_KEY: 'q3VhX0m9Zk2Lr7TtYb1Wc5Nd8Pf4Gs6Jh-_aQeRuIoE' };

describe('configuration', () => {
  it('runs with no settings at all: port 3000, embedded database, demo mode', () => {
    const config = loadConfig({ DATA_DIR: tmp() });
    expect(config).toMatchObject({ port: 3000, env: 'development', demo: true, databaseUrl: undefined, publicUrl: 'http://localhost:3000' });
  });

  it('generates a session secret once and keeps it in the data directory', () => {
    const dir = tmp();
    const first = loadConfig({ DATA_DIR: dir });
    const second = loadConfig({ DATA_DIR: dir });
    expect(first.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(second.sessionSecret).toBe(first.sessionSecret);
    expect(readFileSync(path.join(dir, 'session-secret'), 'utf8').trim()).toBe(first.sessionSecret);
    expect(statSync(path.join(dir, 'session-secret')).mode & 0o077).toBe(0);
  });

  it('names the variable and the problem when a value is wrong', () => {
    expect(() => loadConfig({ DATA_DIR: tmp(), PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATA_DIR: tmp(), PORT: '70000' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATA_DIR: tmp(), DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ DATA_DIR: tmp(), LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    expect(() => loadConfig({ DATA_DIR: tmp(), NODE_ENV: 'staging' })).toThrow(/NODE_ENV/);
  });

  it('requires a session secret in production and forbids demo mode there', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: tmp() })).toThrow(/SESSION_SECRET/);
    const secret = 'x'.repeat(40);
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: tmp(), SESSION_SECRET: secret })).toThrow(/TRUSTED_ROOTS_DIR/);
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: tmp(), SESSION_SECRET: secret, TRUSTED_ROOTS_DIR: tmp() })).toThrow(/ACQUIRER_URL/);
    const acquirer = { ACQUIRER_URL: 'https://pay.example.kz/', ACQUIRER_MERCHANT_ID: 'SUD-0001', ACQUIRER_SECRET: 'a'.repeat(40) };
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: tmp(), SESSION_SECRET: secret, TRUSTED_ROOTS_DIR: tmp(), ...acquirer, DEMO: 'true' })).toThrow(/DEMO/);
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: tmp(), SESSION_SECRET: secret, TRUSTED_ROOTS_DIR: tmp(), ...acquirer })).toThrow(/SMTP_URL/);
    const config = loadConfig({ NODE_ENV: 'production', DATA_DIR: tmp(), SESSION_SECRET: secret, TRUSTED_ROOTS_DIR: tmp(), ...acquirer, ...MESSAGING, ...AUDIT, PUBLIC_URL: 'https://sot.example.kz/' });
    expect(config).toMatchObject({ isProduction: true, demo: false, publicUrl: 'https://sot.example.kz', acquirer: { url: 'https://pay.example.kz', merchantId: 'SUD-0001', standIn: false } });
  });

  it('requires a random audit key in production and keeps a generated one in the data directory elsewhere', () => {
    const production = { NODE_ENV: 'production', DATA_DIR: tmp(), SESSION_SECRET: 's'.repeat(40), TRUSTED_ROOTS_DIR: tmp(), ACQUIRER_URL: 'https://pay.example.kz', ACQUIRER_MERCHANT_ID: 'SUD', ACQUIRER_SECRET: 'a'.repeat(40), ...MESSAGING };
    expect(() => loadConfig(production)).toThrow(/AUDIT_KEY: required in production/);
    expect(() => loadConfig({ ...production, AUDIT_KEY: 'a'.repeat(64) })).toThrow(/AUDIT_KEY: the key is not random enough/);
    expect(() => loadConfig({ ...production, AUDIT_KEY: 'passwordpasswordpasswordpassword' })).toThrow(/not random enough/);
    expect(() => loadConfig({ ...production, ...AUDIT, AUDIT_KEYS_PREVIOUS: 'short' })).toThrow(/AUDIT_KEYS_PREVIOUS/);
    const keyed = loadConfig({ ...production, ...AUDIT, AUDIT_KEYS_PREVIOUS: `${'Rk8vT2mQ9xLw4nZp7cYb3HsJ6dFg0aUe5iOq1Vt'}, ${AUDIT.AUDIT_KEY.split('').reverse().join('')}` });
    expect(keyed.audit).toEqual({ key: AUDIT.AUDIT_KEY, previousKeys: ['Rk8vT2mQ9xLw4nZp7cYb3HsJ6dFg0aUe5iOq1Vt', AUDIT.AUDIT_KEY.split('').reverse().join('')] });

    const dir = tmp();
    const first = loadConfig({ DATA_DIR: dir });
    expect(estimatedKeyBits(first.audit.key)).toBeGreaterThan(128);
    expect(loadConfig({ DATA_DIR: dir }).audit.key).toBe(first.audit.key);
    expect(first.audit.key).not.toBe(first.sessionSecret);
    expect(statSync(path.join(dir, 'audit-key')).mode & 0o077).toBe(0);
  });

  it('uses the stand-in SMTP server and SMS gateway outside production', () => {
    const config = loadConfig({ DATA_DIR: tmp(), PUBLIC_URL: 'http://localhost:4000' });
    expect(config.notifications).toMatchObject({ smtpUrl: undefined, smsGatewayUrl: 'http://localhost:4000/sandbox/sms', smsStandIn: true });
    expect(() => loadConfig({ DATA_DIR: tmp(), SMTP_URL: 'http://x' })).toThrow(/SMTP_URL/);
  });

  it('uses the stand-in acquirer outside production, with a secret that lasts as long as the data directory', () => {
    const dir = tmp();
    const first = loadConfig({ DATA_DIR: dir, PUBLIC_URL: 'http://localhost:4000' });
    expect(first.acquirer).toMatchObject({ url: 'http://localhost:4000/sandbox/acquirer', standIn: true });
    expect(loadConfig({ DATA_DIR: dir }).acquirer.secret).toBe(first.acquirer.secret);
    expect(loadConfig({ DATA_DIR: tmp() }).acquirer.secret).not.toBe(first.acquirer.secret);
  });

  it('refuses to start in production with no trusted root to sign in against', async () => {
    const secret = 'x'.repeat(40);
    const roots = tmp();
    const production = () =>
      loadConfig({ NODE_ENV: 'production', DATA_DIR: tmp(), SESSION_SECRET: secret, TRUSTED_ROOTS_DIR: roots, ACQUIRER_URL: 'https://pay.example.kz', ACQUIRER_MERCHANT_ID: 'SUD', ACQUIRER_SECRET: 'a'.repeat(40), ...MESSAGING, ...AUDIT });
    expect(() => signatureVerifierFromConfig(production())).toThrow(ConfigError);
    writeFileSync(path.join(roots, 'nca-root.pem'), (await createDevPki(tmp(), [])).rootPem);
    expect(() => signatureVerifierFromConfig(production())).not.toThrow();
  });

  describe('revocation checks', () => {
    const production = (extra: Record<string, string> = {}) =>
      loadConfig({
        NODE_ENV: 'production',
        DATA_DIR: tmp(),
        SESSION_SECRET: 'x'.repeat(40),
        TRUSTED_ROOTS_DIR: tmp(),
        ACQUIRER_URL: 'https://pay.example.kz',
        ACQUIRER_MERCHANT_ID: 'SUD',
        ACQUIRER_SECRET: 'a'.repeat(40),
        ...MESSAGING,
        ...AUDIT,
        ...extra,
      });

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
      expect(production().edsRevocation).toBe('ocsp-crl');
      expect(startupWarnings(production())).toEqual([]);
    });

    it('are off by default in development and demo, where there is no network', () => {
      expect(loadConfig({ DATA_DIR: tmp() }).edsRevocation).toBe('off');
      expect(loadConfig({ DATA_DIR: tmp(), NODE_ENV: 'test' }).edsRevocation).toBe('off');
      expect(startupWarnings(loadConfig({ DATA_DIR: tmp() }))).toEqual([]);
      expect(loadConfig({ DATA_DIR: tmp(), EDS_REVOCATION: 'ocsp-crl' }).edsRevocation).toBe('ocsp-crl');
    });

    it('are turned off in production only when set so, and then every start logs a warning', () => {
      const config = production({ EDS_REVOCATION: 'off' });
      expect(config.edsRevocation).toBe('off');
      for (let start = 0; start < 2; start++) {
        const { log, lines } = capturedLogger();
        logStartupWarnings(config, log);
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatchObject({ level: 40 });
        expect(lines[0]!.msg).toMatch(/EDS_REVOCATION=off in production/);
      }
      const { log, lines } = capturedLogger();
      logStartupWarnings(production(), log);
      expect(lines).toEqual([]);
    });

    it('refuses a value that is neither off nor ocsp-crl', () => {
      expect(() => production({ EDS_REVOCATION: 'ocsp' })).toThrow(/EDS_REVOCATION/);
    });
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ DATA_DIR: tmp(), PORT: '', DATABASE_URL: '' })).toMatchObject({ port: 3000, databaseUrl: undefined });
  });
});
