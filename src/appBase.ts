import path from 'node:path';
import Fastify, { type FastifyServerOptions } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { createDiskBlobStore, type BlobStore } from './adapters/storage/blobStore.ts';
import type { EmailSender, SmsSender } from './adapters/delivery.ts';
import type { SignatureVerifier } from './adapters/eds/index.ts';
import { signatureVerifierFromConfig } from './auth/verifier.ts';
import type { Config } from './config.ts';
import { auditKeyring, useAuditKeys } from './db/audit.ts';
import type { Database, Db } from './db/client.ts';
import { loggerOptions } from './log.ts';

/**
 * What every Sot process is built on, the web server and the worker alike: a Fastify instance
 * with the logger and the decorations its routes and jobs use. The web app (src/app.ts) adds its
 * plugins and routes; a worker (src/workerApp.ts) only the notice delivery, so it neither loads
 * nor compiles a page or a route it will never serve.
 */
declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    database: Database;
    db: Db;
    /**
     * Where the public read paths read (case status, courts, hearing lists): the read replica
     * (DATABASE_READ_URL) when there is one, else `db`. Its rows may be seconds old; signed-in
     * pages and every write use `db`.
     */
    readDb: Db;
    /**
     * Where the public searches (judgments, hearing lists) run: on PostgreSQL a small pool of
     * their own on the replica or the primary, its connections opened with the search timeout
     * (src/db/statementTimeout.ts); else `readDb`.
     */
    searchDb: Db;
    /** The current time; tests pass a fixed clock. */
    clock: () => Date;
    signatureVerifier: SignatureVerifier;
    blobs: BlobStore;
  }
}

export interface AppDependencies {
  config: Config;
  database: Database;
  /** The read replica for the public read paths; `database` when absent. Closed by whoever opened it. */
  readDatabase?: Database;
  /** The public searches' pool (`searchDatabaseTargetFromConfig`); `readDatabase` when absent. Closed by whoever opened it. */
  searchDatabase?: Database;
  clock?: () => Date;
  /** Where logs go; standard output when absent. */
  logStream?: NodeJS.WritableStream;
  /** EDS verification; by default built from the configured trusted roots. */
  signatureVerifier?: SignatureVerifier;
  /** Uploaded files; by default on disk in DATA_DIR/blobs. */
  blobs?: BlobStore;
  /** Notices by e-mail; `server.ts` passes the SMTP relay (or its stand-in). None: e-mails wait queued. */
  email?: EmailSender;
  /** Notices by SMS; by default the configured gateway. */
  sms?: SmsSender;
}

/**
 * Fastify's `trustProxy` for the configured proxies. A number given to Fastify itself trusts
 * nobody, so a hop count becomes the rule it means: believe the nearest `hops` addresses.
 */
export function trustProxyOption(trust: Config['trustProxy']): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return trust;
}

/**
 * The Fastify instance with its logger and decorations, before any plugin or route. The web app
 * passes how it answers a request Fastify itself refuses (`frameworkErrors`, a translated page).
 */
export function baseApp(deps: AppDependencies, web: Pick<FastifyServerOptions, 'frameworkErrors'> = {}) {
  const { config, database } = deps;
  useAuditKeys(auditKeyring(config.audit));
  const app = Fastify({
    logger: loggerOptions(config.logLevel, deps.logStream),
    bodyLimit: 1024 * 1024,
    requestTimeout: 60_000,
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    // Behind a load balancer the client's address (for rate limits) comes from X-Forwarded-For.
    trustProxy: trustProxyOption(config.trustProxy),
    ...web,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('config', config);
  app.decorate('database', database);
  app.decorate('db', database.db);
  app.decorate('readDb', deps.readDatabase?.db ?? database.db);
  app.decorate('searchDb', deps.searchDatabase?.db ?? app.readDb);
  app.decorate('clock', deps.clock ?? (() => new Date()));
  const ownVerifier = deps.signatureVerifier ? undefined : signatureVerifierFromConfig(config);
  app.decorate('signatureVerifier', deps.signatureVerifier ?? ownVerifier!);
  app.addHook('onClose', async () => ownVerifier?.close?.());
  app.decorate('blobs', deps.blobs ?? createDiskBlobStore(path.join(config.dataDir, 'blobs')));

  return app;
}
