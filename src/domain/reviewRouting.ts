import type { CaseKind } from './caseKinds.ts';
import type { CaseStatus } from './caseStatus.ts';

/**
 * Where a complaint against a court act goes. An appeal goes to the parent court of the court
 * that decided (district → regional); a cassation complaint to the cassation court for the kind
 * of proceedings; a review to the Supreme Court. The courts and their links are data
 * (`courts.parent_id`, `courts.case_kinds`), so a reform of the court system is a data change.
 */

export interface RoutingCourt {
  id: string;
  level: number;
  parentId: string | null;
  caseKinds: readonly string[];
}

export interface ReviewedCase {
  courtId: string;
  kind: CaseKind;
  instance: number;
  status: CaseStatus;
}

export type ReviewKind = 'appeal' | 'cassation' | 'supreme_review';

export type Route = { ok: true; courtId: string; instance: 2 | 3 | 4 } | { ok: false; reason: 'not_open_to_review' | 'no_review_court' };

/** The statuses in which each review may be sought: an appeal before entry into force, the others after. */
const OPEN: Record<ReviewKind, { instances: readonly number[]; statuses: readonly CaseStatus[] }> = {
  appeal: { instances: [1], statuses: ['appeal_window'] },
  cassation: { instances: [1, 2], statuses: ['in_force'] },
  supreme_review: { instances: [3], statuses: ['in_force'] },
};

export function reviewRoute(kind: ReviewKind, reviewed: ReviewedCase, courts: readonly RoutingCourt[]): Route {
  const open = OPEN[kind];
  if (!open.instances.includes(reviewed.instance) || !open.statuses.includes(reviewed.status)) return { ok: false, reason: 'not_open_to_review' };
  const byId = new Map(courts.map((c) => [c.id, c]));
  let target: RoutingCourt | undefined;
  if (kind === 'appeal') {
    const parentId = byId.get(reviewed.courtId)?.parentId;
    target = parentId ? byId.get(parentId) : undefined;
    if (target && target.level !== 2) target = undefined;
  } else {
    const level = kind === 'cassation' ? 3 : 4;
    target = courts.filter((c) => c.level === level && c.caseKinds.includes(reviewed.kind)).sort((a, b) => a.id.localeCompare(b.id))[0];
  }
  if (!target) return { ok: false, reason: 'no_review_court' };
  return { ok: true, courtId: target.id, instance: kind === 'appeal' ? 2 : kind === 'cassation' ? 3 : 4 };
}
