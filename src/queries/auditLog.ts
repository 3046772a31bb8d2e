/** The audit chain as the system administrator sees it: its head now and the latest checks. */
import { desc } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { auditChecks, auditLog } from '../db/schema/index.ts';

const RECENT_CHECKS = 14;

export async function auditLogOverview(db: Db) {
  const [head] = await db
    .select({ id: auditLog.id, occurredAt: auditLog.occurredAt, action: auditLog.action, hash: auditLog.hash, keyId: auditLog.keyId })
    .from(auditLog)
    .orderBy(desc(auditLog.id))
    .limit(1);
  const checks = await db.select().from(auditChecks).orderBy(desc(auditChecks.checkedAt), desc(auditChecks.id)).limit(RECENT_CHECKS);
  return { head: head ?? null, checks };
}

export type AuditLogOverview = Awaited<ReturnType<typeof auditLogOverview>>;
export type AuditCheckView = AuditLogOverview['checks'][number];
