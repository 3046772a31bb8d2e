import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import Type, { type Static } from 'typebox';
import { Value } from 'typebox/value';
import { SECRET_RULE, weakSecretReason } from './auth/secretStrength.ts';

/** Environment variables Sot reads, with defaults. The one place that touches process.env. */
const EnvSchema = Type.Object({
  NODE_ENV: Type.Union([Type.Literal('development'), Type.Literal('test'), Type.Literal('production')], {
    default: 'development',
  }),
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  HOST: Type.String({ minLength: 1, default: 'localhost' }),
  PUBLIC_URL: Type.Optional(Type.String({ pattern: '^https?://[^\\s/]+(/[^\\s]*)?$' })),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  DATABASE_READ_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
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
  // Default per environment: some in production, none elsewhere (see loadConfig).
  EDS_VERIFY_THREADS: Type.Optional(Type.Integer({ minimum: 0, maximum: 32 })),
  TRUST_PROXY: Type.Optional(Type.String({ maxLength: 2000 })),
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
  WEBHOOK_KEY: Type.Optional(Type.String({ minLength: 32, maxLength: 512 })),
  // Tests of the schedules only: every periodic job fires every N seconds (N divides 60).
  SCHEDULES_EVERY_SECONDS: Type.Optional(Type.Integer({ minimum: 1, maximum: 30 })),
});

type Env = Static<typeof EnvSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  isProduction: boolean;
  /**
   * Demo mode: demo data, demo certificates and their development root, the stand-in acquirer,
   * SMS gateway and SMTP server, `/dev/*`. Only when asked for (`sot start --demo`, `DEMO=1`),
   * and only on the embedded database at a local address; never in production.
   */
  demo: boolean;
  port: number;
  host: string;
  publicUrl: string;
  databaseUrl: string | undefined;
  /**
   * A read replica of DATABASE_URL for the public read paths (case status, courts, hearing
   * lists); they tolerate its lag. Signed-in pages and every write use DATABASE_URL.
   */
  databaseReadUrl: string | undefined;
  /** What this process runs: `web` (HTTP only), `worker` (jobs only) or `all` (both). */
  role: Role;
  /** Tests of the schedules only: every periodic job fires every this many seconds instead of its cron. */
  schedulesEverySeconds: number | undefined;
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
  /**
   * Worker threads that check EDS signatures, so a check never blocks the event loop: in
   * production one fewer than the cores (the event loop keeps one), at least one and at most
   * four; none elsewhere (the check runs in-process).
   */
  edsVerifyThreads: number;
  /**
   * Which proxies' X-Forwarded-For to believe for the client address: none (false), the number
   * of hops in front of Sot, or the proxies' addresses and CIDR ranges. Fastify's `trustProxy`.
   */
  trustProxy: false | number | string[];
  /** The card acquirer's hosted payment page; in demo mode without one, Sot's own stand-in acquirer. */
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
  /**
   * Organisations' webhooks: the key their signing secrets are sealed under (`WEBHOOK_KEY`, or
   * derived by HKDF from SESSION_SECRET when unset, so changing that secret then makes the stored
   * webhook secrets unreadable until they are rotated), and whether plain HTTP to this machine is
   * allowed (demo mode and tests, for receivers on localhost).
   */
  webhooks: { sealKey: Buffer; allowLocalHttp: boolean };
}

