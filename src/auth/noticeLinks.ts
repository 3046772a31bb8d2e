import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { eq, lt } from 'drizzle-orm';
import { noticeLinks } from '../db/schema/index.ts';
import type { Db } from '../db/client.ts';
import type { Executor, Tx } from '../db/tx.ts';
import { isSafeReturnPath } from './returnPath.ts';

/**
 * The links in SMS and e-mail notices: `/n/<id><mac>`, 14 characters after `/n/`, because a
 * Cyrillic SMS part holds only 67 characters. The id (8 base62 characters from the system's
 * random source) names a `notice_links` row with the page and when the link stops working; the
 * MAC (6 base62 characters of an HMAC over the id, key derived from the session secret) lets a
 * guessed or changed token be refused before any query, so enumerating ids finds nothing. A
 * refused token is unknown (404), an old one expired (410): never redirected. The page itself
 * still asks for sign-in and checks access, so a link grants nothing by itself.
 */

/** Long enough for the appeal term and its reminders; a party can always find the case in the cabinet. */
export const NOTICE_LINK_DAYS = 90;
const DAY = 86_400_000;

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const ID_LENGTH = 8;
const MAC_LENGTH = 6;
const TOKEN = new RegExp(`^[0-9A-Za-z]{${ID_LENGTH + MAC_LENGTH}}$`);

function keyOf(secret: string): Buffer {
  return createHmac('sha256', secret).update('sot notice links').digest();
}

/** 8 characters, each uniform over base62 (bytes ≥ 248 are drawn again, so no character is likelier). */
export function newNoticeLinkId(): string {
  let id = '';
  while (id.length < ID_LENGTH) for (const byte of randomBytes(ID_LENGTH * 2)) if (byte < 248 && id.length < ID_LENGTH) id += BASE62[byte % 62];
  return id;
}

function shortMac(secret: string, id: string): string {
  let n = createHmac('sha256', keyOf(secret)).update(`short|${id}`).digest().readBigUInt64BE(0);
  let mac = '';
  for (let i = 0; i < MAC_LENGTH; i++, n /= 62n) mac += BASE62[Number(n % 62n)];
  return mac;
}

/** The token for a link id: the id and its MAC. */
export function noticeLinkToken(id: string, secret: string): string {
  return `${id}${shortMac(secret, id)}`;
}

/** The link's id if the token is well formed and signed with this secret; otherwise null, without a query. */
export function verifiedNoticeLinkId(token: string, secret: string): string | null {
  if (!TOKEN.test(token)) return null;
  const id = token.slice(0, ID_LENGTH);
  const expected = Buffer.from(shortMac(secret, id));
  return timingSafeEqual(Buffer.from(token.slice(ID_LENGTH)), expected) ? id : null;
}

/**
 * Writes a link to `path` in the caller's transaction; returns its id and its `/n/…` path. An id already
 * taken (a few chances in a billion with a million live links) is drawn again rather than failing
 * the command.
 */
export async function issueNoticeLink(tx: Tx, path: string, now: Date, secret: string): Promise<{ id: string; path: string }> {
  if (!isSafeReturnPath(path)) throw new Error('a notice link leads only to a page of Sot');
  const expiresAt = new Date(now.getTime() + NOTICE_LINK_DAYS * DAY);
  for (let attempt = 0; attempt < 5; attempt++) {
    const id = newNoticeLinkId();
    const inserted = await tx.insert(noticeLinks).values({ id, path, expiresAt, createdAt: now }).onConflictDoNothing().returning({ id: noticeLinks.id });
    if (inserted.length === 1) return { id, path: `/n/${noticeLinkToken(id, secret)}` };
  }
  throw new Error('no free notice link id after 5 draws');
}

export type OpenedLink = { ok: true; path: string } | { ok: false; reason: 'unknown' | 'expired' };

export async function openNoticeLink(db: Executor, token: string, now: Date, secret: string): Promise<OpenedLink> {
  if (token.includes('.')) return openFirstFormatLink(token, now, secret);
  const id = verifiedNoticeLinkId(token, secret);
  if (!id) return { ok: false, reason: 'unknown' };
  const [link] = await db.select().from(noticeLinks).where(eq(noticeLinks.id, id));
  if (!link) return { ok: false, reason: 'unknown' };
  if (now.getTime() >= link.expiresAt.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, path: link.path };
}

/**
 * An expired link still answers "expired" (410) for a year, so a person opening an old SMS learns
 * why it does not work; after that its row goes and the link is unknown (404). Returns how many went.
 */
export async function forgetExpiredNoticeLinks(db: Db, now: Date): Promise<number> {
  const gone = await db.delete(noticeLinks).where(lt(noticeLinks.expiresAt, new Date(now.getTime() - 365 * DAY))).returning({ id: noticeLinks.id });
  return gone.length;
}

/**
 * Links of the first format, `/n/<payload>.<mac>` with the expiry and path inside the signed
 * payload, were sent before short links. They keep opening until they expire, at most
 * NOTICE_LINK_DAYS after the release that stopped writing them; this can go after that.
 */
function openFirstFormatLink(token: string, now: Date, secret: string): OpenedLink {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined || !/^[A-Za-z0-9_-]+$/.test(payload)) return { ok: false, reason: 'unknown' };
  const expected = Buffer.from(createHmac('sha256', keyOf(secret)).update(payload).digest().subarray(0, 16).toString('base64url'));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'unknown' };
  const text = Buffer.from(payload, 'base64url').toString('utf8');
  const bar = text.indexOf('|');
  const expires = Number(text.slice(0, bar));
  const path = text.slice(bar + 1);
  if (bar < 1 || !Number.isInteger(expires) || !isSafeReturnPath(path)) return { ok: false, reason: 'unknown' };
  if (now.getTime() >= expires * 1000) return { ok: false, reason: 'expired' };
  return { ok: true, path };
}
