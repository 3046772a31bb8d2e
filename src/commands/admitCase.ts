/**
 * The judge's first decision on a distributed case: accept it for proceedings, return the claim
 * with grounds, or leave it without motion with the defects listed and a term to fix them
 * (counted in the court's working days). A case left without motion comes back for acceptance
 * or return. Each is a compare-and-set on the status with its timeline event and audit row.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { appendAudit } from '../db/audit.ts';
import { cases, events } from '../db/schema/index.ts';
import type { IsoDay } from '../domain/calendar/holidays.ts';
import { canTransition, type CaseStatus } from '../domain/caseStatus.ts';
import { SotError } from '../errors.ts';
import { courtDateIso } from '../i18n/format.ts';
import type { Principal } from '../policies/principal.ts';
import { can } from '../policies/rules.ts';
import { isUuid } from '../domain/ids.ts';
import { closeDeadlines, openSetDeadline, today } from './caseProgress.ts';
import { noticeToParticipants } from './notices.ts';
import { urls } from '../urls.ts';
import { loadReference } from '../queries/reference.ts';

export type AdmissionDecision = { kind: 'accept' } | { kind: 'return'; grounds: string } | { kind: 'leave_without_motion'; defects: string; workingDays: number };

const TARGET: Record<AdmissionDecision['kind'], CaseStatus> = { accept: 'accepted', return: 'returned', leave_without_motion: 'left_without_motion' };

/** Grounds and defects are read by the parties; a word or two is not a reason. */
function reasonOf(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length < 5 || trimmed.length > 4000) throw new SotError('decision_reason_required');
  return trimmed;
}

export async function decideAdmission(db: Db, principal: Principal, caseId: string, decision: AdmissionDecision, now: Date): Promise<{ status: CaseStatus; fixBy?: IsoDay }> {
  if (!isUuid(caseId)) throw new SotError('not_found');
  const [found] = await db.select({ courtId: cases.courtId, judgeId: cases.judgeId, status: cases.status, number: cases.number, category: cases.category }).from(cases).where(eq(cases.id, caseId));
  if (!found || !can(principal, { action: 'decide', resource: 'case', courtId: found.courtId, judgeId: found.judgeId })) throw new SotError('not_found');
  // An application for a court order is returned or refused, never left without motion (CPC Art. 138).
  if (decision.kind === 'leave_without_motion' && found.category === 'court_order') throw new SotError('case_decision_not_allowed');
  const to = TARGET[decision.kind];
  const from = (['assigned', 'left_without_motion'] as const).filter((status) => canTransition(status, to));
  if (!(from as readonly string[]).includes(found.status)) throw new SotError('case_decision_not_allowed');

  const data: Record<string, unknown> = { from: found.status, to };
  if (decision.kind === 'return') data['grounds'] = reasonOf(decision.grounds);
  if (decision.kind === 'leave_without_motion') {
    data['defects'] = reasonOf(decision.defects);
    if (!Number.isInteger(decision.workingDays) || decision.workingDays < 1 || decision.workingDays > 30) throw new SotError('invalid_request');
    const { calendar } = await loadReference(db);
    data['fixBy'] = calendar.addWorkingDays(courtDateIso(now) as IsoDay, decision.workingDays);
  }
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(cases)
      .set({ status: to, statusChangedAt: now })
      .where(and(eq(cases.id, caseId), inArray(cases.status, from)))
      .returning({ id: cases.id });
    if (updated.length === 0) throw new SotError('case_decision_not_allowed');
    await tx.insert(events).values({ caseId, type: 'status_changed', occurredAt: now, actorId: principal.userId, data });
    await closeDeadlines(tx, caseId, ['defects_fix'], now);
    if (decision.kind === 'leave_without_motion') await openSetDeadline(tx, caseId, 'defects_fix', today(now), data['fixBy'] as IsoDay, 'CPC Art. 152');
    await appendAudit(tx, { actorId: principal.userId, action: `case.${decision.kind}`, entityType: 'case', entityId: caseId, data: { from: found.status, to } }, now);
    await noticeToParticipants(
      tx,
      {
        event: 'case_admission',
        // One notice per decision: a claim left without motion and then accepted hears of both.
        aboutId: `${caseId}:${to}`,
        caseId,
        link: urls.cabinetCase(caseId),
        legallyRequired: true,
        compose: (t) => {
          const params = { number: found.number ?? '', decision: t(`status.${to}`) };
          return { subject: t('notifications.admission.subject', params), body: t('notifications.admission.body', params) };
        },
      },
      now,
    );
    return { status: to, ...(data['fixBy'] ? { fixBy: data['fixBy'] as IsoDay } : {}) };
  });
}
