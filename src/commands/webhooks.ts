import { and, eq, ne } from 'drizzle-orm';
import { newWebhookSecret, sealSecret } from '../adapters/webhooks/secrets.ts';
import { appendAudit } from '../db/audit.ts';
import type { Db } from '../db/client.ts';
import { organisations, webhookDeliveries, webhookSubscriptions } from '../db/schema/index.ts';
import { isWebhookEventType, webhookUrlProblem, type WebhookUrlProblem } from '../domain/webhooks.ts';
import { SotError, type ErrorCode } from '../errors.ts';
import type { Principal } from '../policies/principal.ts';

export interface WebhookSettings {
  sealKey: Buffer;
  allowLocalHttp: boolean;
}

export interface WebhookInput {
  url: string;
  eventTypes: readonly string[];
}

const URL_ERRORS: Record<WebhookUrlProblem, ErrorCode> = {
  invalid: 'webhook_url_invalid',
  too_long: 'webhook_url_too_long',
  scheme: 'webhook_url_scheme',
  credentials: 'webhook_url_credentials',
};

function checked(input: WebhookInput, settings: WebhookSettings): { url: string; eventTypes: string[] } {
  const url = input.url.trim();
  const problem = webhookUrlProblem(url, settings.allowLocalHttp);
  if (problem) throw new SotError(URL_ERRORS[problem]);
  const eventTypes = [...new Set(input.eventTypes)].filter(isWebhookEventType).sort();
  if (eventTypes.length === 0) throw new SotError('webhook_events_required');
  return { url, eventTypes };
}

/**
 * Registers an organisation's webhook. The secret is returned once, to be shown once to the
 * administrator who passes it to the organisation; the database keeps it sealed. The audit row
 * names the organisation and the address, never the secret.
 */
export async function registerWebhook(db: Db, principal: Principal, input: WebhookInput & { bin: string }, settings: WebhookSettings, now: Date): Promise<{ id: string; secret: string }> {
  const { url, eventTypes } = checked(input, settings);
  const bin = input.bin.trim();
  const secret = newWebhookSecret();
  const { sealed, keyId } = sealSecret(settings.sealKey, secret);
  const id = await db.transaction(async (tx) => {
    const [organisation] = /^\d{12}$/.test(bin) ? await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.bin, bin)) : [];
    if (!organisation) throw new SotError('webhook_organisation_unknown');
    const [row] = await tx
      .insert(webhookSubscriptions)
      .values({ organisationId: organisation.id, url, eventTypes, sealedSecret: sealed, sealKeyId: keyId, secretRotatedAt: now, createdBy: principal.userId, createdAt: now, updatedAt: now })
      .returning({ id: webhookSubscriptions.id });
    await appendAudit(tx, { actorId: principal.userId, action: 'webhook.registered', entityType: 'webhook_subscription', entityId: row!.id, data: { organisationId: organisation.id, url, eventTypes } }, now);
    return row!.id;
  });
  return { id, secret };
}

/** Changes the address, the kinds or whether it is active; the audit row keeps what it was. */
export async function updateWebhook(db: Db, principal: Principal, id: string, input: WebhookInput & { active: boolean }, settings: WebhookSettings, now: Date): Promise<void> {
  const { url, eventTypes } = checked(input, settings);
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, id)).for('update');
    if (!before) throw new SotError('not_found');
    await tx.update(webhookSubscriptions).set({ url, eventTypes, active: input.active, updatedAt: now }).where(eq(webhookSubscriptions.id, id));
    await appendAudit(
      tx,
      {
        actorId: principal.userId,
        action: 'webhook.updated',
        entityType: 'webhook_subscription',
        entityId: id,
        data: { before: { url: before.url, eventTypes: before.eventTypes, active: before.active }, after: { url, eventTypes, active: input.active } },
      },
      now,
    );
  });
}

/**
 * A new secret for the subscription, returned once. Sot signs with the new one from the next
 * attempt on; the organisation accepting both for a while is theirs to arrange (docs/webhooks.md).
 */
export async function rotateWebhookSecret(db: Db, principal: Principal, id: string, settings: WebhookSettings, now: Date): Promise<string> {
  const secret = newWebhookSecret();
  const { sealed, keyId } = sealSecret(settings.sealKey, secret);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(webhookSubscriptions)
      .set({ sealedSecret: sealed, sealKeyId: keyId, secretRotatedAt: now, updatedAt: now })
      .where(eq(webhookSubscriptions.id, id))
      .returning({ id: webhookSubscriptions.id });
    if (!row) throw new SotError('not_found');
    await appendAudit(tx, { actorId: principal.userId, action: 'webhook.secret_rotated', entityType: 'webhook_subscription', entityId: id, data: {} }, now);
  });
  return secret;
}

/**
 * Sends a delivery again, as a new attempt of the same delivery id, so a receiver that dedupes by
 * id processes it at most once. One that is still waiting for its next try is already on its way.
 */
export async function resendWebhookDelivery(db: Db, principal: Principal, subscriptionId: string, deliveryId: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(webhookDeliveries)
      .set({ status: 'pending', nextAttemptAt: now, leasedUntil: null, resend: true })
      .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.subscriptionId, subscriptionId), ne(webhookDeliveries.status, 'pending')))
      .returning({ id: webhookDeliveries.id, eventId: webhookDeliveries.eventId });
    if (!row) {
      const [exists] = await tx.select({ id: webhookDeliveries.id }).from(webhookDeliveries).where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.subscriptionId, subscriptionId)));
      throw new SotError(exists ? 'webhook_delivery_pending' : 'not_found');
    }
    await appendAudit(tx, { actorId: principal.userId, action: 'webhook.resent', entityType: 'webhook_subscription', entityId: subscriptionId, data: { deliveryId, eventId: row.eventId } }, now);
  });
}
