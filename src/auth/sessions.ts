import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Executor } from '../db/tx.ts';
import { sessions, userRoles, users } from '../db/schema/index.ts';
import type { EntityTie } from '../domain/ncaRoles.ts';
import type { Principal, Role } from '../policies/principal.ts';
import { newToken, tokenHash } from './tokens.ts';

/** A session ends after 30 minutes without a request, and 12 hours after sign-in whatever happens. */
export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60_000;
/** Activity is written back at most once a minute, so reading pages is not a stream of writes. */
const TOUCH_INTERVAL_MS = 60_000;

export const SESSION_COOKIE = 'sot_session';

/**
 * `bin` is the entity the person acts for directly; `entity` the one their certificate names, which
 * an employee does not act for without a power of attorney the court accepted.
 */
export async function createSession(db: Executor, input: { userId: string; bin: string | null; entity?: EntityTie | null; certificateId: string | null }, now: Date): Promise<{ id: string; expiresAt: Date }> {
  const id = newToken(32);
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
  await db.insert(sessions).values({ idHash: tokenHash(id), userId: input.userId, bin: input.bin, entity: input.entity ?? null, certificateId: input.certificateId, createdAt: now, lastSeenAt: now, expiresAt });
  return { id, expiresAt };
}

export interface ActiveSession {
  idHash: string;
  principal: Principal;
  language: string;
}

/** The session behind a cookie value, if it is still alive; renews its idle timer. */
export async function findSession(db: Db, id: string, now: Date): Promise<ActiveSession | null> {
  const idHash = tokenHash(id);
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, now), gt(sessions.lastSeenAt, new Date(now.getTime() - SESSION_IDLE_MS))));
  if (!row) return null;
  if (now.getTime() - row.session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, idHash));
  }
  const granted = await db.select({ role: userRoles.role, courtId: userRoles.courtId }).from(userRoles).where(eq(userRoles.userId, row.user.id));
  const roles: { role: Role; courtId: string | null }[] = [{ role: 'citizen', courtId: null }];
  if (row.session.bin) roles.push({ role: 'legal_representative', courtId: null });
  for (const g of granted) roles.push({ role: g.role as Role, courtId: g.courtId });
  return {
    idHash,
    language: row.user.language,
    principal: { userId: row.user.id, iin: row.user.iin, fullName: row.user.fullName, bin: row.session.bin, entity: row.session.entity ?? null, roles },
  };
}

export async function destroySession(db: Db, idHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, idHash));
}

export async function purgeExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.delete(sessions).where(sql`${lt(sessions.expiresAt, now)} or ${lt(sessions.lastSeenAt, new Date(now.getTime() - SESSION_IDLE_MS))}`);
}
