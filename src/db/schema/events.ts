import { sql } from 'drizzle-orm';
import { bigint, boolean, customType, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { cases } from './cases.ts';
import { users } from './users.ts';

/** A transaction id as PostgreSQL's `xid8`, read as its decimal text. */
const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => 'xid8' });

/**
 * The case timeline. `data` holds the event's parameters (a new status, a hearing time, a
 * document id) and never personal data, so the timeline can be shown to anyone who may see
 * the case.
 */
export const events = pgTable(
  'events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id').references(() => users.id),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    /**
     * The writing transaction's id (64-bit, never wraps). Identity values are taken before commit,
     * so a higher id can commit before a lower one; readers that go through new events in order
     * (case alerts, src/commands/caseAlerts.ts) order by this and stop at the oldest transaction
     * still running, which is exact where a time margin only guesses.
     */
    txId: xid8('tx_id').notNull().default(sql`pg_current_xact_id()`),
  },
  (t) => [index('events_case_idx').on(t.caseId, t.occurredAt), index('events_tx_idx').on(t.txId, t.id)],
);

/**
 * Append-only audit trail. Each row's hash covers the previous row's hash, so an edited or
 * deleted row breaks the chain (`sot audit verify`). Since keying, each link is an HMAC-SHA256
 * under a key kept outside the database, named by `key_id` (a fingerprint of the key, never the
 * key); rows written before keying have no `key_id` and keep their plain sha256 links.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id').references(() => users.id),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull().unique(),
    keyId: text('key_id'),
  },
  (t) => [index('audit_log_entity_idx').on(t.entityType, t.entityId)],
);

/**
 * Each walk of the audit chain and what it found: the head it reached (to compare with the heads
 * written to the log) and the first broken link, if any. Shown to the system administrator.
 */
export const auditChecks = pgTable('audit_checks', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  checkedAt: timestamp('checked_at', { withTimezone: true }).notNull(),
  /** `daily` (the scheduled job, also when workers start) or `console` (`sot audit verify`). */
  source: text('source').notNull(),
  ok: boolean('ok').notNull(),
  entries: integer('entries').notNull(),
  headId: bigint('head_id', { mode: 'number' }),
  headHash: text('head_hash'),
  headAt: timestamp('head_at', { withTimezone: true }),
  brokenId: bigint('broken_id', { mode: 'number' }),
  brokenAt: timestamp('broken_at', { withTimezone: true }),
  brokenAction: text('broken_action'),
  problem: text('problem'),
});
