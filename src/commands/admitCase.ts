/**
 * The judge's first decision on a distributed case (see `domain/admission.ts` for the articles):
 * a claim is accepted, returned or refused; an appeal is accepted, left without motion with its
 * defects and a term in the court's working days, or returned; a cassation complaint is accepted
 * or returned. Each is a compare-and-set on the status with its timeline event, audit row and the
 * parties' notice.
 */
import { and, desc, eq, notInArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Tx } from '../db/tx.ts';
import { appendAudit } from '../db/audit.ts';
import { caseDeadlines, cases, events, filings } from '../db/schema/index.ts';
import type { IsoDay } from '../domain/calendar/holidays.ts';
import { admissionAnswers, dueForReturn, GROUND_ARTICLE, groundsFor, isAdmissionGround, type AdmissionGround, type AdmissionKind } from '../domain/admission.ts';
import { canTransition, type CaseStatus } from '../domain/caseStatus.ts';
import { SotError } from '../errors.ts';
import type { Principal } from '../policies/principal.ts';
import { can } from '../policies/rules.ts';
import { isUuid } from '../domain/ids.ts';
import { closeDeadlines, moveCase, openDeadline, openSetDeadline, today } from './caseProgress.ts';
import { hasTrialTerms } from '../domain/deadlines.ts';
import { noticeToParticipants } from './notices.ts';
import { urls } from '../urls.ts';
import { loadReference } from '../queries/reference.ts';
import { defectsOf } from '../queries/caseFile.ts';

export type AdmissionDecision =
  | { kind: 'accept'; simplified?: boolean }
  | { kind: 'return'; ground?: string; reasons: string }
  | { kind: 'refuse'; ground: string; reasons: string }
  | { kind: 'leave_without_motion'; defects: string; workingDays: number };

const TARGET: Record<AdmissionKind, CaseStatus> = { accept: 'accepted', return: 'returned', refuse: 'refused', leave_without_motion: 'left_without_motion' };

/** The term an appeal's defects are to be cured in (CPC Art. 406(1)); the kind of its row in `case_deadlines`. */
export const APPEAL_DEFECTS_TERM = 'appeal_defects';

/** Reasons and defects are read by the parties; a word or two is not a reason. */
function reasonOf(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length < 5 || trimmed.length > 4000) throw new SotError('decision_reason_required');
  return trimmed;
}

/** The ground chosen, which must be one the Code gives for this answer at this instance. */
function groundOf(kind: AdmissionKind, instance: number, category: string, ground: string | undefined): AdmissionGround | null {
  const allowed = groundsFor(kind, instance, category);
  if (allowed.length === 0) return null;
  if (!ground || !isAdmissionGround(ground) || !allowed.includes(ground)) throw new SotError('admission_ground_required');
  return ground;
}

/** An application for a court order, even one that came on paper under another category (CPC Art. 138). */
async function isOrderApplication(db: Db, caseId: string, category: string): Promise<boolean> {
  if (category === 'court_order') return true;
  const [filed] = await db.select({ id: filings.id }).from(filings).where(and(eq(filings.caseId, caseId), eq(filings.type, 'court_order_application'))).limit(1);
  return filed !== undefined;
}

