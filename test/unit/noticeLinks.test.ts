import { describe, expect, it } from 'vitest';
import { newNoticeLinkId, noticeLinkToken, verifiedNoticeLinkId } from '../../src/auth/noticeLinks.ts';

const SECRET = 'a-session-secret-of-at-least-32-characters';

describe('notice links', () => {
  it('are 14 base62 characters: an 8-character random id and its 6-character MAC', () => {
    const id = newNoticeLinkId();
    expect(id).toMatch(/^[0-9A-Za-z]{8}$/);
    const token = noticeLinkToken(id, SECRET);
    expect(token).toMatch(/^[0-9A-Za-z]{14}$/);
    expect(token.startsWith(id)).toBe(true);
    expect(verifiedNoticeLinkId(token, SECRET)).toBe(id);
  });

  it('draw ids that do not repeat and use the whole alphabet', () => {
    const ids = Array.from({ length: 2000 }, newNoticeLinkId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids.join('')).size).toBe(62);
  });

  it('refuse a token changed in any character, signed with another key, or malformed', () => {
    const token = noticeLinkToken('AbC12xYz', SECRET);
    for (let i = 0; i < token.length; i++) {
      const changed = `${token.slice(0, i)}${token[i] === 'q' ? 'r' : 'q'}${token.slice(i + 1)}`;
      expect(verifiedNoticeLinkId(changed, SECRET), changed).toBeNull();
    }
    for (const bad of [token.slice(0, -1), `${token}A`, `${token.slice(0, -1)}-`, '', 'AbC12xYz', '%%%%%%%%%%%%%%']) expect(verifiedNoticeLinkId(bad, SECRET), bad).toBeNull();
    expect(verifiedNoticeLinkId(token, 'another-session-secret-of-32-characters!')).toBeNull();
  });

  it('keep the MAC of links already sent: the same id and secret give the same token after any upgrade', () => {
    expect(noticeLinkToken('AbC12xYz', SECRET)).toBe('AbC12xYzefJpXv');
  });
});
