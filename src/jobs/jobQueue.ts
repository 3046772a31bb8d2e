import PgBoss from 'pg-boss';
import type pg from 'pg';
import type { FastifyBaseLogger } from 'fastify';
import { databaseErrorIn, isDatabaseError } from '../db/databaseError.ts';

export interface JobQueueOptions {
  /**
   * Whether this process does pg-boss's upkeep (expiring, archiving and deleting old jobs; pg-boss
   * takes turns across processes by itself). Workers do; a `web` process only sends jobs.
   */
  maintain: boolean;
}

/** Tries at starting the queue while other processes install its schema at the same moment. */
const START_ATTEMPTS = 3;

/**
 * One pg-boss per process, over the app's own pool (`executeSql`), so it works the same on PGlite
 * and on PostgreSQL. pg-boss's own cron clock stays off: it feeds schedules through an internal
 * queue worked by `work()`, whose unawaited completion write ends the process when the database
 * goes away at that moment (see notifications.ts); Sot's clock in schedules.ts reads the same
 * schedules and sends their jobs itself.
 */
export async function startJobQueue(pool: pg.Pool, log: FastifyBaseLogger, options: JobQueueOptions): Promise<PgBoss> {
  for (let attempt = 1; ; attempt++) {
    const boss = new PgBoss({
      db: { executeSql: (text: string, values: unknown[]) => pool.query(text, values) },
      schedule: false,
      supervise: options.maintain,
    });
    boss.on('error', (error) => log.error({ err: error }, 'job queue error'));
    try {
      await boss.start();
      return boss;
    } catch (error) {
      if (attempt >= START_ATTEMPTS || !isSchemaInstallRace(error)) throw error;
      // A fresh instance: one whose start failed half-way is not started again.
      log.info({ attempt }, 'another process installed the job queue at the same moment; starting it again');
    }
  }
}

/**
 * Processes starting together on a new database (a cluster's first start) each install pg-boss's
 * schema. pg-boss recognises losing that race by an "already exists" message, but PostgreSQL may
 * report it as a unique violation in the system catalogues instead, which pg-boss rethrows; by
 * then the winner's schema is there, and starting again finds it installed.
 */
export function isSchemaInstallRace(error: unknown): boolean {
  const found = databaseErrorIn(error);
  return found?.code === '23505' && found.schema === 'pg_catalog' && (found.table === 'pg_namespace' || found.table === 'pg_type');
}

/**
 * Creating a queue is also a race on a cluster's first start: each process makes the queue's
 * table and its row, and two at once can deadlock, or find the other's table or row made a moment
 * before. PostgreSQL then ends one of them; the queue is there once the other commits, and
 * creating it again does nothing.
 */
export function isQueueCreationRace(error: unknown): boolean {
  return isDatabaseError(error, ['40P01', '23505', '42P07']);
}

/** Tries at creating a queue: each lost race means another process has just made it. */
const CREATE_ATTEMPTS = 5;

/** `boss.createQueue`, tried again when another process of the cluster creates it at the same moment. */
export async function ensureQueue(boss: PgBoss, name: string, options: Omit<PgBoss.Queue, 'name'>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await boss.createQueue(name, { ...options, name });
      return;
    } catch (error) {
      if (attempt >= CREATE_ATTEMPTS || !isQueueCreationRace(error)) throw error;
    }
  }
}
