import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import Type, { type Static } from 'typebox';
import { Value } from 'typebox/value';

/** Environment variables Sot reads, with defaults. The one place that touches process.env. */
const EnvSchema = Type.Object({
  NODE_ENV: Type.Union([Type.Literal('development'), Type.Literal('test'), Type.Literal('production')], {
    default: 'development',
  }),
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  HOST: Type.String({ minLength: 1, default: 'localhost' }),
  PUBLIC_URL: Type.Optional(Type.String({ pattern: '^https?://[^\\s/]+(/[^\\s]*)?$' })),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  DATA_DIR: Type.String({ minLength: 1, default: './data' }),
  LOG_LEVEL: Type.Enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { default: 'info' }),
  SESSION_SECRET: Type.Optional(Type.String({ minLength: 32 })),
  DB_POOL_SIZE: Type.Integer({ minimum: 1, maximum: 200, default: 10 }),
  METRICS_TOKEN: Type.Optional(Type.String({ minLength: 16 })),
  ACQUIRER_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  ACQUIRER_MERCHANT_ID: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  ACQUIRER_SECRET: Type.Optional(Type.String({ minLength: 32 })),
  DEMO: Type.Optional(Type.Boolean()),
  TRUSTED_ROOTS_DIR: Type.Optional(Type.String({ minLength: 1 })),
  EDS_VERIFIER_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  // Default per environment: ocsp-crl in production, off elsewhere (see loadConfig).
  EDS_REVOCATION: Type.Optional(Type.Enum(['off', 'ocsp-crl'])),
  TRUST_PROXY: Type.Optional(Type.Boolean()),
  RECORDING_MAX_BYTES: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, default: 2 * 1024 * 1024 * 1024 }),
  SMTP_URL: Type.Optional(Type.String({ pattern: '^smtps?://' })),
  SMTP_FROM: Type.Optional(Type.String({ minLength: 3, maxLength: 200 })),
  SMS_GATEWAY_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  SMS_GATEWAY_KEY: Type.Optional(Type.String({ minLength: 32 })),
  NOTIFY_RETRY_LIMIT: Type.Integer({ minimum: 0, maximum: 50, default: 12 }),
  NOTIFY_RETRY_DELAY_SECONDS: Type.Integer({ minimum: 0, maximum: 3600, default: 30 }),
  NOTIFY_SEND_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 120_000, default: 10_000 }),
  AUDIT_KEY: Type.Optional(Type.String({ minLength: 32, maxLength: 512 })),
  AUDIT_KEYS_PREVIOUS: Type.Optional(Type.String({ minLength: 32, maxLength: 8192 })),
});

type Env = Static<typeof EnvSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  isProduction: boolean;
  /** Demo mode: demo data and the dev signer are offered. Never on in production. */
  demo: boolean;
  port: number;
  host: string;
  publicUrl: string;
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: string;
  sessionSecret: string;
  dbPoolSize: number;
  metricsToken: string | undefined;
  /** Directory of the root certificates EDS signatures must chain to. */
  trustedRootsDir: string | undefined;
  /** NCANode-compatible service for GOST 34.310 signatures, which no JS library verifies. */
  edsVerifierUrl: string | undefined;
  /**
   * Revocation checks by OCSP, then CRL: on by default in production; off by default in
   * development and demo, where there is no network. Off in production only when set so.
   */
  edsRevocation: 'off' | 'ocsp-crl';
  /** Take the client address from X-Forwarded-For (behind a load balancer). */
  trustProxy: boolean;
  /** The card acquirer's hosted payment page; outside production Sot's own stand-in acquirer. */
  acquirer: { url: string; merchantId: string; secret: string; standIn: boolean };
  /** Where the development PKI (demo certificates and PKCS#12 files) lives. */
  devPkiDir: string;
  /** The largest hearing recording the court may upload (resumably), in bytes. */
  recordingMaxBytes: number;
  notifications: NotificationConfig;
  /**
   * Keys of the audit chain's HMAC links, kept outside the database: the one new links are made
   * with, and retired ones (oldest first) that earlier segments of the chain were made with.
   */
  audit: { key: string; previousKeys: string[] };
}

