/**
 * Notices to people about their cases. Until the SMS and e-mail adapters deliver them, notices
 * stop in the outbox, written in the same transaction as the change they report, so no notice
 * goes out for a change that rolled back. Each goes by every verified channel the person keeps
 * notices on, in their own language.
 */
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Tx } from '../db/tx.ts';
import { outbox, parties, users } from '../db/schema/index.ts';
import { DEFAULT_LANG, isLang, translator, type Lang, type Translate } from '../i18n/index.ts';

type Recipient = typeof users.$inferSelect;
export type Compose = (t: Translate, lang: Lang) => { subject: string; body: string };

/** Writes one notice to `user`; `compose` writes it in the user's language. */
export async function queueNotice(tx: Tx, user: Recipient, compose: Compose, now: Date): Promise<void> {
  const lang = isLang(user.language) ? user.language : DEFAULT_LANG;
  const { subject, body } = compose(translator(lang), lang);
  const channels: { channel: 'email' | 'sms'; address: string }[] = [];
  if (user.email && user.emailVerifiedAt && user.notifyByEmail) channels.push({ channel: 'email', address: user.email });
  if (user.phone && user.phoneVerifiedAt && user.notifyBySms) channels.push({ channel: 'sms', address: user.phone });
  for (const { channel, address } of channels) {
    await tx.insert(outbox).values({ userId: user.id, channel, address, subject: channel === 'email' ? subject : null, body, createdAt: now });
  }
}

/**
 * Tells every person taking part in the case through the portal: parties with an account, and
 * representatives and lawyers whose authority the court accepted. Each person once.
 */
export async function noticeToParticipants(tx: Tx, caseId: string, compose: Compose, now: Date): Promise<void> {
  const people = await tx
    .selectDistinctOn([users.id], { user: users })
    .from(parties)
    .innerJoin(users, eq(users.id, parties.userId))
    .where(and(eq(parties.caseId, caseId), isNotNull(parties.userId), sql`(${parties.role} not in ('representative', 'lawyer') or ${parties.authorityAcceptedAt} is not null)`));
  for (const { user } of people) await queueNotice(tx, user, compose, now);
}
