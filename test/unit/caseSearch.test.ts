import { describe, expect, it } from 'vitest';
import { caseNumberPart, decodeCaseCursor, encodeCaseCursor, isSearched, nameWords, parseCaseSearch } from '../../src/domain/caseSearch.ts';
import { withCheckDigit } from '../../src/seed/people.ts';

const ok = (raw: Parameters<typeof parseCaseSearch>[0]) => {
  const search = parseCaseSearch(raw);
  if ('refused' in search) throw new Error(search.refused);
  return search;
};

describe('case search input', () => {
  it('reads a name into lower-cased words of letters and digits, Kazakh letters kept', () => {
    expect(nameWords('  ҚҰРМАНҒАЛИЕВ  Әлібек ')).toEqual(['құрманғалиев', 'әлібек']);
    expect(nameWords("Иван & | !:* ' or 1=1 --")).toEqual(['иван', 'or', '1']);
    expect(nameWords('%_\\')).toEqual([]);
  });

  it('refuses a name with no word of three letters, which an index cannot narrow', () => {
    expect(parseCaseSearch({ name: 'Ли Ан' })).toEqual({ refused: 'case_search_name_too_short' });
    expect(parseCaseSearch({ name: "' or 1=1 --" })).toEqual({ refused: 'case_search_name_too_short' });
    expect(ok({ name: 'Ли Анна' }).nameWords).toEqual(['ли', 'анна']);
  });

  it('keeps a case number to its letters, digits and separators', () => {
    expect(caseNumberPart(' 7517-26-00-2/123 ')).toBe('7517-26-00-2/123');
    expect(caseNumberPart('2 / 12')).toBe('2/12');
    expect(caseNumberPart("8801' or '1'='1")).toBeNull();
    expect(caseNumberPart('%_%')).toBeNull();
    expect(parseCaseSearch({ number: '50%' })).toEqual({ refused: 'case_search_invalid_number' });
  });

  it('takes an IIN or a BIN only with a right check digit', () => {
    const iin = withCheckDigit('850505', '3', 1234);
    const bin = withCheckDigit('050440', '0', 7777);
    expect(ok({ iin }).iin).toBe(iin);
    expect(ok({ iin: ` ${bin.slice(0, 6)} ${bin.slice(6)} ` }).iin).toBe(bin);
    expect(parseCaseSearch({ iin: `${iin.slice(0, 11)}${(Number(iin[11]) + 1) % 10}` })).toEqual({ refused: 'case_search_invalid_iin' });
    expect(parseCaseSearch({ iin: '12345' })).toEqual({ refused: 'case_search_invalid_iin' });
  });

  it('refuses dates that do not exist and text over the limit', () => {
    expect(parseCaseSearch({ from: '2026-02-31' })).toEqual({ refused: 'case_search_invalid_date' });
    expect(parseCaseSearch({ to: '31.12.2026' })).toEqual({ refused: 'case_search_invalid_date' });
    expect(parseCaseSearch({ name: 'а'.repeat(201) })).toEqual({ refused: 'case_search_too_long' });
    expect(ok({ from: '2026-02-28', to: '2026-03-01' })).toMatchObject({ from: '2026-02-28', to: '2026-03-01', dateField: 'filed' });
    expect(ok({ dates: 'registered' }).dateField).toBe('registered');
  });

  it('drops filters outside their closed sets rather than guessing', () => {
    expect(ok({ status: 'nonsense', category: "'; drop table cases; --", judge: 'x', court: '12' })).toMatchObject({ status: null, category: null, judgeId: null, courtCode: null });
    expect(ok({ status: 'in_force', category: 'labour', court: '7517' })).toMatchObject({ status: 'in_force', category: 'labour', courtCode: '7517' });
  });

  it('round-trips a cursor and refuses a forged one', () => {
    const cursor = { filedAt: '2026-11-25 10:00:00.123456+05', id: '0b5c1f7e-3d1a-4c9e-9f5e-2a1b3c4d5e6f' };
    expect(decodeCaseCursor(encodeCaseCursor(cursor))).toEqual(cursor);
    const forge = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    expect(decodeCaseCursor(forge(['2026-13-45 10:00:00+05', cursor.id]))).toBeNull();
    expect(decodeCaseCursor(forge(['2026-02-30 10:00:00+05', cursor.id]))).toBeNull();
    expect(decodeCaseCursor(forge(['2026-11-25 25:00:00+05', cursor.id]))).toBeNull();
    expect(decodeCaseCursor(forge([cursor.filedAt, "x' or 1=1"]))).toBeNull();
    expect(decodeCaseCursor('not json!')).toBeNull();
    expect(parseCaseSearch({ cursor: 'abc' })).toEqual({ refused: 'case_search_invalid_cursor' });
  });

  it('treats an empty form as no search', () => {
    expect(isSearched({ name: '  ', from: '' })).toBe(false);
    expect(isSearched({ status: 'decided' })).toBe(true);
  });
});
