import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from '../../src/domain/calendar/workingDays.ts';
import { isoDay, typedDay } from '../../src/domain/dateBoxes.ts';

describe('a whole date typed into the first of the date boxes', () => {
  it('reads it as people write it, with or without a leading zero, and as a computer writes it', () => {
    expect(isoDay('06.12.2026', undefined, undefined)).toBe('2026-12-06');
    expect(isoDay('6.12.2026', '', '')).toBe('2026-12-06');
    expect(isoDay('6/12/2026', '', '')).toBe('2026-12-06');
    expect(isoDay('2026-12-06', '', '')).toBe('2026-12-06');
    expect(isoDay('2026-1-6', '', '')).toBe('2026-01-06');
  });

  it('refuses a whole date that does not exist or comes with other boxes filled', () => {
    expect(isoDay('2026-02-30', '', '')).toBeNull();
    expect(isoDay('2026-12-06', '12', '')).toBeNull();
    expect(isoDay('31.04.2026', '', '')).toBeNull();
    expect(isoDay('06.12.26', '', '')).toBeNull();
  });

  it('reads back every day it writes for a hint, in any of its forms', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), (offset) => {
        const day = addCalendarDays('2025-01-01', offset);
        const [y, m, d] = day.split('-') as [string, string, string];
        expect(isoDay(typedDay(day), '', '')).toBe(day);
        expect(isoDay(day, '', '')).toBe(day);
        expect(isoDay(String(Number(d)), String(Number(m)), y)).toBe(day);
      }),
    );
  });
});
