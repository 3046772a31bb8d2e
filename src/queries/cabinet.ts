import { and, asc, desc, eq, gte, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.ts';
import { cases, courts, events, filings, hearings, parties, users } from '../db/schema/index.ts';
import type { Principal } from '../policies/principal.ts';
import { participantCondition } from './caseRelations.ts';
import type { PartyRole } from '../domain/parties.ts';

export interface CabinetCase {
  id: string;
  number: string | null;
  court: { code: string; nameKk: string; nameRu: string; nameEn: string };
  kind: (typeof cases.$inferSelect)['kind'];
  category: string;
  status: (typeof cases.$inferSelect)['status'];
  myRoles: PartyRole[];
  nextHearing: Date | null;
}

/** The cases a person takes part in, most recently changed first. */
export async function casesOf(db: Db, principal: Principal, now: Date): Promise<CabinetCase[]> {
  const rows = await db
    .select({
      id: cases.id,
      number: cases.number,
      kind: cases.kind,
      category: cases.category,
      status: cases.status,
      statusChangedAt: cases.statusChangedAt,
      role: parties.role,
      court: { code: courts.code, nameKk: courts.nameKk, nameRu: courts.nameRu, nameEn: courts.nameEn },
    })
    .from(parties)
    .innerJoin(cases, eq(cases.id, parties.caseId))
    .innerJoin(courts, eq(courts.id, cases.courtId))
    .where(participantCondition(principal))
    .orderBy(desc(cases.statusChangedAt))
    .limit(500);
  const byCase = new Map<string, CabinetCase>();
  for (const row of rows) {
    const entry = byCase.get(row.id) ?? { id: row.id, number: row.number, court: row.court, kind: row.kind, category: row.category, status: row.status, myRoles: [], nextHearing: null };
    if (!entry.myRoles.includes(row.role)) entry.myRoles.push(row.role);
    byCase.set(row.id, entry);
  }
  const ids = [...byCase.keys()];
  if (ids.length > 0) {
    const upcoming = await db
      .select({ caseId: hearings.caseId, startsAt: hearings.startsAt })
      .from(hearings)
      .where(and(inArray(hearings.caseId, ids), eq(hearings.status, 'scheduled'), gte(hearings.startsAt, now)))
      .orderBy(asc(hearings.startsAt));
    for (const h of upcoming) {
      const entry = byCase.get(h.caseId)!;
      entry.nextHearing ??= h.startsAt;
    }
  }
  return [...byCase.values()];
}

/** Everything a participant of the case may see on its page. Callers check the policy first. */
export async function caseForParticipants(db: Db, caseId: string) {
  const judge = alias(users, 'judge');
  const [found] = await db
    .select({ case: cases, court: courts, judgeName: judge.fullName })
    .from(cases)
    .innerJoin(courts, eq(courts.id, cases.courtId))
    .leftJoin(judge, eq(judge.id, cases.judgeId))
    .where(eq(cases.id, caseId));
  if (!found) return null;
  // An appellate case is named after the decision it reviews.
  const [reviewed] = found.case.parentCaseId ? await db.select({ number: cases.number, courtId: cases.courtId }).from(cases).where(eq(cases.id, found.case.parentCaseId)) : [];
  const appeal = await appealCourts(db, found.case, reviewed?.courtId ?? null);
  const [participants, caseHearings, timeline] = await Promise.all([
    db
      .select({ id: parties.id, role: parties.role, appealRole: parties.appealRole, name: parties.displayName, representsPartyId: parties.representsPartyId, authorityAcceptedAt: parties.authorityAcceptedAt })
      .from(parties)
      .where(eq(parties.caseId, caseId))
      .orderBy(asc(parties.createdAt)),
    db.select().from(hearings).where(eq(hearings.caseId, caseId)).orderBy(asc(hearings.startsAt)),
    db.select({ id: events.id, type: events.type, occurredAt: events.occurredAt, data: events.data }).from(events).where(eq(events.caseId, caseId)).orderBy(desc(events.occurredAt), desc(events.id)),
  ]);
  return { ...found, reviewedNumber: reviewed?.number ?? null, appeal, participants, hearings: caseHearings, timeline };
}

type CourtNames = { code: string; nameKk: string; nameRu: string; nameEn: string };

/**
 * The two courts of an appeal, for the pages of both cases: the appellate case names the court
 * it was filed through (the court that decided, CPC Art. 403(1)); a decision with an appeal names
 * the court that will hear it (the parent court, Art. 402).
 */
async function appealCourts(db: Db, c: { id: string; instance: number; courtId: string }, reviewedCourtId: string | null): Promise<{ heardBy: CourtNames; filedThrough: CourtNames } | null> {
  const courtOf = async (id: string) => (await db.select({ code: courts.code, nameKk: courts.nameKk, nameRu: courts.nameRu, nameEn: courts.nameEn, parentId: courts.parentId }).from(courts).where(eq(courts.id, id)))[0];
  if (c.instance === 2 && reviewedCourtId) {
    const [heardBy, filedThrough] = [await courtOf(c.courtId), await courtOf(reviewedCourtId)];
    return heardBy && filedThrough ? { heardBy, filedThrough } : null;
  }
  if (c.instance !== 1) return null;
  const [appealed] = await db.select({ id: filings.id }).from(filings).where(and(eq(filings.caseId, c.id), eq(filings.type, 'appeal'), eq(filings.status, 'submitted'))).limit(1);
  if (!appealed) return null;
  const filedThrough = await courtOf(c.courtId);
  const heardBy = filedThrough?.parentId ? await courtOf(filedThrough.parentId) : undefined;
  return heardBy && filedThrough ? { heardBy, filedThrough } : null;
}

export type CaseForParticipants = NonNullable<Awaited<ReturnType<typeof caseForParticipants>>>;
