import { canonicalJson } from './canonicalJson.ts';
import type { CaseStatus } from './caseStatus.ts';
import { TRIAL_TERMS, type DeadlineKind } from './deadlines.ts';

/**
 * Court acts and what issuing one does to a case. A ruling (определение) or a court order moves
 * nothing by itself; a first-instance decision is announced as its operative part and then made
 * in final form (or made in final form at once), which opens the appeal window; a higher court's
 * resolution (постановление) says what became of the act under review and enters into force.
 */

export const COURT_ACT_KINDS = ['ruling', 'decision', 'court_order', 'resolution'] as const;
export type CourtActKind = (typeof COURT_ACT_KINDS)[number];

export const DECISION_FORMS = ['operative', 'final'] as const;
export type DecisionForm = (typeof DECISION_FORMS)[number];

export const REVIEW_OUTCOMES = ['upheld', 'changed', 'reversed', 'sent_back'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

export function isReviewOutcome(value: string): value is ReviewOutcome {
  return (REVIEW_OUTCOMES as readonly string[]).includes(value);
}

export interface ActChoice {
  kind: CourtActKind;
  decisionForm?: DecisionForm | null;
  outcome?: ReviewOutcome | null;
}

export type ActEffect = {
  /** The statuses the case passes through, in order; empty when the act moves nothing. */
  path: CaseStatus[];
  /** Terms the act starts, counted from the day it is issued. */
  opens: DeadlineKind[];
  /** Terms the act meets. */
  closes: DeadlineKind[];
};

/** Statuses in which a judge may issue procedural acts: from acceptance until the case is closed. */
const PROCEEDING: readonly CaseStatus[] = ['accepted', 'preparation', 'hearing_scheduled', 'decided', 'decision_final', 'appeal_window', 'appealed', 'left_without_motion', 'assigned', 'order_issued'];

export type ActRefusal = 'act_kind_not_allowed' | 'act_not_allowed_now' | 'act_outcome_required' | 'act_form_required' | 'court_order_not_applied_for' | 'act_needs_held_hearing';

/**
 * The hearing of the day an act is issued on, as far as the act cares: opened and still going,
 * closed as held, or none (no hearing that day, or one that was adjourned, not held or not yet
 * opened).
 */
export type HearingOfTheDay = 'open' | 'held' | 'none';

/**
 * Whether the act may be issued given the hearing of its day. A decision is announced at the
 * hearing in which the case was heard (CPC Art. 223(1)): its operative part, or the decision in
 * final form made at once, needs that hearing opened (or closed as held) on the day. The final
 * form made after an announced operative part is written in chambers within its term (Art.
 * 223(4)) and needs no hearing; an appellate resolution is made at the appeal hearing. A court
 * order (Art. 139) and rulings are issued without one.
 */
export function hearingRefusal(act: ActChoice, status: CaseStatus, hearing: HearingOfTheDay): 'act_needs_held_hearing' | null {
  const needsHearing = (act.kind === 'decision' && (act.decisionForm === 'operative' || status !== 'decided')) || act.kind === 'resolution';
  return needsHearing && hearing === 'none' ? 'act_needs_held_hearing' : null;
}

/**
 * What issuing the act does to a case at `instance` in `status`, or why it may not be issued.
 * The same answer is given when the judge drafts the act and again, under the case's lock, when
 * they sign it — the case may have moved in between.
 */
export function actEffect(act: ActChoice, instance: number, status: CaseStatus, category?: string, hearing?: HearingOfTheDay): ActEffect | { refused: ActRefusal } {
  const effect = effectByStatus(act, instance, status, category);
  if ('refused' in effect || hearing === undefined) return effect;
  const refusal = hearingRefusal(act, status, hearing);
  return refusal ? { refused: refusal } : effect;
}

function effectByStatus(act: ActChoice, instance: number, status: CaseStatus, category?: string): ActEffect | { refused: ActRefusal } {
  const none: ActEffect = { path: [], opens: [], closes: [] };
  switch (act.kind) {
    case 'ruling':
      // An objection received in time leaves the judge one ruling: the order's cancellation
      // (CPC Art. 142(1)), which tells the claimant they may bring the demand as a claim.
      if (status === 'order_objected') return { path: ['order_cancelled'], opens: [], closes: ['court_order_cancellation'] };
      return PROCEEDING.includes(status) ? none : { refused: 'act_not_allowed_now' };
    case 'court_order':
      if (instance !== 1) return { refused: 'act_kind_not_allowed' };
      // Only on an application for a court order, whose demand CPC Art. 135 lists.
      if (category !== undefined && category !== 'court_order') return { refused: 'court_order_not_applied_for' };
      // Issued without a hearing (Art. 139); the debtor's objection term opens on receipt of the copy.
      return ['assigned', 'accepted'].includes(status) ? { path: ['order_issued'], opens: [], closes: ['court_order_issued'] } : { refused: 'act_not_allowed_now' };
    case 'decision':
      if (instance !== 1) return { refused: 'act_kind_not_allowed' };
      if (act.outcome) return { refused: 'act_kind_not_allowed' };
      if (act.decisionForm === 'operative') {
        // The decision announced meets the term of consideration (CPC Art. 183(2)).
        return status === 'hearing_scheduled' ? { path: ['decided'], opens: ['decision_final_form'], closes: [...TRIAL_TERMS] } : { refused: 'act_not_allowed_now' };
      }
      if (act.decisionForm === 'final') {
        if (status === 'hearing_scheduled') return { path: ['decided', 'decision_final', 'appeal_window'], opens: ['appeal'], closes: [...TRIAL_TERMS] };
        if (status === 'decided') return { path: ['decision_final', 'appeal_window'], opens: ['appeal'], closes: ['decision_final_form'] };
        return { refused: 'act_not_allowed_now' };
      }
      return { refused: 'act_form_required' };
    case 'resolution':
      if (instance === 1) return { refused: 'act_kind_not_allowed' };
      if (act.decisionForm) return { refused: 'act_kind_not_allowed' };
      if (!act.outcome) return { refused: 'act_outcome_required' };
      return status === 'hearing_scheduled' ? { path: ['decided', 'in_force'], opens: [], closes: [] } : { refused: 'act_not_allowed_now' };
  }
}

/**
 * What a higher court's outcome does to the case under review. An appealed decision enters into
 * force unless the case is sent back; a case already in force (reviewed in cassation) goes back
 * for a new hearing only when sent back, and otherwise keeps its status with the outcome on its
 * timeline.
 */
export function lowerCaseEffect(outcome: ReviewOutcome, lowerStatus: CaseStatus): CaseStatus | null {
  if (lowerStatus === 'appealed') return outcome === 'sent_back' ? 'preparation' : 'in_force';
  if (lowerStatus === 'in_force' && outcome === 'sent_back') return 'preparation';
  return null;
}

export interface ActManifestInput {
  documentId: string;
  court: { code: string; nameRu: string };
  caseNumber: string;
  act: ActChoice;
  title: string;
  content: { sha256: string; mediaType: string; sizeBytes: number };
  judge: { name: string };
  /** A decision: the parties recorded as not taking part in the hearing (CPC Art. 403(3)). */
  absentParties?: readonly { id: string; name: string }[];
}

/**
 * The exact bytes a judge signs for an act: canonical JSON naming the court, the case, the kind
 * of act and the sha256 of its text or file. The document id makes every draft's manifest
 * distinct, so a signature can never be moved from one act to another.
 */
export function actManifest(input: ActManifestInput): Uint8Array {
  return new TextEncoder().encode(
    canonicalJson({
      format: 'sot-court-act/1',
      documentId: input.documentId,
      court: input.court,
      caseNumber: input.caseNumber,
      kind: input.act.kind,
      decisionForm: input.act.decisionForm ?? null,
      outcome: input.act.outcome ?? null,
      title: input.title,
      content: input.content,
      judge: input.judge,
      // Named only when someone was absent, so the manifests of other acts stay as they were.
      ...(input.absentParties?.length ? { absentParties: input.absentParties } : {}),
    }),
  );
}
