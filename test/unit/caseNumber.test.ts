import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCaseNumber, NUMBER_CATEGORY_CODES, parseCaseNumber } from '../../src/domain/caseNumber.ts';

describe('case numbers', () => {
  it('formats as court code, year, 00, category and sequence', () => {
    expect(formatCaseNumber({ courtCode: '7517', year: 2024, categoryCode: '2', sequence: 101 })).toBe('7517-24-00-2/101');
    expect(formatCaseNumber({ courtCode: '7599', year: 2022, categoryCode: '2а', sequence: 1489 })).toBe('7599-22-00-2а/1489');
  });

  it('uses the known category codes for civil and criminal cases', () => {
    expect(NUMBER_CATEGORY_CODES.civil[1]).toBe('2');
    expect(NUMBER_CATEGORY_CODES.civil[2]).toBe('2а');
    expect(NUMBER_CATEGORY_CODES.criminal[1]).toBe('1');
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

  it('rejects what cannot be a case number', () => {
    for (const bad of ['', 'abc', '7517-24-01-2/101', '7517-24-00-2/', '7517-24-00-2/0', '75177-24-00-2/1', '7517-24-00-22/1', "7517-24-00-2/1' or 1=1", '7517-24-00-2/12345678']) {
      expect(parseCaseNumber(bad), bad).toBeNull();
    }
  });

  it('parses every number it formats back to the same parts', () => {
    const category = fc.constantFrom(...Object.values(NUMBER_CATEGORY_CODES).flatMap((byInstance) => Object.values(byInstance)));
    fc.assert(
      fc.property(fc.stringMatching(/^\d{4}$/), fc.integer({ min: 2000, max: 2099 }), category, fc.integer({ min: 1, max: 9_999_999 }), (courtCode, year, categoryCode, sequence) => {
        const number = formatCaseNumber({ courtCode, year, categoryCode, sequence });
        expect(parseCaseNumber(number)).toEqual({ courtCode, year, categoryCode, sequence, canonical: number });
      }),
    );
  });
});
