import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgTable, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { WEBHOOK_DELIVERY_STATUSES } from '../../domain/webhooks.ts';
import { events } from './events.ts';
import { organisations, users } from './users.ts';

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/**
 * An organisation's webhook, registered by a system administrator. The signing secret is kept
 * sealed (AES-256-GCM under a key from the configuration, `WEBHOOK_KEY`): Sot must read it back to
 * sign, so a hash would not do, and a copy of the database alone signs nothing.
 */
export const webhookSubscriptions = pgTable(
  'webhook_subscriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    url: text('url').notNull(),
    eventTypes: jsonb('event_types').$type<string[]>().notNull(),
    active: boolean('active').notNull().default(true),
    /** `<iv>.<tag>.<ciphertext>` in base64url; see src/adapters/webhooks/secrets.ts. */
    sealedSecret: text('sealed_secret').notNull(),
    /** Which sealing key sealed it (a fingerprint), so a changed WEBHOOK_KEY is named, not a decryption error. */
    sealKeyId: text('seal_key_id').notNull(),
    secretRotatedAt: timestamp('secret_rotated_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('webhook_subscriptions_organisation_idx').on(t.organisationId)],
);

/**
 * One event for one subscription: made once by the fan-out (the unique pair is what keeps an event
 * from being queued twice, however often the fan-out looks at it), then sent until delivered or
 * given up. Its id is what the receiver sees as `Sot-Webhook-Id` on every attempt and re-send.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subscriptionId: uuid('subscription_id')
      .notNull()
      .references(() => webhookSubscriptions.id, { onDelete: 'cascade' }),
    eventId: bigint('event_id', { mode: 'number' })
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    status: text('status', { enum: WEBHOOK_DELIVERY_STATUSES }).notNull().default('pending'),
    attempts: smallint('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    /** A worker sending it now holds it until then; past it, another worker may take it again. */
    leasedUntil: timestamp('leased_until', { withTimezone: true }),
    /** The next attempt is one an administrator asked for (shown so in the log). */
    resend: boolean('resend').notNull().default(false),
    lastStatusCode: smallint('last_status_code'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    unique('webhook_deliveries_subscription_event_key').on(t.subscriptionId, t.eventId),
    check('webhook_deliveries_status_check', sql`${t.status} in (${inList(WEBHOOK_DELIVERY_STATUSES)})`),
    index('webhook_deliveries_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index('webhook_deliveries_subscription_idx').on(t.subscriptionId, t.createdAt),
  ],
);

/** Every attempt at a delivery: what the receiver answered, how long it took; never its body beyond a snippet. */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    deliveryId: uuid('delivery_id')
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    attemptedAt: timestamp('attempted_at', { withTimezone: true }).notNull(),
    statusCode: smallint('status_code'),
    durationMs: integer('duration_ms').notNull(),
    /** `timeout`, `network`, `http_4xx`, `http_5xx`; null when delivered. */
    errorClass: text('error_class'),
    snippet: text('snippet'),
    /** Sent because an administrator asked for it again. */
    resend: boolean('resend').notNull().default(false),
  },
  (t) => [index('webhook_attempts_delivery_idx').on(t.deliveryId, t.attemptedAt)],
);

/**
 * Where the fan-out stands in the events table (one row). Everything up to `settled_id` has been
 * looked at for good; `seen_id` is the highest id seen at `seen_at`, which becomes settled once no
 * transaction that could still commit a lower id can be running (see src/jobs/webhooks.ts).
 */
export const webhookFanout = pgTable(
  'webhook_fanout',
  {
    id: smallint('id').primaryKey(),
    settledId: bigint('settled_id', { mode: 'number' }).notNull(),
    seenId: bigint('seen_id', { mode: 'number' }).notNull(),
    seenAt: timestamp('seen_at', { withTimezone: true }).notNull(),
  },
  (t) => [check('webhook_fanout_one_row', sql`${t.id} = 1`)],
);
