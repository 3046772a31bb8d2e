import type { FastifyInstance } from 'fastify';
import { referenceGapsAt } from '../queries/reference.ts';

/**
 * Writes to the log which reference values of the law are missing (this year's, and next year's
 * from 1 November), so operators' alerting sees it before quotes and terms are refused. Scheduled
 * daily and when workers start (schedules.ts).
 */
export async function warnOfMissingReferenceValues(app: FastifyInstance): Promise<void> {
  const missing = await referenceGapsAt(app.db, app.clock());
  if (missing.length > 0) app.log.warn({ missing }, 'reference values of the law are missing: enter them on /admin/reference or with sot reference');
}
