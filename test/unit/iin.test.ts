import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDigit, isValidBin, isValidIin, maskIin } from '../../src/domain/iin.ts';

describe('IIN check digit', () => {
  it('accepts numbers whose check digit comes from the first weights', () => {
    // 1·9+2·0+3·0+4·3+5·1+6·5+7·4+8·9+9·1+10·0+11·0 = 165; 165 mod 11 = 0
    expect(checkDigit('90031549100')).toBe(0);
    expect(isValidIin('900315491000')).toBe(true);
    expect(isValidIin('900315491001')).toBe(false);
  });

  it('falls back to the second weights when the first give 10', () => {
    const first11 = '00000000010'; // first weights: 10·1 = 10; second weights: 1·1 = 1
    expect(checkDigit(first11)).toBe(1);
    expect(isValidIin(`${first11}1`)).toBe(true);
  });

  it('rejects numbers for which no check digit exists', () => {
    // Find one by search, then prove it is never valid whatever the last digit.
    let found: string | undefined;
    for (let n = 0; n < 1_000_000 && !found; n++) {
      const first11 = String(n).padStart(11, '0');
      if (checkDigit(first11) === null) found = first11;
    }
    expect(found).toBeDefined();
    for (let d = 0; d <= 9; d++) expect(isValidIin(`${found}${d}`)).toBe(false);
  });

  it('rejects anything that is not exactly 12 digits', () => {
    for (const bad of ['', '90031549100', '9003154910000', '90031549100a', ' 900315491000', '９００３１５４９１０００']) {
      expect(isValidIin(bad)).toBe(false);
    }
  });

  it('accepts exactly one last digit for every 11-digit prefix that has a check digit', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{11}$/), (first11) => {
        const valid = [...'0123456789'].filter((d) => isValidIin(first11 + d));
        const expected = checkDigit(first11);
        expect(valid).toEqual(expected === null ? [] : [String(expected)]);
      }),
    );
  });

  it('detects a changed digit in positions 1–10 when the first weights decide', () => {
    // Position 11 carries weight 11 ≡ 0 (mod 11) in the first round, so only positions 1–10 are covered.
    fc.assert(
      fc.property(fc.stringMatching(/^\d{11}$/), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 9 }), (first11, position, delta) => {
        const digits = [...first11].map(Number);
        const changed = [...digits];
        changed[position] = (changed[position]! + delta) % 10;
        const firstSum = (d: number[]) => d.reduce((sum, digit, i) => sum + digit * (i + 1), 0) % 11;
        // Weights 1..10 are distinct and non-zero mod 11, so one changed digit always moves the sum.
        fc.pre(firstSum(digits) !== 10 && firstSum(changed) !== 10);
        expect(checkDigit(changed.join(''))).not.toBe(checkDigit(first11));
      }),
    );
  });
});

describe('BIN', () => {
  it('requires a legal-entity type in the fifth digit', () => {
    const first11 = '11054009001';
    const check = checkDigit(first11);
    expect(check).not.toBeNull();
    expect(isValidBin(`${first11}${check}`)).toBe(true);
    const asPerson = '11053009001';
    const personCheck = checkDigit(asPerson);
    if (personCheck !== null) expect(isValidBin(`${asPerson}${personCheck}`)).toBe(false);
  });
});

describe('maskIin', () => {
  it('keeps only the first two and last two digits', () => {
    expect(maskIin('900315491000')).toBe('90••••••••00');
  });
});
