import { and, asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.ts';
import { courts, roleGrantProposals, userRoles, users } from '../db/schema/index.ts';
import { hasRole, type Principal } from '../policies/principal.ts';

/** The courts whose staff a principal administers; null for the system administrator, who sees every court. */
function administeredCourts(principal: Principal): string[] | null {
  if (hasRole(principal, 'system_admin')) return null;
  return principal.roles.filter((r) => r.role === 'court_admin' && r.courtId).map((r) => r.courtId!);
}

/** Granted roles an administrator may see: all for the system administrator, their court's for a court administrator. */
export async function grantsVisibleTo(db: Db, principal: Principal) {
  const query = db
    .select({ id: userRoles.id, userId: userRoles.userId, role: userRoles.role, grantedAt: userRoles.grantedAt, name: users.fullName, courtCode: courts.code, courtNameKk: courts.nameKk, courtNameRu: courts.nameRu, courtNameEn: courts.nameEn })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .leftJoin(courts, eq(courts.id, userRoles.courtId))
    .orderBy(asc(courts.code), asc(userRoles.role), asc(users.fullName))
    .$dynamic();
  const adminCourts = administeredCourts(principal);
  if (adminCourts === null) return query.limit(1000);
  return query.where(inArray(userRoles.courtId, adminCourts)).limit(1000);
}

export type VisibleGrant = Awaited<ReturnType<typeof grantsVisibleTo>>[number];

const proposer = alias(users, 'proposer');

/** Seats on the bench waiting for a second system administrator, oldest first; optionally one person's. */
export async function pendingGrantsVisibleTo(db: Db, principal: Principal, userId?: string) {
  const adminCourts = administeredCourts(principal);
  return db
    .select({
      id: roleGrantProposals.id,
      userId: roleGrantProposals.userId,
      role: roleGrantProposals.role,
      courtId: roleGrantProposals.courtId,
      proposedAt: roleGrantProposals.proposedAt,
      proposedBy: roleGrantProposals.proposedBy,
      name: users.fullName,
      proposerName: proposer.fullName,
      courtCode: courts.code,
      courtNameKk: courts.nameKk,
      courtNameRu: courts.nameRu,
      courtNameEn: courts.nameEn,
    })
    .from(roleGrantProposals)
    .innerJoin(users, eq(users.id, roleGrantProposals.userId))
    .innerJoin(proposer, eq(proposer.id, roleGrantProposals.proposedBy))
    .innerJoin(courts, eq(courts.id, roleGrantProposals.courtId))
    .where(
      and(
        eq(roleGrantProposals.status, 'pending'),
        userId ? eq(roleGrantProposals.userId, userId) : undefined,
        adminCourts === null ? undefined : inArray(roleGrantProposals.courtId, adminCourts),
      ),
    )
    .orderBy(asc(roleGrantProposals.proposedAt))
    .limit(500);
}

export type PendingGrant = Awaited<ReturnType<typeof pendingGrantsVisibleTo>>[number];
