/**
 * A first-instance decision nobody appealed enters into force the day after the last appeal term
 * ends: the case's, and the own term of every party absent from the hearing (CPC Art. 403(3)),
 * which runs from the day the copy was sent to them. A decision still waiting for a copy to be
 * sent waits with it. It opens no cassation term: cassation lies only where the appeal route was
 * used (CPC Art. 434(1)), from the appellate act's entry into force (Art. 436(1)). A decision
 * with an appeal waiting in the court that decided to be sent up after the term (Art. 405(1)(2))
 * is appealed, not unappealed: it never enters into force here. Run
 * periodically; each case moves in its own transaction under its row lock, so running it in
 * several processes at once, or again, changes nothing twice.
 */
import { and, eq, inArray, isNull, lt, not, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { appendAudit } from '../db/audit.ts';
import { caseDeadlines, cases, filings } from '../db/schema/index.ts';
import { inForceDay } from '../domain/appealTerms.ts';
import { closeDeadlines, moveCase, today } from './caseProgress.ts';

export async function enterDecisionsIntoForce(db: Db, now: Date, limit = 500): Promise<number> {
  const day = today(now);
  // Cases whose appeal terms have all ended and that wait for no copy; decided again under the lock.
  const stillRunning = sql`exists (select 1 from ${caseDeadlines} o where o.case_id = ${caseDeadlines.caseId} and o.closed_at is null
    and ((o.kind = 'appeal' and o.due_on >= ${day}) or (o.kind = 'decision_copies_sent' and o.party_id is not null)))`;
  const appealWaiting = sql`exists (select 1 from ${filings} f where f.case_id = ${caseDeadlines.caseId} and f.type = 'appeal' and f.status = 'submitted' and f.forwarded_case_id is null)`;
  const due = await db
    .selectDistinct({ caseId: caseDeadlines.caseId })
    .from(caseDeadlines)
    .innerJoin(cases, eq(cases.id, caseDeadlines.caseId))
    .where(and(eq(caseDeadlines.kind, 'appeal'), isNull(caseDeadlines.closedAt), lt(caseDeadlines.dueOn, day), eq(cases.status, 'appeal_window'), not(stillRunning), not(appealWaiting)))
    .limit(limit);
  let moved = 0;
  for (const { caseId } of due) {
    const done = await db.transaction(async (tx) => {
      const [locked] = await tx.select({ status: cases.status, instance: cases.instance }).from(cases).where(eq(cases.id, caseId)).for('update');
      if (locked?.status !== 'appeal_window') return false;
      // An appeal filed since the list was read waits to go up: the filing took the same row lock.
      const [waiting] = await tx.select({ id: filings.id }).from(filings).where(and(eq(filings.caseId, caseId), eq(filings.type, 'appeal'), eq(filings.status, 'submitted'), isNull(filings.forwardedCaseId))).limit(1);
      if (waiting) return false;
      const open = await tx
        .select({ kind: caseDeadlines.kind, dueOn: caseDeadlines.dueOn, partyId: caseDeadlines.partyId })
        .from(caseDeadlines)
        .where(and(eq(caseDeadlines.caseId, caseId), inArray(caseDeadlines.kind, ['appeal', 'decision_copies_sent']), isNull(caseDeadlines.closedAt)));
      const inForceOn = inForceDay(open, day);
      if (inForceOn === null) return false;
      const lastTerm = open.filter((term) => term.kind === 'appeal').reduce((a, b) => (a.dueOn > b.dueOn ? a : b));
      await moveCase(tx, { caseId, instance: locked.instance, from: 'appeal_window', path: ['in_force'], actorId: null, now, data: { appealTermEnded: lastTerm.dueOn }, set: { inForceOn } });
      await closeDeadlines(tx, caseId, ['appeal'], now);
      await appendAudit(tx, { actorId: null, action: 'case.in_force', entityType: 'case', entityId: caseId, data: { inForceOn } }, now);
      return true;
    });
    if (done) moved++;
  }
  return moved;
}
