import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { notifications } from '../db/schema/index.ts';

/**
 * What the SMS gateway says became of a message. A repeated report changes nothing; a report
 * never moves a message back (delivered stays delivered). Returns the message's status, or null
 * for a message id the gateway never had from us.
 */
export async function recordSmsDeliveryReport(db: Db, report: { messageId: string; status: 'delivered' | 'failed'; error?: string | undefined }, now: Date): Promise<string | null> {
  const [updated] = await db
    .update(notifications)
    .set(report.status === 'delivered' ? { status: 'delivered', deliveredAt: now } : { status: 'failed', failedAt: now, lastError: `SMS gateway: ${report.error ?? 'not delivered'}`.slice(0, 300) })
    .where(and(eq(notifications.providerMessageId, report.messageId), eq(notifications.channel, 'sms'), inArray(notifications.status, ['queued', 'sent'])))
    .returning({ status: notifications.status });
  if (updated) return updated.status;
  const [known] = await db
    .select({ status: notifications.status })
    .from(notifications)
    .where(and(eq(notifications.providerMessageId, report.messageId), eq(notifications.channel, 'sms')));
  return known?.status ?? null;
}
