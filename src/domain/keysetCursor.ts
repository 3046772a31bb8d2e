/**
 * The envelope of a keyset cursor: the last row's sort values as a base64url JSON array, opaque to
 * whoever holds it. Unwrapping checks only the envelope (length, alphabet, JSON, arity); each
 * search then checks every field itself before it reaches a query, so a forged cursor is refused
 * rather than passed on to a cast that fails.
 */
const MAX_LENGTH = 200;

export function wrapKeyset(values: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

/** The values, or null when the text is not a cursor of `arity` values. */
export function unwrapKeyset(text: string, arity: number): unknown[] | null {
  if (text.length > MAX_LENGTH || !/^[A-Za-z0-9_-]+$/.test(text)) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  return Array.isArray(value) && value.length === arity ? value : null;
}
