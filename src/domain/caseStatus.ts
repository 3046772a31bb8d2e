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
  'in_force',
  'archived',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const NEXT_STATUSES: Record<CaseStatus, readonly CaseStatus[]> = {
  draft: ['submitted'],
  submitted: ['registered'],
  registered: ['assigned'],
  assigned: ['accepted', 'returned', 'left_without_motion'],
  // A defect fixed in time brings the claim back for acceptance; a missed term ends in return.
  left_without_motion: ['accepted', 'returned'],
  accepted: ['preparation'],
  preparation: ['hearing_scheduled'],
  hearing_scheduled: ['hearing_scheduled', 'decided'],
  decided: ['decision_final'],
  decision_final: ['appeal_window'],
  appeal_window: ['appealed', 'in_force'],
  appealed: ['in_force', 'hearing_scheduled'],
  in_force: ['archived'],
  returned: ['archived'],
  archived: [],
};

export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return NEXT_STATUSES[from].includes(to);
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
  in_force: 'closed',
  archived: 'closed',
};
