import { and, eq, isNull } from 'drizzle-orm';
import { newToken, tokenHash } from '../auth/tokens.ts';
import { appendAudit } from '../db/audit.ts';
import type { Db } from '../db/client.ts';
import type { Tx } from '../db/tx.ts';
import { calendarFeeds } from '../db/schema/index.ts';
import type { Principal } from '../policies/principal.ts';

/** Revokes the person's live link, if any; true when there was one. */
async function revokeLive(tx: Tx, userId: string, now: Date): Promise<string | null> {
  const [revoked] = await tx
    .update(calendarFeeds)
    .set({ revokedAt: now })
    .where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)))
    .returning({ id: calendarFeeds.id });
  return revoked?.id ?? null;
}

/**
 * A new private calendar link for the person, revoking the one they had. The token is returned
 * once, to be shown once; only its hash is kept. The link carries the entity the person acts for
 * directly in this session, so the feed shows what their cabinet shows.
 */
export async function createCalendarFeed(db: Db, principal: Principal, now: Date): Promise<string> {
  const token = newToken(32);
  await db.transaction(async (tx) => {
    const replaced = await revokeLive(tx, principal.userId, now);
    const [feed] = await tx
      .insert(calendarFeeds)
      .values({ userId: principal.userId, tokenHash: tokenHash(token), bin: principal.bin, createdAt: now })
      .returning({ id: calendarFeeds.id });
    await appendAudit(tx, { actorId: principal.userId, action: 'calendar_feed.created', entityType: 'user', entityId: principal.userId, data: { feedId: feed!.id, replaced, forEntity: principal.bin !== null } }, now);
  });
  return token;
}

/** Turns the person's link off; a request when there is none changes nothing and writes nothing. */
export async function turnOffCalendarFeed(db: Db, principal: Principal, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const revoked = await revokeLive(tx, principal.userId, now);
    if (revoked) await appendAudit(tx, { actorId: principal.userId, action: 'calendar_feed.revoked', entityType: 'user', entityId: principal.userId, data: { feedId: revoked } }, now);
  });
}
