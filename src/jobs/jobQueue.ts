import PgBoss from 'pg-boss';
import type pg from 'pg';
import type { FastifyBaseLogger } from 'fastify';

export interface JobQueueOptions {
  /**
   * Whether this process does pg-boss's upkeep (expiring, archiving and deleting old jobs; pg-boss
   * takes turns across processes by itself). Workers do; a `web` process only sends jobs.
   */
  maintain: boolean;
}

/**
 * One pg-boss per process, over the app's own pool (`executeSql`), so it works the same on PGlite
 * and on PostgreSQL. pg-boss's own cron clock stays off: it feeds schedules through an internal
 * queue worked by `work()`, whose unawaited completion write ends the process when the database
 * goes away at that moment (see notifications.ts); Sot's clock in schedules.ts reads the same
 * schedules and sends their jobs itself.
 */
export async function startJobQueue(pool: pg.Pool, log: FastifyBaseLogger, options: JobQueueOptions): Promise<PgBoss> {
  const boss = new PgBoss({
    db: { executeSql: (text: string, values: unknown[]) => pool.query(text, values) },
    schedule: false,
    supervise: options.maintain,
  });
  boss.on('error', (error) => log.error({ err: error }, 'job queue error'));
  await boss.start();
  return boss;
}
