/**
 * The pages of the filing form, one topic each, in order. A claim chooses its court, category
 * and parties; a filing in an existing case has those from the case.
 */
import type { FilingFields } from './filingFields.ts';
import { startsCase, type FilingType } from './filingTypes.ts';
import { asksDemandValue, type CourtOrderDemand } from './courtOrders.ts';

export const FILING_STEPS = ['court', 'category', 'demand', 'parties', 'representative', 'claim', 'attachments', 'duty', 'check'] as const;
export type FilingStep = (typeof FILING_STEPS)[number];

const CLAIM_STEPS: readonly FilingStep[] = FILING_STEPS.filter((step) => step !== 'demand');
/** An application for a court order names its demand of CPC Art. 135 instead of a category. */
const COURT_ORDER_STEPS: readonly FilingStep[] = FILING_STEPS.filter((step) => step !== 'category');
const IN_CASE_STEPS: readonly FilingStep[] = ['claim', 'attachments', 'duty', 'check'];

export function stepsOf(type: FilingType): readonly FilingStep[] {
  if (type === 'court_order_application') return COURT_ORDER_STEPS;
  return startsCase(type) ? CLAIM_STEPS : IN_CASE_STEPS;
}

export function isFilingStep(value: string): value is FilingStep {
  return (FILING_STEPS as readonly string[]).includes(value);
}

export function nextStep(type: FilingType, step: FilingStep): FilingStep {
  const steps = stepsOf(type);
  return steps[Math.min(steps.indexOf(step) + 1, steps.length - 1)]!;
}

export function previousStep(type: FilingType, step: FilingStep): FilingStep | null {
  const steps = stepsOf(type);
  const index = steps.indexOf(step);
  return index > 0 ? steps[index - 1]! : null;
}

/** Where to resume a draft: the first page whose topic is still empty, else the check page. */
export function resumeStep(type: FilingType, fields: FilingFields, context: { hasCourt: boolean; attachmentCount: number }): FilingStep {
  if (startsCase(type)) {
    if (!context.hasCourt) return 'court';
    if (type === 'court_order_application' && !fields.courtOrderDemand) return 'demand';
    if (!fields.category) return 'category';
    if (!fields.parties?.some((p) => p.side === 'defendant')) return 'parties';
    if (!fields.subject?.trim()) return 'claim';
  } else if (!fields.text?.trim() && context.attachmentCount === 0) {
    return 'claim';
  }
  return 'check';
}

/**
 * Whether the claim page asks for the claim's value: claims over property, complaints reviewing
 * them, and an application for a court order whose demand has a value. A cassation complaint pays
 * half the first-instance rate, which for a labour, alimony, housing or inheritance claim with a
 * value is a percentage of it: its filer says the value when the claim had one (a claimant there
 * is usually exempt; the other side is not).
 */
export function asksAmount(type: FilingType, category: string | undefined, demand?: CourtOrderDemand): boolean {
  if (type === 'court_order_application') return asksDemandValue(demand);
  if (type === 'cassation_complaint' && ['labour', 'alimony', 'housing', 'inheritance'].includes(category ?? '')) return true;
  return (type === 'claim' || type === 'counterclaim' || type === 'cassation_complaint') && category === 'property';
}

/** Whether the claim page asks for a subject line (what is claimed). */
export function asksSubject(type: FilingType): boolean {
  return startsCase(type) || type === 'counterclaim';
}
