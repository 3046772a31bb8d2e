import { createHash, createHmac } from 'node:crypto';
import { asc, desc, gt, sql } from 'drizzle-orm';
import { auditChecks, auditLog } from './schema/index.ts';
import type { AuditProblem } from '../domain/auditProblems.ts';
import type { Db } from './client.ts';
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
/** The entry that opens a segment of the chain under a new key; it covers the previous head. */
export const SEGMENT_STARTED = 'audit.segment_started';

// ── Keys ─────────────────────────────────────────────────────────────────────────────────────

export interface AuditKey {
  /** A fingerprint of the key, stored with each link it made; it does not reveal the key. */
  id: string;
  secret: string;
}

export interface AuditKeyring {
  /** The key new links are made with. */
  current: AuditKey;
  /** Keys of earlier segments, by id, so the whole chain can still be checked after a rotation. */
  byId: ReadonlyMap<string, AuditKey>;
}

export function auditKeyId(secret: string): string {
  return createHmac('sha256', secret).update('sot audit key id').digest('hex').slice(0, 16);
}

/** The keyring from the configured key and the retired ones (config.audit). */
export function auditKeyring({ key, previousKeys }: { key: string; previousKeys: readonly string[] }): AuditKeyring {
  const current = { id: auditKeyId(key), secret: key };
  const byId = new Map<string, AuditKey>(previousKeys.map((secret) => [auditKeyId(secret), { id: auditKeyId(secret), secret }]));
  byId.set(current.id, current);
  return { current, byId };
}

let configuredKeys: AuditKeyring | undefined;

/**
 * Sets the keys of this process's audit links. Every entry point sets them from its
 * configuration before writing (the app, `sot` commands, the test database); a write without
 * them fails rather than make a link anyone could forge.
 */
export function useAuditKeys(keyring: AuditKeyring): void {
  configuredKeys = keyring;
}

function keys(): AuditKeyring {
  if (!configuredKeys) throw new Error('The audit log key is not set: call useAuditKeys() with the configured AUDIT_KEY first');
  return configuredKeys;
}

// ── Links ────────────────────────────────────────────────────────────────────────────────────

/** Stable JSON: keys sorted at every depth, so the same entry always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

interface LinkBody {
  occurredAt: Date;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  data: Record<string, unknown>;
}

function bodyOf(row: LinkBody, keyId: string | null): string {
  const fields = { occurredAt: row.occurredAt.toISOString(), actorId: row.actorId, action: row.action, entityType: row.entityType, entityId: row.entityId, data: row.data };
  return canonicalJson(keyId === null ? fields : { ...fields, keyId });
}

/** The plain sha256 link of rows written before the chain was keyed: anyone can recompute it. */
function legacyHash(prevHash: string, row: LinkBody): string {
  return createHash('sha256').update(prevHash).update('\n').update(bodyOf(row, null)).digest('hex');
}

/** A keyed link: only the holder of the key can make one that verifies. */
function keyedHash(key: AuditKey, prevHash: string, row: LinkBody): string {
  return createHmac('sha256', key.secret).update(prevHash).update('\n').update(bodyOf(row, key.id)).digest('hex');
}

type Head = { id: number; hash: string; keyId: string | null };

async function lockedHead(tx: Tx): Promise<Head | undefined> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [head] = await tx.select({ id: auditLog.id, hash: auditLog.hash, keyId: auditLog.keyId }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  return head;
}

async function insertLink(tx: Tx, key: AuditKey, prevHash: string, row: LinkBody): Promise<Head> {
  const hash = keyedHash(key, prevHash, row);
  const [saved] = await tx.insert(auditLog).values({ ...row, prevHash, hash, keyId: key.id }).returning({ id: auditLog.id });
  return { id: saved!.id, hash, keyId: key.id };
}

/**
 * A head made before keying or under another key is covered by a first link under the current
 * key, which names it: from there on only the key's holder can extend the chain.
 */
async function startSegmentIfNeeded(tx: Tx, head: Head | undefined, key: AuditKey, at: Date): Promise<Head | undefined> {
  if (!head || head.keyId === key.id) return head;
  const row = { occurredAt: at, actorId: null, action: SEGMENT_STARTED, entityType: 'audit_log', entityId: String(head.id), data: { previousHeadId: head.id, previousHeadHash: head.hash, previousKeyId: head.keyId } };
  return insertLink(tx, key, head.hash, row);
}

/** Millisecond precision: what PostgreSQL stores back must hash the same. */
const storedInstant = (at: Date) => new Date(Math.floor(at.getTime()));

/**
 * Appends to the hash chain inside the caller's transaction. The advisory lock serialises
 * writers for the length of the transaction, so two appends never chain to the same row.
 */
export async function appendAudit(tx: Tx, entry: AuditEntry, at: Date = new Date()): Promise<void> {
  const key = keys().current;
  const occurredAt = storedInstant(at);
  const head = await startSegmentIfNeeded(tx, await lockedHead(tx), key, occurredAt);
  const row = { occurredAt, actorId: entry.actorId, action: entry.action, entityType: entry.entityType, entityId: entry.entityId, data: entry.data ?? {} };
  await insertLink(tx, key, head?.hash ?? GENESIS, row);
}

