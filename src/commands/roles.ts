import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { appendAudit } from '../db/audit.ts';
import { courts, roleGrantProposals, userRoles, users } from '../db/schema/index.ts';
import { SotError } from '../errors.ts';
import { GRANTABLE_ROLES, hasRole, isBenchRole, type GrantableRole, type Principal } from '../policies/principal.ts';
import { can } from '../policies/rules.ts';

const COURT_BOUND: readonly GrantableRole[] = ['clerk', 'judge', 'court_chair', 'court_admin'];
/** Bar associations number their members in their own ways, e.g. "АЛМ-0421" or "12345". */
const BAR_NUMBER = /^[\p{L}\d][\p{L}\d\-/ ]{0,29}$/u;

export function isGrantableRole(value: string): value is GrantableRole {
  return (GRANTABLE_ROLES as readonly string[]).includes(value);
}

/** `granted`: the role is held from now on; `proposed`: it waits for a second system administrator. */
export type GrantOutcome = 'granted' | 'proposed';

/**
 * Grants a role to a person who has signed in before (identified by IIN). Court staff roles are
 * bound to a court; a lawyer is recorded with their bar registration number. Nobody grants a
 * role to themselves. A judge or a court chair is only proposed here, by a system administrator,
 * and seated when another confirms (`confirmRoleGrant`): one administrator alone could otherwise
 * make someone, themselves included through an accomplice's account, the judge of any case.
 * Granting a role held already changes nothing but the bar number.
 */
export async function grantRole(db: Db, actor: Principal, input: { iin: string; role: string; courtCode: string | null; barNumber?: string | null }, now: Date): Promise<GrantOutcome> {
  if (!isGrantableRole(input.role)) throw new SotError('role_not_grantable');
  const role = input.role;
  const barNumber = role === 'lawyer' ? input.barNumber?.trim() ?? '' : null;
  if (barNumber !== null && !BAR_NUMBER.test(barNumber)) throw new SotError('bar_number_invalid');
  let courtId: string | null = null;
  if (COURT_BOUND.includes(role)) {
    const [court] = input.courtCode ? await db.select({ id: courts.id }).from(courts).where(eq(courts.code, input.courtCode)) : [];
    if (!court) throw new SotError('court_not_found');
    courtId = court.id;
  }
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.iin, input.iin));
  if (!user) throw new SotError('user_not_found');
  if (user.id === actor.userId) throw new SotError('role_own');
  if (isBenchRole(role) && !hasRole(actor, 'system_admin')) throw new SotError('bench_role_reserved');
  if (!can(actor, { action: 'grant', resource: 'role', role, courtId, granteeId: user.id })) throw new SotError('forbidden');
  if (isBenchRole(role)) {
    await proposeBenchRole(db, actor, { userId: user.id, role, courtId: courtId! }, now);
    return 'proposed';
  }
  await db.transaction(async (tx) => {
    if (barNumber !== null) await tx.update(users).set({ barNumber }).where(eq(users.id, user.id));
    const granted = await tx.insert(userRoles).values({ userId: user.id, role, courtId, grantedBy: actor.userId, grantedAt: now }).onConflictDoNothing().returning({ id: userRoles.id });
    if (granted.length > 0) await appendAudit(tx, { actorId: actor.userId, action: 'role.granted', entityType: 'user', entityId: user.id, data: { role, courtId, ...(barNumber ? { barNumber } : {}) } }, now);
  });
  return 'granted';
}

async function proposeBenchRole(db: Db, actor: Principal, proposal: { userId: string; role: GrantableRole; courtId: string }, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const [held] = await tx
      .select({ id: userRoles.id })
      .from(userRoles)
      .where(and(eq(userRoles.userId, proposal.userId), eq(userRoles.role, proposal.role), eq(userRoles.courtId, proposal.courtId)));
    if (held) throw new SotError('role_already_held');
    // The partial unique index admits one pending proposal per person, role and court.
    const [created] = await tx
      .insert(roleGrantProposals)
      .values({ ...proposal, proposedBy: actor.userId, proposedAt: now })
      .onConflictDoNothing()
      .returning({ id: roleGrantProposals.id });
    if (!created) throw new SotError('role_proposal_pending');
    await appendAudit(tx, { actorId: actor.userId, action: 'role.proposed', entityType: 'user', entityId: proposal.userId, data: { role: proposal.role, courtId: proposal.courtId, proposalId: created.id } }, now);
  });
}

