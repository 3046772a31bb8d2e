/**
 * Organisations' webhooks in the worker: the fan-out turns new timeline events into deliveries,
 * the sender posts due deliveries and records each attempt. Both run as scheduled jobs
 * (schedules.ts), so they run in worker processes only, each tick once in the cluster, through
 * the awaited fetch/complete/fail loop there.
 */
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { postWebhook, type WebhookPoster } from '../adapters/webhooks/sender.ts';
import { openSecret } from '../adapters/webhooks/secrets.ts';
import type { Db } from '../db/client.ts';
import { cases, courts, events, parties, webhookAttempts, webhookDeliveries, webhookFanout, webhookSubscriptions } from '../db/schema/index.ts';
import { attemptVerdict, nextAttemptAt, organisationMayReceive, webhookPayload, webhookSignature, WEBHOOK_TIMEOUT_MS, type AttemptOutcome } from '../domain/webhooks.ts';

/**
 * How long an event id may stay uncommitted. Identity values are handed out when a row is
 * inserted, not when its transaction commits, so a transaction that took id 10 can commit after
 * one that took id 11 and was already seen. A cursor that jumped to 11 would skip 10 for ever.
 * The fan-out therefore looks again at everything above `settled_id` on every run (the unique
 * (subscription, event) pair makes a second look queue nothing), and moves `settled_id` up only to
 * the highest id it saw at least this long ago: by then every transaction that held a lower id has
 * committed or rolled back. Sot's commands hold a transaction for milliseconds to seconds; one held
 * open longer than this after writing its event would have that event missed.
 */
export const SETTLE_MS = 5 * 60_000;
const FANOUT_BATCH = 500;
/** A run looks at no more than this many events; the next tick goes on from where it stopped. */
const FANOUT_MAX = 5_000;
const SUBSCRIPTIONS_MAX = 1_000;

/** Queues a delivery for each new event each active subscription may receive. Returns how many it queued. */
export async function fanOutWebhookEvents(db: Db, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    // One fan-out at a time in the cluster: the row lock orders them.
    let [cursor] = await tx.select().from(webhookFanout).where(eq(webhookFanout.id, 1)).for('update');
    if (!cursor) {
      // The first run starts at the present: subscriptions receive events that happen after them.
      const [{ max }] = (await tx.select({ max: sql<number>`coalesce(max(${events.id}), 0)::bigint` }).from(events)) as [{ max: number }];
      await tx.insert(webhookFanout).values({ id: 1, settledId: Number(max), seenId: Number(max), seenAt: now }).onConflictDoNothing();
      [cursor] = await tx.select().from(webhookFanout).where(eq(webhookFanout.id, 1)).for('update');
    }
    const { settledId } = cursor!;
    const subscriptions = await tx
      .select({ id: webhookSubscriptions.id, organisationId: webhookSubscriptions.organisationId, eventTypes: webhookSubscriptions.eventTypes, createdAt: webhookSubscriptions.createdAt })
      .from(webhookSubscriptions)
      .where(eq(webhookSubscriptions.active, true))
      .limit(SUBSCRIPTIONS_MAX);
    let queued = 0;
    let after = settledId;
    let exhausted = true;
    if (subscriptions.length > 0) {
      const organisationIds = [...new Set(subscriptions.map((s) => s.organisationId))];
      exhausted = false;
      for (let looked = 0; looked < FANOUT_MAX; looked += FANOUT_BATCH) {
        const batch = await tx
          .select({
            id: events.id,
            type: events.type,
            occurredAt: events.occurredAt,
            closedHearing: cases.closedHearing,
            partyOrganisationIds: sql<string[]>`array(select distinct ${parties.organisationId}::text from ${parties} where ${parties.caseId} = ${events.caseId} and ${parties.organisationId} is not null)`,
          })
          .from(events)
          .innerJoin(cases, eq(cases.id, events.caseId))
          .where(
            and(
              gt(events.id, after),
              sql`exists (select 1 from ${parties} where ${parties.caseId} = ${events.caseId} and ${parties.organisationId} in (${sql.join(organisationIds.map((id) => sql`${id}::uuid`), sql`, `)}))`,
            ),
          )
          .orderBy(asc(events.id))
          .limit(FANOUT_BATCH);
        const rows = batch.flatMap((event) =>
          subscriptions
            .filter((s) => event.occurredAt >= s.createdAt && organisationMayReceive(s.organisationId, s.eventTypes, event.type, { partyOrganisationIds: event.partyOrganisationIds, closedHearing: event.closedHearing }))
            .map((s) => ({ subscriptionId: s.id, eventId: event.id, nextAttemptAt: now, createdAt: now })),
        );
        if (rows.length > 0) {
          const inserted = await tx.insert(webhookDeliveries).values(rows).onConflictDoNothing().returning({ id: webhookDeliveries.id });
          queued += inserted.length;
        }
        if (batch.length > 0) after = batch.at(-1)!.id;
        if (batch.length < FANOUT_BATCH) {
          exhausted = true;
          break;
        }
      }
    }
    // Once every event of interest was looked at, the highest id overall counts as seen, so the
    // cursor moves on past events no subscriber takes part in; a run cut short saw up to `after`.
    const [{ max }] = (await tx.select({ max: sql<number>`coalesce(max(${events.id}), 0)::bigint` }).from(events)) as [{ max: number }];
    const seenNow = exhausted ? Math.max(after, Number(max)) : after;
    if (cursor!.seenAt.getTime() <= now.getTime() - SETTLE_MS) {
      // Settles what was seen long enough ago, and starts the wait for what is seen now.
      await tx.update(webhookFanout).set({ settledId: Math.max(settledId, cursor!.seenId), seenId: Math.max(cursor!.seenId, seenNow), seenAt: now }).where(eq(webhookFanout.id, 1));
    }
    return queued;
  });
}

