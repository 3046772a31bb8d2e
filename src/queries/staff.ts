import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { courts, userRoles, users } from '../db/schema/index.ts';
import { hasRole, type Principal } from '../policies/principal.ts';

/** Granted roles an administrator may see: all for the system administrator, their court's for a court administrator. */
export async function grantsVisibleTo(db: Db, principal: Principal) {
  const query = db
    .select({ id: userRoles.id, role: userRoles.role, grantedAt: userRoles.grantedAt, name: users.fullName, courtCode: courts.code, courtNameKk: courts.nameKk, courtNameRu: courts.nameRu, courtNameEn: courts.nameEn })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .leftJoin(courts, eq(courts.id, userRoles.courtId))
    .orderBy(asc(courts.code), asc(userRoles.role), asc(users.fullName))
    .$dynamic();
  if (hasRole(principal, 'system_admin')) return query.limit(1000);
  const adminCourts = principal.roles.filter((r) => r.role === 'court_admin' && r.courtId).map((r) => r.courtId!);
  return query.where(inArray(userRoles.courtId, adminCourts)).limit(1000);
}

export type VisibleGrant = Awaited<ReturnType<typeof grantsVisibleTo>>[number];
