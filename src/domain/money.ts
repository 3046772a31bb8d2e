/**
 * Money is counted in tiyn (1 ₸ = 100 tiyn), as integers, so sums and percentages never drift.
 */
const TENGE_AMOUNT = /^(\d{1,13})(?:[.,](\d{1,2}))?$/;

/**
 * An amount in tenge as people type it ("1500000", "1 500 000,50", "1500000.5") in tiyn, or null
 * for anything else: negatives, exponents, letters, more than two decimals, more than a trillion.
 */
export function parseTengeToTiyn(text: string): number | null {
  const compact = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  const match = TENGE_AMOUNT.exec(compact);
  if (!match) return null;
  const tiyn = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(tiyn) ? tiyn : null;
}

/** Tiyn as a plain decimal tenge string for machines: 129750 → "1297.50". */
export function tiynToDecimal(tiyn: number): string {
  const sign = tiyn < 0 ? '-' : '';
  const abs = Math.abs(tiyn);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
