/** Talon numbers run per court and year: 7517-26-000123. */
export function formatTalonNumber(courtCode: string, year: number, sequence: number): string {
  return `${courtCode}-${String(year % 100).padStart(2, '0')}-${String(sequence).padStart(6, '0')}`;
}

// Crockford's alphabet: no I, L, O or U, so a code read aloud or retyped from paper survives.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A code for the talon's public check page from 12 random bytes: 60 random bits, not guessable
 * from the talon number. The bytes come from the caller (`newVerifyCode`), so this stays pure.
 */
export function verifyCodeOf(bytes: Uint8Array): string {
  if (bytes.length < 12) throw new RangeError('a verify code needs 12 random bytes');
  let code = '';
  for (let i = 0; i < 12; i++) code += ALPHABET[bytes[i]! % 32];
  return code;
}

export function isVerifyCode(value: string): boolean {
  return /^[0-9A-HJKMNP-TV-Z]{12}$/.test(value);
}