export interface NotificationConfig {
  /** The SMTP relay; unset only in demo mode, where Sot starts its own stand-in SMTP server. */
  smtpUrl: string | undefined;
  smtpFrom: string;
  /** The SMS gateway's base URL; in demo mode without one, Sot's stand-in at /sandbox/sms. */
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

export const ROLES = ['all', 'web', 'worker'] as const;
export type Role = (typeof ROLES)[number];

/** `sot start --role …`: absent is `all`; anything else but the three is refused by name. */
export function parseRole(raw: string | undefined): Role {
  if (raw === undefined) return 'all';
  if ((ROLES as readonly string[]).includes(raw)) return raw as Role;
  throw new ConfigError(`Invalid --role ${JSON.stringify(raw)}: use web (HTTP only), worker (background jobs only) or all (both, the default)`);
}

/** The keys the schema types as integers or booleans, read from it so a new one cannot be missed. */
const keysOfType = (type: 'integer' | 'boolean') => new Set(Object.entries(EnvSchema.properties).filter(([, schema]) => (schema as { type?: string }).type === type).map(([key]) => key));
const INTEGER_KEYS = keysOfType('integer');
const BOOLEAN_KEYS = keysOfType('boolean');

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

/** PUBLIC_URL names this machine only: localhost, 127.0.0.0/8 or ::1. */
export function isLocalAddress(url: string): boolean {
  const host = new URL(url).hostname;
  return host === 'localhost' || host === '[::1]' || (isIP(host) === 4 && host.startsWith('127.'));
}

/** Named ranges proxy-addr (Fastify's trustProxy) understands. */
const PROXY_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrCidr(value: string): boolean {
  if (PROXY_RANGES.has(value)) return true;
  const [address, prefix, ...rest] = value.split('/');
  const family = isIP(address ?? '');
  if (!family || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY: the number of proxies in front of Sot, or their addresses and CIDR ranges. "true"
 * would believe X-Forwarded-For from anyone, so any client could choose the address its rate
 * limits are counted by; it is refused.
 */
export function parseTrustProxy(raw: string | undefined): false | number | string[] {
  const value = raw?.trim() ?? '';
  if (value === '' || value === 'false' || value === '0') return false;
  const rule = 'give the number of proxies in front of Sot (e.g. 1) or their addresses and CIDR ranges, comma-separated (e.g. 10.0.0.0/8,192.0.2.7)';
  if (value === 'true') throw new ConfigError(`Invalid configuration:\n  TRUST_PROXY: "true" would believe any client's X-Forwarded-For; ${rule}`);
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 20) throw new ConfigError(`Invalid configuration:\n  TRUST_PROXY: ${hops} proxies is not plausible; ${rule}`);
    return hops;
  }
  const entries = value.split(',').map((entry) => entry.trim());
  const wrong = entries.filter((entry) => !isAddressOrCidr(entry));
  if (wrong.length > 0) throw new ConfigError(`Invalid configuration:\n  TRUST_PROXY: not an address or CIDR range: ${wrong.map((w) => JSON.stringify(w)).join(', ')}; ${rule}`);
  return entries;
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

export interface LoadOptions {
  /** `sot start --demo`: the same as DEMO=1. */
  demo?: boolean;
  /**
   * The web server will run on this configuration (`sot start`, the tests' apps): outside demo
   * mode it needs the operator's trusted roots, acquirer and messaging. The other commands
   * (`migrate`, `reference`, `audit verify`…) only use the database and do not ask for them.
   */
  serve?: boolean;
  /** `sot start --role`, as typed: checked here. */
  role?: string;
}

/** What an operator must give Sot outside demo mode, where no stand-in takes its place. */
const REQUIRED_OUTSIDE_DEMO: { keys: (keyof Env)[]; why: string }[] = [
  { keys: ['TRUSTED_ROOTS_DIR'], why: 'the root certificates of the certification authority that sign-in signatures chain to' },
  { keys: ['ACQUIRER_URL', 'ACQUIRER_MERCHANT_ID', 'ACQUIRER_SECRET'], why: 'the card acquirer of the state duty' },
  { keys: ['SMTP_URL', 'SMS_GATEWAY_URL', 'SMS_GATEWAY_KEY'], why: 'e-mail and SMS notices to the parties' },
];

export function loadConfig(source: NodeJS.ProcessEnv = process.env, options: LoadOptions = {}): Config {
  const picked = pickEnv(source);
  const withDefaults = Value.Default(EnvSchema, picked);
  if (!Value.Check(EnvSchema, withDefaults)) {
    throw new ConfigError(`Invalid configuration:\n${describeErrors(withDefaults)}`);
  }
  const env = withDefaults as Env;
  const role = parseRole(options.role);
  // One process owns the embedded database (its directory is locked), so it serves and works both.
  if (role !== 'all' && !env.DATABASE_URL) {
    throw new ConfigError(`Invalid configuration:\n  --role ${role}: web and worker processes run apart only on PostgreSQL (DATABASE_URL); the embedded database belongs to one process, which serves and runs the jobs: start without --role`);
  }
  const isProduction = env.NODE_ENV === 'production';
  const demo = options.demo === true || env.DEMO === true;
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '');
  if (demo) {
    // The demo trusts its own development root and takes card payments and SMS on stand-ins:
    // anywhere but a newcomer's own machine and embedded database that would be a way in.
    const refusal = isProduction
      ? 'demo mode cannot be enabled in production'
      : env.DATABASE_URL
        ? 'demo mode runs only on the embedded database; unset DATABASE_URL or start without --demo'
        : !isLocalAddress(publicUrl)
          ? `demo mode runs only at a local address (localhost, 127.0.0.0/8, ::1), not ${publicUrl}; set PUBLIC_URL to one or start without --demo`
          : null;
    if (refusal) throw new ConfigError(`Invalid configuration:\n  DEMO: ${refusal}`);
  } else if (options.serve) {
    const missing = REQUIRED_OUTSIDE_DEMO.filter((r) => r.keys.some((key) => !env[key]));
    if (missing.length > 0) {
      const lines = missing.map((r) => `  ${r.keys.filter((key) => !env[key]).join(', ')}: required (${r.why})`);
      const hint = isProduction ? '' : '\nTo try Sot with demo data and stand-ins for these, run `npm start` (or `sot start --demo`).';
      throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}${hint}`);
    }
  }
  if (isProduction && !env.SESSION_SECRET) {
    throw new ConfigError(`Invalid configuration:\n  SESSION_SECRET: required in production; ${SECRET_RULE}`);
  }
  if (isProduction && env.SESSION_SECRET) {
    const weakness = weakSecretReason(env.SESSION_SECRET);
    if (weakness) throw new ConfigError(`Invalid configuration:\n  SESSION_SECRET: too easy to guess: ${weakness}; ${SECRET_RULE}`);
  }
  if (env.DATABASE_READ_URL && !env.DATABASE_URL) {
    throw new ConfigError('Invalid configuration:\n  DATABASE_READ_URL: a read replica of the PostgreSQL server at DATABASE_URL; set DATABASE_URL too (the embedded database has no replicas)');
  }
  if (env.SCHEDULES_EVERY_SECONDS !== undefined && (isProduction || 60 % env.SCHEDULES_EVERY_SECONDS !== 0)) {
    throw new ConfigError(`Invalid configuration:\n  SCHEDULES_EVERY_SECONDS: ${isProduction ? 'for tests of the schedules only, never in production' : 'must divide 60 (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30)'}`);
  }
  const trustProxy = parseTrustProxy(env.TRUST_PROXY);
  const dataDir = path.resolve(env.DATA_DIR);
  const sessionSecret = env.SESSION_SECRET ?? devSessionSecret(dataDir);
  const audit = auditKeys(env, isProduction, dataDir);
  return {
    env: env.NODE_ENV,
    isProduction,
    demo,
    port: env.PORT,
    host: env.HOST,
    publicUrl,
    databaseUrl: env.DATABASE_URL,
    databaseReadUrl: env.DATABASE_READ_URL,
    role,
    schedulesEverySeconds: env.SCHEDULES_EVERY_SECONDS,
    dataDir,
    logLevel: env.LOG_LEVEL,
    sessionSecret,
    dbPoolSize: env.DB_POOL_SIZE,
    metricsToken: env.METRICS_TOKEN,
    trustedRootsDir: env.TRUSTED_ROOTS_DIR ? path.resolve(env.TRUSTED_ROOTS_DIR) : undefined,
    edsVerifierUrl: env.EDS_VERIFIER_URL,
    edsRevocation: (env.EDS_REVOCATION as 'off' | 'ocsp-crl' | undefined) ?? (isProduction ? 'ocsp-crl' : 'off'),
    edsVerifyThreads: env.EDS_VERIFY_THREADS ?? (isProduction ? Math.max(1, Math.min(availableParallelism() - 1, 4)) : 0),
    trustProxy,
    acquirer: {
      url: (env.ACQUIRER_URL ?? `${publicUrl}/sandbox/acquirer`).replace(/\/$/, ''),
      merchantId: env.ACQUIRER_MERCHANT_ID ?? 'sot-dev',
      secret: env.ACQUIRER_SECRET ?? createHmac('sha256', sessionSecret).update('stand-in acquirer').digest('hex'),
      standIn: demo && !env.ACQUIRER_URL,
    },
    devPkiDir: path.join(dataDir, 'pki'),
    recordingMaxBytes: env.RECORDING_MAX_BYTES,
    notifications: {
      smtpUrl: env.SMTP_URL,
      smtpFrom: env.SMTP_FROM ?? `Sot <no-reply@${new URL(publicUrl).hostname}>`,
      smsGatewayUrl: (env.SMS_GATEWAY_URL ?? `${publicUrl}/sandbox/sms`).replace(/\/$/, ''),
      smsGatewayKey: env.SMS_GATEWAY_KEY ?? createHmac('sha256', sessionSecret).update('stand-in sms gateway').digest('hex'),
      smsStandIn: demo && !env.SMS_GATEWAY_URL,
      retryLimit: env.NOTIFY_RETRY_LIMIT,
      retryDelaySeconds: env.NOTIFY_RETRY_DELAY_SECONDS,
      sendTimeoutMs: env.NOTIFY_SEND_TIMEOUT_MS,
    },
    audit,
    webhooks: {
      sealKey: Buffer.from(hkdfSync('sha256', env.WEBHOOK_KEY ?? sessionSecret, 'sot', 'webhook secrets', 32)),
      allowLocalHttp: demo || env.NODE_ENV === 'test',
    },
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
