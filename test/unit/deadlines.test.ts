import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, addCalendarMonths, CalendarMissingError } from '../../src/domain/calendar/workingDays.ts';
import { considerationKind, DEADLINE_KINDS, deadline as deadlineIn, hasTrialTerms, termEnd as termEndIn, type DeadlineKind, type Term } from '../../src/domain/deadlines.ts';
import { ALL_CASE_CATEGORIES } from '../../src/domain/caseKinds.ts';
import { daysLeft } from '../../src/domain/caseloadView.ts';
import { actEffect } from '../../src/domain/courtActs.ts';
import { initialReference } from '../../src/domain/reference.ts';
import { PUBLIC_TERMS, quoteTerm } from '../../src/domain/termQuote.ts';
import { absentPartyTerms, appealTermOf, inForceDay } from '../../src/domain/appealTerms.ts';

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
    expect(deadline('court_order_cancellation', '2026-10-23')).toEqual({ due: '2026-10-29', article: 'CPC Art. 142(2)' });
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

describe('the public term calculator', () => {
  it('counts each public term with the rule that sets it in a case', () => {
    for (const term of PUBLIC_TERMS) {
      const quote = quoteTerm(term, '2026-10-20', calendar);
      expect(isWorkingDay(quote.endsOn)).toBe(true);
      expect(quote.basis).toMatch(/^CPC/);
    }
  });

  it('gives the appeal term a month on, moved off the day off', () => {
    // 8 February 2026 + 1 month = Sunday 8 March (a holiday), then 9 March is the day off for it.
    expect(quoteTerm('appeal', '2026-02-08', calendar)).toMatchObject({ endsOn: '2026-03-10', workingDays: false });
  });

  it("counts a debtor's objection in working days across the New Year", () => {
    // From Wed 23 Dec 2026: 24, 25, 28, 29, 30, 31 Dec, (1, 2 Jan holidays, 4 Jan day off), 5, 6, (7 Jan) 8, 11 Jan.
    expect(quoteTerm('court_order_objection', '2026-12-23', calendar)).toMatchObject({ endsOn: '2027-01-11', workingDays: true });
  });

  it('refuses a term that runs past the entered calendar', () => {
    expect(() => quoteTerm('cassation', '2027-09-01', calendar)).toThrow(CalendarMissingError);
  });
});

describe('the appeal term of a party absent from the hearing (CPC Art. 403(3))', () => {
  const parties = [
    { id: 'claimant', tookPart: true, online: true },
    { id: 'defendant-online', tookPart: false, online: true },
    { id: 'defendant-paper', tookPart: false, online: false },
  ];

  it('gives an absent party reached through Sot their own term at once, and one on paper the court term to send the copy', () => {
    expect(absentPartyTerms(parties)).toEqual([
      { partyId: 'defendant-online', opens: 'appeal' },
      { partyId: 'defendant-paper', opens: 'decision_copies_sent' },
    ]);
    expect(absentPartyTerms(parties.map((p) => ({ ...p, tookPart: true })))).toEqual([]);
  });

  it('runs the month from the day the copy was sent, not from the decision in final form', () => {
    // Decision in final form on Fri 2 Oct 2026; a paper copy posted on Thu 8 Oct 2026.
    expect(deadline('appeal', '2026-10-02').due).toBe('2026-11-02');
    expect(deadline('appeal', '2026-10-08').due).toBe('2026-11-09');
  });

  it("holds each filer to their own term, an absent party's where the court opened one", () => {
    const open = [
      { kind: 'appeal', dueOn: '2026-11-02', partyId: null },
      { kind: 'appeal', dueOn: '2026-11-09', partyId: 'defendant-paper' },
    ];
    expect(appealTermOf(open, ['claimant'])).toEqual({ dueOn: '2026-11-02' });
    expect(appealTermOf(open, ['defendant-paper'])).toEqual({ dueOn: '2026-11-09' });
    // While the copy is yet to be sent the term has not started: an appeal then is in time.
    expect(appealTermOf([{ kind: 'appeal', dueOn: '2026-11-02', partyId: null }, { kind: 'decision_copies_sent', dueOn: '2026-10-07', partyId: 'defendant-paper' }], ['defendant-paper'])).toBe('not_started');
    expect(appealTermOf([], ['claimant'])).toBeNull();
  });

  it('puts the decision in force the day after the last term ends, and never while a copy is still to be sent', () => {
    const open = [
      { kind: 'appeal', dueOn: '2026-11-02', partyId: null },
      { kind: 'appeal', dueOn: '2026-11-09', partyId: 'defendant-paper' },
    ];
    expect(inForceDay(open, '2026-11-03')).toBeNull();
    expect(inForceDay(open, '2026-11-09')).toBeNull();
    expect(inForceDay(open, '2026-11-10')).toBe('2026-11-10');
    expect(inForceDay([{ kind: 'appeal', dueOn: '2026-11-02', partyId: null }], '2026-11-03')).toBe('2026-11-03');
    expect(inForceDay([{ kind: 'appeal', dueOn: '2026-11-02', partyId: null }, { kind: 'decision_copies_sent', dueOn: '2026-10-07', partyId: 'defendant-paper' }], '2027-01-15')).toBeNull();
  });
});

