/**
 * Counts the court statistics of a run of months into `court_statistics_monthly`, replacing what
 * was counted before for those months: running it again changes nothing but `computed_at`. One
 * set-based statement per chunk of months (ranges over `cases_registered_idx` and
 * `documents_deciding_issued_idx`, GROUP BY GROUPING SETS for the courts and the country), never a
 * loop over cases. Definitions: `src/domain/courtStatistics.ts`.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { COURT_TIME_ZONE, courtDateIso } from '../domain/courtTime.ts';
import { addMonths, APPEAL_STARTING_FILINGS, DECIDING_ACT_KINDS, FIRST_INSTANCE_STARTING_FILINGS, monthIndex, monthOfDay, type Month } from '../domain/courtStatistics.ts';

/** Months counted in one transaction: bounded work per statement whatever range is asked for. */
const CHUNK_MONTHS = 12;

/** Two refreshes at once would delete each other's rows and collide on the key: they take turns. */
const REFRESH_LOCK = 7_203_114_001;

const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

export interface RefreshResult {
  months: number;
  rows: number;
}

/** Recounts the months from `from` to `to`, both included. */
export async function refreshCourtStatistics(db: Db, from: Month, to: Month, now: Date): Promise<RefreshResult> {
  let rows = 0;
  let months = 0;
  for (let start = from; monthIndex(start) <= monthIndex(to); start = addMonths(start, CHUNK_MONTHS)) {
    const last = monthIndex(addMonths(start, CHUNK_MONTHS - 1)) < monthIndex(to) ? addMonths(start, CHUNK_MONTHS - 1) : to;
    rows += await refreshChunk(db, start, last, now);
    months += monthIndex(last) - monthIndex(start) + 1;
  }
  return { months, rows };
}

async function refreshChunk(db: Db, from: Month, last: Month, now: Date): Promise<number> {
  const fromDay = `${from}-01`;
  const lastDay = `${last}-01`;
  const endDay = `${addMonths(last, 1)}-01`;
  const tz = COURT_TIME_ZONE;
  const deciding = list(DECIDING_ACT_KINDS);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${REFRESH_LOCK})`);
    await tx.execute(sql`delete from court_statistics_monthly where month >= ${fromDay}::date and month <= ${lastDay}::date`);
    const inserted = await tx.execute(sql`
      with bounds as (
        select (${fromDay}::date)::timestamp at time zone ${tz} as lo, (${endDay}::date)::timestamp at time zone ${tz} as hi
      ),
      months as (
        select generate_series(${fromDay}::date, ${lastDay}::date, interval '1 month')::date as month
      ),
      received_cases as (
        select c.court_id, date_trunc('month', c.registered_at at time zone ${tz})::date as month, coalesce(claim.channel, appeal.channel) as channel
        from bounds b
        join cases c on c.registered_at >= b.lo and c.registered_at < b.hi
        left join lateral (
          select f.channel from filings f
          where c.instance = 1 and f.case_id = c.id and f.status = 'submitted' and f.type in (${list(FIRST_INSTANCE_STARTING_FILINGS)})
          order by f.submitted_at, f.id limit 1
        ) claim on true
        left join lateral (
          select f.channel from filings f
          where c.instance = 2 and f.forwarded_case_id = c.id and f.status = 'submitted' and f.type in (${list(APPEAL_STARTING_FILINGS)})
          order by f.submitted_at, f.id limit 1
        ) appeal on true
      ),
      received as (
        select court_id, month, count(*)::int as received,
          (count(*) filter (where channel = 'portal'))::int as electronic,
          (count(*) filter (where channel = 'counter'))::int as paper
        from received_cases
        group by grouping sets ((court_id, month), (month))
      ),
      first_acts as (
        select d.case_id, d.issued_at, d.outcome
        from bounds b
        join documents d on d.issued_at >= b.lo and d.issued_at < b.hi and d.kind in (${deciding})
        where not exists (
          select 1 from documents e
          where e.case_id = d.case_id and e.kind in (${deciding}) and e.issued_at is not null and (e.issued_at, e.id) < (d.issued_at, d.id)
        )
      ),
      decided_cases as (
        select c.court_id, date_trunc('month', fa.issued_at at time zone ${tz})::date as month,
          (fa.issued_at at time zone ${tz})::date - (c.registered_at at time zone ${tz})::date as days
        from first_acts fa join cases c on c.id = fa.case_id
      ),
      decided as (
        select court_id, month, count(*)::int as decided, percentile_cont(0.5) within group (order by days) as median_days
        from decided_cases
        group by grouping sets ((court_id, month), (month))
      ),
      appeal_cases as (
        select p.court_id, date_trunc('month', fa.issued_at at time zone ${tz})::date as month, fa.outcome
        from first_acts fa
        join cases a on a.id = fa.case_id and a.instance = 2
        join cases p on p.id = a.parent_case_id and p.instance = 1
        where fa.outcome is not null
      ),
      appeals as (
        select court_id, month,
          (count(*) filter (where outcome = 'upheld'))::int as upheld,
          (count(*) filter (where outcome = 'changed'))::int as changed,
          (count(*) filter (where outcome = 'reversed'))::int as reversed,
          (count(*) filter (where outcome = 'sent_back'))::int as sent_back
        from appeal_cases
        group by grouping sets ((court_id, month), (month))
      ),
      keys as (
        select k.court_id, m.month from (select id as court_id from courts union all select null::uuid) k cross join months m
      )
      insert into court_statistics_monthly
        (court_id, month, received, received_electronic, received_paper, decided, median_days_to_decision,
         appeals_upheld, appeals_changed, appeals_reversed, appeals_sent_back, computed_at)
      select k.court_id, k.month, coalesce(r.received, 0), coalesce(r.electronic, 0), coalesce(r.paper, 0),
        coalesce(d.decided, 0), d.median_days,
        coalesce(a.upheld, 0), coalesce(a.changed, 0), coalesce(a.reversed, 0), coalesce(a.sent_back, 0), ${now.toISOString()}::timestamptz
      from keys k
      left join received r on r.court_id is not distinct from k.court_id and r.month = k.month
      left join decided d on d.court_id is not distinct from k.court_id and d.month = k.month
      left join appeals a on a.court_id is not distinct from k.court_id and a.month = k.month
    `);
    return inserted.rowCount ?? 0;
  });
}

/** Recounts the `count` months up to and including the current one (court time). */
export async function refreshRecentStatistics(db: Db, count: number, now: Date): Promise<RefreshResult> {
  const current = monthOfDay(courtDateIso(now));
  return refreshCourtStatistics(db, addMonths(current, -(count - 1)), current, now);
}
