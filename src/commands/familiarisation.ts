/**
 * A party's request to read the case materials kept for the court, and the judge's answer. The
 * request, the grant and the refusal are each one transaction with their timeline event and
 * audit row; the party hears of the answer through the notice outbox.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { appendAudit } from '../db/audit.ts';
import { cases, events, familiarisationRequests } from '../db/schema/index.ts';
import { FAMILIARISATION_TEXT_MAX, GRANT_OPEN, mayRequestFamiliarisation } from '../domain/familiarisation.ts';
import { isUuid } from '../domain/ids.ts';
import { SotError } from '../errors.ts';
import type { Principal } from '../policies/principal.ts';
import { can } from '../policies/rules.ts';
import { grantableIds, ownPartyIds } from '../queries/familiarisation.ts';
import { urls } from '../urls.ts';
import { noticeToParty } from './notices.ts';

export async function requestFamiliarisation(db: Db, principal: Principal, caseId: string, note: string, now: Date): Promise<string> {
  if (!isUuid(caseId)) throw new SotError('not_found');
  const text = note.trim().slice(0, FAMILIARISATION_TEXT_MAX);
  return db.transaction(async (tx) => {
    // The case row's lock makes "no open request" and the insert one step under concurrency.
    const [locked] = await tx.select({ status: cases.status }).from(cases).where(eq(cases.id, caseId)).for('update');
    const [partyId] = locked ? await ownPartyIds(tx, principal, caseId) : [];
    if (!locked || !partyId) throw new SotError('not_found');
    const open = await tx
      .select({ id: familiarisationRequests.id })
      .from(familiarisationRequests)
      .where(and(eq(familiarisationRequests.caseId, caseId), eq(familiarisationRequests.partyId, partyId), eq(familiarisationRequests.status, 'pending')));
    if (!GRANT_OPEN[locked.status]) throw new SotError('familiarisation_closed');
    if (!mayRequestFamiliarisation(locked.status, open.length)) throw new SotError('familiarisation_pending');
    const [row] = await tx
      .insert(familiarisationRequests)
      .values({ caseId, partyId, requestedBy: principal.userId, note: text === '' ? null : text, requestedAt: now })
      .returning({ id: familiarisationRequests.id });
    await tx.insert(events).values({ caseId, type: 'familiarisation_requested', occurredAt: now, actorId: principal.userId, data: { requestId: row!.id, partyId } });
    await appendAudit(tx, { actorId: principal.userId, action: 'case.familiarisation_requested', entityType: 'case', entityId: caseId, data: { requestId: row!.id, partyId } }, now);
    return row!.id;
  });
}

export type FamiliarisationAnswer = { grant: 'all' } | { grant: 'listed'; documentIds: readonly string[] } | { refuse: string };

export async function answerFamiliarisation(db: Db, principal: Principal, caseId: string, requestId: string, answer: FamiliarisationAnswer, now: Date): Promise<'granted' | 'refused'> {
  if (!isUuid(caseId) || !isUuid(requestId)) throw new SotError('not_found');
  const [found] = await db.select({ courtId: cases.courtId, judgeId: cases.judgeId, number: cases.number }).from(cases).where(eq(cases.id, caseId));
  if (!found || !can(principal, { action: 'decide', resource: 'familiarisation', courtId: found.courtId, judgeId: found.judgeId })) throw new SotError('not_found');
  let reason: string | null = null;
  if ('refuse' in answer) {
    reason = answer.refuse.trim().slice(0, FAMILIARISATION_TEXT_MAX);
    if (reason === '') throw new SotError('familiarisation_reason_required');
  } else if (answer.grant === 'listed' && (answer.documentIds.length === 0 || !answer.documentIds.every(isUuid))) {
    throw new SotError('familiarisation_choose_documents');
  }
  return db.transaction(async (tx) => {
    const [request] = await tx.select().from(familiarisationRequests).where(and(eq(familiarisationRequests.id, requestId), eq(familiarisationRequests.caseId, caseId)));
    if (!request) throw new SotError('not_found');
    let opened: string[] | null = null;
    if (!('refuse' in answer)) {
      const available = await grantableIds(tx, caseId);
      if (answer.grant === 'all') {
        if (available.length === 0) throw new SotError('familiarisation_nothing_to_open');
        opened = available;
      } else {
        opened = [...new Set(answer.documentIds)];
        if (!opened.every((id) => available.includes(id))) throw new SotError('familiarisation_choose_documents');
      }
    }
    const status = opened ? 'granted' : 'refused';
    // Compare-and-set: a request is answered once, whoever answers first.
    const updated = await tx
      .update(familiarisationRequests)
      .set({ status, scope: opened ? ('refuse' in answer ? null : answer.grant) : null, documentIds: opened, reason, decidedBy: principal.userId, decidedAt: now })
      .where(and(eq(familiarisationRequests.id, requestId), eq(familiarisationRequests.status, 'pending')))
      .returning({ id: familiarisationRequests.id });
    if (updated.length === 0) throw new SotError('familiarisation_answered');
    const data = { requestId, partyId: request.partyId, ...(opened ? { documents: opened.length } : {}) };
    await tx.insert(events).values({ caseId, type: `familiarisation_${status}`, occurredAt: now, actorId: principal.userId, data });
    await appendAudit(tx, { actorId: principal.userId, action: `case.familiarisation_${status}`, entityType: 'case', entityId: caseId, data: opened ? { ...data, documentIds: opened } : data }, now);
    await noticeToParty(
      tx,
      {
        event: 'familiarisation_answered',
        aboutId: requestId,
        caseId,
        link: urls.cabinetCase(caseId),
        legallyRequired: false,
        compose: (t) => {
          const params = { number: found.number ?? '' };
          return opened
            ? { subject: t('caseFile.notice.granted.subject', params), body: t('caseFile.notice.granted.body', { ...params, count: opened.length }) }
            : { subject: t('caseFile.notice.refused.subject', params), body: t('caseFile.notice.refused.body', { ...params, reason: reason ?? '' }) };
        },
      },
      request.partyId,
      now,
    );
    return status;
  });
}
