import { eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.ts';
import { cases, courts, users } from '../db/schema/index.ts';

const judge = alias(users, 'judge');

/**
 * What the policies need to know about a case to say whether someone may act on it (its court and
 * judge), with what most pages show of it besides: number, stage, court, judge. Callers check the
 * policy before showing any of it (src/routes/caseAccess.ts).
 */
export async function caseToActOn(db: Db, caseId: string) {
  const [row] = await db
    .select({
      id: cases.id,
      number: cases.number,
      status: cases.status,
      category: cases.category,
      courtId: cases.courtId,
      judgeId: cases.judgeId,
      judgeName: judge.fullName,
      court: { id: courts.id, code: courts.code, nameKk: courts.nameKk, nameRu: courts.nameRu, nameEn: courts.nameEn },
    })
    .from(cases)
    .innerJoin(courts, eq(courts.id, cases.courtId))
    .leftJoin(judge, eq(judge.id, cases.judgeId))
    .where(eq(cases.id, caseId));
  return row ?? null;
}

export type CaseToActOn = NonNullable<Awaited<ReturnType<typeof caseToActOn>>>;
