import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../db/tx.ts';
import { notifications } from '../db/schema/index.ts';
import type { Lang } from '../i18n/index.ts';

export type InAppNotification = Pick<typeof notifications.$inferSelect, 'id' | 'subject' | 'body' | 'link' | 'queuedAt' | 'readAt'>;

/**
 * The person's notification centre, newest first, each notice in `lang`: as written in that
 * language when it was queued, or for rows from before that, as it was sent.
 */
export async function inAppNotifications(db: Executor, userId: string, lang: Lang, limit = 100): Promise<InAppNotification[]> {
  const rows = await db
    .select({
      id: notifications.id,
      subject: notifications.subject,
      body: notifications.body,
      subjectI18n: notifications.subjectI18n,
      bodyI18n: notifications.bodyI18n,
      link: notifications.link,
      queuedAt: notifications.queuedAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.channel, 'in_app')))
    .orderBy(desc(notifications.queuedAt), desc(notifications.id))
    .limit(limit);
  return rows.map(({ subjectI18n, bodyI18n, ...row }) => ({ ...row, subject: subjectI18n?.[lang] ?? row.subject, body: bodyI18n?.[lang] ?? row.body }));
}

export async function unreadCount(db: Executor, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.channel, 'in_app'), isNull(notifications.readAt)));
  return row?.n ?? 0;
}
