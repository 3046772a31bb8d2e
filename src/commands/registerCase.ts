/**
 * Registering a submitted case in the court office: it gets its number and, in the same
 * transaction, a judge by automatic distribution. Both are compare-and-set on the case's status,
 * recorded on the timeline and in the audit log.
 */
import { and, eq } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { appendAudit } from '../db/audit.ts';
import { allocateCaseNumber } from '../db/caseNumbers.ts';
import { caseDistributions, cases, courts, events, users } from '../db/schema/index.ts';
import { numberCategoryCode } from '../domain/caseNumber.ts';
import type { CaseKind, Instance } from '../domain/caseKinds.ts';
import { drawJudge, NoEligibleJudgeError } from '../domain/distribution.ts';
import { SotError } from '../errors.ts';
import type { Principal } from '../policies/principal.ts';
import { can } from '../policies/rules.ts';
import { isUuid } from '../domain/ids.ts';
import { courtDateIso, courtYear } from '../i18n/format.ts';
import { drawCandidates } from '../queries/bench.ts';
import { noticeToParticipants } from './notices.ts';
import { urls } from '../urls.ts';

export interface Registration {
  caseId: string;
  number: string;
  judgeId: string;
}

export async function registerCase(db: Db, principal: Principal, caseId: string, now: Date): Promise<Registration> {
  if (!isUuid(caseId)) throw new SotError('not_found');
  const [found] = await db.select({ courtId: cases.courtId }).from(cases).where(eq(cases.id, caseId));
  if (!found || !can(principal, { action: 'register', resource: 'case', courtId: found.courtId })) throw new SotError('not_found');
  return db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ id: cases.id, status: cases.status, kind: cases.kind, category: cases.category, instance: cases.instance, courtCode: courts.code })
      .from(cases)
      .innerJoin(courts, eq(courts.id, cases.courtId))
      .where(eq(cases.id, caseId))
      .for('update', { of: cases });
    if (locked!.status !== 'submitted') throw new SotError('case_not_awaiting_registration');
    const year = courtYear(now);
    const number = await allocateCaseNumber(tx, {
      courtId: found.courtId,
      courtCode: locked!.courtCode,
      year,
      categoryCode: numberCategoryCode(locked!.kind as CaseKind, locked!.instance as Instance),
    });
    // The seed is fixed before the draw and kept with the result: the draw can be re-run, not re-rolled.
    const seed = randomBytes(32).toString('hex');
    let draw;
    try {
      // Absences count on the registration's court date: a judge away today is not drawn today.
      const candidates = await drawCandidates(tx, { courtId: found.courtId, caseId, day: courtDateIso(now) });
      draw = drawJudge({ caseId, category: locked!.category, candidates, seed });
    } catch (error) {
      if (error instanceof NoEligibleJudgeError) throw new SotError('no_eligible_judge');
      throw error;
    }
    const updated = await tx
      .update(cases)
      .set({ number, status: 'assigned', judgeId: draw.judgeId, registeredAt: now, statusChangedAt: now })
      .where(and(eq(cases.id, caseId), eq(cases.status, 'submitted')))
      .returning({ id: cases.id });
    if (updated.length === 0) throw new SotError('case_not_awaiting_registration');
    await tx.insert(caseDistributions).values({ caseId, judgeId: draw.judgeId, seed, protocol: draw.protocol, protocolSha256: draw.protocolSha256, drawnAt: now });
    await tx.insert(events).values([
      { caseId, type: 'status_changed', occurredAt: now, actorId: principal.userId, data: { from: 'submitted', to: 'registered', number } },
      { caseId, type: 'status_changed', occurredAt: now, actorId: null, data: { from: 'registered', to: 'assigned' } },
      { caseId, type: 'judge_assigned', occurredAt: now, actorId: null, data: { judgeId: draw.judgeId, protocol: draw.protocolSha256 } },
    ]);
    await appendAudit(tx, { actorId: principal.userId, action: 'case.registered', entityType: 'case', entityId: caseId, data: { number, judgeId: draw.judgeId, protocol: draw.protocolSha256 } }, now);
    const [judge] = await tx.select({ name: users.fullName }).from(users).where(eq(users.id, draw.judgeId));
    await noticeToParticipants(
      tx,
      {
        event: 'case_registered',
        aboutId: caseId,
        caseId,
        link: urls.cabinetCase(caseId),
        legallyRequired: true,
        compose: (t) => {
          const params = { number, judge: judge!.name };
          return { subject: t('notifications.caseRegistered.subject', params), body: t('notifications.caseRegistered.body', params) };
        },
      },
      now,
    );
    return { caseId, number, judgeId: draw.judgeId };
  });
}
