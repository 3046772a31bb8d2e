import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { ensureBenchJudgments } from '../../src/db/benchJudgments.ts';
import { encodeCursor, parseJudgmentSearch, type RawSearch } from '../../src/domain/judgmentSearch.ts';
import { pageStatement, publishedJudgmentQuery, searchJudgments } from '../../src/queries/judgments.ts';
import { seedDemo } from '../../src/seed/demo.ts';
import { TEST_NOW } from '../support/app.ts';
import { createTestDatabase, describeDb } from '../support/db.ts';

/**
 * The bank's generator at smoke scale (the bench runs it at a million), and the plans of the
 * search's hot paths over it: with sequential scans priced out, each statement the search runs
 * must find its rows through the bank's indexes, never by reading the whole table.
 */
describeDb('judgment search plans', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemo(database.db, TEST_NOW);
  });
  afterAll(() => database?.close());

  const parsed = (raw: RawSearch) => {
    const search = parseJudgmentSearch(raw);
    if ('refused' in search) throw new Error(search.refused);
    return search;
  };

  it('generates published judgments in Russian and Kazakh and tops up on a second run', async () => {
    expect(await ensureBenchJudgments(database.db, 1_000, 500)).toEqual({ existing: 0, added: 1_000 });
    expect(await ensureBenchJudgments(database.db, 1_200, 500)).toEqual({ existing: 1_000, added: 200 });
    const langs = await database.db.execute<{ lang: string; n: string }>(sql`select lang, count(*) as n from judgments group by lang order by lang`);
    expect(langs.rows.map((r) => r.lang)).toEqual(['kk', 'ru']);
    // Found by a Russian stem and by a Kazakh prefix.
    expect((await searchJudgments(database.db, parsed({ q: 'истец' }))).items.length).toBeGreaterThan(0);
    expect((await searchJudgments(database.db, parsed({ q: 'талапкер' }))).items.length).toBeGreaterThan(0);
  });

  async function planOf(statement: SQL): Promise<string> {
    return database.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const plan = await tx.execute(sql`explain ${statement}`);
      return (plan.rows as Record<string, string>[]).map((r) => Object.values(r)[0]).join('\n');
    });
  }

  it('uses the indexes for words, words with a court, and filters by date', async () => {
    const plans: string[] = [];
    for (const raw of [{ q: 'неустойка договор' }, { q: 'талапкер', court: '7517' }, { order: 'date', kind: 'civil' }, { q: 'иск', order: 'date', from: '2010-01-01' }]) plans.push(await planOf(pageStatement(parsed(raw))));
    for (const plan of plans) expect(plan).not.toMatch(/Seq Scan on judgments/);
    // At this size the planner reads the partial index of published rows; at bench scale the
    // words' GIN indexes win. Either way the rows come through an index of the bank.
    for (const plan of plans) expect(plan).toMatch(/judgments_(tsv_ru|tsv_simple|text_trgm|published|court_published)_idx/);
    expect(plans[1]).toMatch(/judgments_court_published_idx|judgments_tsv/);
  });

  it('reads a rare word from its text index, not by walking every judgment by date', async () => {
    // The planner tells rare from common by the words its statistics list (migration 0030).
    const targets = await database.db.execute<{ attname: string; attstattarget: number }>(
      sql`select attname, attstattarget from pg_attribute where attrelid = 'judgments'::regclass and attname in ('tsv_ru', 'tsv_simple') order by attname`,
    );
    expect(targets.rows).toEqual([
      { attname: 'tsv_ru', attstattarget: 1000 },
      { attname: 'tsv_simple', attstattarget: 1000 },
    ]);
    for (const q of ['пасека', 'омартасы']) {
      const plan = await planOf(pageStatement(parsed({ q })));
      expect(plan, q).toMatch(/Bitmap Index Scan on judgments_tsv_(ru|simple)_idx/);
      expect(plan, q).not.toMatch(/judgments_published_idx/);
    }
  });

  it('reads the next page by its keyset, in both orders, and a judgment’s page by its id, through indexes', async () => {
    const plans: string[] = [];
    for (const raw of [{ q: 'истец', order: 'date' }, { q: 'талапкер' }, { order: 'date' }]) {
      const first = await searchJudgments(database.db, parsed(raw));
      expect(first.next, JSON.stringify(raw)).not.toBeNull();
      const next = parsed({ ...raw, cursor: encodeCursor(first.next!) });
      plans.push(await planOf(pageStatement(next)));
      // The next page holds what the first did not: the keyset neither repeats nor skips.
      const second = await searchJudgments(database.db, next);
      expect(second.items.map((i) => i.id).filter((id) => first.items.some((f) => f.id === id))).toEqual([]);
    }
    const [one] = (await database.db.execute<{ id: string }>(sql`select id from judgments where status = 'published' limit 1`)).rows;
    plans.push(await planOf(publishedJudgmentQuery(database.db, one!.id).getSQL()));
    for (const plan of plans) expect(plan).not.toMatch(/Seq Scan on judgments/);
    expect(plans.at(-1)).toMatch(/judgments_pkey/);
  });
});
