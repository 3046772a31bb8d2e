import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSession, SESSION_COOKIE } from '../../src/auth/sessions.ts';
import { auditLog, caseDistributions, cases, courts, judgeAbsences, judgeCategories, selfAssignmentProposals, userRoles } from '../../src/db/schema/index.ts';
import { translator } from '../../src/i18n/index.ts';
import { createTestApp, TEST_NOW, type TestApp } from '../support/app.ts';
import { describeDb } from '../support/db.ts';
import { formSession } from '../support/forms.ts';
import { signedInUser, type TestUser } from '../support/sessions.ts';

const en = translator('en');

/**
 * A chair who moves a case to themselves chooses and is chosen: the move waits, the case keeping
 * its judge, until another judge of the court (neither the chair nor the judge who has the case)
 * confirms it from their workspace.
 */
describeDb("the chair's move of a case to themselves", () => {
  let t: TestApp;
  let medeu: string;
  let judges: [string, string, string];
  let chair: TestUser;
  let cookieOf: Map<string, string>;

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    const db = t.database.db;
    [{ id: medeu }] = (await db.select({ id: courts.id }).from(courts).where(eq(courts.code, '7517'))) as [{ id: string }];
    // Everyone hears everything and nobody is away, so only the rule under test decides.
    await db.delete(judgeCategories).where(eq(judgeCategories.courtId, medeu));
    await db.delete(judgeAbsences).where(eq(judgeAbsences.courtId, medeu));
    const seated = await db.select({ id: userRoles.userId }).from(userRoles).where(and(eq(userRoles.courtId, medeu), eq(userRoles.role, 'judge'))).orderBy(asc(userRoles.userId));
    judges = seated.slice(0, 3).map((j) => j.id) as [string, string, string];
    // A chair who sits as a judge of the court, and so could be chosen for its cases.
    chair = await signedInUser(db, { roles: [{ role: 'judge', courtId: medeu }, { role: 'court_chair', courtId: medeu }], lang: 'en' });
    cookieOf = new Map([[chair.id, chair.cookie]]);
    for (const judgeId of judges) cookieOf.set(judgeId, `${SESSION_COOKIE}=${(await createSession(db, { userId: judgeId, bin: null, certificateId: null }, TEST_NOW)).id}; lang=en`);
  });
  afterAll(() => t?.close());

  async function post(userId: string, url: string, form: Record<string, string> = {}) {
    const cookie = cookieOf.get(userId)!;
    const session = formSession(await t.app.inject({ method: 'GET', url: '/profile', headers: { cookie } }), cookie);
    return t.app.inject({ method: 'POST', url, headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: session.token, ...form }).toString() });
  }

  async function caseOf(judgeId: string): Promise<string> {
    const [row] = await t.database.db.insert(cases).values({ courtId: medeu, kind: 'civil', category: 'property', instance: 1, status: 'accepted', number: `7517-26-00-2/${Math.floor(Math.random() * 1e6)}`, judgeId }).returning({ id: cases.id });
    return row!.id;
  }
  const judgeOf = async (caseId: string) => (await t.database.db.select({ judgeId: cases.judgeId }).from(cases).where(eq(cases.id, caseId)))[0]!.judgeId;
  const proposalOf = async (caseId: string) => (await t.database.db.select().from(selfAssignmentProposals).where(eq(selfAssignmentProposals.caseId, caseId)))[0]!;
  const proposeSelf = (caseId: string, current: string) => post(chair.id, `/court/cases/${caseId}/reassign`, { current, judgeId: chair.id, reason: 'Сложное дело, нагрузка судьи' });

  it('keeps the case with its judge until another judge confirms, then moves it, with audit rows for both steps', async () => {
    const [current, colleague] = judges;
    const caseId = await caseOf(current);
    const proposed = await proposeSelf(caseId, current);
    expect(proposed.statusCode).toBe(303);
    expect(proposed.headers.location).toBe(`/court/cases/${caseId}/assignment?done=proposed`);
    expect(await judgeOf(caseId)).toBe(current);
    const page = await t.app.inject({ method: 'GET', url: proposed.headers.location as string, headers: { cookie: chair.cookie } });
    expect(page.body).toContain(en('selfAssignment.waiting.title'));
    expect(page.body).toContain(`/court/cases/${caseId}/self-assignment/withdraw`);

    const proposal = await proposalOf(caseId);
    // Neither the chair nor the judge losing the case may confirm; nor does the workspace offer it to them.
    for (const refused of [chair.id, current]) {
      expect((await post(refused, `/judge/self-assignments/${proposal.id}/confirm`)).statusCode).toBe(404);
      expect((await t.app.inject({ method: 'GET', url: '/judge/cases', headers: { cookie: cookieOf.get(refused)! } })).body).not.toContain(proposal.id);
    }
    expect(await judgeOf(caseId)).toBe(current);

    const workspace = await t.app.inject({ method: 'GET', url: '/judge/cases', headers: { cookie: cookieOf.get(colleague)! } });
    expect(workspace.body).toContain(en('selfAssignment.judge.title'));
    expect(workspace.body).toContain(`/judge/self-assignments/${proposal.id}/confirm`);
    const confirmed = await post(colleague, `/judge/self-assignments/${proposal.id}/confirm`);
    expect(confirmed.statusCode).toBe(303);
    expect(await judgeOf(caseId)).toBe(chair.id);
    const [moved] = await t.database.db.select().from(caseDistributions).where(and(eq(caseDistributions.caseId, caseId), eq(caseDistributions.method, 'manual')));
    expect(moved).toMatchObject({ judgeId: chair.id, assignedBy: chair.id, confirmedBy: colleague });
    expect((await post(colleague, `/judge/self-assignments/${proposal.id}/confirm`)).statusCode).toBe(409);

    const audit = await t.database.db.select({ action: auditLog.action, actorId: auditLog.actorId }).from(auditLog).where(eq(auditLog.entityId, caseId)).orderBy(asc(auditLog.id));
    expect(audit).toEqual([
      { action: 'case.self_assignment_proposed', actorId: chair.id },
      { action: 'case.self_assignment_confirmed', actorId: colleague },
    ]);
    // The history names who confirmed.
    const history = await t.app.inject({ method: 'GET', url: `/court/cases/${caseId}/assignment`, headers: { cookie: chair.cookie } });
    expect(history.body).toContain(en('assignment.confirmedBy', { name: '' }).trim());
  });

  it('refuses another reassignment while the move waits, and lets the chair withdraw it', async () => {
    const [current, colleague, third] = judges;
    const caseId = await caseOf(current);
    expect((await proposeSelf(caseId, current)).statusCode).toBe(303);
    expect((await proposeSelf(caseId, current)).statusCode).toBe(409);
    const other = await post(chair.id, `/court/cases/${caseId}/reassign`, { current, judgeId: third, reason: 'Распределение нагрузки' });
    expect(other.statusCode).toBe(409);
    expect(other.body).toContain(en('duties.error.selfAssignmentPending'));
    expect(await judgeOf(caseId)).toBe(current);

    const withdrawn = await post(chair.id, `/court/cases/${caseId}/self-assignment/withdraw`);
    expect(withdrawn.statusCode).toBe(303);
    const proposal = await proposalOf(caseId);
    expect(proposal).toMatchObject({ status: 'cancelled', decidedBy: chair.id });
    expect((await post(colleague, `/judge/self-assignments/${proposal.id}/confirm`)).statusCode).toBe(409);
    expect(await judgeOf(caseId)).toBe(current);
    const [audit] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, caseId), eq(auditLog.action, 'case.self_assignment_withdrawn')));
    expect(audit!.actorId).toBe(chair.id);
    // Once withdrawn, the chair reassigns to another judge at once, as before.
    expect((await post(chair.id, `/court/cases/${caseId}/reassign`, { current, judgeId: third, reason: 'Распределение нагрузки' })).statusCode).toBe(303);
    expect(await judgeOf(caseId)).toBe(third);
  });

  it('lets no judge of another court confirm, and fails rather than override when the case changed hands meanwhile', async () => {
    const [current, colleague, third] = judges;
    const caseId = await caseOf(current);
    await proposeSelf(caseId, current);
    const proposal = await proposalOf(caseId);
    const [other] = await t.database.db.select({ id: courts.id }).from(courts).where(eq(courts.code, '9113'));
    const outsider = await signedInUser(t.database.db, { roles: [{ role: 'judge', courtId: other!.id }] });
    cookieOf.set(outsider.id, outsider.cookie);
    expect((await post(outsider.id, `/judge/self-assignments/${proposal.id}/confirm`)).statusCode).toBe(404);

    await t.database.db.update(cases).set({ judgeId: third }).where(eq(cases.id, caseId));
    const late = await post(colleague, `/judge/self-assignments/${proposal.id}/confirm`);
    expect(late.statusCode).toBe(409);
    expect(await judgeOf(caseId)).toBe(third);
    expect((await proposalOf(caseId)).status).toBe('pending');
  });
});
