/**
 * Organisations' webhook signing secrets: made here (32 random bytes, shown once), and sealed with
 * AES-256-GCM under the configured key for the database, because Sot must read a secret back to
 * sign every delivery. Nothing here logs a secret.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { WEBHOOK_SECRET_PREFIX } from '../../domain/webhooks.ts';

export function newWebhookSecret(): string {
  return `${WEBHOOK_SECRET_PREFIX}${randomBytes(32).toString('hex')}`;
}

/** A fingerprint of the sealing key, kept with each sealed secret; it does not reveal the key. */
export function sealKeyId(key: Buffer): string {
  return createHmac('sha256', key).update('sot webhook seal key id').digest('hex').slice(0, 16);
}

export function sealSecret(key: Buffer, secret: string): { sealed: string; keyId: string } {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return { sealed: [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.'), keyId: sealKeyId(key) };
}

export class WebhookSealError extends Error {}

export function openSecret(key: Buffer, sealed: string, keyId: string): string {
  if (keyId !== sealKeyId(key)) throw new WebhookSealError('the webhook secret was sealed under another WEBHOOK_KEY: rotate the subscription’s secret');
  const [iv, tag, body] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
  if (!iv || !tag || !body) throw new WebhookSealError('the sealed webhook secret is malformed');
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
}
