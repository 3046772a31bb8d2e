import { desc } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { outbox } from '../db/schema/index.ts';

/** A message Sot would have sent, as the demo's outbox page lists it. */
export type OutboxMessage = typeof outbox.$inferSelect;

/** The latest messages of the demo's outbox, newest first. */
export async function latestOutboxMessages(db: Db, limit = 100): Promise<OutboxMessage[]> {
  return db.select().from(outbox).orderBy(desc(outbox.createdAt)).limit(limit);
}
