import type { PartyRole } from './parties.ts';
import { PRIVATE_CATEGORIES } from './judgments.ts';

/**
 * Who a public hearing list may name.
 *
 * CPC Art. 19(1): proceedings are public, so the list of a day's hearings is public and says who
 * is heard. Art. 19(2): cases holding state secrets are heard in a closed hearing, and so, on a
 * participant's motion, are cases where the secrecy of adoption, private life, family or other
 * secret protected by law must be kept; the law on the secrecy of adoption (Code on Marriage and
 * Family) keeps adoption closed whatever the parties ask. A list that named the parties of such a
 * case would publish what the closed hearing keeps, so it shows the hearing and none of them.
 * A child's private life and personal and family secrets are what Art. 19(2) protects, and the
 * law on the rights of the child keeps a child's identity from the public: the list cannot learn
 * whether a motion would have closed the hearing for the child's sake, so a party under 18 on the
 * hearing day is never named.
 *
 * An IIN's first six digits and seventh digit are the birth date and century by convention only
 * (DOMAIN.md: since 2013 they need not match), so they are a hint: an individual whose IIN gives
 * no birth date, or whose birth date makes them a minor, is left out. Only a party whose hint says
 * adult, or an organisation, is named; never by IIN, address, phone or e-mail.
 */

export type PartiesWithheld = 'closed_hearing' | 'private_matter';

/** Why a hearing's parties are withheld altogether, with the article; null when they may be named. */
export function partiesWithheld(c: { closedHearing: boolean; category: string }): { reason: PartiesWithheld; article: string } | null {
  if (c.closedHearing) return { reason: 'closed_hearing', article: 'CPC Art. 19(2)' };
  const kept = PRIVATE_CATEGORIES[c.category];
  if (kept) return { reason: 'private_matter', article: kept };
  return null;
}

/** The sides of a case a list names; representatives and lawyers act for them and are not listed. */
export const LISTED_ROLES = ['claimant', 'defendant', 'applicant', 'third_party'] as const satisfies readonly PartyRole[];
export type ListedRole = (typeof LISTED_ROLES)[number];

const CENTURY: Readonly<Record<string, number>> = { '1': 1800, '2': 1800, '3': 1900, '4': 1900, '5': 2000, '6': 2000 };

/** The birth date an IIN suggests (YYMMDD, century in the seventh digit), or null when it suggests none. */
export function iinBirthDate(iin: string): string | null {
  if (!/^\d{12}$/.test(iin)) return null;
  const century = CENTURY[iin[6]!];
  if (century === undefined) return null;
  const y = century + Number(iin.slice(0, 2));
  const m = Number(iin.slice(2, 4));
  const d = Number(iin.slice(4, 6));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${iin.slice(2, 4)}-${iin.slice(4, 6)}`;
}

/** Age in whole years on a day (both YYYY-MM-DD): the birthday itself counts as the year done. */
export function ageOn(birth: string, day: string): number {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export const MAJORITY_AGE = 18;

export interface PartyForList {
  role: PartyRole;
  displayName: string;
  iin: string | null;
  /** A legal entity (the row names an organisation): no age, named as it is registered. */
  organisation: boolean;
}

export interface ListedParty {
  role: ListedRole;
  name: string;
}

/** Whether a party may be named on the list of a hearing on `hearingDay` (court date). */
export function partyMayBeNamed(party: PartyForList, hearingDay: string): party is PartyForList & { role: ListedRole } {
  if (!(LISTED_ROLES as readonly string[]).includes(party.role)) return false;
  if (party.organisation) return true;
  const birth = party.iin ? iinBirthDate(party.iin) : null;
  return birth !== null && ageOn(birth, hearingDay) >= MAJORITY_AGE;
}

export type HearingParties = { withheld: PartiesWithheld; article: string } | { withheld: null; named: ListedParty[]; unnamed: number };

/**
 * What a hearing list shows of a case's parties: nothing for a closed or private case; otherwise
 * the parties who may be named, in role order, and how many were left out (so the list does not
 * suggest a side is missing).
 */
export function hearingParties(c: { closedHearing: boolean; category: string }, parties: readonly PartyForList[], hearingDay: string): HearingParties {
  const withheld = partiesWithheld(c);
  if (withheld) return { withheld: withheld.reason, article: withheld.article };
  const listed = parties.filter((p) => (LISTED_ROLES as readonly string[]).includes(p.role));
  const named = listed
    .filter((p) => partyMayBeNamed(p, hearingDay))
    .map((p) => ({ role: p.role as ListedRole, name: p.displayName }))
    .sort((a, b) => LISTED_ROLES.indexOf(a.role) - LISTED_ROLES.indexOf(b.role));
  return { withheld: null, named, unnamed: listed.length - named.length };
}
