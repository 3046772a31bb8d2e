/**
 * The court statistics as counted ahead (`court_statistics_monthly`): at most 24 rows a request,
 * read by the table's key. Months not counted yet are left out, so a reader can tell them from
 * months with nothing in them.
 */
import { and, asc, eq, gte, isNull, lte } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { courtStatisticsMonthly } from '../db/schema/index.ts';
import { monthOfDay, type Month, type MonthlyFigures } from '../domain/courtStatistics.ts';

export interface StatisticsSeries {
  months: MonthlyFigures[];
  /** When the newest figures of the period were counted; null when none are. */
  computedAt: Date | null;
}

/** A court's monthly figures, or the country's when `courtId` is null, for the months from `from` to `to`. */
export async function statisticsSeries(db: Db, courtId: string | null, from: Month, to: Month): Promise<StatisticsSeries> {
  const t = courtStatisticsMonthly;
  const rows = await db
    .select()
    .from(t)
    .where(and(courtId === null ? isNull(t.courtId) : eq(t.courtId, courtId), gte(t.month, `${from}-01`), lte(t.month, `${to}-01`)))
    .orderBy(asc(t.month))
    .limit(24);
  let computedAt: Date | null = null;
  for (const r of rows) if (!computedAt || r.computedAt > computedAt) computedAt = r.computedAt;
  return {
    computedAt,
    months: rows.map((r) => ({
      month: monthOfDay(r.month),
      received: r.received,
      receivedElectronic: r.receivedElectronic,
      receivedPaper: r.receivedPaper,
      decided: r.decided,
      medianDaysToDecision: r.medianDaysToDecision,
      appeals: { upheld: r.appealsUpheld, changed: r.appealsChanged, reversed: r.appealsReversed, sent_back: r.appealsSentBack },
    })),
  };
}

