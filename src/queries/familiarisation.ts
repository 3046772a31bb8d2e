/**
 * Requests to read the case materials (src/domain/familiarisation.ts) as the court and the
 * parties see them, and what a grant opens to whom.
 */
import { and, asc, eq, inArray, isNotNull, notInArray, or } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { cases, documents, familiarisationRequests, parties } from '../db/schema/index.ts';
import { COURT_ACT_KINDS } from '../domain/courtActs.ts';
import type { CaseStatus } from '../domain/caseStatus.ts';
import { GRANT_OPEN, mayRequestFamiliarisation } from '../domain/familiarisation.ts';
import type { Principal } from '../policies/principal.ts';
import { participantCondition } from './caseRelations.ts';

/** The party the principal acts for in the case: themselves, their entity, or the party they represent with accepted authority. */
export async function ownPartyIds(db: Pick<Db, 'select'>, principal: Principal, caseId: string): Promise<string[]> {
  const rows = await db
    .select({ id: parties.id, role: parties.role, representsPartyId: parties.representsPartyId })
    .from(parties)
    .where(and(eq(parties.caseId, caseId), participantCondition(principal)));
  return [...new Set(rows.map((r) => (r.role === 'representative' || r.role === 'lawyer' ? r.representsPartyId! : r.id)))];
}

/** The documents of the case a grant may open: kept for the court, and not the judge's drafts. */
export async function grantableIds(tx: Pick<Db, 'select'>, caseId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: documents.id })
    .from(documents)
    .where(and(eq(documents.caseId, caseId), eq(documents.visibility, 'court'), or(isNotNull(documents.issuedAt), notInArray(documents.kind, [...COURT_ACT_KINDS]))));
  return rows.map((r) => r.id);
}

/** The requests to read the materials of a case, oldest first, with the party each is for. */
export async function familiarisationRequestsOf(db: Db, caseId: string, onlyParties?: readonly string[]) {
  if (onlyParties && onlyParties.length === 0) return [];
  return db
    .select({
      id: familiarisationRequests.id,
      partyId: familiarisationRequests.partyId,
      partyName: parties.displayName,
      partyRole: parties.role,
      note: familiarisationRequests.note,
      requestedAt: familiarisationRequests.requestedAt,
      status: familiarisationRequests.status,
      scope: familiarisationRequests.scope,
      documentIds: familiarisationRequests.documentIds,
      reason: familiarisationRequests.reason,
      decidedAt: familiarisationRequests.decidedAt,
    })
    .from(familiarisationRequests)
    .innerJoin(parties, eq(parties.id, familiarisationRequests.partyId))
    .where(and(eq(familiarisationRequests.caseId, caseId), onlyParties ? inArray(familiarisationRequests.partyId, [...onlyParties]) : undefined))
    .orderBy(asc(familiarisationRequests.requestedAt), asc(familiarisationRequests.id));
}
export type FamiliarisationRow = Awaited<ReturnType<typeof familiarisationRequestsOf>>[number];

/** The documents a grant opens to the principal in this case now; none once the case has left the court. */
export async function grantedDocumentIds(db: Db, principal: Principal, caseId: string): Promise<string[]> {
  const [found] = await db.select({ status: cases.status }).from(cases).where(eq(cases.id, caseId));
  if (!found || !GRANT_OPEN[found.status]) return [];
  const partyIds = await ownPartyIds(db, principal, caseId);
  if (partyIds.length === 0) return [];
  const rows = await db
    .select({ ids: familiarisationRequests.documentIds })
    .from(familiarisationRequests)
    .where(and(eq(familiarisationRequests.caseId, caseId), eq(familiarisationRequests.status, 'granted'), inArray(familiarisationRequests.partyId, partyIds)));
  return [...new Set(rows.flatMap((r) => r.ids ?? []))];
}

/** A party's requests in the case and whether they may ask now. */
export async function familiarisationPanelOf(db: Db, principal: Principal, c: { id: string; status: CaseStatus }) {
  const requests = await familiarisationRequestsOf(db, c.id, await ownPartyIds(db, principal, c.id));
  return { requests, mayRequest: mayRequestFamiliarisation(c.status, requests.filter((r) => r.status === 'pending').length) };
}
