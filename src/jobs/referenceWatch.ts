import type { FastifyInstance } from 'fastify';
import { courtDateIso } from '../i18n/format.ts';
import { referenceGapsAt } from '../queries/reference.ts';

/**
 * Writes to the log, at start and then once a day, which reference values of the law are missing
 * (this year's, and next year's from 1 November), so operators' alerting sees it before quotes
 * and terms are refused.
 */
export function watchReferenceValues(app: FastifyInstance, everyMs = 3_600_000): () => void {
  let warnedOn: string | null = null;
  const check = async () => {
    const now = app.clock();
    const today = courtDateIso(now);
    if (warnedOn === today) return;
    const missing = await referenceGapsAt(app.db, now);
    if (missing.length > 0) app.log.warn({ missing }, 'reference values of the law are missing: enter them on /admin/reference or with sot reference');
    warnedOn = today;
  };
  const run = () => void check().catch((error: unknown) => app.log.error({ err: error }, 'reference values check failed'));
  run();
  const timer = setInterval(run, everyMs).unref();
  return () => clearInterval(timer);
}
