import type { FastifyInstance } from 'fastify';
import { capacityOf } from '../../commands/accessLog.ts';
import type { AccessCapacity } from '../../domain/accessLog.ts';
import type { Principal } from '../../policies/principal.ts';
import { caseFor, type CaseWithRelations } from '../caseAccess.ts';

export interface ReadableCase extends CaseWithRelations {
  /** How the reader stands to the case, for the access log. */
  capacity: AccessCapacity;
}

/**
 * The case if the principal may read it (and, when asked, file in it or read the court's file);
 * otherwise a 404, so a case they may not see does not exist for them.
 */
export async function readableCase(app: FastifyInstance, principal: Principal, caseId: string, ...also: ('file_in' | 'read_court_file')[]): Promise<ReadableCase> {
  const found = await caseFor(app, principal, caseId, 'read', ...also);
  return { ...found, capacity: capacityOf(principal, found.relations, found.courtId) };
}
