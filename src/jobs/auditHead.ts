import type { FastifyInstance } from 'fastify';
import { recordAuditCheck, verifyAuditChain, type AuditVerification } from '../db/audit.ts';

/**
 * Walks the audit chain and writes its head to the log, daily and when workers start
 * (schedules.ts). The log leaves the database (log shipping, the operator's archive), so a head written there months
 * ago can be compared with the chain today: a rewrite of the whole chain, or history cut off
 * after a logged head, no longer matches. A broken link is logged as an error. Each walk is
 * kept for the system administrator's page.
 */
export async function checkAuditChain(app: FastifyInstance, at: Date): Promise<AuditVerification> {
  const result = await verifyAuditChain(app.db);
  await recordAuditCheck(app.db, result, 'daily', at);
  const head = result.head ? { id: result.head.id, hash: result.head.hash, at: result.head.occurredAt.toISOString(), keyId: result.head.keyId } : null;
  if (result.broken) {
    const { id, occurredAt, action, problem } = result.broken;
    app.log.error({ auditHead: head, entries: result.checked, broken: { id, at: occurredAt.toISOString(), action, problem } }, 'audit log broken: run sot audit verify');
  } else {
    app.log.info({ auditHead: head, entries: result.checked }, 'audit log head');
  }
  return result;
}
