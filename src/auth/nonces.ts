import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { authNonces } from '../db/schema/index.ts';
import { newToken, tokenHash } from './tokens.ts';

export const NONCE_LIFETIME_MS = 5 * 60_000;

export type NonceFailure = 'nonce_unknown' | 'nonce_expired' | 'nonce_used';

/** A sign-in challenge: 32 random bytes the person signs with their EDS. */
export async function issueNonce(db: Db, now: Date): Promise<{ nonce: string; expiresAt: Date }> {
  const nonce = Buffer.from(newToken(32), 'base64url').toString('base64');
  const expiresAt = new Date(now.getTime() + NONCE_LIFETIME_MS);
  await db.insert(authNonces).values({ nonceHash: tokenHash(nonce), createdAt: now, expiresAt });
  return { nonce, expiresAt };
}

/** Why a nonce cannot be used now, or null when it can. */
export async function nonceProblem(db: Db, nonce: string, now: Date): Promise<NonceFailure | null> {
  const [row] = await db.select().from(authNonces).where(eq(authNonces.nonceHash, tokenHash(nonce)));
  if (!row) return 'nonce_unknown';
  if (row.usedAt) return 'nonce_used';
  if (row.expiresAt.getTime() <= now.getTime()) return 'nonce_expired';
  return null;
}

/**
 * Burns the nonce. Compare-and-set: of two logins racing with one nonce, exactly one wins;
 * the other learns it was used.
 */
export async function burnNonce(db: Db, nonce: string, now: Date): Promise<boolean> {
  const burned = await db
    .update(authNonces)
    .set({ usedAt: now })
    .where(and(eq(authNonces.nonceHash, tokenHash(nonce)), isNull(authNonces.usedAt), sql`${authNonces.expiresAt} > ${now}`))
    .returning({ nonceHash: authNonces.nonceHash });
  return burned.length === 1;
}

/** Expired challenges are of no use to anyone; the worker sweeps them. */
export async function purgeExpiredNonces(db: Db, now: Date): Promise<void> {
  await db.delete(authNonces).where(lt(authNonces.expiresAt, new Date(now.getTime() - NONCE_LIFETIME_MS)));
}
