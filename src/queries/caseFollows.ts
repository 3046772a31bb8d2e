import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '../db/tx.ts';
import { caseFollows, cases, courts, organisations, parties, users } from '../db/schema/index.ts';
import type { CaseStatus } from '../domain/caseStatus.ts';
import { caseParticipantPairs, entityParty } from './caseParticipants.ts';

export interface FollowTarget {
  id: string;
  number: string;
  closedHearing: boolean;
  category: string;
  participant: boolean;
  /** The BIN the person acts for directly, when that entity is a party of the case: following makes them a participant. */
  entityBin: string | null;
  /** Takes part in the case, or acts for an entity that is a party: their alerts are a participant's, not the public's. */
  takesPart: boolean;
  /** The person's row for this case, when they have one. */
  follow: Pick<typeof caseFollows.$inferSelect, 'active' | 'byEmail' | 'bySms' | 'publicOnly' | 'bin'> | null;
}

/** A registered case by its number (or id), with how the person (acting for the entity of `bin`, if any) stands to it for alerts. */
export async function followTarget(db: Executor, actor: { userId: string; bin: string | null }, by: { number: string } | { caseId: string }): Promise<FollowTarget | null> {
  const [found] = await db
    .select({ id: cases.id, number: cases.number, closedHearing: cases.closedHearing, category: cases.category })
    .from(cases)
    .where('number' in by ? eq(cases.number, by.number) : eq(cases.id, by.caseId));
  if (!found?.number) return null;
  const participating = caseParticipantPairs(db, { userId: actor.userId });
  const [[mine], [entity], [follow]] = await Promise.all([
    db.select({ caseId: participating.caseId }).from(participating).where(eq(participating.caseId, found.id)).limit(1),
    actor.bin
      ? db
          .select({ bin: organisations.bin })
          .from(parties)
          .innerJoin(organisations, eq(organisations.id, parties.organisationId))
          .where(and(eq(parties.caseId, found.id), eq(organisations.bin, actor.bin), entityParty(parties)))
          .limit(1)
      : [],
    db
      .select({ active: caseFollows.active, byEmail: caseFollows.byEmail, bySms: caseFollows.bySms, publicOnly: caseFollows.publicOnly, bin: caseFollows.bin })
      .from(caseFollows)
      .where(and(eq(caseFollows.caseId, found.id), eq(caseFollows.userId, actor.userId))),
  ]);
  const entityBin = entity?.bin ?? null;
  return { ...found, number: found.number, participant: mine !== undefined, entityBin, takesPart: mine !== undefined || entityBin !== null, follow: follow ?? null };
}

export interface FollowedCase {
  caseId: string;
  number: string;
  status: CaseStatus;
  court: { nameKk: string; nameRu: string; nameEn: string };
  participant: boolean;
  active: boolean;
  byEmail: boolean;
  bySms: boolean;
}

/** More cases than one person follows; the page says when the list is cut short. */
export const FOLLOWED_LIMIT = 300;

/**
 * The cases whose alerts the person gets or may turn back on: every case they take part in (with
 * their profile's channels unless they chose for the case) and every case they follow publicly.
 */
export async function followedCases(db: Executor, userId: string): Promise<{ cases: FollowedCase[]; truncated: boolean }> {
  const [person] = await db.select({ notifyByEmail: users.notifyByEmail, notifyBySms: users.notifyBySms }).from(users).where(eq(users.id, userId));
  const mine = caseParticipantPairs(db, { userId });
  const participating = db.select({ caseId: mine.caseId }).from(mine);
  const rows = await db
    .select({
      caseId: cases.id,
      number: cases.number,
      status: cases.status,
      court: { nameKk: courts.nameKk, nameRu: courts.nameRu, nameEn: courts.nameEn },
      participant: sql<boolean>`${cases.id} in (${participating})`,
      follow: { active: caseFollows.active, byEmail: caseFollows.byEmail, bySms: caseFollows.bySms, publicOnly: caseFollows.publicOnly },
    })
    .from(cases)
    .innerJoin(courts, eq(courts.id, cases.courtId))
    .leftJoin(caseFollows, and(eq(caseFollows.caseId, cases.id), eq(caseFollows.userId, userId)))
    .where(and(isNotNull(cases.number), sql`(${cases.id} in (${participating}) or (${caseFollows.id} is not null and ${caseFollows.publicOnly}))`))
    .orderBy(asc(cases.number))
    .limit(FOLLOWED_LIMIT + 1);
  const list = rows.slice(0, FOLLOWED_LIMIT).map(({ follow, ...row }) => {
    // Without a row of their own, a participant's case follows the profile's channels.
    const own = follow?.active === true || follow?.active === false ? follow : null;
    return {
      ...row,
      number: row.number!,
      active: own ? own.active! : true,
      byEmail: own ? own.byEmail! : (person?.notifyByEmail ?? false),
      bySms: own ? own.bySms! : (person?.notifyBySms ?? false),
    };
  });
  return { cases: list, truncated: rows.length > FOLLOWED_LIMIT };
}
