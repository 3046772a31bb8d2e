/**
 * The court that decided sends the case with its appeals to the appellate court once the appeal
 * term has ended for every party (CPC Art. 405(1)(2)); before that the case stays with it
 * (Art. 405(2)). One clerk's action: every appeal on the decision and every response to them go up
 * together in one appellate case, which starts at the parent court as `submitted`, so its office
 * registers it and it is distributed like any new case. One transaction under the case's row lock
 * with its audit row, timeline entries and notices; two clerks at once get one appellate case and
 * one refusal.
 */
import { and, eq, gte, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { appendAudit } from '../db/audit.ts';
import { caseDeadlines, cases, courts, events, filings, parties } from '../db/schema/index.ts';
import { appealRoles, mayForwardAppeal } from '../domain/appealForwarding.ts';
import { reviewRoute } from '../domain/reviewRouting.ts';
import { SotError } from '../errors.ts';
import type { Principal } from '../policies/principal.ts';
import { can } from '../policies/rules.ts';
import { partiesActedFor } from '../queries/partyStanding.ts';
import { moveCase, today } from './caseProgress.ts';
import { noticeAppealForwarded } from './notices.ts';
import { copyParticipants } from './reviews.ts';

export interface Forwarded {
  appellateCaseId: string;
  courtId: string;
  appeals: number;
}

export async function forwardAppeal(db: Db, principal: Principal, caseId: string, now: Date): Promise<Forwarded> {
  return db.transaction(async (tx) => {
    const [lower] = await tx.select().from(cases).where(eq(cases.id, caseId)).for('update');
    if (!lower || !can(principal, { action: 'forward_appeal', resource: 'case', courtId: lower.courtId })) throw new SotError('not_found');
    const appeals = lower.status === 'appeal_window' ? await tx.select().from(filings).where(and(eq(filings.caseId, lower.id), eq(filings.type, 'appeal'), eq(filings.status, 'submitted'), isNull(filings.forwardedCaseId))) : [];
    const open = await tx
      .select({ kind: caseDeadlines.kind, dueOn: caseDeadlines.dueOn, partyId: caseDeadlines.partyId })
      .from(caseDeadlines)
      .where(and(eq(caseDeadlines.caseId, lower.id), inArray(caseDeadlines.kind, ['appeal', 'decision_copies_sent']), isNull(caseDeadlines.closedAt)));
    const check = mayForwardAppeal(open, appeals.length, today(now));
    if (!check.ok) {
      if (check.reason === 'appeal_term_running') throw new SotError('appeal_term_still_running', { until: check.until });
      throw new SotError(check.reason === 'decision_copy_not_sent' ? 'appeal_copy_not_sent' : 'appeal_nothing_to_forward');
    }
    const courtRows = await tx.select({ id: courts.id, level: courts.level, parentId: courts.parentId, caseKinds: courts.caseKinds, nameKk: courts.nameKk, nameRu: courts.nameRu, nameEn: courts.nameEn }).from(courts);
    const route = reviewRoute('appeal', lower, courtRows);
    if (!route.ok) throw new SotError(route.reason === 'no_review_court' ? 'review_court_missing' : 'review_not_open');

    const [created] = await tx
      .insert(cases)
      .values({ courtId: route.courtId, kind: lower.kind, category: lower.category, instance: 2, status: 'submitted', parentCaseId: lower.id, closedHearing: lower.closedHearing, filedAt: now, statusChangedAt: now, createdAt: now })
      .returning({ id: cases.id });
    const appellateId = created!.id;
    // Appellants are the parties each appeal was filed for, as the filer stood in the case.
    const appellantIds = new Set<string>();
    for (const appeal of appeals) for (const party of await partiesActedFor(tx, lower.id, { userId: appeal.filerId, bin: appeal.filerBin })) appellantIds.add(party.id);
    const lowerParties = await tx.select({ id: parties.id, role: parties.role, representsPartyId: parties.representsPartyId }).from(parties).where(eq(parties.caseId, lower.id));
    await copyParticipants(tx, lower.id, appellateId, now, appealRoles(lowerParties, appellantIds));

    // The responses to the appeals (CPC Art. 408) filed while the case waited go up with them.
    const firstAppealAt = appeals.reduce((min, a) => (a.submittedAt! < min ? a.submittedAt! : min), appeals[0]!.submittedAt!);
    const responses = await tx
      .select({ id: filings.id })
      .from(filings)
      .where(and(eq(filings.caseId, lower.id), eq(filings.type, 'response'), eq(filings.status, 'submitted'), isNull(filings.forwardedCaseId), gte(filings.submittedAt, firstAppealAt)));
    const sent = [...appeals.map((a) => a.id), ...responses.map((r) => r.id)];
    await tx.update(filings).set({ forwardedCaseId: appellateId, updatedAt: now }).where(and(inArray(filings.id, sent), isNull(filings.forwardedCaseId)));

    const data = { appellateCaseId: appellateId, courtId: route.courtId, filingIds: sent };
    await moveCase(tx, { caseId: lower.id, instance: lower.instance, from: 'appeal_window', path: ['appealed'], actorId: principal.userId, now, data: { reviewCaseId: appellateId } });
    await tx.insert(events).values([
      { caseId: lower.id, type: 'appeal_forwarded', occurredAt: now, actorId: principal.userId, data },
      { caseId: appellateId, type: 'status_changed', occurredAt: now, actorId: principal.userId, data: { from: null, to: 'submitted', reviewOf: lower.id, filingIds: sent } },
    ]);
    await appendAudit(tx, { actorId: principal.userId, action: 'case.appeal_forwarded', entityType: 'case', entityId: lower.id, data }, now);
    const court = courtRows.find((c) => c.id === route.courtId)!;
    await noticeAppealForwarded(tx, lower.id, appellateId, court, now);
    return { appellateCaseId: appellateId, courtId: route.courtId, appeals: appeals.length };
  });
}
