/**
 * The access log the parties read: every view, download, print or stream of a case's document or
 * recording, by anyone, court staff included. Written by the route that serves the bytes, after
 * the access check passed, so the log holds what was actually opened.
 */
import type { Executor } from '../db/tx.ts';
import { accessLog } from '../db/schema/index.ts';
import type { AccessAction, AccessCapacity } from '../domain/accessLog.ts';
import type { Principal } from '../policies/principal.ts';
import type { CaseRelation } from '../policies/rules.ts';


export function capacityOf(principal: Principal, relations: ReadonlySet<CaseRelation>, caseCourtId: string): AccessCapacity {
  if (relations.has('party')) return 'party';
  if (relations.has('representative')) return 'representative';
  if (relations.has('assigned_judge')) return 'judge_of_case';
  const here = principal.roles.filter((r) => r.courtId === caseCourtId).map((r) => r.role);
  for (const role of ['court_chair', 'judge', 'clerk', 'court_admin'] as const) if (here.includes(role)) return role;
  return 'higher_court';
}

export interface AccessEntry {
  caseId: string;
  target: { documentId: string } | { recordingId: string };
  userId: string;
  capacity: AccessCapacity;
  action: AccessAction;
  at: Date;
}

export async function logAccess(db: Executor, entry: AccessEntry): Promise<void> {
  await db.insert(accessLog).values({
    caseId: entry.caseId,
    documentId: 'documentId' in entry.target ? entry.target.documentId : null,
    recordingId: 'recordingId' in entry.target ? entry.target.recordingId : null,
    userId: entry.userId,
    capacity: entry.capacity,
    action: entry.action,
    occurredAt: entry.at,
  });
}
