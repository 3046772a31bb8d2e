import { sql } from 'drizzle-orm';
import type { Db } from './client.ts';
import { CASE_CATEGORIES, CASE_KINDS } from '../domain/caseKinds.ts';
import { numberCategoryCode } from '../domain/caseNumber.ts';
import { CASE_STATUSES } from '../domain/caseStatus.ts';

/**
 * Generates synthetic cases at national scale for benchmarks, in the database itself
 * (`generate_series`), so a million rows take seconds rather than a million round trips.
 * Numbers are real case numbers in years 2000–2019, and the per-court counters are moved past
 * them, so later registrations never collide. Each case has a claimant and a defendant named as
 * organisations are (from BENCH_PARTY_WORDS and a number), with no IIN: no invented IINs.
 */
/** A benchmark case's number ends in `/` and this plus its ordinal in the generator. */
const BENCH_SEQUENCE_BASE = 100_000;

/** The generator's ordinal of benchmark case `c`, read back from its number: what picks its parties and hearing days. */
export const benchCaseOrdinal = sql.raw(`(split_part(c.number, '/', 2)::bigint - ${BENCH_SEQUENCE_BASE})`);

/** The words bench parties' names are made of: case search by a name fragment picks among them. */
export const BENCH_PARTY_WORDS = ['Береке', 'Алтын', 'Самға', 'Жұлдыз', 'Темір', 'Нұр', 'Дала', 'Құрылыс', 'Агро', 'Транс', 'Сауда', 'Энерго', 'Мұнай', 'Тау', 'Өркен', 'Сервис'] as const;

export async function ensureBenchCases(db: Db, total: number, batchSize = 100_000): Promise<{ existing: number; added: number }> {
  // Benchmark cases are the ones registered before 2020; running again tops them up to `total`.
  const counted = await db.execute<{ n: string }>(sql`select count(*) as n from cases where registered_at < '2020-01-01'`);
  const existing = Number(counted.rows[0]!.n);
  if (existing >= total) {
    if (await ensureBenchParties(db)) await db.execute(sql`analyze parties`);
    return { existing, added: 0 };
  }
  const statuses = CASE_STATUSES.filter((s) => s !== 'draft' && s !== 'submitted');
  const kinds = sql.raw(`array[${CASE_KINDS.map((k) => `'${k}'`).join(',')}]`);
  const categories = sql.raw(`array[${CASE_KINDS.map((k) => `'${CASE_CATEGORIES[k][0]}'`).join(',')}]`);
  const codes = sql.raw(`array[${CASE_KINDS.map((k) => `'${numberCategoryCode(k, 1)}'`).join(',')}]`);
  const statusArray = sql.raw(`array[${statuses.map((s) => `'${s}'`).join(',')}]`);
  for (let offset = existing; offset < total; offset += batchSize) {
    const size = Math.min(batchSize, total - offset);
    await db.transaction(async (tx) => {
      await tx.execute(sql`
        with first_instance as (
          select id, code, row_number() over (order by code) - 1 as idx, count(*) over () as n
          from courts where level = 1
        ),
        generated as (
          -- Divisions decorrelate kind, year and court, so every combination occurs.
          select g, ((g / 7) % 4) + 1 as kind_idx, 2000 + ((g / 3) % 20) as year
          from generate_series(${offset}::bigint, ${offset + size - 1}::bigint) as g
        )
        insert into cases (number, court_id, kind, category, instance, status, filed_at, registered_at, status_changed_at)
        select
          c.code || '-' || lpad(((gen.year % 100))::text, 2, '0') || '-00-' || (${codes})[gen.kind_idx] || '/' || (${sql.raw(String(BENCH_SEQUENCE_BASE))} + gen.g)::text,
          c.id,
          (${kinds})[gen.kind_idx],
          (${categories})[gen.kind_idx],
          1,
          (${statusArray})[(gen.g % ${statuses.length}) + 1],
          make_timestamptz(gen.year::int, (1 + gen.g % 12)::int, (1 + gen.g % 28)::int, 9, 0, 0::float8, 'Asia/Almaty'),
          make_timestamptz(gen.year::int, (1 + gen.g % 12)::int, (1 + gen.g % 28)::int, 12, 0, 0::float8, 'Asia/Almaty'),
          make_timestamptz(gen.year::int, (1 + gen.g % 12)::int, (1 + gen.g % 28)::int, 15, 0, 0::float8, 'Asia/Almaty')
        from generated gen
        join first_instance c on c.idx = gen.g % c.n`);
    });
  }
  await ensureBenchParties(db);
  // Counters move past every generated sequence so real registrations never reuse a number.
  await db.execute(sql`
    insert into case_number_counters (court_id, year, category_code, last_sequence)
    select court_id, year, category_code, max(seq) from (
      select c.court_id,
             2000 + split_part(c.number, '-', 2)::int as year,
             split_part(split_part(c.number, '-', 4), '/', 1) as category_code,
             split_part(c.number, '/', 2)::int as seq
      from cases c where c.number is not null and split_part(c.number, '-', 2)::int < 20
    ) s group by court_id, year, category_code
    on conflict (court_id, year, category_code) do update set last_sequence = greatest(case_number_counters.last_sequence, excluded.last_sequence)`);
  await db.execute(sql`analyze cases`);
  await db.execute(sql`analyze parties`);
  return { existing, added: total - existing };
}

/**
 * A claimant and a defendant for every benchmark case that has none, so case search by a party's
 * name and the hearing list's parties read rows at a realistic count; a database generated before
 * bench cases had parties gets them on its next run. The sequence in the case number picks the names.
 */
async function ensureBenchParties(db: Db): Promise<number> {
  const words = sql.raw(`array[${BENCH_PARTY_WORDS.map((w) => `'${w}'`).join(',')}]`);
  const n = sql.raw(String(BENCH_PARTY_WORDS.length));
  const inserted = await db.execute<{ n: string }>(sql`
    with bare as (
      select c.id, ${benchCaseOrdinal} as g
      from cases c
      where c.registered_at < '2020-01-01' and c.number is not null
        and not exists (select 1 from parties p where p.case_id = c.id)
    )
    , added as (
    insert into parties (case_id, role, display_name)
    select b.id, r.role,
           case r.role when 'claimant' then 'ТОО «' || (${words})[(b.g % ${n}) + 1] || ' ' || (b.g % 997)::text || '»'
                       else 'АО «' || (${words})[((b.g / ${n}) % ${n}) + 1] || ' ' || (b.g % 1009)::text || '»' end
    from bare b cross join (values ('claimant'), ('defendant')) as r(role)
    returning 1)
    select count(*) as n from added`);
  return Number(inserted.rows[0]!.n);
}
