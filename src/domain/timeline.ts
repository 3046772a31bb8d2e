import { isCaseStatus, type CaseStatus } from './caseStatus.ts';

/**
 * The case history as people read it: one entry per happening. A command that moves a case
 * writes its own event (a judge assigned, a hearing scheduled, an act issued) and, in the same
 * transaction and at the same instant, the status changes it caused; those are folded into the
 * event that caused them instead of standing as entries of their own. The rows stay in `events`.
 */

/** The statuses each kind of event brings a case to, on its own. */
const CAUSED_BY: Readonly<Record<string, readonly CaseStatus[]>> = {
  judge_assigned: ['assigned'],
  hearing_scheduled: ['preparation', 'hearing_scheduled'],
  document_issued: ['decided', 'decision_final', 'appeal_window', 'in_force', 'order_issued', 'order_cancelled'],
};

export interface TimelineEvent {
  id: number;
  type: string;
  occurredAt: Date;
  data: Record<string, unknown>;
}

/**
 * Folds status changes into the event that caused them. `events` come newest first (and, within
 * one instant, the last written first); an entry keeps `status`, the status its event left the
 * case in, when it absorbed any.
 */
export function foldTimeline<E extends TimelineEvent>(events: readonly E[]): (E & { status?: CaseStatus })[] {
  const folded = new Set<number>();
  const statusOf = new Map<number, CaseStatus>();
  for (const cause of events) {
    const statuses = CAUSED_BY[cause.type];
    if (!statuses) continue;
    for (const change of events) {
      if (change.type !== 'status_changed' || folded.has(change.id) || change.occurredAt.getTime() !== cause.occurredAt.getTime()) continue;
      const to = change.data['to'];
      if (typeof to !== 'string' || !isCaseStatus(to) || !statuses.includes(to)) continue;
      folded.add(change.id);
      // Newest first: the first change met is where the case ended up.
      if (!statusOf.has(cause.id)) statusOf.set(cause.id, to);
    }
  }
  return events.filter((e) => !folded.has(e.id)).map((e) => (statusOf.has(e.id) ? { ...e, status: statusOf.get(e.id)! } : e));
}
