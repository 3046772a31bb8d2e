import { and, eq, isNull, lte } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { notifications } from '../db/schema/index.ts';

/**
 * Marks the person's notifications read, up to the moment the page they saw was made: one that
 * arrived since stays unread.
 */
export async function markNotificationsRead(db: Db, userId: string, seenUntil: Date, now: Date): Promise<number> {
  const marked = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, userId), eq(notifications.channel, 'in_app'), isNull(notifications.readAt), lte(notifications.queuedAt, seenUntil)))
    .returning({ id: notifications.id });
  return marked.length;
}
