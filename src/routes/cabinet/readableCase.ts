import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { capacityOf, type AccessCapacity } from '../../commands/accessLog.ts';
import { cases, courts } from '../../db/schema/index.ts';
import { isUuid } from '../../domain/ids.ts';
import { SotError } from '../../errors.ts';
import type { Principal } from '../../policies/principal.ts';
import { can, type CaseRelation } from '../../policies/rules.ts';
import { caseRelations } from '../../queries/caseRelations.ts';

export interface ReadableCase {
  id: string;
  number: string | null;
  court: { id: string; code: string; nameKk: string; nameRu: string; nameEn: string };
  relations: Set<CaseRelation>;
  /** How the reader stands to the case, for the access log. */
  capacity: AccessCapacity;
}

/** The case if the principal may read it; otherwise a 404, so a case they may not see does not exist for them. */
export async function readableCase(app: FastifyInstance, principal: Principal, caseId: string): Promise<ReadableCase> {
  if (!isUuid(caseId)) throw new SotError('not_found');
  const relations = await caseRelations(app.db, principal, caseId);
  if (!can(principal, { action: 'read', resource: 'case', relations })) throw new SotError('not_found');
  const [row] = await app.db
    .select({ id: cases.id, number: cases.number, court: { id: courts.id, code: courts.code, nameKk: courts.nameKk, nameRu: courts.nameRu, nameEn: courts.nameEn } })
    .from(cases)
    .innerJoin(courts, eq(courts.id, cases.courtId))
    .where(eq(cases.id, caseId));
  if (!row) throw new SotError('not_found');
  return { ...row, relations, capacity: capacityOf(principal, relations, row.court.id) };
}
