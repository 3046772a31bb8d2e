import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { appendAudit } from '../db/audit.ts';
import { caseFollows } from '../db/schema/index.ts';
import { publiclyFollowable } from '../domain/caseAlerts.ts';
import { SotError } from '../errors.ts';
import type { FollowTarget } from '../queries/caseFollows.ts';

export interface AlertChoice {
  /** False: no alerts for this case (a participant's choice; anyone else stops following). */
  following: boolean;
  byEmail: boolean;
  bySms: boolean;
}

/**
 * Follows a case, or changes how its alerts come. A participant's choice is kept as their row for
 * the case; so is the follow of someone acting for an entity that is a party, whose row keeps the
 * entity's BIN and makes them a participant. Anyone else may follow only a public case, and a stop
 * removes their row. A case the person may not follow is refused as not found, as its public page
 * answers for a closed case the same way to everyone.
 */
export async function chooseCaseAlerts(db: Db, userId: string, target: FollowTarget, choice: AlertChoice, now: Date): Promise<'followed' | 'saved' | 'stopped'> {
  // A follower of a case that has since become closed may still stop following it.
  if (!target.takesPart && (choice.following ? !publiclyFollowable(target) : !target.follow)) throw new SotError('case_not_found');
  return db.transaction(async (tx) => {
    // A participant who chooses while signed in without the BIN keeps the entity their row was made for.
    const bin = target.entityBin ?? (target.participant ? (target.follow?.bin ?? null) : null);
    const audit = (action: string) =>
      appendAudit(tx, { actorId: userId, action, entityType: 'case', entityId: target.id, data: { ...choice, participant: target.takesPart, forEntity: bin !== null } }, now);
    if (!choice.following && !target.takesPart) {
      await tx.delete(caseFollows).where(and(eq(caseFollows.userId, userId), eq(caseFollows.caseId, target.id)));
      await audit('case.unfollowed');
      return 'stopped';
    }
    const values = { active: choice.following, byEmail: choice.byEmail, bySms: choice.bySms, publicOnly: !target.takesPart, bin, changedAt: now };
    await tx
      .insert(caseFollows)
      .values({ userId, caseId: target.id, since: now, ...values })
      .onConflictDoUpdate({ target: [caseFollows.userId, caseFollows.caseId], set: values });
    const fresh = !target.participant && !target.follow;
    await audit(fresh ? 'case.followed' : 'case.alerts_changed');
    return fresh ? 'followed' : choice.following ? 'saved' : 'stopped';
  });
}
