/**
 * The court's acceptance of a representative's authority: a power of attorney or a lawyer's
 * warrant, checked by the judge of the case. Until then the representative does not see the
 * case (src/queries/caseRelations.ts); from then on they read and file in it for their party.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { appendAudit } from '../db/audit.ts';
import { cases, events, parties } from '../db/schema/index.ts';
import { isUuid } from '../domain/ids.ts';
import { SotError } from '../errors.ts';
import type { Principal } from '../policies/principal.ts';
import { can } from '../policies/rules.ts';

export async function acceptAuthority(db: Db, principal: Principal, caseId: string, partyId: string, now: Date): Promise<void> {
  if (!isUuid(caseId) || !isUuid(partyId)) throw new SotError('not_found');
  const [found] = await db.select({ courtId: cases.courtId, judgeId: cases.judgeId }).from(cases).where(eq(cases.id, caseId));
  if (!found || !can(principal, { action: 'decide', resource: 'case', courtId: found.courtId, judgeId: found.judgeId })) throw new SotError('not_found');
  await db.transaction(async (tx) => {
    const accepted = await tx
      .update(parties)
      .set({ authorityAcceptedAt: now })
      .where(and(eq(parties.id, partyId), eq(parties.caseId, caseId), inArray(parties.role, ['representative', 'lawyer']), isNull(parties.authorityAcceptedAt)))
      .returning({ id: parties.id, role: parties.role });
    if (accepted.length === 0) throw new SotError('authority_not_pending');
    await tx.insert(events).values({ caseId, type: 'authority_accepted', occurredAt: now, actorId: principal.userId, data: { partyId, role: accepted[0]!.role } });
    await appendAudit(tx, { actorId: principal.userId, action: 'case.authority_accepted', entityType: 'case', entityId: caseId, data: { partyId } }, now);
  });
}
