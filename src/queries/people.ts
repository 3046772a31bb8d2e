import { and, asc, eq, inArray, like } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.ts';
import { auditLog, courts, roleGrantProposals, userRoles, users } from '../db/schema/index.ts';

/** What happened to a person's roles, as the audit log records it. */
export const ROLE_EVENTS = ['granted', 'proposed', 'confirmed', 'proposal_cancelled', 'revoked'] as const;
export type RoleEvent = (typeof ROLE_EVENTS)[number];

const granter = alias(users, 'granter');
const confirmer = alias(users, 'confirmer');

/**
 * A person as the administrators' page shows them: name, the roles they hold with who granted
 * (and confirmed) each, and every grant, proposal, confirmation, cancellation and revocation from
 * the audit log with who did it and when. No IIN: the page names people as the roles list does.
 */
export async function personRoles(db: Db, userId: string) {
  const [person] = await db.select({ id: users.id, fullName: users.fullName }).from(users).where(eq(users.id, userId));
  if (!person) return null;
  const held = await db
    .select({
      id: userRoles.id,
      role: userRoles.role,
      courtId: userRoles.courtId,
      grantedAt: userRoles.grantedAt,
      grantedBy: granter.fullName,
      confirmedBy: confirmer.fullName,
      confirmedAt: userRoles.confirmedAt,
    })
    .from(userRoles)
    .leftJoin(granter, eq(granter.id, userRoles.grantedBy))
    .leftJoin(confirmer, eq(confirmer.id, userRoles.confirmedBy))
    .where(eq(userRoles.userId, userId))
    .orderBy(asc(userRoles.grantedAt));
  const logged = await db
    .select({ id: auditLog.id, at: auditLog.occurredAt, action: auditLog.action, data: auditLog.data, actorName: users.fullName })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.entityType, 'user'), eq(auditLog.entityId, userId), like(auditLog.action, 'role.%')))
    .orderBy(asc(auditLog.id))
    .limit(500);
  const history = logged.flatMap((row) => {
    const event = ROLE_EVENTS.find((e) => `role.${e}` === row.action);
    const role = typeof row.data['role'] === 'string' ? row.data['role'] : null;
    if (!event || !role) return [];
    return [{ id: row.id, at: row.at, event, role, courtId: typeof row.data['courtId'] === 'string' ? row.data['courtId'] : null, actorName: row.actorName }];
  });
  const pendingCourts = await db.select({ courtId: roleGrantProposals.courtId }).from(roleGrantProposals).where(eq(roleGrantProposals.userId, userId));
  // Every court the person's roles touch, now or before: who may see the person follows from these.
  const courtIds = [...new Set([...held.map((h) => h.courtId), ...history.map((h) => h.courtId), ...pendingCourts.map((p) => p.courtId)].filter((id): id is string => id !== null))];
  const courtRows = courtIds.length ? await db.select({ id: courts.id, code: courts.code, nameKk: courts.nameKk, nameRu: courts.nameRu, nameEn: courts.nameEn }).from(courts).where(inArray(courts.id, courtIds)) : [];
  return { person, held, history, courtIds, courts: new Map(courtRows.map((c) => [c.id, c])) };
}

export type PersonRoles = NonNullable<Awaited<ReturnType<typeof personRoles>>>;
