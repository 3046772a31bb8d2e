/**
 * The demo's appeals as the Code has them: each filed through the court that decided
 * (CPC Art. 403(1)), with that court's talon, and sent up with the case after the appeal term
 * (Art. 405(1)(2)), which is when the appellate case began; the parties stand in it as appellant
 * and respondent.
 */
import { and, eq } from 'drizzle-orm';
import { cases, events, filings, parties, userRoles } from '../db/schema/index.ts';
import { courtDateIso } from '../i18n/format.ts';
import type { Tx } from '../db/tx.ts';
import { nextTalonNumber } from '../commands/submitFiling.ts';
import { newVerifyCode } from '../auth/tokens.ts';
import type { CourtCalendar } from '../domain/calendar/workingDays.ts';
import { courtMoment } from './courtMoment.ts';

export interface SeededAppeal {
  lowerCaseId: string;
  appellateCaseId: string;
  /** The appellate case's parties: the one who appealed and the other side. */
  appellantPartyId: string;
  respondentPartyId: string;
  /** When the appellate case began: the day the case went up, in court hours. */
  forwardedAt: Date;
  calendar: CourtCalendar;
}

const DAY = 86_400_000;

export async function seedAppealPath(tx: Tx, appeal: SeededAppeal): Promise<void> {
  await tx.update(parties).set({ appealRole: 'appellant' }).where(eq(parties.id, appeal.appellantPartyId));
  await tx.update(parties).set({ appealRole: 'respondent' }).where(eq(parties.id, appeal.respondentPartyId));
  const [lower] = await tx.select({ courtId: cases.courtId }).from(cases).where(eq(cases.id, appeal.lowerCaseId));
  const [appellant] = await tx.select().from(parties).where(eq(parties.id, appeal.appellantPartyId));
  // Handed in on paper at the first court's counter: a paper filing names the clerk who entered it.
  const [clerk] = await tx.select({ userId: userRoles.userId }).from(userRoles).where(and(eq(userRoles.courtId, lower!.courtId), eq(userRoles.role, 'clerk'))).limit(1);
  const filerUserId = clerk?.userId ?? appellant!.userId!;
  // Filed some days before the term ended; the case went up when the appellate case began.
  const filedAt = courtMoment(new Date(appeal.forwardedAt.getTime() - 5 * DAY), appeal.calendar);
  const talonNumber = await nextTalonNumber(tx, lower!.courtId, filedAt);
  const [filing] = await tx
    .insert(filings)
    .values({
      filerId: filerUserId,
      type: 'appeal',
      channel: 'counter',
      status: 'submitted',
      courtId: lower!.courtId,
      caseId: appeal.lowerCaseId,
      forwardedCaseId: appeal.appellateCaseId,
      fields: { text: 'Прошу отменить решение суда первой инстанции.', filer: { kind: 'individual', name: appellant!.displayName, ...(appellant!.iin ? { iin: appellant!.iin } : {}) }, receivedOn: courtDateIso(filedAt) },
      dutyStatus: 'not_required',
      talonNumber,
      verifyCode: newVerifyCode(),
      submittedAt: filedAt,
      createdAt: filedAt,
      updatedAt: appeal.forwardedAt,
    })
    .returning({ id: filings.id });
  await tx.insert(events).values([
    { caseId: appeal.lowerCaseId, type: 'appeal_filed', occurredAt: filedAt, actorId: filerUserId, data: { filingId: filing!.id, talonNumber } },
    { caseId: appeal.lowerCaseId, type: 'appeal_forwarded', occurredAt: appeal.forwardedAt, actorId: null, data: { appellateCaseId: appeal.appellateCaseId, filingIds: [filing!.id] } },
  ]);
}
