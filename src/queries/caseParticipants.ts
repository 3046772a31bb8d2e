import { and, eq, inArray, isNotNull, or, sql, type Column, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/tx.ts';
import { caseFollows, filings, organisations, parties } from '../db/schema/index.ts';

/** A party row that is a legal entity itself, not someone acting for a party. */
export function entityParty(party: { organisationId: Column; role: Column }): SQL {
  return and(isNotNull(party.organisationId), sql`${party.role} not in ('representative', 'lawyer')`)!;
}

/** A party row that is the person themselves, or a representative or lawyer the court accepted. */
const acceptedParticipant = sql`(${parties.role} not in ('representative', 'lawyer') or ${parties.authorityAcceptedAt} is not null)`;

/**
 * Whose participants: a batch of cases (the alerts' fan-out), one person's cases (their follows
 * page), a case (a notice to everyone in it), or one party of a case (a notice that is that
 * party's alone, such as its own appeal term: the party, the representatives the court accepted
 * for it, and, for a legal entity, its people).
 */
export type ParticipantScope = { caseIds: readonly string[] } | { userId: string } | { caseId: string; partyId?: string };

/**
 * Who takes part in a case, as (case, user) pairs: a party with an account, an accepted
 * representative or lawyer, and the people of a legal entity that is a party, who have no party
 * row of their own: whoever filed in the case for the entity through the portal (signed with a
 * certificate carrying its BIN), and whoever followed the case while acting for it
 * (`case_follows.bin`). Both hold only while the entity is a party, so one removed from the case
 * takes its people with it. A paper filing is left out: its filer of record is the clerk who
 * entered it.
 */
export function caseParticipantPairs(db: Executor, scope: ParticipantScope) {
  const entity = alias(parties, 'entity');
  const inScope = (caseId: Column, userId: Column): SQL =>
    'caseIds' in scope ? inArray(caseId, [...scope.caseIds]) : 'userId' in scope ? eq(userId, scope.userId) : eq(caseId, scope.caseId);
  const partyId = 'partyId' in scope ? scope.partyId : undefined;
  const entityInScope = and(entityParty(entity), partyId ? eq(entity.id, partyId) : undefined);
  const asThemselves = db
    .select({ caseId: parties.caseId, userId: parties.userId })
    .from(parties)
    .where(
      and(
        inScope(parties.caseId, parties.userId),
        isNotNull(parties.userId),
        partyId
          ? sql`((${parties.id} = ${partyId} and ${parties.role} not in ('representative', 'lawyer')) or (${parties.representsPartyId} = ${partyId} and ${parties.authorityAcceptedAt} is not null))`
          : acceptedParticipant,
      ),
    );
  const asEntityFiler = db
    .select({ caseId: entity.caseId, userId: filings.filerId })
    .from(entity)
    .innerJoin(organisations, eq(organisations.id, entity.organisationId))
    .innerJoin(filings, and(eq(filings.filerBin, organisations.bin), or(eq(filings.caseId, entity.caseId), eq(filings.forwardedCaseId, entity.caseId))))
    .where(and(inScope(entity.caseId, filings.filerId), entityInScope, eq(filings.status, 'submitted'), eq(filings.channel, 'portal')));
  const asEntityFollower = db
    .select({ caseId: caseFollows.caseId, userId: caseFollows.userId })
    .from(caseFollows)
    .innerJoin(organisations, eq(organisations.bin, caseFollows.bin))
    .innerJoin(entity, and(eq(entity.caseId, caseFollows.caseId), eq(entity.organisationId, organisations.id)))
    // Case-wide lists skip a row turned off; the person's own page still lists it, to turn back on.
    .where(and(inScope(caseFollows.caseId, caseFollows.userId), entityInScope, 'userId' in scope ? undefined : eq(caseFollows.active, true)));
  return asThemselves.union(asEntityFiler).union(asEntityFollower).as('case_participants');
}
