/**
 * A first-instance decision nobody appealed enters into force the day after the appeal term
 * ends. It opens no cassation term: cassation lies only where the appeal route was used
 * (CPC Art. 434(1)), from the appellate act's entry into force (Art. 436(1)). Run periodically; each case moves in its own transaction under its row lock, so running
 * it in several processes at once, or again, changes nothing twice.
 */
import { and, eq, isNull, lt } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { appendAudit } from '../db/audit.ts';
import { caseDeadlines, cases } from '../db/schema/index.ts';
import { addCalendarDays } from '../domain/calendar/workingDays.ts';
import type { IsoDay } from '../domain/calendar/holidays.ts';
import { closeDeadlines, moveCase, today } from './caseProgress.ts';

export async function enterDecisionsIntoForce(db: Db, now: Date, limit = 500): Promise<number> {
  const due = await db
    .select({ caseId: caseDeadlines.caseId, dueOn: caseDeadlines.dueOn })
    .from(caseDeadlines)
    .innerJoin(cases, eq(cases.id, caseDeadlines.caseId))
    .where(and(eq(caseDeadlines.kind, 'appeal'), isNull(caseDeadlines.closedAt), lt(caseDeadlines.dueOn, today(now)), eq(cases.status, 'appeal_window')))
    .limit(limit);
  let moved = 0;
  for (const { caseId, dueOn } of due) {
    const done = await db.transaction(async (tx) => {
      const [locked] = await tx.select({ status: cases.status, instance: cases.instance }).from(cases).where(eq(cases.id, caseId)).for('update');
      if (locked?.status !== 'appeal_window') return false;
      const inForceOn = addCalendarDays(dueOn as IsoDay, 1);
      await moveCase(tx, { caseId, instance: locked.instance, from: 'appeal_window', path: ['in_force'], actorId: null, now, data: { appealTermEnded: dueOn }, set: { inForceOn } });
      await closeDeadlines(tx, caseId, ['appeal'], now);
      await appendAudit(tx, { actorId: null, action: 'case.in_force', entityType: 'case', entityId: caseId, data: { inForceOn } }, now);
      return true;
    });
    if (done) moved++;
  }
  return moved;
}