export interface NotificationConfig {
  /** The SMTP relay; unset outside production, where Sot starts its own stand-in SMTP server. */
  smtpUrl: string | undefined;
  smtpFrom: string;
  /** The SMS gateway's base URL; outside production Sot's stand-in at /sandbox/sms by default. */
  smsGatewayUrl: string;
  /** Bearer key toward the gateway; also the HMAC key of its delivery reports. */
  smsGatewayKey: string;
  smsStandIn: boolean;
  /** pg-boss retries of one message, and the first delay; each further delay doubles. */
  retryLimit: number;
  retryDelaySeconds: number;
  /** How long one call to the SMTP relay or the SMS gateway may take. */
  sendTimeoutMs: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const INTEGER_KEYS = new Set(['PORT', 'DB_POOL_SIZE', 'RECORDING_MAX_BYTES', 'NOTIFY_RETRY_LIMIT', 'NOTIFY_RETRY_DELAY_SECONDS', 'NOTIFY_SEND_TIMEOUT_MS']);
const BOOLEAN_KEYS = new Set(['DEMO', 'TRUST_PROXY']);

/** Reads only Sot's own keys, turning numeric and boolean strings into values; empty strings count as unset. */
function pickEnv(source: NodeJS.ProcessEnv): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const key of Object.keys(EnvSchema.properties)) {
    const raw = source[key];
    if (raw === undefined || raw === '') continue;
    if (INTEGER_KEYS.has(key)) picked[key] = /^-?\d+$/.test(raw) ? Number(raw) : raw;
    else if (BOOLEAN_KEYS.has(key)) picked[key] = raw === 'true' || raw === '1' ? true : raw === 'false' || raw === '0' ? false : raw;
    else picked[key] = raw;
  }
  return picked;
}

