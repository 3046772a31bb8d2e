import { addCalendarDays, type IsoDay } from './calendar/workingDays.ts';

/**
 * Whose appeal term runs from when (Civil Procedure Code, Art. 403(3)): "Апелляционные жалоба,
 * ходатайство прокурора могут быть поданы в течение одного месяца со дня вынесения решения в
 * окончательной форме, …, а лицами, не участвовавшими в судебном разбирательстве, со дня
 * направления им копии решения."
 *
 * A decision in final form opens the case's appeal term for everyone who took part in the
 * hearing. A party who did not gets a term of their own, from the day a copy was sent to them:
 * at once when the decision reaches them through Sot (the notice of the issued act is that
 * copy), else when the court office records the day it posted a paper copy, which the court owes
 * them within 3 working days (Art. 234).
 */

/** The legal basis of an absent party's own appeal term, named on it wherever it is shown. */
export const ABSENT_PARTY_APPEAL_ARTICLE = 'CPC Art. 403(3)';

export interface DecisionParty {
  id: string;
  /** The judge recorded them as taking part in the hearing at which the decision was made. */
  tookPart: boolean;
  /** The decision reaches them (or the representative the court accepted) through Sot when issued. */
  online: boolean;
}

export type AbsentPartyTerm = { partyId: string; opens: 'appeal' | 'decision_copies_sent' };

/** The term each absent party gets when the decision in final form is issued. */
export function absentPartyTerms(parties: readonly DecisionParty[]): AbsentPartyTerm[] {
  return parties.filter((p) => !p.tookPart).map((p) => ({ partyId: p.id, opens: p.online ? 'appeal' : 'decision_copies_sent' }));
}

/** An open term of a case as stored: the case's own (`partyId` null) or one party's. */
export interface OpenTerm {
  kind: string;
  dueOn: string;
  partyId: string | null;
}

/**
 * The day an unappealed decision enters into force: the day after the last appeal term ends, the
 * case's and every absent party's. Null while any still runs, or while a copy is yet to be sent
 * to an absent party (their month has not even started).
 */
export function inForceDay(open: readonly OpenTerm[], today: IsoDay): IsoDay | null {
  if (open.some((term) => term.kind === 'decision_copies_sent' && term.partyId !== null)) return null;
  const appeal = open.filter((term) => term.kind === 'appeal').map((term) => term.dueOn);
  if (appeal.length === 0) return null;
  const last = appeal.reduce((a, b) => (a > b ? a : b));
  return last < today ? addCalendarDays(last as IsoDay, 1) : null;
}

/**
 * The appeal term a filer acting for `partyIds` is held to: the latest of their own terms where
 * the court opened one; `not_started` while a copy is still to be sent to one of them (an appeal
 * before the term starts is in time); else the case's term, or null when none is open.
 */
export function appealTermOf(open: readonly OpenTerm[], partyIds: readonly string[]): { dueOn: string } | 'not_started' | null {
  const mine = open.filter((term) => term.partyId !== null && partyIds.includes(term.partyId));
  if (mine.some((term) => term.kind === 'decision_copies_sent')) return 'not_started';
  const own = mine.filter((term) => term.kind === 'appeal').map((term) => term.dueOn);
  if (own.length > 0) return { dueOn: own.reduce((a, b) => (a > b ? a : b)) };
  const general = open.find((term) => term.kind === 'appeal' && term.partyId === null);
  return general ? { dueOn: general.dueOn } : null;
}
