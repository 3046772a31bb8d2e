import { eq, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database, Db } from '../../src/db/client.ts';
import * as schema from '../../src/db/schema/index.ts';
import { courts, directoryVersions, regions } from '../../src/db/schema/index.ts';
import { courtPage, listCourts } from '../../src/queries/courts.ts';
import { seedDemo } from '../../src/seed/demo.ts';
import { TEST_NOW } from '../support/app.ts';
import { createTestDatabase, describeDb } from '../support/db.ts';

// The courts directory is kept in memory per process; these check that a change made anywhere
// (another process, or SQL by hand) is seen on the next request. A second drizzle handle over
// the same database stands for a second process: it has a cache of its own.
describeDb('courts directory kept in memory', () => {
  let database: Database;
  let other: Db;
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemo(database.db, TEST_NOW);
    other = drizzle({ client: database.pool, schema });
  });
  afterAll(() => database?.close());

  const version = async () => (await database.db.select().from(directoryVersions).where(eq(directoryVersions.name, 'courts')))[0]!.version;
  const nameOnPage = async (db: Db, code: string) => (await courtPage(db, code, TEST_NOW, 14))?.details.court.nameEn;
  const nameInList = async (db: Db, code: string) => (await listCourts(db)).find((r) => r.court.code === code)?.court.nameEn;

  it('moves the version on with every change to courts or regions, and not otherwise', async () => {
    const before = await version();
    await database.db.select().from(courts);
    expect(await version()).toBe(before);
    await database.db.update(courts).set({ phone: '+7 727 000 00 00' }).where(eq(courts.code, '7517'));
    expect(await version()).toBe(before + 1);
    await database.db.update(regions).set({ sortOrder: sql`${regions.sortOrder}` });
    expect(await version()).toBe(before + 2);
  });

  it('shows a renamed court on its page and in the list at the next request, in every process', async () => {
    const original = await nameOnPage(database.db, '7517');
    expect(original).toBeTruthy();
    // Both "processes" have the court and the list cached.
    expect(await nameOnPage(other, '7517')).toBe(original);
    expect(await nameInList(database.db, '7517')).toBe(original);
    expect(await nameInList(other, '7517')).toBe(original);

    await database.db.update(courts).set({ nameEn: 'Medeu District Court (renamed)' }).where(eq(courts.code, '7517'));

    for (const db of [database.db, other]) {
      expect(await nameOnPage(db, '7517')).toBe('Medeu District Court (renamed)');
      expect(await nameInList(db, '7517')).toBe('Medeu District Court (renamed)');
    }
  });

  it('answers an unknown court as unknown, and finds it once it is added', async () => {
    expect(await courtPage(database.db, '1234', TEST_NOW, 14)).toBeNull();
    const [model] = await database.db.select().from(courts).where(eq(courts.code, '7517'));
    const { id: _id, code: _code, createdAt: _createdAt, ...rest } = model!;
    await database.db.insert(courts).values({ ...rest, code: '1234', nameEn: 'New District Court' });
    expect(await nameOnPage(other, '1234')).toBe('New District Court');
    expect(await nameInList(other, '1234')).toBe('New District Court');
  });
});