describe('the terms of preparation and consideration', () => {
  it('prepares a case within 20 working days of acceptance (CPC Art. 164(1))', () => {
    // Accepted Mon 2 Nov 2026: 3–6, 9–13, 16–20, 23–27 Nov are 19 working days; Mon 30 Nov is the 20th.
    expect(deadline('preparation', '2026-11-02')).toEqual({ due: '2026-11-30', article: 'CPC Art. 164(1)' });
    // Accepted Mon 30 Nov: Independence Day on Wed 16 Dec is not counted.
    expect(deadline('preparation', '2026-11-30')).toEqual({ due: '2026-12-29', article: 'CPC Art. 164(1)' });
  });

  it('considers a case within 2 months of the end of preparation, 1 month in the shortened categories (CPC Art. 183(2))', () => {
    expect(deadline('consideration', '2026-10-09')).toEqual({ due: '2026-12-09', article: 'CPC Art. 183(2)' });
    // One month from Mon 16 Nov ends on the 16 December holiday: the next working day.
    expect(deadline('consideration_short', '2026-11-16')).toEqual({ due: '2026-12-17', article: 'CPC Art. 183(2)' });
  });

  it('gives alimony and special proceedings the one-month term, and every other or unknown category the general one', () => {
    expect(considerationKind('alimony')).toBe('consideration_short');
    expect(considerationKind('special_proceedings')).toBe('consideration_short');
    for (const category of ['property', 'labour', 'divorce', 'housing', 'inheritance', 'non_property', 'something_new']) expect(considerationKind(category)).toBe('consideration');
  });

  it('runs these terms for civil claims at first instance in the general procedure only', () => {
    expect(hasTrialTerms({ instance: 1, category: 'property', simplified: false })).toBe(true);
    expect(hasTrialTerms({ instance: 1, category: 'property', simplified: true })).toBe(false);
    expect(hasTrialTerms({ instance: 2, category: 'property', simplified: false })).toBe(false);
    expect(hasTrialTerms({ instance: 1, category: 'court_order', simplified: false })).toBe(false);
    const civil = ALL_CASE_CATEGORIES.filter((category) => hasTrialTerms({ instance: 1, category, simplified: false }));
    expect(civil).toEqual(['property', 'non_property', 'divorce', 'labour', 'alimony', 'housing', 'inheritance', 'special_proceedings']);
  });

  it('meets the term of consideration with the decision announced, in either form, and not with a ruling', () => {
    for (const decisionForm of ['operative', 'final'] as const) {
      expect(actEffect({ kind: 'decision', decisionForm }, 1, 'hearing_scheduled', 'property')).toMatchObject({ closes: expect.arrayContaining(['preparation', 'consideration', 'consideration_short']) });
    }
    expect(actEffect({ kind: 'ruling' }, 1, 'hearing_scheduled', 'property')).toMatchObject({ closes: [] });
  });

  it('counts the days left to a term in calendar days, negative once it has passed', () => {
    expect(daysLeft('2026-12-06', '2026-12-09')).toBe(3);
    expect(daysLeft('2026-12-06', '2026-12-06')).toBe(0);
    expect(daysLeft('2026-12-06', '2026-11-30')).toBe(-6);
    expect(daysLeft('2026-03-28', '2026-03-30')).toBe(2);
  });
});
