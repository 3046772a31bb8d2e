const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Strict base64 (whitespace allowed, as PEM-style wrapping) to bytes, or null for anything else. */
export function decodeBase64(value: string): Uint8Array | null {
  const compact = value.replace(/\s+/g, '');
  if (compact.length === 0 || compact.length % 4 !== 0 || !BASE64.test(compact)) return null;
  return new Uint8Array(Buffer.from(compact, 'base64'));
}
