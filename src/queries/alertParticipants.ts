import { and, eq, inArray, isNotNull, or, sql, type Column, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/tx.ts';
import { caseFollows, filings, organisations, parties } from '../db/schema/index.ts';

/** A party row that is the person themselves, or a representative or lawyer the court accepted. */
const acceptedParticipant = sql`(${parties.role} not in ('representative', 'lawyer') or ${parties.authorityAcceptedAt} is not null)`;

/**
 * Who takes part in a case for its alerts, as (case, user) pairs: a party with an account, an
 * accepted representative or lawyer (the rule of `caseParticipants`), and the people of a legal
 * entity that is a party, who have no party row of their own: whoever filed in the case for the
 * entity through the portal, and whoever followed the case while acting for it (`case_follows.bin`).
 * Both hold only while the entity is a party, so one removed from the case takes its people's
 * alerts with it. A paper filing is left out: its filer of record is the clerk who entered it.
 *
 * Limited to a batch's cases (the fan-out) or to one person (their own follows page).
 */
export function alertParticipants(db: Executor, scope: { caseIds: readonly string[] } | { userId: string }) {
  const entity = alias(parties, 'entity');
  const inScope = (caseId: Column, userId: Column): SQL => ('caseIds' in scope ? inArray(caseId, [...scope.caseIds]) : eq(userId, scope.userId));
  const entityParty = and(isNotNull(entity.organisationId), sql`${entity.role} not in ('representative', 'lawyer')`);
  const asThemselves = db
    .select({ caseId: parties.caseId, userId: parties.userId })
    .from(parties)
    .where(and(inScope(parties.caseId, parties.userId), isNotNull(parties.userId), acceptedParticipant));
  const asEntityFiler = db
    .select({ caseId: entity.caseId, userId: filings.filerId })
    .from(entity)
    .innerJoin(organisations, eq(organisations.id, entity.organisationId))
    .innerJoin(filings, and(eq(filings.filerBin, organisations.bin), or(eq(filings.caseId, entity.caseId), eq(filings.forwardedCaseId, entity.caseId))))
    .where(and(inScope(entity.caseId, filings.filerId), entityParty, eq(filings.status, 'submitted'), eq(filings.channel, 'portal')));
  const asEntityFollower = db
    .select({ caseId: caseFollows.caseId, userId: caseFollows.userId })
    .from(caseFollows)
    .innerJoin(organisations, eq(organisations.bin, caseFollows.bin))
    .innerJoin(entity, and(eq(entity.caseId, caseFollows.caseId), eq(entity.organisationId, organisations.id)))
    // The fan-out skips a row turned off in any case; the person's own page still lists it, to turn back on.
    .where(and(inScope(caseFollows.caseId, caseFollows.userId), entityParty, 'caseIds' in scope ? eq(caseFollows.active, true) : undefined));
  return asThemselves.union(asEntityFiler).union(asEntityFollower).as('alert_participants');
}
