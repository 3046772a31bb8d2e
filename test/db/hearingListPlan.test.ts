import { fillPlaceholders, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { parseHearingList, type RawHearingList } from '../../src/domain/hearingList.ts';
import { courtScheduleStatement } from '../../src/queries/courts.ts';
import { hearingListStatement, listHearings, regionCourtIds } from '../../src/queries/hearingList.ts';
import { seedDemo } from '../../src/seed/demo.ts';
import { TEST_NOW } from '../support/app.ts';
import { createTestDatabase, postgresUnavailable, testDbKind } from '../support/db.ts';

/**
 * The hearing list's hot paths over enough hearings (120,000 over a year, in every court, and a busy day of 12,000 more) that a
 * plan is worth reading, on PostgreSQL as production runs it: each statement must reach hearings
 * through its list indexes and cases by its key, never by reading either table whole.
 */
(testDbKind === 'postgres' && !postgresUnavailable ? describe : describe.skip)('hearing list plans', () => {
  let database: Database;
  const TODAY = '2026-11-25';
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemo(database.db, TEST_NOW);
    await database.db.execute(sql`
      insert into cases (id, number, court_id, kind, category, instance, status, judge_id)
      select gen_random_uuid(), 'B' || lpad(n::text, 7, '0'), (select id from courts order by code offset (n % 10) limit 1),
             'civil', (array['property', 'labour', 'housing', 'alimony'])[1 + n % 4], 1, 'hearing_scheduled', null
      from generate_series(1, 60000) n`);
    await database.db.execute(sql`
      insert into hearings (case_id, starts_at, room, court_id, status)
      select c.id, timestamptz '2026-06-01 09:00+05' + ((k * 7919 + row_number() over ()) % 365) * interval '1 day' + ((k + row_number() over ()) % 8) * interval '1 hour', '101', c.court_id, 'scheduled'
      from cases c cross join generate_series(0, 1) k where c.number like 'B%'`);
    // A working day as dense as a real one (a region's day ran to 2,274 hearings at a million
    // cases): with the year's few hundred a day alone, fetching a region's day whole and sorting it
    // is as cheap as walking it in order, and the planner's choice between the two is a coin toss.
    await database.db.execute(sql`
      insert into hearings (case_id, starts_at, room, court_id, status)
      select c.id, timestamptz '2026-11-25 09:00+05' + (row_number() over () % 480) * interval '1 minute', '102', c.court_id, 'scheduled'
      from cases c where c.number like 'B%' and right(c.number, 1) in ('0', '5')`);
    await database.db.execute(sql`analyze hearings`);
    await database.db.execute(sql`analyze cases`);
  }, 240_000);
  afterAll(() => database?.close());

  const parsed = (raw: RawHearingList) => {
    const list = parseHearingList(raw, TODAY);
    if ('refused' in list) throw new Error(list.refused);
    return list;
  };

  async function plan(raw: RawHearingList): Promise<string> {
    const list = parsed(raw);
    const regionCourts = list.regionCode ? await regionCourtIds(database.db, list.regionCode) : [];
    const rows = await database.db.execute(sql`explain ${hearingListStatement(list, undefined, regionCourts)}`);
    return (rows.rows as Record<string, string>[]).map((r) => Object.values(r)[0]).join('\n');
  }

  it('reads a day, a month, a court, a region and a category through the indexes, never a sequential scan', async () => {
    const first = await listHearings(database.db, parsed({ from: TODAY }));
    expect(first.items.length).toBe(50);
    expect(first.next).not.toBeNull();
    const cursor = Buffer.from(JSON.stringify([first.next!.startsAt, first.next!.id])).toString('base64url');
    for (const raw of [{ from: TODAY }, { from: '2026-11-01', to: '2026-11-30' }, { from: TODAY, court: '7517' }, { from: '2026-11-01', to: '2026-11-30', region: 'almaty' }, { from: TODAY, category: 'labour' }, { from: TODAY, cursor }]) {
      const p = await plan(raw);
      expect(p, JSON.stringify(raw)).not.toMatch(/Seq Scan on (hearings|cases)/);
      expect(p, JSON.stringify(raw)).toMatch(/hearings_(court_)?list_idx/);
    }
    // A region's day is read in time order up to its page, not fetched whole and sorted.
    expect(await plan({ from: TODAY, region: 'almaty' })).not.toMatch(/Sort/);
  });

  it('reads a court page’s schedule in time order and stops at its page, never sorting every hearing of the days it covers', async () => {
    const { query, values } = courtScheduleStatement(database.db, '7517', new Date('2026-06-01T00:00:00+05:00'), 120);
    const { sql: text, params } = query.getQuery();
    const explained = await database.pool.query(`explain (analyze, format json) ${text}`, fillPlaceholders(params, values));
    const nodes: { 'Node Type': string; 'Relation Name'?: string; 'Actual Rows': number }[] = [];
    const walk = (node: { Plans?: unknown[] } & (typeof nodes)[number]) => {
      nodes.push(node);
      for (const child of node.Plans ?? []) walk(child as typeof node);
    };
    walk((explained.rows[0] as { 'QUERY PLAN': [{ Plan: Parameters<typeof walk>[0] }] })['QUERY PLAN'][0].Plan);
    // Some 4,800 of the court's hearings fall in those days; the page is 200 of them.
    expect(nodes.map((n) => n['Node Type'])).not.toContain('Sort');
    const hearingsRead = nodes.filter((n) => n['Relation Name'] === 'hearings').reduce((sum, n) => sum + n['Actual Rows'], 0);
    expect(hearingsRead).toBeLessThan(1_000);
  });
});
