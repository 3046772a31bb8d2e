/**
 * Kinds of proceedings and the case categories within them. Categories drive the state duty
 * rate, the hearing deadline and the judges' specialisation, so they are codes, not free text.
 */
export const CASE_KINDS = ['civil', 'administrative', 'criminal', 'administrative_offence'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export const CASE_CATEGORIES = {
  civil: ['property', 'non_property', 'divorce', 'labour', 'alimony', 'housing', 'inheritance', 'special_proceedings', 'court_order'],
  administrative: ['public_law_dispute', 'state_body_complaint'],
  criminal: ['criminal'],
  administrative_offence: ['administrative_offence'],
} as const satisfies Record<CaseKind, readonly string[]>;

export type CaseCategory = (typeof CASE_CATEGORIES)[CaseKind][number];

export const ALL_CASE_CATEGORIES: readonly CaseCategory[] = CASE_KINDS.flatMap((k) => CASE_CATEGORIES[k]);

/** The kind of proceedings a category belongs to. */
export function kindOfCategory(category: CaseCategory): CaseKind {
  return CASE_KINDS.find((kind) => (CASE_CATEGORIES[kind] as readonly string[]).includes(category))!;
}

export function isCategoryOf(kind: CaseKind, category: string): category is CaseCategory {
  return (CASE_CATEGORIES[kind] as readonly string[]).includes(category);
}

/** Court instance hearing a case: first instance, appeal, cassation, Supreme Court review. */
export const INSTANCES = [1, 2, 3, 4] as const;
export type Instance = (typeof INSTANCES)[number];

export function isCaseCategory(value: string): value is CaseCategory {
  return (ALL_CASE_CATEGORIES as readonly string[]).includes(value);
}
