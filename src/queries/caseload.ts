import { and, asc, desc, eq, gte, inArray, isNull, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { caseDeadlines, cases } from '../db/schema/index.ts';
import type { CaseloadView } from '../domain/caseloadView.ts';

/** The list is bounded: a judge's cases in progress are a few hundred; the filter narrows it further. */
export const CASELOAD_LIMIT = 300;

const IN_PROGRESS = ['accepted', 'preparation', 'hearing_scheduled', 'decided', 'decision_final', 'appeal_window', 'appealed'] as const;

/**
 * A judge's cases in progress, each with its nearest open term (one index probe per case through
 * the lateral join), sorted and narrowed as the judge chose. `today` and `soonUntil` are court
 * dates: a term is overdue when its last day is before today, due soon when it ends by `soonUntil`.
 */
export async function judgeCaseload(db: Db, judgeId: string, view: CaseloadView, days: { today: string; soonUntil: string }) {
  const nearest = db
    .select({ kind: caseDeadlines.kind, dueOn: caseDeadlines.dueOn, article: caseDeadlines.article })
    .from(caseDeadlines)
    // Spelled out: in this one-table subquery drizzle leaves columns unqualified, and "id" would bind to case_deadlines.
    .where(and(sql`${caseDeadlines.caseId} = "cases"."id"`, isNull(caseDeadlines.closedAt)))
    .orderBy(asc(caseDeadlines.dueOn), asc(caseDeadlines.createdAt))
    .limit(1)
    .as('nearest');
  const direction = view.order === 'asc' ? asc : desc;
  const order: SQL[] =
    view.sort === 'due'
      ? [sql`${nearest.dueOn} ${sql.raw(view.order)} nulls last`, asc(cases.filedAt)]
      : view.sort === 'number'
        ? // Within a court and year the sequence grows in length: /9 before /10.
          [direction(sql`length(${cases.number})`), direction(cases.number)]
        : [direction(cases.filedAt)];
  const shown =
    view.show === 'overdue' ? lt(nearest.dueOn, days.today) : view.show === 'soon' ? and(gte(nearest.dueOn, days.today), lte(nearest.dueOn, days.soonUntil)) : undefined;
  const rows = await db
    .select({
      caseId: cases.id,
      number: cases.number,
      status: cases.status,
      category: cases.category,
      instance: cases.instance,
      filedAt: cases.filedAt,
      termKind: nearest.kind,
      termDue: sql<string | null>`${nearest.dueOn}::text`,
      termArticle: nearest.article,
      nextHearingMs: sql<string | null>`(select (extract(epoch from min(h.starts_at)) * 1000)::bigint::text from hearings h where h.case_id = "cases"."id" and h.status = 'scheduled')`,
    })
    .from(cases)
    .leftJoinLateral(nearest, sql`true`)
    .where(and(eq(cases.judgeId, judgeId), inArray(cases.status, [...IN_PROGRESS]), shown))
    .orderBy(...order, asc(cases.id))
    .limit(CASELOAD_LIMIT + 1);
  return { rows: rows.slice(0, CASELOAD_LIMIT), bounded: rows.length > CASELOAD_LIMIT };
}
export type CaseloadRow = Awaited<ReturnType<typeof judgeCaseload>>['rows'][number];
