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
  'refused',
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

/**
 * The first instance's lifecycle. A claim is accepted, returned (CPC Art. 152: the claimant may
 * file again once the defect is cured) or refused (CPC Art. 151: the same claim between the same
 * parties may not be filed again); the 2015 Code has no "without motion" stage for claims.
 */
export const NEXT_STATUSES: Record<CaseStatus, readonly CaseStatus[]> = {
  draft: ['submitted'],
  submitted: ['registered'],
  registered: ['assigned'],
  assigned: ['accepted', 'returned', 'refused', 'order_issued'],
  left_without_motion: [],
  // A court order is issued without a hearing (CPC Art. 139), on the application as assigned.
  accepted: ['preparation', 'order_issued'],
  preparation: ['hearing_scheduled'],
  // Another hearing (a postponement, a continuation) keeps the case where it is.
  hearing_scheduled: ['hearing_scheduled', 'decided'],
  decided: ['decision_final'],
  decision_final: ['appeal_window'],
  // An appeal is filed through the court that decided and waits there, the decision still in its
  // appeal term, until every party's term has ended (CPC Arts 403(1), 405(1)(2)); the case becomes
  // `appealed` when that court sends it up, `in_force` when nobody appealed (Art. 403(3)).
  appeal_window: ['appealed', 'in_force'],
  // The appellate court upholds, changes or reverses (the act enters into force), or sends the case
  // back; a returned appeal leaves the decision in its appeal term (CPC Art. 407).
  appealed: ['in_force', 'preparation', 'appeal_window'],
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
  refused: ['archived'],
  archived: [],
};

/**
 * Cassation and Supreme Court cases follow the same path up to the decision, but a higher court's
 * act enters into force when it is announced: no final form, no appeal window. A complaint is
 * accepted or returned; refusal to accept is a claim's answer only.
 */
export const REVIEW_NEXT_STATUSES: Record<CaseStatus, readonly CaseStatus[]> = {
  ...NEXT_STATUSES,
  assigned: ['accepted', 'returned'],
  // Court orders are a first-instance procedure only.
  accepted: ['preparation'],
  order_issued: [],
  order_objected: [],
  order_cancelled: [],
  decided: ['in_force'],
  decision_final: [],
  appeal_window: [],
  appealed: [],
  refused: [],
};

/**
 * An appeal may besides be left without motion with a term to cure its defects (CPC Art. 406(1)):
 * cured in time it counts as filed on the first day (Art. 406(2)) and comes back for acceptance;
 * not cured, the judge returns it by a ruling (Art. 407(1)(1)).
 */
export const APPEAL_NEXT_STATUSES: Record<CaseStatus, readonly CaseStatus[]> = {
  ...REVIEW_NEXT_STATUSES,
  assigned: ['accepted', 'returned', 'left_without_motion'],
  left_without_motion: ['accepted', 'returned'],
};

export function nextStatuses(from: CaseStatus, instance: number): readonly CaseStatus[] {
  return (instance === 1 ? NEXT_STATUSES : instance === 2 ? APPEAL_NEXT_STATUSES : REVIEW_NEXT_STATUSES)[from];
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
  refused: 'closed',
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
