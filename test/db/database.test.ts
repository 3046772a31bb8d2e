import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { appendAudit, verifyAuditChain } from '../../src/db/audit.ts';
import { allocateCaseNumber } from '../../src/db/caseNumbers.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { auditLog, cases, courts, events, hearings, parties, userRoles, users } from '../../src/db/schema/index.ts';
import { CASE_STATUSES, type CaseStatus } from '../../src/domain/caseStatus.ts';
import { isValidIin } from '../../src/domain/iin.ts';
import { seedDemo } from '../../src/seed/demo.ts';
import { TEST_NOW } from '../support/app.ts';
import { createPostgresDatabase, createTestDatabase, describeDb, testDbKind } from '../support/db.ts';

describeDb(`database (${testDbKind})`, () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemo(database.db, TEST_NOW);
  });
  afterAll(() => database?.close());

  it('applies migrations again without change', async () => {
    await migrateDatabase(database);
    const [{ n }] = (await database.pool.query('select count(*)::int as n from drizzle.__drizzle_migrations')).rows;
    expect(n).toBeGreaterThanOrEqual(2);
  });

  it('has the search extensions loaded', async () => {
    const { rows } = await database.pool.query("select unaccent('Алматы́') as u, similarity('Медеу', 'Медеуский') > 0.3 as s");
    expect(rows[0]).toEqual({ u: 'Алматы', s: true });
  });

  it('seeds courts at every level; appeals go one level up, cassation by kind of proceedings', async () => {
    const all = await database.db.select().from(courts);
    expect(new Set(all.map((c) => c.level))).toEqual(new Set([1, 2, 3, 4]));
    const byId = new Map(all.map((c) => [c.id, c]));
    for (const court of all) {
      // Regional courts' acts go to the cassation court for the case's kind, not to one parent.
      if (court.level === 4 || court.level === 2) expect(court.parentId, court.nameEn).toBeNull();
      else expect(byId.get(court.parentId!)!.level, court.nameEn).toBe(court.level + 1);
      expect(court.nameKk && court.nameRu && court.nameEn).toBeTruthy();
    }
    for (const kind of ['civil', 'criminal', 'administrative']) {
      expect(all.filter((c) => c.level === 3 && c.caseKinds.includes(kind)), kind).toHaveLength(1);
    }
  });

  it('seeds people of every role with valid IINs', async () => {
    const roles = await database.db.selectDistinct({ role: userRoles.role }).from(userRoles);
    expect(roles.map((r) => r.role).sort()).toEqual(['clerk', 'court_admin', 'court_chair', 'judge', 'lawyer', 'system_admin']);
    for (const user of await database.db.select({ iin: users.iin }).from(users)) expect(isValidIin(user.iin), user.iin).toBe(true);
  });

  it('seeds cases across the lifecycle, with timelines, hearings and appeals', async () => {
    const statuses = await database.db.selectDistinct({ status: cases.status }).from(cases);
    // Every stage but a draft (a case begins when a filing is submitted) and a court order's
    // objection and cancellation, which the court-order tests walk through.
    const unseeded: CaseStatus[] = ['draft', 'order_objected', 'order_cancelled'];
    expect(statuses.map((s) => s.status).sort()).toEqual(CASE_STATUSES.filter((s) => !unseeded.includes(s)).sort());
    const [timeline] = await database.db.select({ n: count() }).from(events);
    expect(timeline!.n).toBeGreaterThan(100);
    const [upcoming] = await database.db.select({ n: count() }).from(hearings).where(eq(hearings.status, 'scheduled'));
    expect(upcoming!.n).toBeGreaterThanOrEqual(5);
    const appeals = await database.db.select().from(cases).where(sql`${cases.parentCaseId} is not null`);
    expect(appeals.length).toBeGreaterThanOrEqual(2);
    for (const appeal of appeals) expect(appeal.instance).toBe(2);
    const unregistered = await database.db.select().from(cases).where(eq(cases.status, 'submitted'));
    for (const c of unregistered) expect(c.number).toBeNull();
  });

  it('keeps party IINs only for individuals and links representatives to a party', async () => {
    const all = await database.db.select().from(parties);
    for (const p of all) {
      if (p.role === 'lawyer' || p.role === 'representative') expect(p.representsPartyId).not.toBeNull();
      if (p.organisationId) expect(p.iin).toBeNull();
    }
  });

  it('does nothing when seeded a second time', async () => {
    const before = await database.db.select({ n: count() }).from(cases);
    const result = await seedDemo(database.db, TEST_NOW);
    expect(result.seeded).toBe(false);
    expect(await database.db.select({ n: count() }).from(cases)).toEqual(before);
  });

  it('gives concurrent registrations distinct numbers with no gaps', async () => {
    const [court] = await database.db.select().from(courts).where(eq(courts.code, '9594'));
    const allocate = () => database.db.transaction((tx) => allocateCaseNumber(tx, { courtId: court!.id, courtCode: '9594', year: 2031, categoryCode: '2' }));
    const numbers = await Promise.all(Array.from({ length: 40 }, allocate));
    const sequences = numbers.map((n) => Number(n.split('/')[1])).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(numbers[0]).toMatch(/^9594-31-00-2\/\d+$/);
  });

  it('returns a number to the sequence when the registration rolls back', async () => {
    const [court] = await database.db.select().from(courts).where(eq(courts.code, '7594'));
    const input = { courtId: court!.id, courtCode: '7594', year: 2032, categoryCode: '4' };
    await expect(
      database.db.transaction(async (tx) => {
        await allocateCaseNumber(tx, input);
        throw new Error('registration failed');
      }),
    ).rejects.toThrow('registration failed');
    expect(await database.db.transaction((tx) => allocateCaseNumber(tx, input))).toBe('7594-32-00-4/1');
  });

  it('chains audit entries and detects an edited one', async () => {
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => database.db.transaction((tx) => appendAudit(tx, { actorId: null, action: 'test.concurrent', entityType: 'test', entityId: String(i), data: { i } }))),
    );
    const intact = await verifyAuditChain(database.db, { batchSize: 4 });
    expect(intact.ok).toBe(true);
    expect(intact.checked).toBeGreaterThanOrEqual(11);
    const [victim] = await database.db.select().from(auditLog).where(eq(auditLog.action, 'test.concurrent')).limit(1);
    await database.db.update(auditLog).set({ data: { i: 999 } }).where(eq(auditLog.id, victim!.id));
    const broken = await verifyAuditChain(database.db);
    expect(broken).toMatchObject({ ok: false, broken: { id: victim!.id, action: 'test.concurrent' } });
  });

  it('rejects rows the rules forbid', async () => {
    const [court] = await database.db.select().from(courts).limit(1);
    await expect(database.db.insert(cases).values({ courtId: court!.id, kind: 'civil', category: 'property', status: 'flying' as 'draft' })).rejects.toThrow();
    await expect(database.db.insert(users).values({ iin: '12345', fullName: 'X' })).rejects.toThrow();
    const [judge] = await database.db.select().from(users).limit(1);
    await expect(database.db.insert(userRoles).values({ userId: judge!.id, role: 'judge', courtId: null })).rejects.toThrow();
  });
  // A server restart or an administrator's pg_terminate_backend reaches clients the pool has lent
  // out too; the goodbye comes while the transaction runs no statement, with nobody listening.
  it.runIf(testDbKind === 'postgres')('lives on when the server ends a connection in the middle of a transaction', async () => {
    const before = database.pool.totalCount;
    const transaction = database.db.transaction(async (tx) => {
      const { pid } = (await tx.execute<{ pid: number }>(sql`select pg_backend_pid() as pid`)).rows[0]!;
      await database.pool.query('select pg_terminate_backend($1)', [pid]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await tx.execute(sql`select 1`);
    });
    await expect(transaction).rejects.toThrow();
    // The broken client is dropped, not lent again.
    expect((await database.pool.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
    expect(database.pool.totalCount).toBeLessThanOrEqual(Math.max(before, 1));
  });

  it.runIf(testDbKind === 'postgres')('gives back a connection whose transaction could not begin, so the pool can still end', async () => {
    const { url, drop } = await createPostgresDatabase();
    const own = await openDatabase({ kind: 'postgres', url, poolSize: 1 });
    try {
      const client = await own.pool.connect();
      const { pid } = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!;
      client.release();
      // The server drops the idle connection, and the pool has not heard it yet (as in the moment
      // after a restart): its socket is not read until the transaction has taken it.
      const socket = (client as unknown as { connection: { stream: { pause(): void; resume(): void } } }).connection.stream;
      socket.pause();
      await database.pool.query('select pg_terminate_backend($1)', [pid]);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const transaction = own.db.transaction(async (tx) => {
        await tx.execute(sql`select 1`);
      });
      socket.resume();
      await expect(transaction).rejects.toThrow();
      await expect.poll(() => own.pool.totalCount, { timeout: 5_000 }).toBe(0);
      expect((await own.pool.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
    } finally {
      await own.close();
      await drop();
    }
  });
});
