import { and, asc, eq, gte } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.ts';
import { cases, courts, hearings, users } from '../db/schema/index.ts';
import type { CaseKind, Instance } from '../domain/caseKinds.ts';
import { PUBLIC_STAGE, type CaseStatus } from '../domain/caseStatus.ts';
import type { Court } from './courts.ts';

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
}

export async function findPublicCase(db: Db, number: string, now: Date): Promise<PublicCaseStatus | null> {
  const parentCase = alias(cases, 'parent_case');
  const parentCourt = alias(courts, 'parent_court');
  const [row] = await db
    .select({
      id: cases.id,
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
    })
    .from(cases)
    .innerJoin(courts, eq(courts.id, cases.courtId))
    .leftJoin(users, eq(users.id, cases.judgeId))
    .leftJoin(parentCase, eq(parentCase.id, cases.parentCaseId))
    .leftJoin(parentCourt, eq(parentCourt.id, parentCase.courtId))
    .where(eq(cases.number, number));
  if (!row || !row.number) return null;
  const [next] = await db
    .select({ startsAt: hearings.startsAt, room: hearings.room })
    .from(hearings)
    .where(and(eq(hearings.caseId, row.id), eq(hearings.status, 'scheduled'), gte(hearings.startsAt, now)))
    .orderBy(asc(hearings.startsAt))
    .limit(1);
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
    nextHearing: row.closed ? null : (next ?? null),
  };
}
