import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CASE_KINDS, INSTANCES } from '../../src/domain/caseKinds.ts';
import { formatCaseNumber, NUMBER_CATEGORIES, numberCategoryCode, parseCaseNumber } from '../../src/domain/caseNumber.ts';

describe('case numbers', () => {
  it('formats as court code, year, 00, category and sequence', () => {
    expect(formatCaseNumber({ courtCode: '7517', year: 2024, categoryCode: '2', sequence: 101 })).toBe('7517-24-00-2/101');
    expect(formatCaseNumber({ courtCode: '7599', year: 2022, categoryCode: '2а', sequence: 1489 })).toBe('7599-22-00-2а/1489');
  });

  it('prints the suffix some real numbers carry', () => {
    expect(formatCaseNumber({ courtCode: '6003', year: 2025, categoryCode: '4к', sequence: 1454, suffix: 2 })).toBe('6003-25-00-4к/1454(2)');
    expect(() => formatCaseNumber({ courtCode: '6003', year: 2025, categoryCode: '4к', sequence: 1454, suffix: 0 })).toThrow(RangeError);
    expect(() => formatCaseNumber({ courtCode: '6003', year: 2025, categoryCode: '4к', sequence: 1454, suffix: 1000 })).toThrow(RangeError);
  });

  it('takes the category code from one table per kind of proceedings and instance', () => {
    expect(numberCategoryCode('criminal', 1)).toBe('1');
    expect(numberCategoryCode('civil', 1)).toBe('2');
    expect(numberCategoryCode('civil', 2)).toBe('2а');
    expect(numberCategoryCode('administrative', 1)).toBe('4');
    expect(numberCategoryCode('administrative', 3)).toBe('4к');
    expect(numberCategoryCode('administrative_offence', 1)).toBe('3');
  });

  it('has one row for every kind and instance, with distinct codes, and marks only 1, 2 and 2а as verified', () => {
    for (const kind of CASE_KINDS) for (const instance of INSTANCES) expect(NUMBER_CATEGORIES.filter((r) => r.kind === kind && r.instance === instance), `${kind} ${instance}`).toHaveLength(1);
    const codes = NUMBER_CATEGORIES.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(NUMBER_CATEGORIES.filter((r) => r.verified).map((r) => r.code).sort()).toEqual(['1', '2', '2а']);
    for (const row of NUMBER_CATEGORIES) expect(parseCaseNumber(`7517-26-00-${row.code}/1`)?.categoryCode, row.code).toBe(row.code);
  });

  it('refuses a court code that is not four digits or a sequence below one', () => {
    expect(() => formatCaseNumber({ courtCode: '751', year: 2024, categoryCode: '2', sequence: 1 })).toThrow(RangeError);
    expect(() => formatCaseNumber({ courtCode: '7517', year: 2024, categoryCode: '2', sequence: 0 })).toThrow(RangeError);
  });

  it('reads numbers as people type them: spaces, Latin letters, dashes of any kind', () => {
    expect(parseCaseNumber(' 7599-22-00-2a/1489 ')?.canonical).toBe('7599-22-00-2а/1489');
    expect(parseCaseNumber('7599 – 22 – 00 – 2А/1489')?.canonical).toBe('7599-22-00-2а/1489');
    expect(parseCaseNumber('7517-24-00-2/0101')?.canonical).toBe('7517-24-00-2/101');
  });

  it('reads a number with a suffix, typed with Latin letters, spaces or full-width brackets', () => {
    const expected = { courtCode: '6003', year: 2025, categoryCode: '4к', sequence: 1454, suffix: 2, canonical: '6003-25-00-4к/1454(2)' };
    expect(parseCaseNumber('6003-25-00-4к/1454(2)')).toEqual(expected);
    expect(parseCaseNumber(' 6003-25-00-4k/1454 (2) ')).toEqual(expected);
    expect(parseCaseNumber('6003-25-00-4К/1454（02）')).toEqual(expected);
    expect(parseCaseNumber('7517-24-00-2/101')).not.toHaveProperty('suffix');
  });

  it('rejects what cannot be a case number', () => {
    for (const bad of [
      '',
      'abc',
      '7517-24-01-2/101',
      '7517-24-00-2/',
      '7517-24-00-2/0',
      '75177-24-00-2/1',
      '7517-24-00-22/1',
      "7517-24-00-2/1' or 1=1",
      '7517-24-00-2/12345678',
      '7517-24-00-2/1()',
      '7517-24-00-2/1(0)',
      '7517-24-00-2/1(2',
      '7517-24-00-2/1(2)(3)',
      '7517-24-00-2/1(1234)',
      '7517-24-00-2/1(a)',
    ]) {
      expect(parseCaseNumber(bad), bad).toBeNull();
    }
  });

  it('parses every number it formats back to the same parts', () => {
    const category = fc.constantFrom(...NUMBER_CATEGORIES.map((r) => r.code));
    const suffix = fc.option(fc.integer({ min: 1, max: 999 }), { nil: undefined });
    fc.assert(
      fc.property(fc.stringMatching(/^\d{4}$/), fc.integer({ min: 2000, max: 2099 }), category, fc.integer({ min: 1, max: 9_999_999 }), suffix, (courtCode, year, categoryCode, sequence, suffix) => {
        const parts = { courtCode, year, categoryCode, sequence, ...(suffix === undefined ? {} : { suffix }) };
        const number = formatCaseNumber(parts);
        expect(parseCaseNumber(number)).toStrictEqual({ ...parts, canonical: number });
      }),
    );
  });
});
