import type { FastifyInstance } from 'fastify';
import { isUuid } from '../domain/ids.ts';
import { SotError } from '../errors.ts';
import type { Principal } from '../policies/principal.ts';
import { can, type CaseRelation, type PolicyRequest } from '../policies/rules.ts';
import { caseToActOn, type CaseToActOn } from '../queries/caseAccess.ts';
import { caseRelations } from '../queries/caseRelations.ts';

/** What a person wants with a case, decided by how they stand to it (party, court staff, …). */
const BY_RELATION = {
  read: (relations) => ({ action: 'read', resource: 'case', relations }),
  file_in: (relations) => ({ action: 'file_in', resource: 'case', relations }),
  read_court_file: (relations) => ({ action: 'read', resource: 'court_file', relations }),
} satisfies Record<string, (relations: ReadonlySet<CaseRelation>) => PolicyRequest>;

/** What a person wants with a case, decided by its court and judge; any one request allowed is enough. */
const BY_COURT = {
  decide: (c) => [{ action: 'decide', resource: 'case', courtId: c.courtId, judgeId: c.judgeId }],
  send_copy: (c) => [{ action: 'send_copy', resource: 'case', courtId: c.courtId }],
  serve: (c) => [{ action: 'serve', resource: 'case', courtId: c.courtId }],
  add_material: (c) => [{ action: 'add_material', resource: 'court_file', courtId: c.courtId, judgeId: c.judgeId }],
  // The assignment page: the chair who may reassign the case, or the judge who may step down from it.
  assignment: (c) => [
    { action: 'reassign', resource: 'case', courtId: c.courtId },
    { action: 'recuse', resource: 'case', courtId: c.courtId, judgeId: c.judgeId },
  ],
} satisfies Record<string, (c: CaseToActOn) => PolicyRequest[]>;

export type RelationCheck = keyof typeof BY_RELATION;
export type CourtCheck = keyof typeof BY_COURT;
export type CaseWithRelations = CaseToActOn & { relations: Set<CaseRelation> };

const byRelation = (check: RelationCheck | CourtCheck): check is RelationCheck => check in BY_RELATION;

/**
 * The one way a route finds a case someone wants to act on: the case when the policies allow
 * every check asked for, otherwise a 404, the same as for a case that does not exist, so a case
 * someone may not see does not exist for them. Checks by relation read how the person stands to
 * the case first and return it; checks by court read the case's court and judge.
 */
export async function caseFor(app: FastifyInstance, principal: Principal, caseId: string, ...checks: [RelationCheck, ...RelationCheck[]]): Promise<CaseWithRelations>;
export async function caseFor(app: FastifyInstance, principal: Principal, caseId: string, ...checks: [CourtCheck, ...CourtCheck[]]): Promise<CaseToActOn>;
export async function caseFor(app: FastifyInstance, principal: Principal, caseId: string, ...checks: (RelationCheck | CourtCheck)[]): Promise<CaseToActOn | CaseWithRelations> {
  if (!isUuid(caseId)) throw new SotError('not_found');
  const relational = checks.filter(byRelation);
  const relations = relational.length > 0 ? await caseRelations(app.db, principal, caseId) : null;
  if (relations && !relational.every((check) => can(principal, BY_RELATION[check](relations)))) throw new SotError('not_found');
  const found = await caseToActOn(app.db, caseId);
  if (!found) throw new SotError('not_found');
  for (const check of checks) {
    if (!byRelation(check) && !BY_COURT[check](found).some((request) => can(principal, request))) throw new SotError('not_found');
  }
  return relations ? { ...found, relations } : found;
}
