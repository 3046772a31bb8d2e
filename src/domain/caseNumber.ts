import type { CaseKind, Instance } from './caseKinds.ts';

/**
 * Case numbers as printed on court acts: `7517-24-00-2/101` — court code, two-digit year, `00`,
 * category code, then the sequence within that court, year and category — sometimes followed by
 * a suffix such as `(2)` (`6003-25-00-4к/1454(2)`), which real numbers carry and which Sot
 * reads, keeps and finds, though it never issues one itself.
 *
 * No official description of the format is published. The category codes are this table, one row
 * per kind of proceedings and instance, each saying whether it is confirmed by numbers on real
 * court acts or only suggested by public listings, so an operator can correct a row without
 * touching the code.
 */
export interface NumberCategory {
  kind: CaseKind;
  instance: Instance;
  code: string;
  /** True where numbers on published court acts confirm the code. */
  verified: boolean;
  source: string;
}

export const NUMBER_CATEGORIES = [
  { kind: 'criminal', instance: 1, code: '1', verified: true, source: 'published sentences' },
  { kind: 'criminal', instance: 2, code: '1а', verified: false, source: 'by analogy with civil appeal 2а' },
  { kind: 'criminal', instance: 3, code: '1к', verified: false, source: 'by analogy with 4к on cassation numbers' },
  { kind: 'criminal', instance: 4, code: '1н', verified: false, source: "the demo's own" },
  { kind: 'civil', instance: 1, code: '2', verified: true, source: 'published decisions (7517-24-00-2/101)' },
  { kind: 'civil', instance: 2, code: '2а', verified: true, source: 'published appeal rulings (7599-22-00-2а/1489)' },
  { kind: 'civil', instance: 3, code: '2к', verified: false, source: 'by analogy with 4к on cassation numbers' },
  { kind: 'civil', instance: 4, code: '2н', verified: false, source: "the demo's own" },
  { kind: 'administrative', instance: 1, code: '4', verified: false, source: 'public listings' },
  { kind: 'administrative', instance: 2, code: '4а', verified: false, source: 'by analogy with civil appeal 2а' },
  { kind: 'administrative', instance: 3, code: '4к', verified: false, source: 'public listings (6003-25-00-4к/1454(2))' },
  { kind: 'administrative', instance: 4, code: '4н', verified: false, source: "the demo's own" },
  { kind: 'administrative_offence', instance: 1, code: '3', verified: false, source: 'public listings' },
  { kind: 'administrative_offence', instance: 2, code: '3а', verified: false, source: 'by analogy with civil appeal 2а' },
  { kind: 'administrative_offence', instance: 3, code: '3к', verified: false, source: 'by analogy with 4к on cassation numbers' },
  { kind: 'administrative_offence', instance: 4, code: '3н', verified: false, source: "the demo's own" },
] as const satisfies readonly NumberCategory[];

export type NumberCategoryCode = (typeof NUMBER_CATEGORIES)[number]['code'];

/** The category code a case of this kind gets at this instance. */
export function numberCategoryCode(kind: CaseKind, instance: Instance): NumberCategoryCode {
  const row = NUMBER_CATEGORIES.find((r) => r.kind === kind && r.instance === instance);
  if (!row) throw new RangeError(`no number category for ${kind} at instance ${instance}`);
  return row.code;
}

export interface CaseNumberParts {
  courtCode: string;
  year: number;
  categoryCode: string;
  sequence: number;
  /** The `(2)` at the end of some real numbers. */
  suffix?: number;
}

const MAX_SUFFIX = 999;

export function formatCaseNumber(parts: CaseNumberParts): string {
  if (!/^\d{4}$/.test(parts.courtCode)) throw new RangeError('court code must be 4 digits');
  if (!Number.isInteger(parts.sequence) || parts.sequence < 1) throw new RangeError('sequence must be a positive integer');
  if (parts.suffix !== undefined && (!Number.isInteger(parts.suffix) || parts.suffix < 1 || parts.suffix > MAX_SUFFIX)) {
    throw new RangeError('suffix must be an integer from 1 to 999');
  }
  const yy = String(parts.year % 100).padStart(2, '0');
  const suffix = parts.suffix === undefined ? '' : `(${parts.suffix})`;
  return `${parts.courtCode}-${yy}-00-${parts.categoryCode}/${parts.sequence}${suffix}`;
}

// Latin "a" and "k" are accepted on input because people type them for the Cyrillic letters.
const CASE_NUMBER = /^(\d{4})-(\d{2})-00-(\d[а-яa-z]?)\/(\d{1,7})(?:\((\d{1,3})\))?$/iu;
const LATIN_TO_CYRILLIC: Record<string, string> = { a: 'а', k: 'к', h: 'н' };

/** Parses what a person typed into a canonical case number, or null when it cannot be one. */
export function parseCaseNumber(input: string): (CaseNumberParts & { canonical: string }) | null {
  const compact = input
    .normalize('NFC')
    .trim()
    .replace(/\s+/g, '')
    .replace(/[‐-―−]/g, '-')
    .replace(/（/g, '(')
    .replace(/）/g, ')');
  const match = CASE_NUMBER.exec(compact);
  if (!match) return null;
  const [, courtCode, yy, rawCategory, seq, rawSuffix] = match as unknown as [string, string, string, string, string, string | undefined];
  const categoryCode = [...rawCategory.toLowerCase()].map((ch) => LATIN_TO_CYRILLIC[ch] ?? ch).join('');
  const sequence = Number(seq);
  if (sequence < 1) return null;
  const year = 2000 + Number(yy);
  const parts: CaseNumberParts = { courtCode, year, categoryCode, sequence };
  if (rawSuffix !== undefined) {
    const suffix = Number(rawSuffix);
    if (suffix < 1) return null;
    parts.suffix = suffix;
  }
  return { ...parts, canonical: formatCaseNumber(parts) };
}
