import { and, eq, inArray, isNotNull, isNull, notInArray, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Tx } from '../db/tx.ts';
import { caseDeadlines, organisations, parties } from '../db/schema/index.ts';
import type { FilerStanding } from '../domain/duty/rates.ts';
import type { FilingType } from '../domain/filingTypes.ts';

const ACTING_FOR_OTHERS = ['representative', 'lawyer'] as const;

/** Someone acting in a case: a signed-in person, with the BIN of the entity their certificate names. */
export interface Actor {
  userId: string;
  bin: string | null;
}

/**
 * The parties of a case a person acts as: themselves, the legal entity of their BIN, or a client
 * whose representative or lawyer the court accepted them as. Representatives are never parties
 * here: their terms and standing are their client's.
 */
export async function partiesActedFor(db: Db | Tx, caseId: string, actor: Actor): Promise<{ id: string; role: string }[]> {
  const clients = db
    .select({ id: parties.representsPartyId })
    .from(parties)
    .where(and(eq(parties.caseId, caseId), eq(parties.userId, actor.userId), inArray(parties.role, [...ACTING_FOR_OTHERS]), isNotNull(parties.authorityAcceptedAt)));
  return db
    .select({ id: parties.id, role: parties.role })
    .from(parties)
    .where(
      and(
        eq(parties.caseId, caseId),
        notInArray(parties.role, [...ACTING_FOR_OTHERS]),
        or(
          eq(parties.userId, actor.userId),
          sql`${parties.id} in ${clients}`,
          actor.bin ? sql`${parties.organisationId} in (select ${organisations.id} from ${organisations} where ${organisations.bin} = ${actor.bin})` : undefined,
        ),
      ),
    );
}

/**
 * How the filer of a filing in a case stands in it, for the state duty: the claimant (or the
 * applicant of a court order) files as the claimant; so does a defendant filing a counterclaim,
 * which makes them its claimant; anyone else does not.
 */
export async function standingOfFiler(db: Db | Tx, caseId: string, actor: Actor, type: FilingType): Promise<FilerStanding> {
  if (type === 'counterclaim') return 'claimant';
  const acted = await partiesActedFor(db, caseId, actor);
  return acted.some((p) => p.role === 'claimant' || p.role === 'applicant') ? 'claimant' : 'other';
}

/**
 * Parties absent from the hearing who wait for a paper copy of the decision: the court's term to
 * send it (CPC Art. 234) is open, and their own appeal term starts only when it is sent.
 */
export async function copiesAwaited(db: Db | Tx, caseId: string) {
  return db
    .select({ partyId: parties.id, name: parties.displayName, role: parties.role, runsFrom: caseDeadlines.runsFrom, dueOn: caseDeadlines.dueOn })
    .from(caseDeadlines)
    .innerJoin(parties, eq(parties.id, caseDeadlines.partyId))
    .where(and(eq(caseDeadlines.caseId, caseId), eq(caseDeadlines.kind, 'decision_copies_sent'), isNull(caseDeadlines.closedAt)))
    .orderBy(caseDeadlines.dueOn, parties.createdAt);
}
export type CopyAwaited = Awaited<ReturnType<typeof copiesAwaited>>[number];

/** The parties of a case in their own right (not those acting for them), with whether Sot reaches them. */
export async function decisionParties(db: Db | Tx, caseId: string): Promise<{ id: string; name: string; role: string; online: boolean }[]> {
  const rows = await db
    .select({
      id: parties.id,
      name: parties.displayName,
      role: parties.role,
      // The notice of an issued act goes to the party's own account or to a representative the court
      // accepted. Spelled out: in a one-table select drizzle leaves column names unqualified.
      online: sql<boolean>`("parties"."user_id" is not null or exists (select 1 from ${parties} r where r.represents_party_id = "parties"."id" and r.user_id is not null and r.authority_accepted_at is not null))`,
    })
    .from(parties)
    .where(and(eq(parties.caseId, caseId), sql`${parties.role} not in ('representative', 'lawyer')`))
    .orderBy(parties.createdAt);
  return rows.map((r) => ({ ...r, online: Boolean(r.online) }));
}

