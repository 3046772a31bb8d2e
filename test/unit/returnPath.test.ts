import { describe, expect, it } from 'vitest';
import { isSafeReturnPath, safeReturnPath } from '../../src/auth/returnPath.ts';

/** Values as the query string gives them, i.e. already percent-decoded once by the router. */
const ATTACKS: [string, string][] = [
  ['another site by scheme', 'https://evil.example/'],
  ['a scheme-relative address', '//evil.example'],
  ['a scheme-relative address with a path', '//evil.example/cabinet'],
  ['a backslash read as a slash', '/\\evil.example'],
  ['backslashes only', '\\\\evil.example'],
  ['a TAB the browser drops', '/\t/evil.example'],
  ['a CR the browser drops', '/\r/evil.example'],
  ['a LF the browser drops', '/\n/evil.example'],
  ['a TAB percent-encoded', '/%09/evil.example'],
  ['a LF percent-encoded', '/%0a/evil.example'],
  ['a CR LF splitting the header', '/cabinet%0d%0aSet-Cookie:%20x=1'],
  ['a NUL', '/cabinet\u0000'],
  ['a NUL percent-encoded', '/cabinet%00'],
  ['a C1 control percent-encoded', '/%C2%85/evil.example'],
  ['DEL', '/\u007f/evil.example'],
  ['a slash percent-encoded after the first', '/%2F/evil.example'],
  ['a backslash percent-encoded', '/%5Cevil.example'],
  ['a backslash percent-encoded later', '/cabinet/%5C%5Cevil.example'],
  ['javascript:', 'javascript:alert(1)'],
  ['javascript: after a space', ' javascript:alert(1)'],
  ['data:', 'data:text/html,<script>alert(1)</script>'],
  ['a leading space', ' /cabinet'],
  ['a relative path', 'cabinet'],
  ['a dot path', './cabinet'],
  ['non-ASCII', '/кабинет'],
  ['a fullwidth solidus', '/\uff0fevil.example'],
  ['a bidi override', '/cabinet\u202e'],
  ['malformed percent-encoding', '/cabinet%E0%A4%A'],
  ['nothing', ''],
  ['too long', `/${'a'.repeat(2000)}`],
];

const ACCEPTED = ['/', '/cabinet', '/cabinet/cases/5b0c3f1e-1d2a-4a8e-9b1c-0d9f2e3a4b5c', '/court/registry?status=submitted&court=7517', '/cases/7517-24-00-2%2F101', '/search?q=%D0%B8%D1%81%D0%BA', '/terms?from=2026-12-23#result'];

describe('where a person may be sent back to', () => {
  it.each(ATTACKS)('refuses %s', (_what, value) => {
    expect(isSafeReturnPath(value)).toBe(false);
    expect(safeReturnPath(value, '/cabinet')).toBe('/cabinet');
  });

  it.each(ACCEPTED)('accepts the path %s as it is', (value) => {
    expect(safeReturnPath(value, '/cabinet')).toBe(value);
  });

  it('falls back to the home of whoever asks when there is no usable value', () => {
    expect(safeReturnPath(undefined, '/')).toBe('/');
    expect(safeReturnPath(['/cabinet'], '/')).toBe('/');
    expect(safeReturnPath('//evil.example', '/cabinet')).toBe('/cabinet');
  });
});