export interface WebhookSenderOptions {
  db: Db;
  log: FastifyBaseLogger;
  sealKey: Buffer;
  clock: () => Date;
  /** A number in [0, 1) for the retry's jitter. */
  random?: () => number;
  post?: WebhookPoster;
  timeoutMs?: number;
}

const SEND_BATCH = 10;
const LEASE_MS = 2 * 60_000;
/** A tick's run stops taking new batches after this long, leaving the rest to the next tick. */
const RUN_BUDGET_MS = 45_000;

/** Sends the deliveries that are due, ten at a time in parallel. Returns how many attempts it made. */
export async function deliverDueWebhooks(options: WebhookSenderOptions): Promise<number> {
  const started = Date.now();
  let made = 0;
  while (Date.now() - started < RUN_BUDGET_MS) {
    const now = options.clock();
    const leaseUntil = new Date(now.getTime() + LEASE_MS);
    // Taken with a lease rather than a long lock: a worker that dies mid-send leaves it to another
    // after the lease, and SKIP LOCKED keeps two workers off the same delivery.
    const taken = (await options.db.execute(sql`
      update ${webhookDeliveries} set leased_until = ${leaseUntil}
      where id in (
        select d.id from ${webhookDeliveries} d join ${webhookSubscriptions} s on s.id = d.subscription_id
        where d.status = 'pending' and s.active and d.next_attempt_at <= ${now} and (d.leased_until is null or d.leased_until < ${now})
        order by d.next_attempt_at limit ${SEND_BATCH}
        for update of d skip locked)
      returning id`)) as unknown as { rows: { id: string }[] };
    const ids = taken.rows.map((r) => r.id);
    if (ids.length === 0) break;
    const outcomes = await Promise.allSettled(ids.map((id) => sendOne(options, id, leaseUntil)));
    for (const outcome of outcomes) if (outcome.status === 'rejected') options.log.error({ err: outcome.reason }, 'webhook delivery could not be recorded');
    made += ids.length;
  }
  return made;
}

