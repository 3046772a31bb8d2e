import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { appendAudit } from '../db/audit.ts';
import { courts, userRoles, users } from '../db/schema/index.ts';
import { SotError } from '../errors.ts';
import { GRANTABLE_ROLES, type GrantableRole, type Principal } from '../policies/principal.ts';
import { can } from '../policies/rules.ts';

const COURT_BOUND: readonly GrantableRole[] = ['clerk', 'judge', 'court_chair', 'court_admin'];
/** Bar associations number their members in their own ways, e.g. "АЛМ-0421" or "12345". */
const BAR_NUMBER = /^[\p{L}\d][\p{L}\d\-/ ]{0,29}$/u;

export function isGrantableRole(value: string): value is GrantableRole {
  return (GRANTABLE_ROLES as readonly string[]).includes(value);
}

/**
 * Grants a role to a person who has signed in before (identified by IIN). Court staff roles are
 * bound to a court; a lawyer is recorded with their bar registration number. The policies decide
 * who may grant what. Granting twice changes nothing but the bar number.
 */
export async function grantRole(db: Db, actor: Principal, input: { iin: string; role: string; courtCode: string | null; barNumber?: string | null }, now: Date): Promise<void> {
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
  if (!can(actor, { action: 'grant', resource: 'role', role, courtId })) throw new SotError('forbidden');
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.iin, input.iin));
  if (!user) throw new SotError('user_not_found');
  await db.transaction(async (tx) => {
    if (barNumber !== null) await tx.update(users).set({ barNumber }).where(eq(users.id, user.id));
    const granted = await tx.insert(userRoles).values({ userId: user.id, role, courtId, grantedBy: actor.userId, grantedAt: now }).onConflictDoNothing().returning({ id: userRoles.id });
    if (granted.length > 0) await appendAudit(tx, { actorId: actor.userId, action: 'role.granted', entityType: 'user', entityId: user.id, data: { role, courtId, ...(barNumber ? { barNumber } : {}) } }, now);
  });
}

export async function revokeRole(db: Db, actor: Principal, grantId: string, now: Date): Promise<void> {
  const [grant] = await db.select().from(userRoles).where(eq(userRoles.id, grantId));
  if (!grant || !isGrantableRole(grant.role)) throw new SotError('not_found');
  if (!can(actor, { action: 'revoke', resource: 'role', role: grant.role, courtId: grant.courtId })) throw new SotError('not_found');
  await db.transaction(async (tx) => {
    const removed = await tx
      .delete(userRoles)
      .where(and(eq(userRoles.id, grantId), grant.courtId ? eq(userRoles.courtId, grant.courtId) : isNull(userRoles.courtId)))
      .returning({ id: userRoles.id });
    if (removed.length > 0) await appendAudit(tx, { actorId: actor.userId, action: 'role.revoked', entityType: 'user', entityId: grant.userId, data: { role: grant.role, courtId: grant.courtId } }, now);
  });
}