/**
 * Covers the chain's head with a link under the current key if it is not already one: at start
 * and after migrations, so that rows written before keying, or under a retired key, are sealed
 * at once and not only when the next action is audited. Returns whether a link was added.
 */
export async function sealAuditChain(db: Db, at: Date = new Date()): Promise<boolean> {
  const key = keys().current;
  return db.transaction(async (tx) => {
    const head = await lockedHead(tx);
    return (await startSegmentIfNeeded(tx, head, key, storedInstant(at))) !== head;
  });
}

// ── Verification ─────────────────────────────────────────────────────────────────────────────

export interface AuditLink {
  id: number;
  occurredAt: Date;
  action: string;
  hash: string;
  keyId: string | null;
}


export interface AuditVerification {
  ok: boolean;
  /** Links that checked out before the walk stopped. */
  checked: number;
  /** The last link walked: the head, when the chain is whole. */
  head: AuditLink | null;
  broken?: AuditLink & { problem: AuditProblem };
}

const linkOf = (row: typeof auditLog.$inferSelect): AuditLink => ({ id: row.id, occurredAt: row.occurredAt, action: row.action, hash: row.hash, keyId: row.keyId });

/**
 * Walks the whole chain in batches and reports the first break. Rows from before keying form a
 * plain sha256 prefix that the first keyed link covers; after it every link must verify under a
 * key of the keyring, segment after segment, no key coming back once replaced.
 */
export async function verifyAuditChain(db: Executor, options: { keyring?: AuditKeyring; batchSize?: number } = {}): Promise<AuditVerification> {
  const keyring = options.keyring ?? keys();
  const batchSize = options.batchSize ?? 5_000;
  let prevHash = GENESIS;
  let head: AuditLink | null = null;
  let checked = 0;
  let segmentKeyId: string | null = null;
  const endedKeys = new Set<string>();
  const fail = (row: typeof auditLog.$inferSelect, problem: AuditProblem): AuditVerification => ({ ok: false, checked, head, broken: { ...linkOf(row), problem } });
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.id, head?.id ?? 0)).orderBy(asc(auditLog.id)).limit(batchSize);
    if (rows.length === 0) break;
    for (const row of rows) {
      let expected: string;
      if (row.keyId === null) {
        if (segmentKeyId !== null) return fail(row, 'unkeyed_after_keyed');
        expected = legacyHash(prevHash, row);
      } else {
        const key = keyring.byId.get(row.keyId);
        if (!key) return fail(row, 'unknown_key');
        if (row.keyId !== segmentKeyId) {
          if (endedKeys.has(row.keyId)) return fail(row, 'key_returned');
          if (segmentKeyId !== null) endedKeys.add(segmentKeyId);
          segmentKeyId = row.keyId;
        }
        expected = keyedHash(key, prevHash, row);
      }
      if (row.prevHash !== prevHash) return fail(row, 'link');
      if (row.hash !== expected) return fail(row, 'hash');
      prevHash = row.hash;
      head = linkOf(row);
      checked++;
    }
  }
  // Anyone can write a chain of plain sha256 links; one with no keyed link proves nothing.
  if (head && segmentKeyId === null) return { ok: false, checked, head, broken: { ...head, problem: 'unsealed' } };
  return { ok: true, checked, head };
}

/** Keeps a walk's outcome, for the system administrator's page. */
export async function recordAuditCheck(db: Executor, result: AuditVerification, source: 'daily' | 'console', at: Date): Promise<void> {
  await db.insert(auditChecks).values({
    checkedAt: at,
    source,
    ok: result.ok,
    entries: result.checked,
    headId: result.head?.id ?? null,
    headHash: result.head?.hash ?? null,
    headAt: result.head?.occurredAt ?? null,
    brokenId: result.broken?.id ?? null,
    brokenAt: result.broken?.occurredAt ?? null,
    brokenAction: result.broken?.action ?? null,
    problem: result.broken?.problem ?? null,
  });
}

/** One line for the console and the log: the head, or the first broken link. */
export function describeAuditVerification(result: AuditVerification): string {
  const { broken, head } = result;
  if (broken) {
    return `Audit log broken at entry ${broken.id} (${broken.occurredAt.toISOString()}, ${broken.action}): ${PROBLEM_TEXT[broken.problem]}; ${result.checked} entries before it are intact.`;
  }
  return head ? `Audit log intact: ${result.checked} entries; head ${head.id} at ${head.occurredAt.toISOString()}, hash ${head.hash}.` : 'Audit log intact: 0 entries.';
}

const PROBLEM_TEXT: Record<AuditProblem, string> = {
  hash: 'its content does not match its hash (edited, or re-hashed without the key)',
  link: 'it does not follow the entry before it (an entry before it was edited, inserted or deleted)',
  unknown_key: 'it was made with a key not given in AUDIT_KEY or AUDIT_KEYS_PREVIOUS',
  unkeyed_after_keyed: 'a plain sha256 entry after keyed ones (only entries from before keying may be)',
  key_returned: 'it was made with a key whose segment had already ended',
  unsealed: 'no keyed link covers the log (start Sot or run `sot migrate` with AUDIT_KEY set to seal it)',
};
