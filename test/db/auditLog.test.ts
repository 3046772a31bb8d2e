import { createHash } from 'node:crypto';
import { asc, eq, gt, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { appendAudit, auditKeyring, canonicalJson, SEGMENT_STARTED, sealAuditChain, useAuditKeys, verifyAuditChain } from '../../src/db/audit.ts';
import { auditChecks, auditLog, courts } from '../../src/db/schema/index.ts';
import { checkAuditChain } from '../../src/jobs/auditHead.ts';
import { createTestApp, TEST_NOW, type TestApp } from '../support/app.ts';
import { createTestDatabase, describeDb, TEST_AUDIT_KEY, testDbKind } from '../support/db.ts';
import { signedInUser } from '../support/sessions.ts';

const KEY = auditKeyring({ key: TEST_AUDIT_KEY, previousKeys: [] });
const NEXT_KEY_SECRET = 'next-audit-key-7Hq2Lw9Rt4Xz1Vb8Nc5Mj3Pk6Gf0Sd';

/** What an attacker with the database but not the key can compute: the plain sha256 link. */
function plainSha256(prevHash: string, row: typeof auditLog.$inferSelect): string {
  const body = canonicalJson({ occurredAt: row.occurredAt.toISOString(), actorId: row.actorId, action: row.action, entityType: row.entityType, entityId: row.entityId, data: row.data });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

describeDb(`the keyed audit chain (${testDbKind})`, () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.close());
  beforeEach(async () => {
    useAuditKeys(KEY);
    await database.db.delete(auditLog);
  });

  const append = (i: number, at = TEST_NOW) => database.db.transaction((tx) => appendAudit(tx, { actorId: null, action: 'test.action', entityType: 'test', entityId: String(i), data: { i } }, at));
  const rows = () => database.db.select().from(auditLog).orderBy(asc(auditLog.id));

  /** Rows as Sot wrote them before keying: plain sha256 links, no key. */
  async function writeUnkeyedRows(count: number) {
    let prevHash = '0'.repeat(64);
    for (let i = 0; i < count; i++) {
      const row = { occurredAt: new Date(TEST_NOW.getTime() - (count - i) * 60_000), actorId: null, action: 'legacy.action', entityType: 'test', entityId: `old-${i}`, data: { i } };
      const hash = plainSha256(prevHash, { ...row, id: 0, prevHash, hash: '', keyId: null });
      await database.db.insert(auditLog).values({ ...row, prevHash, hash });
      prevHash = hash;
    }
  }

  it('links every entry with an HMAC under the configured key, also when written concurrently', async () => {
    await Promise.all(Array.from({ length: 10 }, (_, i) => append(i)));
    const chain = await rows();
    expect(chain).toHaveLength(10);
    for (const row of chain) expect(row.keyId).toBe(KEY.current.id);
    // Not the plain sha256 anyone could recompute.
    expect(chain[0]!.hash).not.toBe(plainSha256('0'.repeat(64), chain[0]!));
    const result = await verifyAuditChain(database.db, { batchSize: 4 });
    expect(result).toMatchObject({ ok: true, checked: 10, head: { id: chain[9]!.id, hash: chain[9]!.hash } });
  });

  it('names the entry an SQL update changed: its id, time and action', async () => {
    for (let i = 0; i < 5; i++) await append(i, new Date(TEST_NOW.getTime() + i * 1000));
    const victim = (await rows())[2]!;
    await database.pool.query(`update audit_log set data = '{"i": 999}' where id = $1`, [victim.id]);
    const result = await verifyAuditChain(database.db);
    expect(result).toMatchObject({ ok: false, checked: 2, broken: { id: victim.id, action: 'test.action', occurredAt: victim.occurredAt, problem: 'hash' } });
  });

  it('catches a rewrite whose author recomputed plain sha256 links for the rest of the chain', async () => {
    for (let i = 0; i < 5; i++) await append(i);
    const chain = await rows();
    const victim = chain[1]!;
    let prevHash = chain[0]!.hash;
    for (const row of chain.slice(1)) {
      const forged = { ...row, data: row.id === victim.id ? { i: 999 } : row.data, prevHash };
      const hash = plainSha256(prevHash, forged);
      await database.db.update(auditLog).set({ data: forged.data, prevHash, hash }).where(eq(auditLog.id, row.id));
      prevHash = hash;
    }
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, checked: 1, broken: { id: victim.id, problem: 'hash' } });
    // Passing the rewritten rows off as written before keying does not help either.
    await database.db.update(auditLog).set({ keyId: null }).where(gt(auditLog.id, chain[0]!.id));
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, checked: 1, broken: { id: victim.id, problem: 'unkeyed_after_keyed' } });
    // Nor does the whole chain as plain sha256: no keyed link covers it.
    prevHash = '0'.repeat(64);
    for (const row of await rows()) {
      const hash = plainSha256(prevHash, row);
      await database.db.update(auditLog).set({ prevHash, hash, keyId: null }).where(eq(auditLog.id, row.id));
      prevHash = hash;
    }
    const unsealed = await verifyAuditChain(database.db);
    expect(unsealed).toMatchObject({ ok: false, checked: 5, broken: { id: chain[4]!.id, problem: 'unsealed' } });
  });

  it('keeps entries from before keying as a plain sha256 section that the first keyed link seals', async () => {
    await writeUnkeyedRows(4);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, broken: { problem: 'unsealed' } });
    const unkeyedHead = (await rows())[3]!;
    expect(await sealAuditChain(database.db, TEST_NOW)).toBe(true);
    expect(await sealAuditChain(database.db, TEST_NOW)).toBe(false);
    const seal = (await rows())[4]!;
    expect(seal).toMatchObject({ action: SEGMENT_STARTED, keyId: KEY.current.id, prevHash: unkeyedHead.hash, data: { previousHeadId: unkeyedHead.id, previousHeadHash: unkeyedHead.hash, previousKeyId: null } });
    await append(1);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, checked: 6 });

    // An attacker rewrites an old entry and recomputes the plain links up to the seal: the seal no longer fits.
    const chain = await rows();
    let prevHash = chain[0]!.hash;
    for (const row of chain.slice(1, 4)) {
      const data = row.id === chain[1]!.id ? { i: 999 } : row.data;
      const hash = plainSha256(prevHash, { ...row, data });
      await database.db.update(auditLog).set({ data, prevHash, hash }).where(eq(auditLog.id, row.id));
      prevHash = hash;
    }
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, checked: 4, broken: { id: seal.id, action: SEGMENT_STARTED, problem: 'link' } });
  });

  it('starts a new segment under a new key that covers the old head, and needs the old key to check the old segment', async () => {
    await append(1);
    await append(2);
    const oldHead = (await rows())[1]!;
    const rotated = auditKeyring({ key: NEXT_KEY_SECRET, previousKeys: [TEST_AUDIT_KEY] });
    useAuditKeys(rotated);
    await append(3);
    const chain = await rows();
    expect(chain.map((r) => r.keyId)).toEqual([KEY.current.id, KEY.current.id, rotated.current.id, rotated.current.id]);
    expect(chain[2]).toMatchObject({ action: SEGMENT_STARTED, prevHash: oldHead.hash, data: { previousKeyId: KEY.current.id, previousHeadId: oldHead.id } });
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, checked: 4 });
    // Without the retired key the old segment cannot be checked: the walk says so at its first entry.
    const withoutOld = auditKeyring({ key: NEXT_KEY_SECRET, previousKeys: [] });
    expect(await verifyAuditChain(database.db, { keyring: withoutOld })).toMatchObject({ ok: false, checked: 0, broken: { id: chain[0]!.id, problem: 'unknown_key' } });
    // Someone holding only the retired key cannot extend the chain after the rotation.
    useAuditKeys(KEY);
    await append(4);
    const [reopened] = (await rows()).slice(-2);
    expect(await verifyAuditChain(database.db, { keyring: rotated })).toMatchObject({ ok: false, broken: { id: reopened!.id, action: SEGMENT_STARTED, problem: 'key_returned' } });
  });
});

