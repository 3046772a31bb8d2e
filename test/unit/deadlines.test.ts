import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, addCalendarMonths, CalendarMissingError } from '../../src/domain/calendar/workingDays.ts';
import { DEADLINE_KINDS, deadline as deadlineIn, termEnd as termEndIn, type DeadlineKind, type Term } from '../../src/domain/deadlines.ts';
import { initialReference } from '../../src/domain/reference.ts';

const { calendar } = initialReference();
const deadline = (kind: DeadlineKind, from: Parameters<typeof deadlineIn>[1]) => deadlineIn(kind, from, calendar);
const termEnd = (term: Term, from: Parameters<typeof termEndIn>[1]) => termEndIn(term, from, calendar);
const isWorkingDay = calendar.isWorkingDay;

describe('procedural deadlines', () => {
  it('gives the judge 5 working days to accept a claim, across Nauryz', () => {
    // Received Thu 19 Mar 2026: Fri 20, then Thu 26, Fri 27, Mon 30, Tue 31.
    expect(deadline('claim_acceptance', '2026-03-19')).toEqual({ due: '2026-03-31', article: 'CPC Art. 150(1)' });
  });

  it('gives 5 working days for the decision in final form, across 7 May and the 11 May day off', () => {
    expect(deadline('decision_final_form', '2026-05-06')).toEqual({ due: '2026-05-15', article: 'CPC Art. 223(4)' });
  });

  it('sends copies within 3 working days, across the New Year holidays', () => {
    expect(deadline('decision_copies_sent', '2025-12-31')).toEqual({ due: '2026-01-08', article: 'CPC Art. 234' });
  });

  it('issues a court order within 3 working days and takes objections for 10', () => {
    expect(deadline('court_order_issued', '2026-04-29')).toEqual({ due: '2026-05-05', article: 'CPC Art. 139' });
    expect(deadline('debtor_objection', '2026-10-20')).toEqual({ due: '2026-11-04', article: 'CPC Art. 141(2)' });
    expect(deadline('private_complaint', '2026-10-20').article).toBe('CPC Art. 429(1)');
  });

  it('moves an appeal deadline that lands on a Sunday to Monday', () => {
    expect(deadline('appeal', '2026-05-14')).toEqual({ due: '2026-06-15', article: 'CPC Art. 403(3)' });
  });

  it('clamps an appeal month to February and then moves it off the Saturday', () => {
    expect(deadline('appeal', '2026-01-31').due).toBe('2026-03-02');
  });

  it('moves an appeal deadline on 8 March past the 9 March day off', () => {
    expect(deadline('appeal', '2026-02-08').due).toBe('2026-03-10');
  });

  it('gives 6 months for cassation, ending past Nauryz when it falls there', () => {
    expect(deadline('cassation', '2025-09-23').due).toBe('2026-03-26');
    expect(deadline('cassation', '2025-09-23').article).toBe('CPC Art. 436(1)');
    expect(deadline('cassation', '2025-08-31').due).toBe('2026-03-02');
  });

  it('moves a term in calendar days that ends on a day off', () => {
    expect(termEnd({ unit: 'calendar_days', count: 3 }, '2026-10-22')).toBe('2026-10-27');
  });

  it('throws when the deadline runs into a year without a calendar', () => {
    expect(() => deadline('cassation', '2027-09-01')).toThrow(CalendarMissingError);
  });

  it('always ends on a working day, never before the term itself', () => {
    const day = fc.integer({ min: 0, max: 150 }).map((offset) => addCalendarDays('2025-03-01', offset));
    fc.assert(
      fc.property(fc.constantFrom(...DEADLINE_KINDS), day, (kind, from) => {
        const { due } = deadline(kind, from);
        expect(isWorkingDay(due)).toBe(true);
        expect(due > from).toBe(true);
        if (kind === 'appeal') expect(due >= addCalendarMonths(from, 1)).toBe(true);
      }),
    );
  });
});
