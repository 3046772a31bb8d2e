import { describe, expect, it } from 'vitest';
import { NOTICE_LINK_DAYS, noticeLinkPath, openNoticeLink } from '../../src/auth/noticeLinks.ts';

const SECRET = 'a-session-secret-of-at-least-32-characters';
const NOW = new Date('2026-11-25T05:00:00Z');
const token = (link: string) => link.slice('/n/'.length);

describe('notice links', () => {
  it('lead back to the page they were made for until they expire', () => {
    const link = noticeLinkPath('/cabinet/cases/abc/documents/def', NOW, SECRET);
    expect(link).toMatch(/^\/n\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    expect(openNoticeLink(token(link), new Date(NOW.getTime() + 1000), SECRET)).toEqual({ ok: true, path: '/cabinet/cases/abc/documents/def' });
    expect(openNoticeLink(token(link), new Date(NOW.getTime() + NOTICE_LINK_DAYS * 86_400_000), SECRET)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuse a token changed anywhere, signed with another key, or malformed', () => {
    const t = token(noticeLinkPath('/cabinet/cases/abc', NOW, SECRET));
    const [payload, signature] = t.split('.') as [string, string];
    const other = Buffer.from(Buffer.from(payload, 'base64url').toString('utf8').replace('/cabinet/cases/abc', '/cabinet/cases/xyz')).toString('base64url');
    for (const bad of [`${other}.${signature}`, `${payload}.${signature.slice(0, -1)}A`, `${payload}.${signature}.x`, payload, '', '..', '%%%.abc']) {
      expect(openNoticeLink(bad, NOW, SECRET), bad).toEqual({ ok: false, reason: 'unknown' });
    }
    expect(openNoticeLink(t, NOW, 'another-session-secret-of-32-characters!')).toEqual({ ok: false, reason: 'unknown' });
  });

  it('never leads off the site', () => {
    for (const path of ['https://evil.example/', '//evil.example/x', '/\\evil.example', 'cabinet']) expect(() => noticeLinkPath(path, NOW, SECRET)).toThrow();
  });
});
