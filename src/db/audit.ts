import { createHash } from 'node:crypto';
import { asc, desc, gt, sql } from 'drizzle-orm';
import { auditLog } from './schema/index.ts';
import type { Executor, Tx } from './tx.ts';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  /** Parameters of the action; never IINs, document text or secrets. */
  data?: Record<string, unknown>;
}

const GENESIS = '0'.repeat(64);
// Arbitrary constant naming the audit chain's lock among the server's advisory locks.
const AUDIT_CHAIN_LOCK = 7_599_220_021;

/** Stable JSON: keys sorted at every depth, so the same entry always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

function entryHash(prevHash: string, row: { occurredAt: Date; actorId: string | null; action: string; entityType: string; entityId: string; data: Record<string, unknown> }): string {
  const body = canonicalJson({
    occurredAt: row.occurredAt.toISOString(),
    actorId: row.actorId,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    data: row.data,
  });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/**
 * Appends to the hash chain inside the caller's transaction. The advisory lock serialises
 * writers for the length of the transaction, so two appends never chain to the same row.
 */
export async function appendAudit(tx: Tx, entry: AuditEntry, at: Date = new Date()): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  // Millisecond precision: what PostgreSQL stores back must hash the same.
  const occurredAt = new Date(Math.floor(at.getTime()));
  const row = { occurredAt, actorId: entry.actorId, action: entry.action, entityType: entry.entityType, entityId: entry.entityId, data: entry.data ?? {} };
  const prevHash = last?.hash ?? GENESIS;
  await tx.insert(auditLog).values({ ...row, prevHash, hash: entryHash(prevHash, row) });
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  /** The first row whose hash or link does not match. */
  brokenAt?: number;
}

/** Walks the whole chain in batches and reports the first break. */
export async function verifyAuditChain(db: Executor, batchSize = 5_000): Promise<AuditVerification> {
  let prevHash = GENESIS;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.id, lastId)).orderBy(asc(auditLog.id)).limit(batchSize);
    if (rows.length === 0) return { ok: true, checked };
    for (const row of rows) {
      const expected = entryHash(prevHash, row);
      if (row.prevHash !== prevHash || row.hash !== expected) return { ok: false, checked, brokenAt: row.id };
      prevHash = row.hash;
      lastId = row.id;
      checked++;
    }
  }
}
