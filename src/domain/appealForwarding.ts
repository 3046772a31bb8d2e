import type { OpenTerm } from './appealTerms.ts';

/**
 * An appeal is filed through the court that decided (CPC Art. 403(1)). Its judge sends copies to
 * the other participants, who may answer it (Arts 405(1)(1), 408), and "по истечении срока,
 * установленного для обжалования" sends the case to the appellate court (Art. 405(1)(2)); until
 * then nobody may take the case from the first court (Art. 405(2)). The term is every party's:
 * the case's month and each absent party's own month from the day the copy was sent to them
 * (Art. 403(3)), so one appeal of the claimant waits for the defendant's term too, and every appeal
 * on the decision goes up together in one appellate case.
 */

export type ForwardRefusal =
  /** Nothing was appealed, or all of it has gone up already. */
  | { reason: 'no_appeal' }
  /** Some party's appeal term still runs, to this day included. */
  | { reason: 'appeal_term_running'; until: string }
  /** A party absent from the hearing still waits for the copy: their month has not started. */
  | { reason: 'decision_copy_not_sent' };

export type ForwardCheck = { ok: true } | ({ ok: false } & ForwardRefusal);

/** Whether the first court may send the case with its appeals up on `today` (YYYY-MM-DD). */
export function mayForwardAppeal(open: readonly OpenTerm[], pendingAppeals: number, today: string): ForwardCheck {
  if (pendingAppeals === 0) return { ok: false, reason: 'no_appeal' };
  if (open.some((term) => term.kind === 'decision_copies_sent' && term.partyId !== null)) return { ok: false, reason: 'decision_copy_not_sent' };
  const last = open.filter((term) => term.kind === 'appeal').reduce<string | null>((latest, term) => (latest === null || term.dueOn > latest ? term.dueOn : latest), null);
  if (last !== null && last >= today) return { ok: false, reason: 'appeal_term_running', until: last };
  return { ok: true };
}

/**
 * A party's standing in an appellate case: the one who appealed and the one answering the appeal
 * (CPC Arts 401, 408). It sits beside the first-instance role, which stays what access and the
 * duty read, so the appellate pages can say "appellant (defendant at first instance)".
 */
export const APPEAL_ROLES = ['appellant', 'respondent'] as const;
export type AppealRole = (typeof APPEAL_ROLES)[number];

export interface FirstInstanceParty {
  id: string;
  role: string;
  /** For a representative or lawyer: the party they act for. */
  representsPartyId: string | null;
}

/**
 * Who is who in the appellate case. The parties who appealed (themselves or through the one
 * acting for them) are appellants; the parties on the other side of the dispute answer the
 * appeal as respondents; a third party who did not appeal keeps only their first-instance role.
 * Representatives keep acting for their party as they did (access follows the party); they carry no
 * standing of their own. Both sides appealing makes both appellants.
 */
export function appealRoles(parties: readonly FirstInstanceParty[], appellantIds: ReadonlySet<string>): Map<string, AppealRole | null> {
  const roles = new Map<string, AppealRole | null>();
  for (const party of parties) {
    if (party.representsPartyId !== null) roles.set(party.id, null);
    else if (appellantIds.has(party.id)) roles.set(party.id, 'appellant');
    else roles.set(party.id, party.role === 'third_party' ? null : 'respondent');
  }
  return roles;
}
