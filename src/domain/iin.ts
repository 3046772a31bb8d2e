/**
 * IIN and BIN check digits. Since 2013 the leading digits need not match a person's birth date
 * or sex, so only the check digit is validated; the rest are hints at most.
 */
const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

function weightedMod11(digits: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < 11; i++) sum += digits[i]! * weights[i]!;
  return sum % 11;
}

/** The check digit for the first 11 digits, or null when no digit fits (such a number is never issued). */
export function checkDigit(first11: string): number | null {
  if (!/^\d{11}$/.test(first11)) throw new RangeError('expected 11 digits');
  const digits = [...first11].map(Number);
  let c = weightedMod11(digits, FIRST_WEIGHTS);
  if (c === 10) c = weightedMod11(digits, SECOND_WEIGHTS);
  return c === 10 ? null : c;
}

function hasValidCheckDigit(value: string): boolean {
  if (!/^\d{12}$/.test(value)) return false;
  const expected = checkDigit(value.slice(0, 11));
  return expected !== null && expected === Number(value[11]);
}

export const isValidIin = hasValidCheckDigit;

/** A BIN also encodes the entity type in its fifth digit: 4, 5 or 6. */
export function isValidBin(value: string): boolean {
  return hasValidCheckDigit(value) && ['4', '5', '6'].includes(value[4]!);
}

/** Shows an IIN to its owner or court staff without printing it whole on screen. */
export function maskIin(value: string): string {
  return value.length === 12 ? `${value.slice(0, 2)}••••••••${value.slice(10)}` : '••••';
}
