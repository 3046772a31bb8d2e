/**
 * Where a person may be sent back to after signing in or choosing a language: a path on this
 * site, nothing else. Browsers forgive a lot in a Location header — they drop TAB, CR and LF,
 * read `\` as `/`, and take `//host` or `/\host` for another site — so the path is held to the
 * plainest form: it starts with one `/`, is printable ASCII, and says the same after one
 * percent-decoding. Anything else is answered with the caller's fallback (the person's home), never
 * an error.
 */

/** Longer than any address of ours; the query schemas cap it too. */
const MAX_RETURN_LENGTH = 2000;

/** Printable ASCII without space or backslash: what a path and query of ours are made of. */
const PLAIN = /^[!-[\]-~]+$/;
/** C0 and C1 controls, DEL, backslash: refused again once percent-decoded. */
const UNSAFE_DECODED = /[\u0000-\u001f\u007f-\u009f\\]/;

function decodedOnce(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/** True when the value is a same-origin path that every browser reads as such. */
export function isSafeReturnPath(value: string): boolean {
  if (value.length === 0 || value.length > MAX_RETURN_LENGTH) return false;
  if (!PLAIN.test(value)) return false;
  if (value[0] !== '/' || value[1] === '/') return false;
  const decoded = decodedOnce(value);
  if (decoded === null || UNSAFE_DECODED.test(decoded)) return false;
  // `/%2F/host` is still a path to a browser, but a proxy or a framework that decodes first may not agree.
  if (decoded[0] !== '/' || decoded[1] === '/' || decoded[1] === '\\') return false;
  return true;
}

/** The path to send a person back to: the one asked for when it is safe, otherwise `home`. */
export function safeReturnPath(value: unknown, home: string): string {
  return typeof value === 'string' && isSafeReturnPath(value) ? value : home;
}
