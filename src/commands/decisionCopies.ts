/**
 * Parties who did not take part in the hearing at which a decision was made, and the copy of
 * the decision sent to them: their appeal term runs from the day it was sent (CPC Art. 403(3)).
 * Issuing the decision opens each absent party's term (`openAbsentPartyTerms`, inside the
 * issuing transaction); a paper copy's day is recorded by the court office (`recordCopySent`).
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Tx } from '../db/tx.ts';
import { appendAudit } from '../db/audit.ts';
import { caseDeadlines, cases, events } from '../db/schema/index.ts';
import { absentPartyTerms } from '../domain/appealTerms.ts';
import { decisionParties } from '../queries/partyStanding.ts';
import { isCalendarDay, type IsoDay } from '../domain/calendar/workingDays.ts';
import { isUuid } from '../domain/ids.ts';
import { SotError } from '../errors.ts';
import type { Principal } from '../policies/principal.ts';
import { can } from '../policies/rules.ts';
import { openDeadline, today } from './caseProgress.ts';

/**
 * The parties of the case who did not take part in the hearing, from those the judge ticked as
 * taking part; a ticked id that is not a party of the case in its own right is refused.
 */
export async function absentFromHearing(db: Db | Tx, caseId: string, tookPartIds: readonly string[]): Promise<string[]> {
  const everyone = await decisionParties(db, caseId);
  const tookPart = new Set(tookPartIds);
  if (![...tookPart].every((id) => everyone.some((p) => p.id === id))) throw new SotError('attendance_party_unknown');
  return everyone.filter((p) => !tookPart.has(p.id)).map((p) => p.id);
}

/**
 * Opens the terms of the parties absent from the hearing when the decision in final form is
 * issued on `day`: their own appeal term from today where the decision reaches them through Sot
 * (the notice written in this transaction is the copy), else the court's 3 working days to post
 * them a paper copy (Art. 234), whose sending starts their appeal term.
 */
export async function openAbsentPartyTerms(tx: Tx, caseId: string, absentPartyIds: readonly string[], day: IsoDay, actorId: string, now: Date): Promise<void> {
  if (absentPartyIds.length === 0) return;
  const everyone = await decisionParties(tx, caseId);
  for (const term of absentPartyTerms(everyone.map((p) => ({ id: p.id, online: p.online, tookPart: !absentPartyIds.includes(p.id) })))) {
    await openDeadline(tx, caseId, term.opens, day, term.partyId);
    if (term.opens === 'appeal') {
      await tx.insert(events).values({ caseId, type: 'decision_copy_sent', occurredAt: now, actorId, data: { partyId: term.partyId, channel: 'portal', sentOn: day } });
    }
  }
}

/**
 * The court office records the day it sent a paper copy of the decision to a party absent from
 * the hearing; that party's month to appeal runs from that day. The day may not be in the future
 * nor before the decision awaiting it.
 */
export async function recordCopySent(db: Db, principal: Principal, caseId: string, partyId: string, sentOn: string, now: Date): Promise<IsoDay> {
  if (!isUuid(caseId) || !isUuid(partyId)) throw new SotError('not_found');
  return db.transaction(async (tx) => {
    const [found] = await tx.select({ courtId: cases.courtId }).from(cases).where(eq(cases.id, caseId)).for('update');
    if (!found || !can(principal, { action: 'send_copy', resource: 'case', courtId: found.courtId })) throw new SotError('not_found');
    const [awaiting] = await tx
      .select({ id: caseDeadlines.id, runsFrom: caseDeadlines.runsFrom })
      .from(caseDeadlines)
      .where(and(eq(caseDeadlines.caseId, caseId), eq(caseDeadlines.partyId, partyId), eq(caseDeadlines.kind, 'decision_copies_sent'), isNull(caseDeadlines.closedAt)));
    if (!awaiting) throw new SotError('copy_not_awaited');
    const day = sentOn.trim();
    if (!isCalendarDay(day) || day > today(now) || day < awaiting.runsFrom) throw new SotError('copy_day_invalid');
    const closed = await tx.update(caseDeadlines).set({ closedAt: now }).where(and(eq(caseDeadlines.id, awaiting.id), isNull(caseDeadlines.closedAt))).returning({ id: caseDeadlines.id });
    if (closed.length === 0) throw new SotError('copy_not_awaited');
    const due = await openDeadline(tx, caseId, 'appeal', day, partyId);
    await tx.insert(events).values({ caseId, type: 'decision_copy_sent', occurredAt: now, actorId: principal.userId, data: { partyId, channel: 'paper', sentOn: day } });
    await appendAudit(tx, { actorId: principal.userId, action: 'decision.copy_sent', entityType: 'case', entityId: caseId, data: { partyId, sentOn: day, appealDue: due } }, now);
    return due;
  });
}