describeDb(`the audit chain's daily head and its page (${testDbKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: true });
  });
  afterAll(() => t?.close());

  it('writes the head to the log and shows it, with the last check, to the system administrator only', async () => {
    const result = await checkAuditChain(t.app, TEST_NOW);
    expect(result.ok).toBe(true);
    const head = result.head!;
    const line = t.logs.find((l) => l.msg === 'audit log head');
    expect(line).toMatchObject({ auditHead: { id: head.id, hash: head.hash, at: head.occurredAt.toISOString() }, entries: result.checked });
    expect(await t.database.db.select().from(auditChecks)).toMatchObject([{ ok: true, source: 'daily', headId: head.id, headHash: head.hash }]);

    const sysadmin = await signedInUser(t.database.db, { roles: [{ role: 'system_admin', courtId: null }], lang: 'en' });
    const page = await t.app.inject({ method: 'GET', url: '/admin/audit', headers: { cookie: sysadmin.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(head.hash.slice(0, 8));
    expect(page.body).toContain(`<dd class="govuk-summary-list__value">${head.id}</dd>`);
    expect(page.body).toContain(`all ${result.checked} entries verified`);
    // The other administrators' pages lead to it for the system administrator.
    expect((await t.app.inject({ method: 'GET', url: '/admin/roles', headers: { cookie: sysadmin.cookie } })).body).toContain('href="/admin/audit"');

    const [{ id: medeu }] = (await t.database.db.select({ id: courts.id }).from(courts).where(eq(courts.code, '7517'))) as [{ id: string }];
    const courtAdmin = await signedInUser(t.database.db, { roles: [{ role: 'court_admin', courtId: medeu }], lang: 'en' });
    expect((await t.app.inject({ method: 'GET', url: '/admin/audit', headers: { cookie: courtAdmin.cookie } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/admin/roles', headers: { cookie: courtAdmin.cookie } })).body).not.toContain('href="/admin/audit"');
  });

  it('logs a broken chain as an error and shows the broken entry on the page, in Russian too', async () => {
    const [victim] = (await t.database.pool.query<{ id: number }>('select id::int from audit_log order by id limit 1')).rows;
    await t.database.db.execute(sql`update audit_log set entity_id = 'forged' where id = ${victim!.id}`);
    const result = await checkAuditChain(t.app, new Date(TEST_NOW.getTime() + 86_400_000));
    expect(result.broken).toMatchObject({ id: victim!.id, problem: 'hash' });
    expect(t.logs.find((l) => l.msg === 'audit log broken: run sot audit verify')).toMatchObject({ level: 50, broken: { id: victim!.id, problem: 'hash' } });
    const sysadmin = await signedInUser(t.database.db, { roles: [{ role: 'system_admin', courtId: null }], lang: 'ru' });
    const page = await t.app.inject({ method: 'GET', url: '/admin/audit', headers: { cookie: sysadmin.cookie } });
    expect(page.body).toContain(`цепочка нарушена на записи ${victim!.id}`);
    expect(page.body).toContain('Запись не соответствует своему хешу');
  });
});
