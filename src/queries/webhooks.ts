import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { cases, events, organisations, webhookAttempts, webhookDeliveries, webhookSubscriptions } from '../db/schema/index.ts';
import type { WebhookDeliveryStatus } from '../domain/webhooks.ts';

export interface WebhookSubscriptionView {
  id: string;
  organisationName: string;
  bin: string;
  url: string;
  eventTypes: string[];
  active: boolean;
  secretRotatedAt: Date;
}

const LIST_MAX = 500;
const DELIVERIES_SHOWN = 50;

const subscriptionColumns = {
  id: webhookSubscriptions.id,
  organisationName: organisations.name,
  bin: organisations.bin,
  url: webhookSubscriptions.url,
  eventTypes: webhookSubscriptions.eventTypes,
  active: webhookSubscriptions.active,
  secretRotatedAt: webhookSubscriptions.secretRotatedAt,
};

/** Every registered webhook, by organisation; never the sealed secret. */
export function webhookSubscriptionList(db: Db): Promise<WebhookSubscriptionView[]> {
  return db
    .select(subscriptionColumns)
    .from(webhookSubscriptions)
    .innerJoin(organisations, eq(organisations.id, webhookSubscriptions.organisationId))
    .orderBy(asc(organisations.name), asc(webhookSubscriptions.createdAt))
    .limit(LIST_MAX);
}

export async function webhookSubscription(db: Db, id: string): Promise<WebhookSubscriptionView | null> {
  const [row] = await db.select(subscriptionColumns).from(webhookSubscriptions).innerJoin(organisations, eq(organisations.id, webhookSubscriptions.organisationId)).where(eq(webhookSubscriptions.id, id));
  return row ?? null;
}

export interface WebhookAttemptView {
  attemptedAt: Date;
  statusCode: number | null;
  durationMs: number;
  errorClass: string | null;
  snippet: string | null;
  resend: boolean;
}

export interface WebhookDeliveryView {
  id: string;
  eventType: string;
  caseNumber: string | null;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt: Date;
  createdAt: Date;
  log: WebhookAttemptView[];
}

/** The subscription's latest deliveries, newest first, each with its attempts in order. */
export async function recentWebhookDeliveries(db: Db, subscriptionId: string): Promise<WebhookDeliveryView[]> {
  const rows = await db
    .select({
      id: webhookDeliveries.id,
      eventType: events.type,
      caseNumber: cases.number,
      status: webhookDeliveries.status,
      attempts: webhookDeliveries.attempts,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
      createdAt: webhookDeliveries.createdAt,
    })
    .from(webhookDeliveries)
    .innerJoin(events, eq(events.id, webhookDeliveries.eventId))
    .innerJoin(cases, eq(cases.id, events.caseId))
    .where(eq(webhookDeliveries.subscriptionId, subscriptionId))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.eventId))
    .limit(DELIVERIES_SHOWN);
  if (rows.length === 0) return [];
  const attempts = await db
    .select({
      deliveryId: webhookAttempts.deliveryId,
      attemptedAt: webhookAttempts.attemptedAt,
      statusCode: webhookAttempts.statusCode,
      durationMs: webhookAttempts.durationMs,
      errorClass: webhookAttempts.errorClass,
      snippet: webhookAttempts.snippet,
      resend: webhookAttempts.resend,
    })
    .from(webhookAttempts)
    .where(inArray(webhookAttempts.deliveryId, rows.map((r) => r.id)))
    .orderBy(asc(webhookAttempts.id))
    .limit(DELIVERIES_SHOWN * 20);
  return rows.map((r) => ({ ...r, log: attempts.filter((a) => a.deliveryId === r.id).map(({ deliveryId: _, ...a }) => a) }));
}
