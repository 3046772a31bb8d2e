import type { CourtCalendar, IsoDay } from './calendar/workingDays.ts';
import { DEADLINES, deadline, type DeadlineKind } from './deadlines.ts';

/**
 * The terms a person may ask about on the public calculator, each the same rule that sets the
 * term in a case, so the page and a case never disagree.
 */
export const PUBLIC_TERMS = ['appeal', 'private_complaint', 'cassation', 'court_order_objection', 'claim_acceptance', 'decision_final_form'] as const;
export type PublicTerm = (typeof PUBLIC_TERMS)[number];

const KIND_OF: Record<PublicTerm, DeadlineKind> = {
  appeal: 'appeal',
  private_complaint: 'private_complaint',
  cassation: 'cassation',
  court_order_objection: 'debtor_objection',
  claim_acceptance: 'claim_acceptance',
  decision_final_form: 'decision_final_form',
};

export interface TermQuote {
  endsOn: IsoDay;
  basis: string;
  /** Counted in working days; otherwise in calendar months or days, moved off a day off. */
  workingDays: boolean;
}

export function isPublicTerm(value: string): value is PublicTerm {
  return (PUBLIC_TERMS as readonly string[]).includes(value);
}

/** The last day of `term` for an event on `from`; throws `CalendarMissingError` beyond the entered calendar. */
export function quoteTerm(term: PublicTerm, from: IsoDay, calendar: CourtCalendar): TermQuote {
  const kind = KIND_OF[term];
  const { due, article } = deadline(kind, from, calendar);
  return { endsOn: due, basis: article, workingDays: DEADLINES[kind].term.unit === 'working_days' };
}
