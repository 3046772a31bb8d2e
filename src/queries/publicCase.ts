import { and, asc, eq, gte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.ts';
import { cases, courts, hearings, users } from '../db/schema/index.ts';
import type { CaseKind, Instance } from '../domain/caseKinds.ts';
import { publiclyFollowable } from '../domain/caseAlerts.ts';
import { PUBLIC_STAGE, type CaseStatus } from '../domain/caseStatus.ts';
import type { Court } from './courts.ts';
import { preparedFor } from './prepared.ts';

/**
 * What anyone may learn about a registered case. Judges are officials and are named; parties
 * are not, whoever they are.
 */
export interface PublicCaseStatus {
  number: string;
  court: Pick<Court, 'code' | 'nameKk' | 'nameRu' | 'nameEn'>;
  kind: CaseKind;
  category: string;
  instance: Instance;
  status: CaseStatus;
  stage: (typeof PUBLIC_STAGE)[CaseStatus];
  judgeName: string | null;
  registeredAt: Date | null;
  statusChangedAt: Date;
  closed: boolean;
  parentCaseNumber: string | null;
  /** An appellate case: the court that decided, through which the appeal was filed (CPC Art. 403(1)). */
  filedThrough: Pick<Court, 'code' | 'nameKk' | 'nameRu' | 'nameEn'> | null;
  nextHearing: { startsAt: Date; room: string | null } | null;
  /** Anyone signed in may follow its public status (not a closed hearing, not a secret matter). */
  followable: boolean;
}

/**
 * The case, its court, judge, the case under review and the next hearing in one round trip (the
 * hearing through a lateral join), prepared once per connection pool: the public lookup is the
 * busiest read of the portal, and building its SQL on every request cost a fifth of its time.
 * bench/baseline.ts runs the same SQL; keep the two in step.
 */
const publicCaseQuery = preparedFor((db: Db) => {
  const parentCase = alias(cases, 'parent_case');
  const parentCourt = alias(courts, 'parent_court');
  const nextHearing = db
    .select({ startsAt: hearings.startsAt, room: hearings.room })
    .from(hearings)
    .where(and(eq(hearings.caseId, cases.id), eq(hearings.status, 'scheduled'), gte(hearings.startsAt, sql.placeholder('now'))))
    .orderBy(asc(hearings.startsAt))
    .limit(1)
    .as('next_hearing');
  return db
    .select({
      number: cases.number,
      kind: cases.kind,
      category: cases.category,
      instance: cases.instance,
      status: cases.status,
      registeredAt: cases.registeredAt,
      statusChangedAt: cases.statusChangedAt,
      closed: cases.closedHearing,
      court: { code: courts.code, nameKk: courts.nameKk, nameRu: courts.nameRu, nameEn: courts.nameEn },
      judgeName: users.fullName,
      parentCaseNumber: parentCase.number,
      parentCourt: { code: parentCourt.code, nameKk: parentCourt.nameKk, nameRu: parentCourt.nameRu, nameEn: parentCourt.nameEn },
      nextHearing: { startsAt: nextHearing.startsAt, room: nextHearing.room },
    })
    .from(cases)
    .innerJoin(courts, eq(courts.id, cases.courtId))
    .leftJoin(users, eq(users.id, cases.judgeId))
    .leftJoin(parentCase, eq(parentCase.id, cases.parentCaseId))
    .leftJoin(parentCourt, eq(parentCourt.id, parentCase.courtId))
    .leftJoinLateral(nextHearing, sql`true`)
    .where(eq(cases.number, sql.placeholder('number')))
    .prepare('public_case_by_number');
});

export async function findPublicCase(db: Db, number: string, now: Date): Promise<PublicCaseStatus | null> {
  const [row] = await publicCaseQuery(db).execute({ number, now });
  if (!row || !row.number) return null;
  return {
    number: row.number,
    court: row.court,
    kind: row.kind,
    category: row.category,
    instance: row.instance as Instance,
    status: row.status,
    stage: PUBLIC_STAGE[row.status],
    judgeName: row.judgeName,
    registeredAt: row.registeredAt,
    statusChangedAt: row.statusChangedAt,
    closed: row.closed,
    parentCaseNumber: row.parentCaseNumber,
    filedThrough: row.instance === 2 && row.parentCourt?.code ? row.parentCourt : null,
    nextHearing: row.closed || !row.nextHearing?.startsAt ? null : { startsAt: row.nextHearing.startsAt, room: row.nextHearing.room },
    followable: publiclyFollowable({ closedHearing: row.closed, category: row.category }),
  };
}
