/**
 * The case lifecycle as an exhaustive state machine. Adding a status fails to compile until
 * every map over CaseStatus handles it.
 */
export const CASE_STATUSES = [
  'draft',
  'submitted',
  'registered',
  'assigned',
  'accepted',
  'returned',
  'left_without_motion',
  'preparation',
  'hearing_scheduled',
  'decided',
  'decision_final',
  'appeal_window',
  'appealed',
  'order_issued',
  'order_objected',
  'order_cancelled',
  'in_force',
  'archived',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** The first instance's lifecycle. */
export const NEXT_STATUSES: Record<CaseStatus, readonly CaseStatus[]> = {
  draft: ['submitted'],
  submitted: ['registered'],
  registered: ['assigned'],
  // A court order is issued without a hearing (CPC Art. 139), on the application as assigned.
  assigned: ['accepted', 'returned', 'left_without_motion', 'order_issued'],
  // A defect fixed in time brings the claim back for acceptance; a missed term ends in return.
  left_without_motion: ['accepted', 'returned'],
  accepted: ['preparation', 'order_issued'],
  preparation: ['hearing_scheduled'],
  // Another hearing (a postponement, a continuation) keeps the case where it is.
  hearing_scheduled: ['hearing_scheduled', 'decided'],
  decided: ['decision_final'],
  decision_final: ['appeal_window'],
  appeal_window: ['appealed', 'in_force'],
  // The appellate court upholds, changes or reverses (the act enters into force), or sends the case back.
  appealed: ['in_force', 'preparation'],
  // The debtor objects in time (CPC Art. 141(2)), or the term ends without objection and the
  // order is handed to the claimant for enforcement (Art. 143(1)).
  order_issued: ['order_objected', 'in_force'],
  // On an objection in time the judge cancels the order by a ruling (Art. 142).
  order_objected: ['order_cancelled'],
  // The claimant may bring the demand as a claim (Art. 142(2)); this case is done.
  order_cancelled: ['archived'],
  // A cassation court may send a case in force back for a new hearing.
  in_force: ['archived', 'preparation'],
  returned: ['archived'],
  archived: [],
};

/**
 * Appellate, cassation and Supreme Court cases follow the same path up to the decision, but a
 * higher court's act enters into force when it is announced: no final form, no appeal window.
 */
export const REVIEW_NEXT_STATUSES: Record<CaseStatus, readonly CaseStatus[]> = {
  ...NEXT_STATUSES,
  // Court orders are a first-instance procedure only.
  assigned: ['accepted', 'returned', 'left_without_motion'],
  accepted: ['preparation'],
  order_issued: [],
  order_objected: [],
  order_cancelled: [],
  decided: ['in_force'],
  decision_final: [],
  appeal_window: [],
  appealed: [],
};

export function nextStatuses(from: CaseStatus, instance: number): readonly CaseStatus[] {
  return (instance === 1 ? NEXT_STATUSES : REVIEW_NEXT_STATUSES)[from];
}

export function canTransition(from: CaseStatus, to: CaseStatus, instance = 1): boolean {
  return nextStatuses(from, instance).includes(to);
}

export function isCaseStatus(value: string): value is CaseStatus {
  return (CASE_STATUSES as readonly string[]).includes(value);
}

/** Stages shown to the public: the status list is too fine-grained for a visitor. */
export const PUBLIC_STAGE: Record<CaseStatus, 'filing' | 'registration' | 'admission' | 'preparation' | 'hearing' | 'decision' | 'appeal' | 'closed'> = {
  draft: 'filing',
  submitted: 'filing',
  registered: 'registration',
  assigned: 'registration',
  accepted: 'preparation',
  left_without_motion: 'admission',
  returned: 'closed',
  preparation: 'preparation',
  hearing_scheduled: 'hearing',
  decided: 'decision',
  decision_final: 'decision',
  appeal_window: 'appeal',
  appealed: 'appeal',
  order_issued: 'decision',
  order_objected: 'decision',
  order_cancelled: 'closed',
  in_force: 'closed',
  archived: 'closed',
};
