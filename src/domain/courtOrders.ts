/**
 * Court orders (Civil Procedure Code of 31 October 2015, chapter 12, Arts 134–143): the demands
 * a court order may be issued on, as data with their subparagraphs of Art. 135, and the rules of
 * the debtor's objection. Subparagraphs 2), 5), 6) and 18) were struck out by the laws of
 * 10 June 2020 No. 342-VI and 20 December 2021 No. 84-VII; ordinary property and wage claims
 * are not among the demands and go by claim.
 */

/**
 * What the duty and the form need to know of a demand's value: `required` for a sum of money to
 * recover, `optional` for a pre-trial agreement that may or may not oblige to pay (its value when
 * it does), `none` where no sum is claimed (alimony as a share of earnings, a refutation).
 */
export type DemandValue = 'required' | 'optional' | 'none';

export interface CourtOrderDemandRule {
  code: CourtOrderDemand;
  /** The subparagraph of CPC Art. 135 that lists the demand. */
  subparagraph: number;
  value: DemandValue;
  /** A demand whose claimant the Tax Code exempts from the state duty. */
  exemption?: 'alimony';
}

export const COURT_ORDER_DEMANDS = [
  'customs_tax_debts',
  'mediation_agreement',
  'child_alimony',
  'search_costs',
  'business_agreement',
  'insurance_loan_agreement',
  'consumer_agreement',
  'intellectual_property_agreement',
  'military_contract_reward',
  'cadet_training_costs',
  'state_grant',
  'young_specialist_support',
  'adoption_payment',
  'state_lease_payments',
  'family_agreement',
  'refutation_agreement',
  'other_pretrial_agreement',
] as const;
export type CourtOrderDemand = (typeof COURT_ORDER_DEMANDS)[number];

export const COURT_ORDER_DEMAND_RULES: Readonly<Record<CourtOrderDemand, CourtOrderDemandRule>> = {
  customs_tax_debts: { code: 'customs_tax_debts', subparagraph: 1, value: 'required' },
  mediation_agreement: { code: 'mediation_agreement', subparagraph: 3, value: 'optional' },
  child_alimony: { code: 'child_alimony', subparagraph: 4, value: 'none', exemption: 'alimony' },
  search_costs: { code: 'search_costs', subparagraph: 7, value: 'required' },
  business_agreement: { code: 'business_agreement', subparagraph: 8, value: 'optional' },
  insurance_loan_agreement: { code: 'insurance_loan_agreement', subparagraph: 9, value: 'optional' },
  consumer_agreement: { code: 'consumer_agreement', subparagraph: 10, value: 'optional' },
  intellectual_property_agreement: { code: 'intellectual_property_agreement', subparagraph: 11, value: 'optional' },
  military_contract_reward: { code: 'military_contract_reward', subparagraph: 12, value: 'required' },
  cadet_training_costs: { code: 'cadet_training_costs', subparagraph: 13, value: 'required' },
  state_grant: { code: 'state_grant', subparagraph: 14, value: 'required' },
  young_specialist_support: { code: 'young_specialist_support', subparagraph: 15, value: 'required' },
  adoption_payment: { code: 'adoption_payment', subparagraph: 16, value: 'required' },
  state_lease_payments: { code: 'state_lease_payments', subparagraph: 17, value: 'required' },
  family_agreement: { code: 'family_agreement', subparagraph: 19, value: 'optional' },
  refutation_agreement: { code: 'refutation_agreement', subparagraph: 20, value: 'none' },
  other_pretrial_agreement: { code: 'other_pretrial_agreement', subparagraph: 21, value: 'optional' },
};

export function isCourtOrderDemand(value: string): value is CourtOrderDemand {
  return (COURT_ORDER_DEMANDS as readonly string[]).includes(value);
}

/** The article a demand rests on, as a court act cites it. */
export function demandArticle(demand: CourtOrderDemand): string {
  return `CPC Art. 135(${COURT_ORDER_DEMAND_RULES[demand].subparagraph})`;
}

/** Whether the application's page asks the demand's value. */
export function asksDemandValue(demand: CourtOrderDemand | undefined): boolean {
  return demand !== undefined && COURT_ORDER_DEMAND_RULES[demand].value !== 'none';
}

/** Whether a submission must state the value: a sum of money to recover. */
export function demandValueRequired(demand: CourtOrderDemand | undefined): boolean {
  return demand !== undefined && COURT_ORDER_DEMAND_RULES[demand].value === 'required';
}

/**
 * Whether an objection filed on `day` is in time. The term runs from the day the debtor received
 * the order (CPC Art. 141(2)); before anyone recorded receipt it has not started, and a debtor who
 * learned of the order otherwise may object at once. On its last day it is still in time.
 */
export function objectionInTime(term: { dueOn: string } | null, day: string): boolean {
  return term === null || day <= term.dueOn;
}

/**
 * Which receipt starts the term: the debtor opening the order in Sot or the clerk's record of a
 * paper copy delivered, whichever came first.
 */
export function receiptDay(recorded: string | null, reported: string): { day: string; moved: boolean } {
  if (recorded === null) return { day: reported, moved: true };
  return reported < recorded ? { day: reported, moved: true } : { day: recorded, moved: false };
}
