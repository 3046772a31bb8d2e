/**
 * What a person can file through the Court Cabinet. Claims and applications for a court order
 * start a case; everything else is filed in a case the filer takes part in.
 */
export const FILING_TYPES = [
  'claim',
  'counterclaim',
  'appeal',
  'private_complaint',
  'cassation_complaint',
  'petition',
  'response',
  'hearing_record_remarks',
  'court_order_application',
  // The debtor's objection to a court order (CPC Art. 141(2)), filed in its case.
  'court_order_objection',
] as const;
export type FilingType = (typeof FILING_TYPES)[number];

export const CASE_STARTING_FILINGS = ['claim', 'court_order_application'] as const satisfies readonly FilingType[];

export function isFilingType(value: string): value is FilingType {
  return (FILING_TYPES as readonly string[]).includes(value);
}

export function startsCase(type: FilingType): boolean {
  return (CASE_STARTING_FILINGS as readonly FilingType[]).includes(type);
}

/** Who the claimant is, for the duty: an individual or a legal entity (acting through a person). */
export const CLAIMANT_TYPES = ['individual', 'legal'] as const;
export type ClaimantType = (typeof CLAIMANT_TYPES)[number];

/**
 * Where the state duty of a filing stands. `not_required`: nothing is due (an appeal, a petition);
 * `exempt`: an exemption is claimed with its ground; `unpaid` until a card payment succeeds
 * (`paid`) or a payment document is uploaded (`document_pending`) and a clerk marks it
 * `verified` or `rejected`.
 */
export const DUTY_STATUSES = ['not_required', 'exempt', 'unpaid', 'paid', 'document_pending', 'verified', 'rejected'] as const;
export type DutyStatus = (typeof DUTY_STATUSES)[number];

/** A duty that lets the filing go forward without a judge's attention. */
export function dutySettled(status: DutyStatus): boolean {
  return status === 'not_required' || status === 'exempt' || status === 'paid' || status === 'verified';
}

/** What a file attached to a filing is for. */
export const ATTACHMENT_PURPOSES = ['attachment', 'claim_text', 'power_of_attorney', 'exemption_proof', 'payment_document'] as const;
export type AttachmentPurpose = (typeof ATTACHMENT_PURPOSES)[number];
