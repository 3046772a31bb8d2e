import { and, asc, eq, gte, isNull, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { tokenHash } from '../auth/tokens.ts';
import type { Db } from '../db/client.ts';
import { calendarFeeds, cases, courts, hearings, parties, userRoles, users } from '../db/schema/index.ts';
import type { Principal, Role } from '../policies/principal.ts';
import { participantCondition } from './caseRelations.ts';
import { PARTY_ROLES, type PartyRole } from '../domain/parties.ts';

export interface CalendarHearing {
  id: string;
  caseId: string;
  caseNumber: string | null;
  court: { code: string; nameKk: string; nameRu: string; nameEn: string; addressKk: string; addressRu: string; addressEn: string };
  startsAt: Date;
  durationMinutes: number;
  room: string | null;
  videoLink: string | null;
  /** Stored as text; new statuses may come before every reader knows them. */
  status: string;
  /** For a postponed hearing: when the hearing that replaced it starts. */
  postponedTo: Date | null;
  myRoles: PartyRole[];
}

/** More hearings than anyone attends in a window; past it the page says the list is cut short. */
export const CALENDAR_LIMIT = 500;

/**
 * The hearings of the cases a person takes part in (the cabinet's cases: as themselves, as the
 * entity they act for directly, as an accepted representative or lawyer), within [from, to).
 * One statement: from the person's participant rows (indexed by user) to their cases' hearings
 * (indexed by case), so a lawyer with thousands of cases reads only the hearings in the window.
 */
export async function hearingsOf(db: Db, principal: Principal, range: { from: Date; to: Date }): Promise<{ hearings: CalendarHearing[]; truncated: boolean }> {
  const replacement = alias(hearings, 'replacement');
  const rows = await db
    .select({
      id: hearings.id,
      caseId: cases.id,
      caseNumber: cases.number,
      court: { code: courts.code, nameKk: courts.nameKk, nameRu: courts.nameRu, nameEn: courts.nameEn, addressKk: courts.addressKk, addressRu: courts.addressRu, addressEn: courts.addressEn },
      startsAt: hearings.startsAt,
      durationMinutes: hearings.durationMinutes,
      room: hearings.room,
      videoLink: hearings.videoLink,
      status: hearings.status,
      postponedTo: replacement.startsAt,
      roles: sql<string>`string_agg(distinct ${parties.role}, ',')`,
    })
    .from(parties)
    .innerJoin(cases, eq(cases.id, parties.caseId))
    .innerJoin(hearings, eq(hearings.caseId, cases.id))
    .innerJoin(courts, eq(courts.id, cases.courtId))
    .leftJoin(replacement, eq(replacement.id, hearings.postponedToId))
    .where(and(participantCondition(principal), gte(hearings.startsAt, range.from), lt(hearings.startsAt, range.to)))
    .groupBy(hearings.id, cases.id, courts.id, replacement.id)
    .orderBy(asc(hearings.startsAt), asc(hearings.id))
    .limit(CALENDAR_LIMIT + 1);
  const list = rows.slice(0, CALENDAR_LIMIT).map(({ roles, ...row }) => ({
    ...row,
    status: row.status as string,
    myRoles: roles.split(',').filter((r): r is PartyRole => (PARTY_ROLES as readonly string[]).includes(r)),
  }));
  return { hearings: list, truncated: rows.length > CALENDAR_LIMIT };
}

export interface FeedOwner {
  feedId: string;
  principal: Principal;
  language: string;
}

/** A well-formed feed token: 32 random bytes in base64url, as `newToken` makes them. */
const FEED_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Whose calendar a feed token opens, if it is live. The person's roles are read now, not when the
 * link was made, so what the feed shows follows their participation as it stands at each fetch.
 */
export async function feedOwner(db: Db, token: string): Promise<FeedOwner | null> {
  if (!FEED_TOKEN.test(token)) return null;
  const [row] = await db
    .select({ feedId: calendarFeeds.id, bin: calendarFeeds.bin, user: { id: users.id, iin: users.iin, fullName: users.fullName, language: users.language } })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(and(eq(calendarFeeds.tokenHash, tokenHash(token)), isNull(calendarFeeds.revokedAt)));
  if (!row) return null;
  const granted = await db.select({ role: userRoles.role, courtId: userRoles.courtId }).from(userRoles).where(eq(userRoles.userId, row.user.id));
  const roles: { role: Role; courtId: string | null }[] = [{ role: 'citizen', courtId: null }];
  if (row.bin) roles.push({ role: 'legal_representative', courtId: null });
  for (const g of granted) roles.push({ role: g.role as Role, courtId: g.courtId });
  return {
    feedId: row.feedId,
    language: row.user.language,
    principal: { userId: row.user.id, iin: row.user.iin, fullName: row.user.fullName, bin: row.bin, entity: null, roles },
  };
}

/** When the person's live link was made, if they have one. */
export async function liveFeedOf(db: Db, userId: string): Promise<{ createdAt: Date } | null> {
  const [row] = await db.select({ createdAt: calendarFeeds.createdAt }).from(calendarFeeds).where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)));
  return row ?? null;
}
