import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { appendAudit } from '../db/audit.ts';
import { contactVerifications, users } from '../db/schema/index.ts';
import { queueMessageToAddress } from './notices.ts';
import { SotError } from '../errors.ts';
import type { Lang } from '../i18n/index.ts';

export type ContactChannel = 'sms' | 'email';

export const CODE_LIFETIME_MS = 10 * 60_000;
export const CODE_ATTEMPTS = 5;

const digest = (code: string) => createHash('sha256').update(code).digest();

/** Kazakh mobile numbers: +7 and ten digits, written as people write them. */
export function normalisePhone(input: string): string | null {
  const digits = input.replace(/[\s()\-–]/g, '');
  const match = /^(?:\+7|8|7)(\d{10})$/.exec(digits);
  return match ? `+7${match[1]}` : null;
}

export function normaliseEmail(input: string): string | null {
  const email = input.trim();
  return email.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? email.toLowerCase() : null;
}

export async function updatePreferences(db: Db, userId: string, input: { language: Lang; notifyBySms: boolean; notifyByEmail: boolean }, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(users).set(input).where(eq(users.id, userId));
    await appendAudit(tx, { actorId: userId, action: 'profile.preferences_changed', entityType: 'user', entityId: userId, data: input }, now);
  });
}

/**
 * Sends a six-digit code to a new phone number or e-mail address. The address becomes the
 * person's only when they type the code back. The code goes through the notification pipeline
 * like any message, after commit.
 */
export async function requestContactVerification(db: Db, userId: string, channel: ContactChannel, rawAddress: string, lang: Lang, now: Date): Promise<string> {
  const address = channel === 'sms' ? normalisePhone(rawAddress) : normaliseEmail(rawAddress);
  if (!address) throw new SotError(channel === 'sms' ? 'invalid_phone' : 'invalid_email');
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await db.transaction(async (tx) => {
    // A new code replaces any earlier one still waiting on the same channel.
    await tx.delete(contactVerifications).where(and(eq(contactVerifications.userId, userId), eq(contactVerifications.channel, channel), isNull(contactVerifications.verifiedAt)));
    const [verification] = await tx
      .insert(contactVerifications)
      .values({ userId, channel, address, codeHash: digest(code).toString('hex'), createdAt: now, expiresAt: new Date(now.getTime() + CODE_LIFETIME_MS) })
      .returning({ id: contactVerifications.id });
    // The address is not the person's yet, so the code goes to it alone, never into the app.
    await queueMessageToAddress(
      tx,
      { userId, channel, address, lang, event: 'contact_code', aboutId: verification!.id, compose: (t) => ({ subject: t('profile.code.subject'), body: t('profile.code.body', { code }), sms: t('profile.code.body', { code }) }) },
      now,
    );
  });
  return address;
}

export async function confirmContact(db: Db, userId: string, channel: ContactChannel, code: string, now: Date): Promise<void> {
  // The outcome leaves the transaction as a value: a wrong code must still count its attempt.
  const outcome = await db.transaction(async (tx) => {
    const [pending] = await tx
      .select()
      .from(contactVerifications)
      .where(and(eq(contactVerifications.userId, userId), eq(contactVerifications.channel, channel), isNull(contactVerifications.verifiedAt)))
      .orderBy(desc(contactVerifications.createdAt))
      .limit(1)
      .for('update');
    if (!pending || pending.expiresAt.getTime() <= now.getTime() || pending.attempts >= CODE_ATTEMPTS) return 'code_expired' as const;
    const matches = /^\d{6}$/.test(code) && timingSafeEqual(digest(code), Buffer.from(pending.codeHash, 'hex'));
    if (!matches) {
      await tx.update(contactVerifications).set({ attempts: pending.attempts + 1 }).where(eq(contactVerifications.id, pending.id));
      return 'code_wrong' as const;
    }
    await tx.update(contactVerifications).set({ verifiedAt: now }).where(eq(contactVerifications.id, pending.id));
    await tx
      .update(users)
      .set(channel === 'sms' ? { phone: pending.address, phoneVerifiedAt: now } : { email: pending.address, emailVerifiedAt: now })
      .where(eq(users.id, userId));
    await appendAudit(tx, { actorId: userId, action: 'profile.contact_verified', entityType: 'user', entityId: userId, data: { channel } }, now);
    return 'verified' as const;
  });
  if (outcome !== 'verified') throw new SotError(outcome);
}
