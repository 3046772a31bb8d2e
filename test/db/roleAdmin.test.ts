import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditLog, courts, roleGrantProposals, userRoles, users } from '../../src/db/schema/index.ts';
import { translator } from '../../src/i18n/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { describeDb } from '../support/db.ts';
import { signedInUser, type TestUser } from '../support/sessions.ts';
import { formSession } from '../support/forms.ts';

const en = translator('en');

describeDb('granting court staff roles', () => {
  let t: TestApp;
  let medeu: string;
  let sysadmin: TestUser;
  let secondAdmin: TestUser;
  let courtAdmin: TestUser;
  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    [{ id: medeu }] = (await t.database.db.select({ id: courts.id }).from(courts).where(eq(courts.code, '7517'))) as [{ id: string }];
    sysadmin = await signedInUser(t.database.db, { roles: [{ role: 'system_admin', courtId: null }], lang: 'en' });
    secondAdmin = await signedInUser(t.database.db, { roles: [{ role: 'system_admin', courtId: null }], lang: 'en' });
    courtAdmin = await signedInUser(t.database.db, { roles: [{ role: 'court_admin', courtId: medeu }], lang: 'en' });
  });
  afterAll(() => t?.close());

  async function post(actor: TestUser, url: string, form: Record<string, string> = {}) {
    const { token, cookie } = formSession(await t.app.inject({ method: 'GET', url: '/admin/roles', headers: { cookie: actor.cookie } }), actor.cookie);
    return t.app.inject({ method: 'POST', url, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: token, ...form }).toString() });
  }
  const grant = (actor: TestUser, form: Record<string, string>) => post(actor, '/admin/roles', form);
  const rolesOf = async (userId: string) => (await t.database.db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId))).map((r) => r.role);
  const me = async (user: TestUser) => (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: user.cookie } })).json().user.roles as string[];
  async function proposalFor(userId: string) {
    const [row] = await t.database.db.select().from(roleGrantProposals).where(eq(roleGrantProposals.userId, userId));
    return row!;
  }

  it('lets a court administrator make someone a clerk of that court, audited', async () => {
    const person = await signedInUser(t.database.db);
    const res = await grant(courtAdmin, { iin: person.iin, role: 'clerk', court: '7517' });
    expect(res.statusCode).toBe(303);
    expect(await rolesOf(person.id)).toEqual(['clerk']);
    const [audit] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'role.granted'), eq(auditLog.entityId, person.id)));
    expect(audit!.actorId).toBe(courtAdmin.id);
    // The new clerk's next request already carries the role.
    expect(await me(person)).toContain('clerk');
  });

  it('refuses a court administrator a judge or a chair, another court, or a station above their own', async () => {
    const person = await signedInUser(t.database.db);
    for (const role of ['judge', 'court_chair']) {
      const res = await grant(courtAdmin, { iin: person.iin, role, court: '7517' });
      expect(res.statusCode, role).toBe(403);
      expect(res.body).toContain(en('duties.error.benchRoleReserved'));
    }
    expect((await grant(courtAdmin, { iin: person.iin, role: 'clerk', court: '9514' })).statusCode).toBe(403);
    expect((await grant(courtAdmin, { iin: person.iin, role: 'court_admin', court: '7517' })).statusCode).toBe(403);
    expect((await grant(courtAdmin, { iin: person.iin, role: 'system_admin' })).statusCode).toBe(403);
    expect(await rolesOf(person.id)).toEqual([]);
    expect(await t.database.db.select().from(roleGrantProposals).where(eq(roleGrantProposals.userId, person.id))).toEqual([]);
  });

  it('refuses anyone granting a role to themselves, with the reason next to the field', async () => {
    for (const [actor, role] of [
      [courtAdmin, 'judge'],
      [courtAdmin, 'court_chair'],
      [courtAdmin, 'clerk'],
      [sysadmin, 'judge'],
      [sysadmin, 'lawyer'],
    ] as const) {
      const [self] = await t.database.db.select({ iin: users.iin }).from(users).where(eq(users.id, actor.id));
      const res = await grant(actor, { iin: self!.iin, role, court: '7517', barNumber: 'АЛМ-1' });
      expect(res.statusCode, role).toBe(403);
      expect(res.body).toContain(en('duties.error.own'));
      expect(res.body).toContain('href="#iin"');
    }
    expect(await rolesOf(courtAdmin.id)).toEqual(['court_admin']);
    expect(await rolesOf(sysadmin.id)).toEqual(['system_admin']);
  });

  it('refuses revoking a role of your own', async () => {
    const [own] = await t.database.db.select({ id: userRoles.id }).from(userRoles).where(eq(userRoles.userId, courtAdmin.id));
    const res = await post(courtAdmin, `/admin/roles/${own!.id}/revoke`);
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain(en('duties.error.own'));
    expect(await rolesOf(courtAdmin.id)).toEqual(['court_admin']);
  });

  it("keeps a system administrator's judge pending, with no judge's access, until a second administrator confirms", async () => {
    const person = await signedInUser(t.database.db, { lang: 'en' });
    const proposed = await grant(sysadmin, { iin: person.iin, role: 'judge', court: '7517' });
    expect(proposed.statusCode).toBe(303);
    expect(proposed.headers.location).toBe('/admin/roles?done=proposed');
    expect(await rolesOf(person.id)).toEqual([]);
    expect(await me(person)).not.toContain('judge');
    expect((await t.app.inject({ method: 'GET', url: '/judge/cases', headers: { cookie: person.cookie } })).statusCode).toBe(403);
    // Proposing it again adds nothing.
    expect((await grant(secondAdmin, { iin: person.iin, role: 'judge', court: '7517' })).statusCode).toBe(409);

    const proposal = await proposalFor(person.id);
    // The page shows the proposal: Confirm for the other administrator, none for the proposer.
    const forProposer = await t.app.inject({ method: 'GET', url: '/admin/roles', headers: { cookie: sysadmin.cookie } });
    expect(forProposer.body).toContain(`/admin/roles/proposals/${proposal.id}/cancel`);
    expect(forProposer.body).not.toContain(`/admin/roles/proposals/${proposal.id}/confirm`);
    const forSecond = await t.app.inject({ method: 'GET', url: '/admin/roles', headers: { cookie: secondAdmin.cookie } });
    expect(forSecond.body).toContain(`/admin/roles/proposals/${proposal.id}/confirm`);

    const own = await post(sysadmin, `/admin/roles/proposals/${proposal.id}/confirm`);
    expect(own.statusCode).toBe(403);
    expect(own.body).toContain(en('duties.error.proposedByYou'));
    expect(await rolesOf(person.id)).toEqual([]);
    // A court administrator cannot confirm either.
    expect((await post(courtAdmin, `/admin/roles/proposals/${proposal.id}/confirm`)).statusCode).toBe(403);

    const confirmed = await post(secondAdmin, `/admin/roles/proposals/${proposal.id}/confirm`);
    expect(confirmed.statusCode).toBe(303);
    const [seat] = await t.database.db.select().from(userRoles).where(eq(userRoles.userId, person.id));
    expect(seat).toMatchObject({ role: 'judge', courtId: medeu, grantedBy: sysadmin.id, confirmedBy: secondAdmin.id });
    expect(await me(person)).toContain('judge');
    expect((await t.app.inject({ method: 'GET', url: '/judge/cases', headers: { cookie: person.cookie } })).statusCode).toBe(200);
    // Settled once: a second confirmation is refused.
    expect((await post(secondAdmin, `/admin/roles/proposals/${proposal.id}/confirm`)).statusCode).toBe(409);
    const audit = await t.database.db.select({ action: auditLog.action, actorId: auditLog.actorId }).from(auditLog).where(eq(auditLog.entityId, person.id));
    expect(audit).toEqual([
      { action: 'role.proposed', actorId: sysadmin.id },
      { action: 'role.confirmed', actorId: secondAdmin.id },
    ]);
  });

  it('refuses the person proposed confirming their own seat, and lets an administrator cancel a proposal', async () => {
    const admin3 = await signedInUser(t.database.db, { roles: [{ role: 'system_admin', courtId: null }], lang: 'en' });
    expect((await grant(sysadmin, { iin: admin3.iin, role: 'court_chair', court: '7517' })).statusCode).toBe(303);
    const proposal = await proposalFor(admin3.id);
    const own = await post(admin3, `/admin/roles/proposals/${proposal.id}/confirm`);
    expect(own.statusCode).toBe(403);
    expect(own.body).toContain(en('duties.error.own'));
    expect((await post(secondAdmin, `/admin/roles/proposals/${proposal.id}/cancel`)).statusCode).toBe(303);
    expect(await proposalFor(admin3.id)).toMatchObject({ status: 'cancelled', decidedBy: secondAdmin.id });
    expect(await rolesOf(admin3.id)).toEqual(['system_admin']);
    expect((await post(secondAdmin, `/admin/roles/proposals/${proposal.id}/confirm`)).statusCode).toBe(409);
  });

  it("lists a person's roles, pending grants and the history of grants with who and when, in the reader's language", async () => {
    const person = await signedInUser(t.database.db);
    expect((await grant(courtAdmin, { iin: person.iin, role: 'clerk', court: '7517' })).statusCode).toBe(303);
    expect((await grant(sysadmin, { iin: person.iin, role: 'judge', court: '7517' })).statusCode).toBe(303);
    await post(secondAdmin, `/admin/roles/proposals/${(await proposalFor(person.id)).id}/confirm`);
    const [clerkGrant] = await t.database.db.select({ id: userRoles.id }).from(userRoles).where(and(eq(userRoles.userId, person.id), eq(userRoles.role, 'clerk')));
    expect((await post(courtAdmin, `/admin/roles/${clerkGrant!.id}/revoke`)).statusCode).toBe(303);
    expect((await grant(sysadmin, { iin: person.iin, role: 'court_chair', court: '7517' })).statusCode).toBe(303);

    const names = new Map((await t.database.db.select({ id: users.id, name: users.fullName }).from(users)).map((u) => [u.id, u.name]));
    const page = await t.app.inject({ method: 'GET', url: `/admin/people/${person.id}`, headers: { cookie: `${secondAdmin.cookie}` } });
    expect(page.statusCode).toBe(200);
    const body = page.body;
    expect(body).toContain(names.get(person.id)!);
    expect(body).not.toContain(person.iin);
    for (const key of ['person.event.granted', 'person.event.proposed', 'person.event.confirmed', 'person.event.revoked'] as const) expect(body, key).toContain(en(key));
    expect(body).toContain(en('person.pending'));
    expect(body).toContain(en('person.confirmedBy', { granted: names.get(sysadmin.id)!, confirmed: names.get(secondAdmin.id)! }));
    for (const actor of [sysadmin, secondAdmin, courtAdmin]) expect(body).toContain(names.get(actor.id)!);
    // The same page in Russian.
    const ru = translator('ru');
    const inRussian = await t.app.inject({ method: 'GET', url: `/admin/people/${person.id}`, headers: { cookie: `${secondAdmin.cookie.replace('lang=en', 'lang=ru')}` } });
    expect(inRussian.body).toContain(ru('person.history'));
    // The court's administrator sees the people of their court only; a stranger is not found.
    expect((await t.app.inject({ method: 'GET', url: `/admin/people/${person.id}`, headers: { cookie: courtAdmin.cookie } })).statusCode).toBe(200);
    const stranger = await signedInUser(t.database.db);
    expect((await t.app.inject({ method: 'GET', url: `/admin/people/${stranger.id}`, headers: { cookie: courtAdmin.cookie } })).statusCode).toBe(404);
    // The roles list links to the page.
    expect((await t.app.inject({ method: 'GET', url: '/admin/roles', headers: { cookie: courtAdmin.cookie } })).body).toContain(`/admin/people/${person.id}`);
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
