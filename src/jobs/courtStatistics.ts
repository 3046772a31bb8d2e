import type { FastifyInstance } from 'fastify';
import { refreshRecentStatistics } from '../commands/courtStatistics.ts';

/**
 * Recounts the court statistics of the current and the previous month every night: a case
 * registered or decided late on the last day of a month, or entered at the counter the next
 * morning, still lands in the month it belongs to. Older months do not change by themselves;
 * `sot stats refresh` recounts any period.
 */
export async function refreshStatisticsNightly(app: FastifyInstance): Promise<void> {
  const started = Date.now();
  const result = await refreshRecentStatistics(app.db, 2, app.clock());
  app.log.info({ months: result.months, rows: result.rows, ms: Date.now() - started }, 'court statistics counted');
}
