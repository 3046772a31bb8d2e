import type { CaseStatus } from './caseStatus.ts';

/**
 * A party's request to read the case materials ("ознакомление с материалами дела") and the
 * judge's answer. The judge grants all the materials kept for the court or a list of them, or
 * refuses with a reason.
 */
export const FAMILIARISATION_STATUSES = ['pending', 'granted', 'refused'] as const;
export type FamiliarisationStatus = (typeof FAMILIARISATION_STATUSES)[number];

/** What the judge opened: every material of the file at that moment, or the documents listed. */
export const FAMILIARISATION_SCOPES = ['all', 'listed'] as const;
export type FamiliarisationScope = (typeof FAMILIARISATION_SCOPES)[number];

/** Longest reason for a refusal, and the longest note with a request. */
export const FAMILIARISATION_TEXT_MAX = 2000;

/**
 * How long a grant lasts: while the case is before this court. Once the case ends here (returned,
 * refused, a court order cancelled, the act in force, archived) the grant lapses, and a party
 * who needs the file again asks again; the documents the parties always read stay theirs.
 */
export const GRANT_OPEN: Record<CaseStatus, boolean> = {
  draft: true,
  submitted: true,
  registered: true,
  assigned: true,
  accepted: true,
  returned: false,
  refused: false,
  left_without_motion: true,
  preparation: true,
  hearing_scheduled: true,
  decided: true,
  decision_final: true,
  appeal_window: true,
  appealed: true,
  order_issued: true,
  order_objected: true,
  order_cancelled: false,
  in_force: false,
  archived: false,
};

/** A party may ask while the case is before the court and nothing they asked is still unanswered. */
export function mayRequestFamiliarisation(status: CaseStatus, pendingOfParty: number): boolean {
  return GRANT_OPEN[status] && pendingOfParty === 0;
}
