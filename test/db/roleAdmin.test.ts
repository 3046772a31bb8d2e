import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditLog, courts, userRoles, users } from '../../src/db/schema/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { describeDb } from '../support/db.ts';
import { signedInUser, type TestUser } from '../support/sessions.ts';
import { formSession } from '../support/forms.ts';

describeDb('granting court staff roles', () => {
  let t: TestApp;
  let medeu: string;
  let sysadmin: TestUser;
  let courtAdmin: TestUser;
  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    [{ id: medeu }] = (await t.database.db.select({ id: courts.id }).from(courts).where(eq(courts.code, '7517'))) as [{ id: string }];
    sysadmin = await signedInUser(t.database.db, { roles: [{ role: 'system_admin', courtId: null }], lang: 'en' });
    courtAdmin = await signedInUser(t.database.db, { roles: [{ role: 'court_admin', courtId: medeu }], lang: 'en' });
  });
  afterAll(() => t?.close());

  async function grant(actor: TestUser, form: Record<string, string>) {
    const { token, cookie } = formSession(await t.app.inject({ method: 'GET', url: '/admin/roles', headers: { cookie: actor.cookie } }), actor.cookie);
    return t.app.inject({
      method: 'POST',
      url: '/admin/roles',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: token, ...form }).toString(),
    });
  }

  it('lets a court administrator make someone a judge of that court, audited', async () => {
    const person = await signedInUser(t.database.db);
    const res = await grant(courtAdmin, { iin: person.iin, role: 'judge', court: '7517' });
    expect(res.statusCode).toBe(303);
    const granted = await t.database.db.select().from(userRoles).where(and(eq(userRoles.userId, person.id), eq(userRoles.role, 'judge')));
    expect(granted).toHaveLength(1);
    const [audit] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'role.granted'), eq(auditLog.entityId, person.id)));
    expect(audit!.actorId).toBe(courtAdmin.id);
    // The new judge's next request already carries the role.
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: person.cookie } });
    expect(me.json().user.roles).toContain('judge');
  });

  it('refuses a court administrator granting in another court or above their station', async () => {
    const person = await signedInUser(t.database.db);
    expect((await grant(courtAdmin, { iin: person.iin, role: 'judge', court: '9514' })).statusCode).toBe(403);
    expect((await grant(courtAdmin, { iin: person.iin, role: 'system_admin' })).statusCode).toBe(403);
    expect(await t.database.db.select().from(userRoles).where(eq(userRoles.userId, person.id))).toEqual([]);
  });

  it('explains an unknown person, role or court next to the field', async () => {
    const unknown = await grant(sysadmin, { iin: '000000000000', role: 'clerk', court: '7517' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('No person with this IIN has signed in to Sot yet.');
    const person = await signedInUser(t.database.db);
    expect((await grant(sysadmin, { iin: person.iin, role: 'emperor', court: '7517' })).statusCode).toBe(400);
    expect((await grant(sysadmin, { iin: person.iin, role: 'clerk', court: '9999' })).statusCode).toBe(404);
  });

  it('records a lawyer with their bar registration number, shown in their profile', async () => {
    const person = await signedInUser(t.database.db, { lang: 'en' });
    const missing = await grant(sysadmin, { iin: person.iin, role: 'lawyer', barNumber: ' ' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Enter the lawyer’s bar registration number');
    expect(await t.database.db.select().from(userRoles).where(eq(userRoles.userId, person.id))).toEqual([]);

    expect((await grant(sysadmin, { iin: person.iin, role: 'lawyer', barNumber: 'АЛМ-0777' })).statusCode).toBe(303);
    const [user] = await t.database.db.select({ barNumber: users.barNumber }).from(users).where(eq(users.id, person.id));
    expect(user!.barNumber).toBe('АЛМ-0777');
    const profile = await t.app.inject({ method: 'GET', url: '/profile', headers: { cookie: person.cookie } });
    expect(profile.body).toContain('АЛМ-0777');
  });

  it('keeps the page from everyone who is not an administrator', async () => {
    const judge = await signedInUser(t.database.db, { roles: [{ role: 'judge', courtId: medeu }] });
    expect((await t.app.inject({ method: 'GET', url: '/admin/roles', headers: { cookie: judge.cookie } })).statusCode).toBe(403);
    const citizen = await signedInUser(t.database.db);
    expect((await grant(citizen, { iin: citizen.iin, role: 'judge', court: '7517' })).statusCode).toBe(403);
    expect(await t.database.db.select().from(userRoles).where(eq(userRoles.userId, citizen.id))).toEqual([]);
  });
});
