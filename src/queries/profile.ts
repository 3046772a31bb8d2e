import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { contactVerifications, users } from '../db/schema/index.ts';

/** The signed-in person as their profile page shows them. */
export type ProfileUser = typeof users.$inferSelect;

export async function profileOf(db: Db, userId: string): Promise<ProfileUser> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  // The session names a user row, and users are never deleted.
  return user!;
}

/** The address last given for a channel and not yet confirmed with its code, if any. */
export async function pendingContactAddress(db: Db, userId: string, channel: 'sms' | 'email'): Promise<string | null> {
  const [pending] = await db
    .select({ address: contactVerifications.address })
    .from(contactVerifications)
    .where(and(eq(contactVerifications.userId, userId), eq(contactVerifications.channel, channel), isNull(contactVerifications.verifiedAt)))
    .orderBy(desc(contactVerifications.createdAt))
    .limit(1);
  return pending?.address ?? null;
}