async function pendingProposal(db: Db, proposalId: string) {
  const [proposal] = await db.select().from(roleGrantProposals).where(eq(roleGrantProposals.id, proposalId));
  if (!proposal || !isGrantableRole(proposal.role)) throw new SotError('not_found');
  if (proposal.status !== 'pending') throw new SotError('role_proposal_closed');
  return { ...proposal, role: proposal.role };
}

/**
 * The second system administrator seats the judge or chair: neither the one who proposed it nor
 * the person themselves. Compare-and-set on the pending status, so two confirmations, or a
 * confirmation racing a cancellation, settle it once.
 */
export async function confirmRoleGrant(db: Db, actor: Principal, proposalId: string, now: Date): Promise<void> {
  const proposal = await pendingProposal(db, proposalId);
  if (proposal.userId === actor.userId) throw new SotError('role_own');
  if (proposal.proposedBy === actor.userId) throw new SotError('role_proposal_own');
  if (!can(actor, { action: 'confirm', resource: 'role', role: proposal.role, courtId: proposal.courtId, granteeId: proposal.userId, proposedBy: proposal.proposedBy })) throw new SotError('forbidden');
  await db.transaction(async (tx) => {
    const decided = await tx
      .update(roleGrantProposals)
      .set({ status: 'confirmed', decidedBy: actor.userId, decidedAt: now })
      .where(and(eq(roleGrantProposals.id, proposalId), eq(roleGrantProposals.status, 'pending')))
      .returning({ id: roleGrantProposals.id });
    if (decided.length === 0) throw new SotError('role_proposal_closed');
    await tx
      .insert(userRoles)
      .values({ userId: proposal.userId, role: proposal.role, courtId: proposal.courtId, grantedBy: proposal.proposedBy, grantedAt: proposal.proposedAt, confirmedBy: actor.userId, confirmedAt: now })
      .onConflictDoNothing();
    await appendAudit(tx, { actorId: actor.userId, action: 'role.confirmed', entityType: 'user', entityId: proposal.userId, data: { role: proposal.role, courtId: proposal.courtId, proposalId, proposedBy: proposal.proposedBy } }, now);
  });
}

/** A proposal withdrawn by its proposer or turned down by another system administrator. */
export async function cancelRoleGrant(db: Db, actor: Principal, proposalId: string, now: Date): Promise<void> {
  const proposal = await pendingProposal(db, proposalId);
  if (proposal.userId === actor.userId) throw new SotError('role_own');
  if (!can(actor, { action: 'cancel', resource: 'role', role: proposal.role, courtId: proposal.courtId, granteeId: proposal.userId })) throw new SotError('forbidden');
  await db.transaction(async (tx) => {
    const decided = await tx
      .update(roleGrantProposals)
      .set({ status: 'cancelled', decidedBy: actor.userId, decidedAt: now })
      .where(and(eq(roleGrantProposals.id, proposalId), eq(roleGrantProposals.status, 'pending')))
      .returning({ id: roleGrantProposals.id });
    if (decided.length === 0) throw new SotError('role_proposal_closed');
    await appendAudit(tx, { actorId: actor.userId, action: 'role.proposal_cancelled', entityType: 'user', entityId: proposal.userId, data: { role: proposal.role, courtId: proposal.courtId, proposalId } }, now);
  });
}

export async function revokeRole(db: Db, actor: Principal, grantId: string, now: Date): Promise<void> {
  const [grant] = await db.select().from(userRoles).where(eq(userRoles.id, grantId));
  if (!grant || !isGrantableRole(grant.role)) throw new SotError('not_found');
  if (grant.userId === actor.userId) throw new SotError('role_own');
  if (!can(actor, { action: 'revoke', resource: 'role', role: grant.role, courtId: grant.courtId, granteeId: grant.userId })) throw new SotError('not_found');
  await db.transaction(async (tx) => {
    const removed = await tx
      .delete(userRoles)
      .where(and(eq(userRoles.id, grantId), grant.courtId ? eq(userRoles.courtId, grant.courtId) : isNull(userRoles.courtId)))
      .returning({ id: userRoles.id });
    if (removed.length > 0) await appendAudit(tx, { actorId: actor.userId, action: 'role.revoked', entityType: 'user', entityId: grant.userId, data: { role: grant.role, courtId: grant.courtId } }, now);
  });
}