function describeErrors(value: unknown): string {
  return [...Value.Errors(EnvSchema, value)]
    .map((e) => {
      const key = e.instancePath.replace(/^\//, '') || '(environment)';
      return `  ${key}: ${e.message}`;
    })
    .join('\n');
}

/**
 * In development a session secret is generated once and kept in DATA_DIR, so sessions survive
 * restarts without the newcomer configuring anything. Production must be given one.
 */
function devSessionSecret(dataDir: string): string {
  return devSecret(dataDir, 'session-secret');
}

function devSecret(dataDir: string, name: string): string {
  const file = path.join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

/**
 * Bits of entropy a key shows at most, judged by how often each character occurs in it: a long
 * key of a few repeated characters or words fails, `openssl rand -base64 32` passes easily.
 */
export function estimatedKeyBits(key: string): number {
  const counts = new Map<string, number>();
  for (const char of key) counts.set(char, (counts.get(char) ?? 0) + 1);
  const length = [...key].length;
  let perChar = 0;
  for (const n of counts.values()) perChar -= (n / length) * Math.log2(n / length);
  return perChar * length;
}

/** What an audit key must show in production: at least 128 bits by the estimate above. */
const MIN_AUDIT_KEY_BITS = 128;

function auditKeys(env: Env, isProduction: boolean, dataDir: string): Config['audit'] {
  if (isProduction && !env.AUDIT_KEY) {
    throw new ConfigError('Invalid configuration:\n  AUDIT_KEY: required in production (at least 32 random characters, e.g. `openssl rand -base64 32`; kept outside the database)');
  }
  const previousKeys = (env.AUDIT_KEYS_PREVIOUS ?? '').split(',').map((k) => k.trim()).filter(Boolean);
  for (const [name, key] of [['AUDIT_KEY', env.AUDIT_KEY], ...previousKeys.map((k) => ['AUDIT_KEYS_PREVIOUS', k] as const)] as const) {
    if (key === undefined) continue;
    if (key.length < 32) throw new ConfigError(`Invalid configuration:\n  ${name}: each key needs at least 32 characters`);
    if (isProduction && estimatedKeyBits(key) < MIN_AUDIT_KEY_BITS) {
      throw new ConfigError(`Invalid configuration:\n  ${name}: the key is not random enough; make one with \`openssl rand -base64 32\``);
    }
  }
  return { key: env.AUDIT_KEY ?? devSecret(dataDir, 'audit-key'), previousKeys };
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const picked = pickEnv(source);
  const withDefaults = Value.Default(EnvSchema, picked);
  if (!Value.Check(EnvSchema, withDefaults)) {
    throw new ConfigError(`Invalid configuration:\n${describeErrors(withDefaults)}`);
  }
  const env = withDefaults as Env;
  const isProduction = env.NODE_ENV === 'production';
  if (isProduction && !env.SESSION_SECRET) {
    throw new ConfigError('Invalid configuration:\n  SESSION_SECRET: required in production (at least 32 characters)');
  }
  if (isProduction && !env.TRUSTED_ROOTS_DIR) {
    throw new ConfigError('Invalid configuration:\n  TRUSTED_ROOTS_DIR: required in production (the root certificates of the certification authority)');
  }
  if (isProduction && !(env.ACQUIRER_URL && env.ACQUIRER_MERCHANT_ID && env.ACQUIRER_SECRET)) {
    throw new ConfigError('Invalid configuration:\n  ACQUIRER_URL, ACQUIRER_MERCHANT_ID, ACQUIRER_SECRET: required in production (the card acquirer of the state duty)');
  }
  if (isProduction && env.DEMO) {
    throw new ConfigError('Invalid configuration:\n  DEMO: demo mode cannot be enabled in production');
  }
  if (isProduction && !(env.SMTP_URL && env.SMS_GATEWAY_URL && env.SMS_GATEWAY_KEY)) {
    throw new ConfigError('Invalid configuration:\n  SMTP_URL, SMS_GATEWAY_URL, SMS_GATEWAY_KEY: required in production (e-mail and SMS notices to the parties)');
  }
  const dataDir = path.resolve(env.DATA_DIR);
  const sessionSecret = env.SESSION_SECRET ?? devSessionSecret(dataDir);
  const audit = auditKeys(env, isProduction, dataDir);
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '');
  return {
    env: env.NODE_ENV,
    isProduction,
    demo: env.DEMO ?? !isProduction,
    port: env.PORT,
    host: env.HOST,
    publicUrl,
    databaseUrl: env.DATABASE_URL,
    dataDir,
    logLevel: env.LOG_LEVEL,
    sessionSecret,
    dbPoolSize: env.DB_POOL_SIZE,
    metricsToken: env.METRICS_TOKEN,
    trustedRootsDir: env.TRUSTED_ROOTS_DIR ? path.resolve(env.TRUSTED_ROOTS_DIR) : undefined,
    edsVerifierUrl: env.EDS_VERIFIER_URL,
    edsRevocation: (env.EDS_REVOCATION as 'off' | 'ocsp-crl' | undefined) ?? (isProduction ? 'ocsp-crl' : 'off'),
    trustProxy: env.TRUST_PROXY ?? false,
    acquirer: {
      url: (env.ACQUIRER_URL ?? `${publicUrl}/sandbox/acquirer`).replace(/\/$/, ''),
      merchantId: env.ACQUIRER_MERCHANT_ID ?? 'sot-dev',
      secret: env.ACQUIRER_SECRET ?? createHmac('sha256', sessionSecret).update('stand-in acquirer').digest('hex'),
      standIn: !isProduction && !env.ACQUIRER_URL,
    },
    devPkiDir: path.join(dataDir, 'pki'),
    recordingMaxBytes: env.RECORDING_MAX_BYTES,
    notifications: {
      smtpUrl: env.SMTP_URL,
      smtpFrom: env.SMTP_FROM ?? `Sot <no-reply@${new URL(publicUrl).hostname}>`,
      smsGatewayUrl: (env.SMS_GATEWAY_URL ?? `${publicUrl}/sandbox/sms`).replace(/\/$/, ''),
      smsGatewayKey: env.SMS_GATEWAY_KEY ?? createHmac('sha256', sessionSecret).update('stand-in sms gateway').digest('hex'),
      smsStandIn: !isProduction && !env.SMS_GATEWAY_URL,
      retryLimit: env.NOTIFY_RETRY_LIMIT,
      retryDelaySeconds: env.NOTIFY_RETRY_DELAY_SECONDS,
      sendTimeoutMs: env.NOTIFY_SEND_TIMEOUT_MS,
    },
    audit,
  };
}

/**
 * What an operator must hear at every start because a setting weakens a guarantee Sot makes in
 * production. The server logs each one as a warning when it starts.
 */
export function startupWarnings(config: Config): string[] {
  const warnings: string[] = [];
  if (config.isProduction && config.edsRevocation === 'off') {
    warnings.push('EDS_REVOCATION=off in production: revoked EDS certificates are accepted for sign-in and signing. Set EDS_REVOCATION=ocsp-crl (the default) unless this is deliberate.');
  }
  return warnings;
}

export function logStartupWarnings(config: Config, log: { warn(message: string): void }): void {
  for (const warning of startupWarnings(config)) log.warn(warning);
}
