import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The links in SMS and e-mail notices: `/n/<token>`, where the token carries the page and when
 * the link stops working, signed with a key derived from the session secret. A changed token is
 * refused as unknown (404) and an old one as expired (410) — never redirected; the page itself
 * still asks for sign-in and checks access, so a link grants nothing by itself.
 */

/** Long enough for the appeal term and its reminders; a party can always find the case in the cabinet. */
export const NOTICE_LINK_DAYS = 90;
const DAY = 86_400_000;

function keyOf(secret: string): Buffer {
  return createHmac('sha256', secret).update('sot notice links').digest();
}

function mac(secret: string, payload: string): string {
  return createHmac('sha256', keyOf(secret)).update(payload).digest().subarray(0, 16).toString('base64url');
}

export function noticeLinkPath(path: string, issuedAt: Date, secret: string): string {
  if (!isLocalPath(path)) throw new Error('a notice link leads only to a page of Sot');
  const payload = Buffer.from(`${Math.floor((issuedAt.getTime() + NOTICE_LINK_DAYS * DAY) / 1000)}|${path}`, 'utf8').toString('base64url');
  return `/n/${payload}.${mac(secret, payload)}`;
}

export type OpenedLink = { ok: true; path: string } | { ok: false; reason: 'unknown' | 'expired' };

export function openNoticeLink(token: string, now: Date, secret: string): OpenedLink {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined || !/^[A-Za-z0-9_-]+$/.test(payload)) return { ok: false, reason: 'unknown' };
  const expected = Buffer.from(mac(secret, payload));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'unknown' };
  const text = Buffer.from(payload, 'base64url').toString('utf8');
  const bar = text.indexOf('|');
  const expires = Number(text.slice(0, bar));
  const path = text.slice(bar + 1);
  if (bar < 1 || !Number.isInteger(expires) || !isLocalPath(path)) return { ok: false, reason: 'unknown' };
  if (now.getTime() >= expires * 1000) return { ok: false, reason: 'expired' };
  return { ok: true, path };
}

/** A path on this site: no scheme, no host, no `//` that a browser would read as another site. */
function isLocalPath(path: string): boolean {
  return path.startsWith('/') && !path.startsWith('//') && !path.includes('\\') && !/[\u0000-\u001f]/.test(path);
}
