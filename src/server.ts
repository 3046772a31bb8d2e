import type { FastifyInstance } from 'fastify';
import { buildInfo } from './assets.ts';
import { logStartupWarnings, type Config } from './config.ts';
import { databaseTargetFromConfig, openDatabase, readDatabaseTargetFromConfig, searchDatabaseTargetFromConfig, type Database } from './db/client.ts';
import { SEARCH_TIMEOUT_MS } from './db/statementTimeout.ts';
import { migrateDatabase } from './db/migrate.ts';
import { createSmtpSender } from './adapters/email/smtp.ts';
import type { StandInSmtp } from './adapters/email/standInSmtp.ts';
import { startJobQueue } from './jobs/jobQueue.ts';
import { Scheduler } from './jobs/schedules.ts';
import { auditKeyring, sealAuditChain, useAuditKeys } from './db/audit.ts';

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  /** The web server's address; null in a `worker` process, which does not listen. */
  url: string | null;
  stop(): Promise<void>;
}

/**
 * Starts the portal: database, migrations, demo data on an empty embedded database, then, by the
 * configured role, the web server (`web`), the notice worker and the scheduled jobs (`worker`),
 * or both in one process (`all`, the default and the only role on the embedded database).
 */
export async function startServer(config: Config): Promise<RunningServer> {
  const started = performance.now();
  // The pages' assets come from the build; fail now, not on the first page.
  buildInfo();
  // Migrations already write audited rows (the shipped reference values).
  useAuditKeys(auditKeyring(config.audit));
  const serves = config.role !== 'worker';
  const works = config.role !== 'web';
  let database = await openDatabase(databaseTargetFromConfig(config));
  // The replica's pool and the public searches' pool serve requests only: a worker holds neither.
  const readTarget = serves ? readDatabaseTargetFromConfig(config) : undefined;
  const readDatabase = readTarget ? await openDatabase(readTarget) : undefined;
  const searchTarget = serves ? searchDatabaseTargetFromConfig(config, SEARCH_TIMEOUT_MS) : undefined;
  const searchDatabase = searchTarget ? await openDatabase(searchTarget) : undefined;
  let app: FastifyInstance | undefined;
  let smtpStandIn: StandInSmtp | undefined;
  let boss: Awaited<ReturnType<typeof startJobQueue>> | undefined;
  let scheduler: Scheduler | undefined;
  try {
    await migrateDatabase(database);
    // Rows from before keying, or under a retired key, are covered by a link under today's key.
    await sealAuditChain(database.db);
    // Imported in demo mode only: a production process never loads the demo's data or its CA.
    const seeded = config.demo ? await (await import('./seed/demoStart.ts')).startDemo(config, database) : false;
    // Seeding grew the embedded database's WebAssembly heap, which is never given back; opened
    // again, the new demo runs in the memory a restart of it would take.
    if (seeded) {
      await database.close();
      database = await openDatabase(databaseTargetFromConfig(config));
    }
    // In demo mode without a relay, e-mails go to a local stand-in that fills /dev/outbox.
    const notices = config.notifications;
    // Imported only then: smtp-server and mailparser are no part of a production process.
    if (!notices.smtpUrl && config.demo) smtpStandIn = await (await import('./adapters/email/standInSmtp.ts')).startStandInSmtp(database.db);
    const smtpUrl = notices.smtpUrl ?? smtpStandIn?.url;
    const email = smtpUrl ? createSmtpSender({ url: smtpUrl, from: notices.smtpFrom, timeoutMs: notices.sendTimeoutMs }) : undefined;
    const deps = { config, database, ...(readDatabase ? { readDatabase } : {}), ...(searchDatabase ? { searchDatabase } : {}), ...(email ? { email } : {}) };
    // Imported by role: a worker never loads the web app's routes and pages.
    app = serves ? await (await import('./app.ts')).buildApp(deps) : await (await import('./workerApp.ts')).buildWorkerApp(deps);
    logStartupWarnings(config, app.log);
    if (serves) await app.listen({ port: config.port, host: config.host });
    else await app.ready();
    // Every role sends notice jobs after its commits; only workers deliver them and keep pg-boss tidy.
    boss = await startJobQueue(database.pool, app.log, { maintain: works });
    await app.notifications.start({ boss, work: works });
    if (works) {
      scheduler = new Scheduler(app, { ...(config.schedulesEverySeconds ? { everySeconds: config.schedulesEverySeconds } : {}) });
      await scheduler.start(boss);
    }
  } catch (error) {
    await scheduler?.stop();
    await app?.close();
    await boss?.stop({ graceful: false, close: false });
    await smtpStandIn?.stop();
    await searchDatabase?.close();
    await readDatabase?.close();
    await database.close();
    throw error;
  }
  let url: string | null = null;
  if (serves) {
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    url = config.port === 0 ? `http://localhost:${port}` : config.publicUrl;
  }
  const ready = { startupMs: Math.round(performance.now() - started), database: database.kind, role: config.role, readReplica: readDatabase !== undefined };
  app.log.info(ready, url ? `Sot is ready on ${url}` : 'Sot worker is ready');

  const running = app;
  const queue = boss;
  let stopping: Promise<void> | undefined;
  return {
    app: running,
    database,
    url,
    stop() {
      // Stop taking requests and jobs, let those in flight finish, then close the database.
      stopping ??= (async () => {
        await scheduler?.stop();
        await running.close();
        await queue.stop({ graceful: true, wait: true, close: false, timeout: 10_000 });
        await smtpStandIn?.stop();
        await searchDatabase?.close();
        await readDatabase?.close();
        await database.close();
      })();
      return stopping;
    },
  };
}

/** SIGTERM and SIGINT drain and stop; a second signal exits at once. */
export function stopOnSignals(server: RunningServer): void {
  let signalled = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled) process.exit(1);
    signalled = true;
    server.app.log.info({ signal }, 'shutting down');
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        server.app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
