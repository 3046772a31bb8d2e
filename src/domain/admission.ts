import type { CaseStatus } from './caseStatus.ts';

/**
 * The judge's first decision on a distributed case, and the grounds the Civil Procedure Code of
 * 31 October 2015 gives for each answer, with the subparagraph each ground comes from.
 *
 * - A claim (first instance) is accepted (Art. 150), returned (Art. 152(1): the claimant may file
 *   it again once the defect is cured, Art. 152(3)) or refused (Art. 151(1): the same claim
 *   between the same parties may not be filed again, Art. 151(3)). Both rulings are due within
 *   five working days of receipt (Arts 151(2), 152(2)).
 * - An appeal (second instance) is accepted, left without motion with a term to cure its defects
 *   (Art. 406(1)), or returned (Art. 407(1)); a return for defects not cured is the judge's ruling
 *   within five working days of the term's end (Art. 407(2)(1)), never automatic.
 * - A cassation complaint or a Supreme Court review is accepted or returned with reasons.
 */

export const CLAIM_RETURN_GROUNDS = [
  'pretrial_procedure',
  'jurisdiction',
  'form_requirements',
  'incapacity',
  'no_authority',
  'same_dispute_pending',
  'arbitration_agreement',
  'communal_property',
  'claimant_request',
] as const;

export const CLAIM_REFUSAL_GROUNDS = ['not_civil_procedure', 'res_judicata', 'arbitral_award', 'enforcement_inscription'] as const;

export const APPEAL_RETURN_GROUNDS = ['defects_not_cured', 'appellant_request', 'term_missed', 'no_standing'] as const;

/** An application for a court order on a demand Art. 135 does not list is returned (Art. 138(1)(1)). */
export const ORDER_RETURN_GROUNDS = ['order_demand_not_listed'] as const;

export type ClaimReturnGround = (typeof CLAIM_RETURN_GROUNDS)[number];
export type ClaimRefusalGround = (typeof CLAIM_REFUSAL_GROUNDS)[number];
export type AppealReturnGround = (typeof APPEAL_RETURN_GROUNDS)[number];
export type AdmissionGround = ClaimReturnGround | ClaimRefusalGround | AppealReturnGround | (typeof ORDER_RETURN_GROUNDS)[number];

/** The subparagraph of the Code each ground is read from. */
export const GROUND_ARTICLE: Record<AdmissionGround, string> = {
  pretrial_procedure: 'CPC Art. 152(1)(1)',
  jurisdiction: 'CPC Art. 152(1)(2)',
  form_requirements: 'CPC Art. 152(1)(3)',
  incapacity: 'CPC Art. 152(1)(4)',
  no_authority: 'CPC Art. 152(1)(5)',
  same_dispute_pending: 'CPC Art. 152(1)(6)',
  arbitration_agreement: 'CPC Art. 152(1)(7)',
  communal_property: 'CPC Art. 152(1)(8)',
  claimant_request: 'CPC Art. 152(1)(9)',
  not_civil_procedure: 'CPC Art. 151(1)(1)',
  res_judicata: 'CPC Art. 151(1)(2)',
  arbitral_award: 'CPC Art. 151(1)(3)',
  enforcement_inscription: 'CPC Art. 151(1)(4)',
  defects_not_cured: 'CPC Art. 407(1)(1)',
  appellant_request: 'CPC Art. 407(1)(2)',
  term_missed: 'CPC Art. 407(1)(3)',
  no_standing: 'CPC Art. 407(1)(4)',
  order_demand_not_listed: 'CPC Art. 138(1)(1)',
};

export type AdmissionKind = 'accept' | 'return' | 'refuse' | 'leave_without_motion';

/** What the judge may answer on a case of this instance in this status. */
export function admissionAnswers(instance: number, status: CaseStatus): readonly AdmissionKind[] {
  if (instance === 1) return status === 'assigned' ? ['accept', 'return', 'refuse'] : [];
  if (instance === 2) {
    if (status === 'assigned') return ['accept', 'leave_without_motion', 'return'];
    if (status === 'left_without_motion') return ['accept', 'return'];
    return [];
  }
  return status === 'assigned' ? ['accept', 'return'] : [];
}

/** The grounds a judge chooses from for `kind` at `instance`; empty where the reasons are free text. */
export function groundsFor(kind: AdmissionKind, instance: number, category?: string): readonly AdmissionGround[] {
  if (kind === 'refuse') return instance === 1 ? CLAIM_REFUSAL_GROUNDS : [];
  if (kind === 'return' && instance === 1 && category === 'court_order') return [...ORDER_RETURN_GROUNDS, ...CLAIM_RETURN_GROUNDS];
  if (kind === 'return') return instance === 1 ? CLAIM_RETURN_GROUNDS : instance === 2 ? APPEAL_RETURN_GROUNDS : [];
  return [];
}

export function isAdmissionGround(value: string): value is AdmissionGround {
  return value in GROUND_ARTICLE;
}

/**
 * An appeal left without motion whose term has ended with no fix filed since: the judge is to
 * return it by a ruling (CPC Art. 407(1)(1)), within five working days of the term's end
 * (Art. 407(2)(1)). A fix filed in time brings it back for acceptance instead.
 */
export function dueForReturn(input: { instance: number; status: CaseStatus; fixBy: string | null; fixFiled: boolean }, today: string): boolean {
  return input.instance === 2 && input.status === 'left_without_motion' && !input.fixFiled && input.fixBy !== null && input.fixBy < today;
}
