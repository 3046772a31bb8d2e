import { addCalendarDays, addCalendarMonths, type CourtCalendar, type IsoDay } from './calendar/workingDays.ts';

/**
 * Procedural deadlines of the Civil Procedure Code of 31 October 2015 as data, each with its
 * article and the part of it that sets the term (Art. 223(4) is part four of Art. 223), so that
 * a notice or a case page can always name the legal basis of a date. Art. 139 and Art. 234 have
 * no numbered parts.
 */

export type Term =
  | { unit: 'working_days'; count: number }
  | { unit: 'calendar_days'; count: number }
  | { unit: 'months'; count: number };

export interface DeadlineRule {
  /** What the term runs from; `deadline(kind, from, calendar)` takes this day. */
  runsFrom: string;
  term: Term;
  article: string;
}

export const DEADLINE_KINDS = [
  'claim_acceptance',
  'decision_final_form',
  'decision_copies_sent',
  'appeal',
  'private_complaint',
  'court_order_issued',
  'debtor_objection',
  'court_order_cancellation',
  'cassation',
  'preparation',
  'consideration',
  'consideration_short',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export const DEADLINES: Readonly<Record<DeadlineKind, DeadlineRule>> = {
  // 10 working days where conciliation is proposed, 15 where a pre-trial protocol is required;
  // those variants are not modelled here.
  claim_acceptance: { runsFrom: 'receipt of the claim', term: { unit: 'working_days', count: 5 }, article: 'CPC Art. 150(1)' },
  decision_final_form: { runsFrom: 'announcement of the operative part', term: { unit: 'working_days', count: 5 }, article: 'CPC Art. 223(4)' },
  decision_copies_sent: { runsFrom: 'decision in final form', term: { unit: 'working_days', count: 3 }, article: 'CPC Art. 234' },
  appeal: { runsFrom: 'decision in final form', term: { unit: 'months', count: 1 }, article: 'CPC Art. 403(3)' },
  private_complaint: { runsFrom: 'the ruling complained of', term: { unit: 'working_days', count: 10 }, article: 'CPC Art. 429(1)' },
  court_order_issued: { runsFrom: 'receipt of the application', term: { unit: 'working_days', count: 3 }, article: 'CPC Art. 139' },
  debtor_objection: { runsFrom: 'receipt of the copy of the court order', term: { unit: 'working_days', count: 10 }, article: 'CPC Art. 141(2)' },
  court_order_cancellation: { runsFrom: 'receipt of the objection', term: { unit: 'working_days', count: 3 }, article: 'CPC Art. 142(2)' },
  // Only an appellate act opens it (Art. 434(1)): it enters into force when announced (Art. 431).
  // Six months from the appellate act's entry into force: Art. 436(1) as read in the text stored
  // before the cassation courts opened on 1 July 2025. The reform kept the term; if its wording
  // moved the term to another article, this string is the one place to correct.
  cassation: { runsFrom: 'entry into force of the appellate act', term: { unit: 'months', count: 6 }, article: 'CPC Art. 436(1)' },
  // "Unless this Code or other laws provide otherwise"; the judge may extend it by one month in a
  // case of particular complexity (not for alimony, harm to health, loss of a breadwinner or labour
  // claims). The extension is not modelled: the term shown is the one the Code sets.
  preparation: { runsFrom: 'acceptance of the claim', term: { unit: 'working_days', count: 20 }, article: 'CPC Art. 164(1)' },
  // Art. 183(2), first paragraph: the general term of consideration.
  consideration: { runsFrom: 'end of the preparation of the case', term: { unit: 'months', count: 2 }, article: 'CPC Art. 183(2)' },
  // Art. 183(2), second paragraph: reinstatement at work, paternity with alimony, special claim
  // proceedings and special proceedings.
  consideration_short: { runsFrom: 'end of the preparation of the case', term: { unit: 'months', count: 1 }, article: 'CPC Art. 183(2)' },
};

/**
 * The consideration term of a category (CPC Art. 183(2)). Sot's categories are coarser than the
 * Code's list: `alimony` and `special_proceedings` take the one-month term; `labour` keeps the
 * general term, since only reinstatement at work among labour disputes is shortened and the
 * category does not say which it is. An unknown category takes the general term.
 */
export function considerationKind(category: string): 'consideration' | 'consideration_short' {
  return SHORT_CONSIDERATION.includes(category) ? 'consideration_short' : 'consideration';
}
const SHORT_CONSIDERATION: readonly string[] = ['alimony', 'special_proceedings'];

/**
 * Whether accepting a case opens the terms of preparation and consideration: a civil claim at
 * first instance in the general procedure. A court order is issued without preparation (Art.
 * 139); the simplified procedure has its own terms; administrative cases follow the Administrative
 * Procedure Code, not these articles.
 */
export function hasTrialTerms(c: { instance: number; category: string; simplified: boolean }): boolean {
  return c.instance === 1 && !c.simplified && CIVIL_TRIAL_CATEGORIES.includes(c.category);
}
const CIVIL_TRIAL_CATEGORIES: readonly string[] = ['property', 'non_property', 'divorce', 'labour', 'alimony', 'housing', 'inheritance', 'special_proceedings'];

/** The terms of the first instance's trial: all closed by whatever ends the case there. */
export const TRIAL_TERMS = ['preparation', 'consideration', 'consideration_short'] as const satisfies readonly DeadlineKind[];

/**
 * The last day of a term that starts on `from`. A term in working days ends on a working day by
 * construction. A term in months or calendar days that ends on a weekend, holiday or day off ends
 * instead on the next working day (Civil Procedure Code: when the last day of a procedural term
 * falls on a non-working day, the term ends on the next working day).
 */
export function termEnd(term: Term, from: IsoDay, calendar: CourtCalendar): IsoDay {
  switch (term.unit) {
    case 'working_days':
      return calendar.addWorkingDays(from, term.count);
    case 'calendar_days':
      return calendar.nextWorkingDayOnOrAfter(addCalendarDays(from, term.count));
    case 'months':
      return calendar.nextWorkingDayOnOrAfter(addCalendarMonths(from, term.count));
  }
}

export function deadline(kind: DeadlineKind, from: IsoDay, calendar: CourtCalendar): { due: IsoDay; article: string } {
  const rule = DEADLINES[kind];
  return { due: termEnd(rule.term, from, calendar), article: rule.article };
}
