import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { BENCH_PARTY_WORDS, ensureBenchCases } from '../../src/db/benchData.ts';
import { BENCH_HEARING_SHARE, benchHearingDays, ensureBenchHearings } from '../../src/db/benchHearings.ts';
import { allocateCaseNumber } from '../../src/db/caseNumbers.ts';
import { cases, courts, hearings } from '../../src/db/schema/index.ts';
import { courtDateIso } from '../../src/domain/courtTime.ts';
import { parseHearingList, type HearingList } from '../../src/domain/hearingList.ts';
import { parseCaseNumber } from '../../src/domain/caseNumber.ts';
import { listHearings } from '../../src/queries/hearingList.ts';
import { findPublicCase } from '../../src/queries/publicCase.ts';
import { seedDemo } from '../../src/seed/demo.ts';
import { TEST_NOW } from '../support/app.ts';
import { createTestDatabase, describeDb } from '../support/db.ts';

// The benchmark's data generator at smoke scale: the bench itself runs it at a million cases.
describeDb('benchmark data', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemo(database.db, TEST_NOW);
  });
  afterAll(() => database?.close());

  it('generates valid, unique case numbers and tops up on a second run', async () => {
    expect(await ensureBenchCases(database.db, 3_000, 1_000)).toEqual({ existing: 0, added: 3_000 });
    expect(await ensureBenchCases(database.db, 3_500, 1_000)).toEqual({ existing: 3_000, added: 500 });
    const generated = await database.db.select({ number: cases.number }).from(cases).where(sql`${cases.registeredAt} < '2020-01-01'`);
    expect(generated).toHaveLength(3_500);
    expect(new Set(generated.map((g) => g.number)).size).toBe(3_500);
    for (const { number } of generated.slice(0, 200)) expect(parseCaseNumber(number!)?.canonical).toBe(number);
  });

  it('gives every generated case a claimant and a defendant named as an organisation, with no IIN', async () => {
    const rows = await database.db.execute<{ role: string; n: string; with_iin: string; odd: string }>(sql`
      select p.role, count(*) as n, count(p.iin) as with_iin,
             count(*) filter (where p.display_name !~ ${`^(ТОО|АО) «(${BENCH_PARTY_WORDS.join('|')}) [0-9]+»$`}) as odd
      from parties p join cases c on c.id = p.case_id
      where c.registered_at < '2020-01-01' group by p.role order by p.role`);
    expect(rows.rows.map((r) => ({ role: r.role, n: Number(r.n), withIin: Number(r.with_iin), odd: Number(r.odd) }))).toEqual([
      { role: 'claimant', n: 3_500, withIin: 0, odd: 0 },
      { role: 'defendant', n: 3_500, withIin: 0, odd: 0 },
    ]);
  });

  it('hears one case in BENCH_HEARING_SHARE on each working day around today, in its court, and tops up only what is missing', async () => {
    const days = benchHearingDays(TEST_NOW);
    // TEST_NOW is a Wednesday: a week back and two weeks ahead hold sixteen working days.
    expect(days).toHaveLength(16);
    expect(days).toContain(courtDateIso(TEST_NOW));
    // Which sequences are heard on a day, counted apart from the generator's SQL.
    const expected = (cases: number) => days.reduce((sum, day) => sum + Array.from({ length: cases }, (_, g) => g).filter((g) => g % BENCH_HEARING_SHARE === (Date.parse(`${day}T00:00:00Z`) / 86_400_000) % BENCH_HEARING_SHARE).length, 0);
    const first = await ensureBenchHearings(database.db, TEST_NOW);
    expect(first).toEqual({ days, existing: 0, added: expected(3_500) });
    expect(first.added).toBeGreaterThan(200);

    const rows = await database.db
      .select({ startsAt: hearings.startsAt, status: hearings.status, courtId: hearings.courtId, caseCourtId: cases.courtId })
      .from(hearings)
      .innerJoin(cases, eq(cases.id, hearings.caseId))
      .where(sql`${cases.registeredAt} < '2020-01-01'`);
    expect(rows).toHaveLength(first.added);
    const today = courtDateIso(TEST_NOW);
    for (const row of rows) {
      const day = courtDateIso(row.startsAt);
      expect(days).toContain(day);
      expect(row.courtId).toBe(row.caseCourtId);
      expect(row.status).toBe(day < today ? 'held' : 'scheduled');
    }

    expect(await ensureBenchHearings(database.db, TEST_NOW)).toEqual({ days, existing: first.added, added: 0 });
    // More cases: only their hearings are added.
    await ensureBenchCases(database.db, 4_000, 1_000);
    expect(await ensureBenchHearings(database.db, TEST_NOW)).toEqual({ days, existing: first.added, added: expected(4_000) - expected(3_500) });
    const [{ n }] = (await database.db.execute<{ n: string }>(sql`select count(*) as n from parties p join cases c on c.id = p.case_id where c.registered_at < '2020-01-01'`)).rows as [{ n: string }];
    expect(Number(n)).toBe(8_000);
  });

  it('lists a generated day through the public hearing list, a page of fifty across the country', async () => {
    const list = parseHearingList({}, courtDateIso(TEST_NOW)) as HearingList;
    const page = await listHearings(database.db, list);
    // 4,000 cases: twenty are heard on each working day, besides the demo's hearings.
    expect(page.items.length).toBeGreaterThanOrEqual(20);
    expect(page.items.length).toBeLessThanOrEqual(50);
    const [court] = await database.db.select({ code: courts.code }).from(courts).innerJoin(hearings, eq(hearings.courtId, courts.id)).limit(1);
    const ofCourt = await listHearings(database.db, parseHearingList({ court: court!.code }, courtDateIso(TEST_NOW)) as HearingList);
    expect(ofCourt.items.length).toBeGreaterThan(0);
    expect(ofCourt.items.every((h) => h.court.code === court!.code)).toBe(true);
  });

  it('finds a generated case through the public query', async () => {
    const [one] = await database.db.select({ number: cases.number }).from(cases).where(sql`${cases.registeredAt} < '2020-01-01'`).limit(1);
    expect((await findPublicCase(database.db, one!.number!, TEST_NOW))?.number).toBe(one!.number);
  });

  it('moves the counters past generated numbers so registrations do not collide', async () => {
    const [court] = await database.db.select().from(courts).where(eq(courts.code, '7517'));
    const [taken] = await database.db
      .select({ number: cases.number })
      .from(cases)
      .where(sql`${cases.courtId} = ${court!.id} and ${cases.number} like '7517-__-00-2/%' and ${cases.registeredAt} < '2020-01-01'`)
      .limit(1);
    const { year } = parseCaseNumber(taken!.number!)!;
    const next = await database.db.transaction((tx) => allocateCaseNumber(tx, { courtId: court!.id, courtCode: '7517', year, categoryCode: '2' }));
    const sameSeries = await database.db
      .select({ number: cases.number })
      .from(cases)
      .where(sql`${cases.number} like ${`7517-${String(year % 100).padStart(2, '0')}-00-2/%`}`);
    const highest = Math.max(...sameSeries.map((c) => parseCaseNumber(c.number!)!.sequence));
    expect(parseCaseNumber(next)!.sequence).toBe(highest + 1);
  });
});
