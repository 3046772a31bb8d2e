import type { CaseKind, Instance } from './caseKinds.ts';

/**
 * Case numbers as printed on court acts: `7517-24-00-2/101` — court code, two-digit year, `00`,
 * category code, then the sequence within that court, year and category. No official description
 * is published; codes other than 1 (criminal), 2 (civil, first instance) and 2а (civil appeal)
 * are our best reading and stay in this table so an operator can correct them.
 */
export const NUMBER_CATEGORY_CODES: Record<CaseKind, Record<Instance, string>> = {
  criminal: { 1: '1', 2: '1а', 3: '1к', 4: '1н' },
  civil: { 1: '2', 2: '2а', 3: '2к', 4: '2н' },
  administrative: { 1: '3', 2: '3а', 3: '3к', 4: '3н' },
  administrative_offence: { 1: '5', 2: '5а', 3: '5к', 4: '5н' },
};

export interface CaseNumberParts {
  courtCode: string;
  year: number;
  categoryCode: string;
  sequence: number;
}

export function formatCaseNumber(parts: CaseNumberParts): string {
  if (!/^\d{4}$/.test(parts.courtCode)) throw new RangeError('court code must be 4 digits');
  if (!Number.isInteger(parts.sequence) || parts.sequence < 1) throw new RangeError('sequence must be a positive integer');
  const yy = String(parts.year % 100).padStart(2, '0');
  return `${parts.courtCode}-${yy}-00-${parts.categoryCode}/${parts.sequence}`;
}

// Latin "a" and "k" are accepted on input because people type them for the Cyrillic letters.
const CASE_NUMBER = /^(\d{4})-(\d{2})-00-(\d[а-яa-z]?)\/(\d{1,7})$/iu;
const LATIN_TO_CYRILLIC: Record<string, string> = { a: 'а', k: 'к', h: 'н' };

/** Parses what a person typed into a canonical case number, or null when it cannot be one. */
export function parseCaseNumber(input: string): (CaseNumberParts & { canonical: string }) | null {
  const compact = input.normalize('NFC').trim().replace(/\s+/g, '').replace(/[‐-―−]/g, '-');
  const match = CASE_NUMBER.exec(compact);
  if (!match) return null;
  const [, courtCode, yy, rawCategory, seq] = match as unknown as [string, string, string, string, string];
  const categoryCode = [...rawCategory.toLowerCase()].map((ch) => LATIN_TO_CYRILLIC[ch] ?? ch).join('');
  const sequence = Number(seq);
  if (sequence < 1) return null;
  const year = 2000 + Number(yy);
  return { courtCode, year, categoryCode, sequence, canonical: formatCaseNumber({ courtCode, year, categoryCode, sequence }) };
}