function errorClass(outcome: AttemptOutcome): string | null {
  if (outcome.kind !== 'status') return outcome.kind;
  if (outcome.status >= 200 && outcome.status < 300) return null;
  return outcome.status >= 500 ? 'http_5xx' : outcome.status >= 400 ? 'http_4xx' : 'http_other';
}

async function sendOne(options: WebhookSenderOptions, deliveryId: string, lease: Date): Promise<void> {
  const { db } = options;
  const [row] = await db
    .select({
      delivery: webhookDeliveries,
      url: webhookSubscriptions.url,
      sealedSecret: webhookSubscriptions.sealedSecret,
      sealKeyId: webhookSubscriptions.sealKeyId,
      event: events,
      caseNumber: cases.number,
      caseKind: cases.kind,
      caseStatus: cases.status,
      closedHearing: cases.closedHearing,
      courtCode: courts.code,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookSubscriptions, eq(webhookSubscriptions.id, webhookDeliveries.subscriptionId))
    .innerJoin(events, eq(events.id, webhookDeliveries.eventId))
    .innerJoin(cases, eq(cases.id, events.caseId))
    .innerJoin(courts, eq(courts.id, cases.courtId))
    .where(eq(webhookDeliveries.id, deliveryId));
  if (!row) return;
  const { delivery, event } = row;
  const payload = webhookPayload(delivery.id, {
    eventId: event.id,
    type: event.type,
    occurredAt: event.occurredAt,
    data: event.data,
    caseId: event.caseId,
    caseNumber: row.caseNumber,
    courtCode: row.courtCode,
    caseKind: row.caseKind,
    caseStatus: row.caseStatus,
    closedHearing: row.closedHearing,
  });
  const body = JSON.stringify(payload);
  const attemptedAt = options.clock();
  const timestamp = Math.floor(attemptedAt.getTime() / 1000);
  let result;
  try {
    const secret = openSecret(options.sealKey, row.sealedSecret, row.sealKeyId);
    result = await (options.post ?? postWebhook)({ url: row.url, id: delivery.id, timestamp, body, signature: webhookSignature(secret, delivery.id, timestamp, body) }, options.timeoutMs ?? WEBHOOK_TIMEOUT_MS);
  } catch (error) {
    // A secret Sot cannot open (WEBHOOK_KEY changed): logged without the secret, tried again later.
    options.log.error({ err: error, deliveryId }, 'webhook could not be signed');
    result = { outcome: { kind: 'network' } as const, durationMs: 0, snippet: null };
  }
  const verdict = attemptVerdict(result.outcome);
  const attempts = delivery.attempts + 1;
  const retryAt = verdict === 'retry' ? nextAttemptAt(attempts, attemptedAt, (options.random ?? Math.random)()) : null;
  const status = verdict === 'delivered' ? 'delivered' : retryAt ? 'pending' : 'failed';
  const statusCode = result.outcome.kind === 'status' ? result.outcome.status : null;
  await db.transaction(async (tx) => {
    // Only while this worker's lease holds: one that lost it to another worker records nothing.
    const [updated] = await tx
      .update(webhookDeliveries)
      .set({ status, attempts, nextAttemptAt: retryAt ?? delivery.nextAttemptAt, leasedUntil: null, resend: false, lastStatusCode: statusCode, ...(status === 'delivered' ? { deliveredAt: attemptedAt } : {}) })
      .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.status, 'pending'), eq(webhookDeliveries.leasedUntil, lease)))
      .returning({ id: webhookDeliveries.id });
    if (!updated) return;
    await tx.insert(webhookAttempts).values({ deliveryId, attemptedAt, statusCode, durationMs: result.durationMs, errorClass: errorClass(result.outcome), snippet: result.snippet, resend: delivery.resend });
  });
  if (status !== 'delivered') options.log.warn({ deliveryId, attempt: attempts, statusCode, errorClass: errorClass(result.outcome), final: status === 'failed' }, 'webhook not delivered');
}