export async function decideAdmission(db: Db, principal: Principal, caseId: string, decision: AdmissionDecision, now: Date): Promise<{ status: CaseStatus; fixBy?: IsoDay }> {
  if (!isUuid(caseId)) throw new SotError('not_found');
  const [found] = await db
    .select({ courtId: cases.courtId, judgeId: cases.judgeId, status: cases.status, number: cases.number, instance: cases.instance, parentCaseId: cases.parentCaseId, category: cases.category })
    .from(cases)
    .where(eq(cases.id, caseId));
  if (!found || !can(principal, { action: 'decide', resource: 'case', courtId: found.courtId, judgeId: found.judgeId })) throw new SotError('not_found');
  if (!admissionAnswers(found.instance, found.status).includes(decision.kind)) throw new SotError(found.instance === 1 && decision.kind === 'leave_without_motion' ? 'claim_without_motion' : 'case_decision_not_allowed');
  const to = TARGET[decision.kind];
  if (!canTransition(found.status, to, found.instance)) throw new SotError('case_decision_not_allowed');

  const day = today(now);
  const data: Record<string, unknown> = { from: found.status, to };
  if (decision.kind === 'accept' && decision.simplified && found.instance === 1) data['simplified'] = true;
  if (decision.kind === 'return' || decision.kind === 'refuse') {
    const ground = groundOf(decision.kind, found.instance, (await isOrderApplication(db, caseId, found.category)) ? 'court_order' : found.category, decision.ground);
    if (ground) Object.assign(data, { ground, article: GROUND_ARTICLE[ground] });
    // Return for defects not cured is only for an appeal whose term to cure them has ended (Art. 407(1)(1)).
    if (ground === 'defects_not_cured') {
      const defects = (await defectsOf(db, [caseId])).get(caseId);
      if (!dueForReturn({ instance: found.instance, status: found.status, fixBy: defects?.dueOn ?? null, fixFiled: !!defects?.fixFiledAt }, day)) throw new SotError('appeal_term_to_cure_running');
    }
    data['reasons'] = reasonOf(decision.reasons);
  }
  if (decision.kind === 'leave_without_motion') {
    data['defects'] = reasonOf(decision.defects);
    if (!Number.isInteger(decision.workingDays) || decision.workingDays < 1 || decision.workingDays > 30) throw new SotError('invalid_request');
    const { calendar } = await loadReference(db);
    data['fixBy'] = calendar.addWorkingDays(day, decision.workingDays);
    data['article'] = 'CPC Art. 406(1)';
  }
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(cases)
      .set({ status: to, statusChangedAt: now, ...(data['simplified'] ? { simplified: true } : {}) })
      .where(and(eq(cases.id, caseId), eq(cases.status, found.status)))
      .returning({ id: cases.id });
    if (updated.length === 0) throw new SotError('case_decision_not_allowed');
    await tx.insert(events).values({ caseId, type: 'status_changed', occurredAt: now, actorId: principal.userId, data });
    await closeDeadlines(tx, caseId, [APPEAL_DEFECTS_TERM], now);
    // A claim accepted in the general procedure is prepared for trial within its term (CPC Art. 164(1)).
    if (decision.kind === 'accept' && hasTrialTerms({ instance: found.instance, category: found.category, simplified: data['simplified'] === true })) await openDeadline(tx, caseId, 'preparation', day);
    if (decision.kind === 'leave_without_motion') await openSetDeadline(tx, caseId, APPEAL_DEFECTS_TERM, day, data['fixBy'] as IsoDay, 'CPC Art. 406(1)');
    if (decision.kind === 'return' && found.instance === 2 && found.parentCaseId) await reopenAppealTerm(tx, found.parentCaseId, caseId, principal.userId, now);
    await appendAudit(tx, { actorId: principal.userId, action: `case.${decision.kind}`, entityType: 'case', entityId: caseId, data: { from: found.status, to, ...(data['ground'] ? { ground: data['ground'] } : {}) } }, now);
    await noticeToParticipants(
      tx,
      {
        event: 'case_admission',
        // One notice per decision: an appeal left without motion and then accepted hears of both.
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

/**
 * A returned appeal leaves the decision it attacked where it was before: in its appeal term,
 * which runs on (another party may still appeal), unless another appeal on it is still open.
 * The decision then enters into force when the term ends, as an unappealed one does.
 */
async function reopenAppealTerm(tx: Tx, lowerId: string, returnedId: string, actorId: string, now: Date): Promise<void> {
  const [lower] = await tx.select({ status: cases.status, instance: cases.instance }).from(cases).where(eq(cases.id, lowerId)).for('update');
  if (lower?.status !== 'appealed') return;
  const [other] = await tx
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.parentCaseId, lowerId), eq(cases.instance, 2), notInArray(cases.id, [returnedId]), notInArray(cases.status, ['returned', 'refused', 'in_force', 'archived'])));
  if (other) return;
  await moveCase(tx, { caseId: lowerId, instance: lower.instance, from: 'appealed', path: ['appeal_window'], actorId, now, data: { returnedAppeal: returnedId } });
  // Filing an appeal leaves its term open; where it was closed all the same, the latest one runs on.
  const terms = await tx.select({ id: caseDeadlines.id, closedAt: caseDeadlines.closedAt }).from(caseDeadlines).where(and(eq(caseDeadlines.caseId, lowerId), eq(caseDeadlines.kind, 'appeal'))).orderBy(desc(caseDeadlines.dueOn));
  if (terms[0] && !terms.some((term) => term.closedAt === null)) await tx.update(caseDeadlines).set({ closedAt: null }).where(eq(caseDeadlines.id, terms[0].id));
}
