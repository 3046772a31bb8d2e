import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { ensureBenchCases } from '../../src/db/benchData.ts';
import { allocateCaseNumber } from '../../src/db/caseNumbers.ts';
import { cases, courts } from '../../src/db/schema/index.ts';
import { parseCaseNumber } from '../../src/domain/caseNumber.ts';
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
