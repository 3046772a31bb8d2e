import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { courts, users } from '../../src/db/schema/index.ts';
import { parseCaseSearch, type RawCaseSearch } from '../../src/domain/caseSearch.ts';
import type { Principal } from '../../src/policies/principal.ts';
import { caseCountStatement, casePageStatement, type SearchScope } from '../../src/queries/caseSearch.ts';
import { seedDemo } from '../../src/seed/demo.ts';
import { withCheckDigit } from '../../src/seed/people.ts';
import { TEST_NOW } from '../support/app.ts';
import { createTestDatabase, describeDb } from '../support/db.ts';

/**
 * The plans of case search's hot paths over a generated court of many cases: with sequential
 * scans priced out, each statement the search runs (the page and the capped count) must reach
 * cases and parties through their indexes, never by reading a whole table.
 */
describeDb('case search plans', () => {
  let database: Database;
  let courtA: string;
  let party: Principal;
  const CASES = 20_000;
  const iin = withCheckDigit('800101', '3', 9001);

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = database.db;
    await seedDemo(db, TEST_NOW);
    courtA = (await db.select({ id: courts.id }).from(courts).where(eq(courts.code, '7517')))[0]!.id;
    const [user] = await db.insert(users).values({ iin, fullName: 'Планов План' }).returning({ id: users.id });
    party = { userId: user!.id, iin, fullName: 'Планов План', bin: null, roles: [{ role: 'citizen', courtId: null }] };
    // Cases spread over every court, two parties each; one participant in a handful of them.
    await db.execute(sql`
      insert into cases (number, court_id, kind, category, status, filed_at, registered_at)
      select 'P' || lpad(g::text, 6, '0') || '-26-00-2/' || g, c.id, 'civil', (array['property','labour','divorce'])[1 + g % 3],
        (array['registered','hearing_scheduled','decided','in_force'])[1 + g % 4],
        timestamptz '2020-01-01' + (g || ' hours')::interval, timestamptz '2020-01-02' + (g || ' hours')::interval
      from generate_series(1, ${CASES}) g
      join lateral (select id from courts order by id offset (g % 20) limit 1) c on true`);
    await db.execute(sql`
      insert into parties (case_id, role, display_name, iin)
      select id, 'claimant', (array['Сидоров','Құрманғалиев','Иванова','Әлібеков','Петренко'])[1 + (row_number() over ()) % 5] || ' ' || md5(id::text), lpad((row_number() over ())::text, 12, '7') from cases`);
    await db.execute(sql`insert into parties (case_id, role, display_name) select id, 'defendant', 'ТОО ' || md5(id::text || 'd') from cases`);
    await db.execute(sql`insert into parties (case_id, role, display_name, user_id) select id, 'claimant', 'Планов План', ${party.userId}::uuid from cases order by id limit 5`);
    await db.execute(sql`analyze cases`);
    await db.execute(sql`analyze parties`);
  }, 600_000);
  afterAll(() => database?.close());

  const parsed = (raw: RawCaseSearch) => {
    const search = parseCaseSearch(raw);
    if ('refused' in search) throw new Error(search.refused);
    return search;
  };

  async function plan(statement: ReturnType<typeof casePageStatement>): Promise<string> {
    return database.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const rows = await tx.execute(sql`explain ${statement}`);
      return (rows.rows as Record<string, string>[]).map((r) => Object.values(r)[0]).join('\n');
    });
  }

  it('reaches cases and parties through indexes for the court and the cabinet', async () => {
    const court: SearchScope = { audience: 'court', courtIds: [courtA] };
    const cabinet: SearchScope = { audience: 'cabinet', principal: party };
    const searches: [RawCaseSearch, SearchScope, RegExp][] = [
      [{ name: 'құрманғали' }, court, /parties_name_trgm_idx|cases_court_filed_idx/],
      [{ name: 'сидоров', status: 'decided' }, court, /parties_name_trgm_idx|cases_court_filed_idx|cases_court_status_idx/],
      [{ number: '2/1234' }, court, /cases_number_trgm_idx|cases_court_filed_idx|cases_court_status_idx/],
      [{ iin }, court, /parties_iin_idx|cases_court_filed_idx/],
      [{ status: 'in_force', from: '2021-01-01' }, court, /cases_court_filed_idx|cases_court_status_idx/],
      [{ from: '2020-01-01' }, court, /cases_court_filed_idx/],
      [{ from: '2020-01-01' }, cabinet, /parties_user_idx/],
      [{ name: 'иванова' }, cabinet, /parties_user_idx|parties_name_trgm_idx/],
    ];
    // Which index leads depends on the statistics (a common name walks the court's newest cases,
    // a rare one starts from the trigram index); what may never happen is reading a table whole.
    for (const [raw, scope, index] of searches) {
      const page = await plan(casePageStatement(parsed(raw), scope));
      expect(page, JSON.stringify(raw)).not.toMatch(/Seq Scan on (cases|parties)/);
      expect(page, JSON.stringify(raw)).toMatch(index);
      const count = await plan(caseCountStatement(parsed(raw), scope));
      expect(count, JSON.stringify(raw)).not.toMatch(/Seq Scan on (cases|parties)/);
      expect(count, JSON.stringify(raw)).toMatch(/(cases|parties)_\w+_idx/);
    }
  });

  it('keeps the next page on the index after a cursor', async () => {
    const first = parsed({ from: '2020-01-01', cursor: Buffer.from(JSON.stringify(['2021-06-01 10:00:00+00', '00000000-0000-4000-8000-000000000000'])).toString('base64url') });
    const text = await plan(casePageStatement(first, { audience: 'court', courtIds: [courtA] }));
    expect(text).not.toMatch(/Seq Scan on (cases|parties)/);
    expect(text).toMatch(/cases_court_filed_idx/);
  });
});
