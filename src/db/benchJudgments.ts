import { sql } from 'drizzle-orm';
import type { Db } from './client.ts';
import { benchJudgmentText } from '../seed/benchJudgmentText.ts';
import { ensureBenchCases } from './benchData.ts';

/**
 * Fills the judgment bank for benchmarks: one published decision per benchmark case (registered
 * before 2020, see ensureBenchCases), its text from the seeded corpus in Russian or Kazakh (two to
 * one), depersonalised and with a subject of dispute from common to rare (benchJudgmentText). Texts are made here and sent in batches as two
 * arrays that `unnest` turns into rows, so a batch is one statement: a million judgments take
 * minutes, not a million round trips. Running again tops the bank up to `total`.
 */
export async function ensureBenchJudgments(db: Db, total: number, batchSize = 2_000, onBatch?: (done: number) => void): Promise<{ existing: number; added: number }> {
  const counted = await db.execute<{ n: string }>(sql`select count(*) as n from judgments j join cases c on c.id = j.case_id where c.registered_at < '2020-01-01'`);
  const existing = Number(counted.rows[0]!.n);
  if (existing >= total) return { existing, added: 0 };
  await ensureBenchCases(db, total);
  // A big load goes faster without the text indexes kept up row by row: they are dropped and built
  // again at the end from their own definitions as the database holds them, so nothing can drift.
  const rebuilt = total - existing >= BULK_REBUILD_FROM ? await dropTextIndexes(db) : [];
  // Cases are taken in (registered_at, id) order by a keyset, so each batch reads on from where the
  // last stopped; only a top-up also skips cases that have a judgment (more cases may have been
  // made since, anywhere in that order), which a fresh load need not pay for.
  let after: { at: string; id: string } = { at: '-infinity', id: '00000000-0000-0000-0000-000000000000' };
  let added = 0;
  for (let offset = existing; offset < total; offset += batchSize) {
    const size = Math.min(batchSize, total - offset);
    const texts: string[] = [];
    const langs: string[] = [];
    for (let i = 0; i < size; i++) {
      const seed = offset + i;
      const lang = seed % 3 === 2 ? 'kk' : 'ru';
      texts.push(benchJudgmentText(seed, lang));
      langs.push(lang);
    }
    const result = await db.execute<{ added: number; at: string | null; id: string | null }>(sql`
        with src as (
          select t.body, t.lang, t.ord from unnest(${sql.param(texts)}::text[], ${sql.param(langs)}::text[]) with ordinality as t(body, lang, ord)
        ),
        picked as (
          select c.id, c.number, c.court_id, c.kind, c.category, c.registered_at, row_number() over (order by c.registered_at, c.id) as ord
          from cases c
          where c.registered_at < '2020-01-01' and c.number is not null
            and (c.registered_at, c.id) > (${after.at}::timestamptz, ${after.id}::uuid)
            ${existing > 0 ? sql`and not exists (select 1 from judgments j where j.case_id = c.id)` : sql``}
          order by c.registered_at, c.id
          limit ${size}
        ),
        docs as (
          insert into documents (case_id, kind, decision_form, title, visibility, created_at)
          select p.id, 'decision', 'final', 'Решение', 'court', p.registered_at from picked p
          returning id, case_id
        ),
        made as (
          insert into judgments (document_id, case_id, court_id, court_level, case_number, case_kind, category, act_kind, issued_on, status, lang, text, published_at, created_at)
          select d.id, p.id, p.court_id, 1, p.number, p.kind, p.category, 'decision', (p.registered_at at time zone 'Asia/Almaty')::date + 60, 'published', s.lang, s.body, p.registered_at, p.registered_at
          from picked p
          join docs d on d.case_id = p.id
          join src s on s.ord = p.ord
          returning 1
        )
        select (select count(*)::int from made) as added, l.registered_at::text as at, l.id
        from (select 1) one left join (select registered_at, id from picked order by ord desc limit 1) l on true`);
    const row = result.rows[0]!;
    if (!row.at || !row.id || row.added === 0) break;
    after = { at: row.at, id: row.id };
    added += Number(row.added);
    onBatch?.(offset + size);
  }
  for (const definition of rebuilt) await db.execute(sql.raw(definition));
  // Vacuumed as well as analysed: the visibility map lets a capped count of a common word take its
  // rows from the words' index without reading each row's page.
  await db.execute(sql`vacuum analyze judgments`);
  return { existing, added };
}

const BULK_REBUILD_FROM = 50_000;

async function dropTextIndexes(db: Db): Promise<string[]> {
  const found = await db.execute<{ name: string; definition: string }>(
    sql`select indexname as name, indexdef as definition from pg_indexes where tablename = 'judgments' and indexname in ('judgments_tsv_ru_idx', 'judgments_tsv_simple_idx', 'judgments_text_trgm_idx')`,
  );
  for (const { name } of found.rows) await db.execute(sql.raw(`drop index if exists "${name}"`));
  return found.rows.map((r) => r.definition);
}
