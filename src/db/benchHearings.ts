import { sql } from 'drizzle-orm';
import type { Db } from './client.ts';
import { benchCaseOrdinal } from './benchData.ts';
import { addCalendarDays, isWeekend, type IsoDay } from '../domain/calendar/workingDays.ts';
import { COURT_TIME_ZONE, courtDateIso } from '../domain/courtTime.ts';

/**
 * Hearings of the benchmark cases on the working days around the bench's today, so the public
 * hearing lists and the court pages' schedules read as many rows as a court's real day has. The
 * days move with the clock: each run fills the days of its own window and leaves older ones.
 */

/** The window around today, in calendar days: its working days before today have held hearings, the rest scheduled ones. */
export const BENCH_HEARING_DAYS_BEFORE = 7;
export const BENCH_HEARING_DAYS_AFTER = 14;
/**
 * One benchmark case in this many is heard on a given working day: at a million cases some 5,000
 * hearings a day across the country. The demo's eleven first-instance courts share them, some 450
 * each, more than even a big city's district court hears: a court's list is measured at its worst.
 */
export const BENCH_HEARING_SHARE = 200;
/** A court day's half-hour slots from 09:00, and the rooms they are spread over. */
const SLOTS = 18;
const ROOMS = 12;

/** The working days (Monday to Friday) of the window around `now`'s court day, in order. */
export function benchHearingDays(now: Date): IsoDay[] {
  const today = courtDateIso(now) as IsoDay;
  const days: IsoDay[] = [];
  for (let offset = -BENCH_HEARING_DAYS_BEFORE; offset <= BENCH_HEARING_DAYS_AFTER; offset++) {
    const day = addCalendarDays(today, offset);
    if (!isWeekend(day)) days.push(day);
  }
  return days;
}

/**
 * Gives every benchmark case whose turn it is on each day of the window its hearing that day,
 * unless it has one that day already: running again adds only what is missing (a later run's new
 * days, or the hearings of cases added since). Returns the days and how many hearings were added.
 */
export async function ensureBenchHearings(db: Db, now: Date): Promise<{ days: IsoDay[]; existing: number; added: number }> {
  const days = benchHearingDays(now);
  const today = courtDateIso(now);
  const share = sql.raw(String(BENCH_HEARING_SHARE));
  const zone = sql.raw(`'${COURT_TIME_ZONE}'`);
  let added = 0;
  let existing = 0;
  for (const day of days) {
    // Which cases are heard on a day turns with the day, so a case is not heard every day.
    const turn = Math.round(Date.parse(`${day}T00:00:00Z`) / 86_400_000) % BENCH_HEARING_SHARE;
    const past = day < today;
    const result = await db.execute<{ added: string; existing: string }>(sql`
      with bench as (
        select c.id, c.court_id, ${benchCaseOrdinal} as g
        from cases c
        where c.registered_at < '2020-01-01' and c.number is not null
      ),
      due as (
        select * from bench where g % ${share} = ${sql.raw(String(turn))}
      ),
      missing as (
        select d.*, (${day}::date::timestamp at time zone ${zone}) + interval '9 hours' + ((d.g / ${share}) % ${sql.raw(String(SLOTS))}) * interval '30 minutes' as starts_at
        from due d
        where not exists (
          select 1 from hearings h
          where h.case_id = d.id
            and h.starts_at >= (${day}::date::timestamp at time zone ${zone})
            and h.starts_at < ((${day}::date + 1)::timestamp at time zone ${zone}))
      ),
      added as (
        insert into hearings (case_id, court_id, starts_at, duration_minutes, room, status, opened_at, closed_at)
        select m.id, m.court_id, m.starts_at, 30, 'Зал ' || (((m.g / ${share} / ${sql.raw(String(SLOTS))}) % ${sql.raw(String(ROOMS))}) + 1)::text,
               ${past ? 'held' : 'scheduled'},
               ${past ? sql`m.starts_at` : sql`null`},
               ${past ? sql`m.starts_at + interval '30 minutes'` : sql`null`}
        from missing m
        returning 1
      )
      select (select count(*) from added) as added, (select count(*) from due) - (select count(*) from missing) as existing`);
    added += Number(result.rows[0]!.added);
    existing += Number(result.rows[0]!.existing);
  }
  if (added > 0) await db.execute(sql`analyze hearings`);
  return { days, existing, added };
}
