import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../db/tx.ts';
import { notifications } from '../db/schema/index.ts';

export type InAppNotification = Pick<typeof notifications.$inferSelect, 'id' | 'subject' | 'body' | 'link' | 'queuedAt' | 'readAt'>;

/** The person's notification centre, newest first. */
export function inAppNotifications(db: Executor, userId: string, limit = 100): Promise<InAppNotification[]> {
  return db
    .select({ id: notifications.id, subject: notifications.subject, body: notifications.body, link: notifications.link, queuedAt: notifications.queuedAt, readAt: notifications.readAt })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.channel, 'in_app')))
    .orderBy(desc(notifications.queuedAt), desc(notifications.id))
    .limit(limit);
}

export async function unreadCount(db: Executor, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.channel, 'in_app'), isNull(notifications.readAt)));
  return row?.n ?? 0;
}
