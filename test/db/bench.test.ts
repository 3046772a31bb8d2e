import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { addAbsence } from '../../src/commands/bench.ts';
import { reassignCase, recuseJudge } from '../../src/commands/reassignCase.ts';
import { registerCase } from '../../src/commands/registerCase.ts';
import { auditLog, caseDistributions, caseRecusals, cases, courts, events, judgeAbsences, judgeCategories, userRoles } from '../../src/db/schema/index.ts';
import { verifyDraw, type Candidate } from '../../src/domain/distribution.ts';
import { courtDateIso } from '../../src/i18n/format.ts';
import type { Principal } from '../../src/policies/principal.ts';
import { createTestApp, TEST_NOW, type TestApp } from '../support/app.ts';
import { describeDb } from '../support/db.ts';
import { Browser, tokenOf } from '../support/payments.ts';
import { signedInUser, type TestUser } from '../support/sessions.ts';

/**
 * The bench as the distribution reads it (specialisations, absences, recusals), the chair's page
 * that keeps it, the judge's recusal and the chair's reassignment, each in its own court only.
 */
describeDb("the court's bench, recusal and reassignment", () => {
  let t: TestApp;
  let medeu: string;
  let judges: [string, string, string];
  let clerk: Principal;
  let chair: TestUser;
  let chairPrincipal: Principal;
  let foreignChair: TestUser;
  const today = courtDateIso(TEST_NOW);
  const asJudge = (judgeId: string): Principal => ({ userId: judgeId, iin: '000000000000', fullName: 'Judge', bin: null, roles: [{ role: 'citizen', courtId: null }, { role: 'judge', courtId: medeu }] });

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    const db = t.database.db;
    [{ id: medeu }] = (await db.select({ id: courts.id }).from(courts).where(eq(courts.code, '7517'))) as [{ id: string }];
    const [other] = await db.select({ id: courts.id }).from(courts).where(eq(courts.code, '9113'));
    const seated = await db.select({ id: userRoles.userId }).from(userRoles).where(and(eq(userRoles.courtId, medeu), eq(userRoles.role, 'judge'))).orderBy(asc(userRoles.userId));
    expect(seated).toHaveLength(3);
    judges = seated.map((j) => j.id) as [string, string, string];
    const clerkUser = await signedInUser(db, { roles: [{ role: 'clerk', courtId: medeu }] });
    clerk = { userId: clerkUser.id, iin: clerkUser.iin, fullName: 'Clerk', bin: null, roles: [{ role: 'clerk', courtId: medeu }] };
    chair = await signedInUser(db, { roles: [{ role: 'court_chair', courtId: medeu }], lang: 'en' });
    chairPrincipal = { userId: chair.id, iin: chair.iin, fullName: 'Chair', bin: null, roles: [{ role: 'court_chair', courtId: medeu }] };
    foreignChair = await signedInUser(db, { roles: [{ role: 'court_chair', courtId: other!.id }], lang: 'en' });
  });
  afterAll(() => t?.close());

  // Each test sets the bench it needs; the demo's specialisations and absences are cleared first.
  beforeEach(async () => {
    await t.database.db.delete(judgeCategories).where(eq(judgeCategories.courtId, medeu));
    await t.database.db.delete(judgeAbsences).where(eq(judgeAbsences.courtId, medeu));
  });

  async function registered(category = 'property'): Promise<{ caseId: string; judgeId: string }> {
    const [row] = await t.database.db.insert(cases).values({ courtId: medeu, kind: 'civil', category, instance: 1, status: 'submitted' }).returning({ id: cases.id });
    const { judgeId } = await registerCase(t.database.db, clerk, row!.id, TEST_NOW);
    return { caseId: row!.id, judgeId };
  }

  async function protocolOf(caseId: string) {
    const rows = await t.database.db.select().from(caseDistributions).where(and(eq(caseDistributions.caseId, caseId), eq(caseDistributions.method, 'automatic')));
    const latest = rows.sort((a, b) => b.drawnAt.getTime() - a.drawnAt.getTime())[0]!;
    return { text: latest.protocol!, parsed: JSON.parse(latest.protocol!) as { candidates: Candidate[]; judgeId: string } };
  }

  it('never draws a judge who is away that day or hears another specialisation, and the protocol says why', async () => {
    const [other, away, free] = judges;
    await t.database.db.insert(judgeCategories).values({ judgeId: other, courtId: medeu, category: 'divorce' });
    await t.database.db.insert(judgeAbsences).values({ judgeId: away, courtId: medeu, startsOn: today, endsOn: today, reason: 'sick' });
    for (let i = 0; i < 8; i++) {
      const { caseId, judgeId } = await registered();
      expect(judgeId).toBe(free);
      const protocol = await protocolOf(caseId);
      expect(verifyDraw(protocol.text)).toBe(true);
      const byId = new Map(protocol.parsed.candidates.map((c) => [c.judgeId, c]));
      expect(byId.get(other)).toMatchObject({ categories: ['divorce'], onLeave: false, recused: false });
      expect(byId.get(away)).toMatchObject({ onLeave: true });
      expect(byId.get(free)!.categories).toContain('property');
    }
  });

  it('draws again without the judge who steps down, on the record and the timeline', async () => {
    const { caseId, judgeId: first } = await registered();
    // A minute apart, so "the latest draw" is unambiguous under the fixed test clock.
    const later = (minutes: number) => new Date(TEST_NOW.getTime() + minutes * 60_000);
    const { judgeId: second } = await recuseJudge(t.database.db, asJudge(first), caseId, 'Related to the claimant by marriage', later(1));
    expect(second).not.toBe(first);
    const [stored] = await t.database.db.select({ judgeId: cases.judgeId }).from(cases).where(eq(cases.id, caseId));
    expect(stored!.judgeId).toBe(second);
    expect(await t.database.db.select().from(caseRecusals).where(eq(caseRecusals.caseId, caseId))).toMatchObject([{ judgeId: first, reason: 'Related to the claimant by marriage' }]);
    const distributions = await t.database.db.select().from(caseDistributions).where(eq(caseDistributions.caseId, caseId));
    expect(distributions.map((d) => d.method)).toEqual(['automatic', 'automatic']);
    const protocol = await protocolOf(caseId);
    expect(protocol.parsed.judgeId).toBe(second);
    expect(protocol.parsed.candidates.find((c) => c.judgeId === first)).toMatchObject({ recused: true });
    expect(verifyDraw(protocol.text)).toBe(true);
    const assigned = await t.database.db.select({ data: events.data }).from(events).where(and(eq(events.caseId, caseId), eq(events.type, 'judge_assigned')));
    expect(assigned.at(-1)!.data).toMatchObject({ judgeId: second, reason: 'recusal' });
    expect(JSON.stringify(assigned.map((e) => e.data))).not.toContain('marriage');
    expect((await t.database.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, caseId))).map((a) => a.action)).toContain('case.recused');
    // The recused judge is never drawn for the case again, however often it is re-drawn.
    const { judgeId: third } = await recuseJudge(t.database.db, asJudge(second), caseId, 'Previously advised the defendant', later(2));
    expect([first, second]).not.toContain(third);
  });

  it('keeps the judge and records nothing when nobody else could take the case', async () => {
    const { caseId, judgeId } = await registered();
    for (const other of judges.filter((j) => j !== judgeId)) await t.database.db.insert(judgeAbsences).values({ judgeId: other, courtId: medeu, startsOn: today, endsOn: today, reason: 'leave' });
    await expect(recuseJudge(t.database.db, asJudge(judgeId), caseId, 'Knows the defendant personally', TEST_NOW)).rejects.toMatchObject({ code: 'no_eligible_judge' });
    const [stored] = await t.database.db.select({ judgeId: cases.judgeId }).from(cases).where(eq(cases.id, caseId));
    expect(stored!.judgeId).toBe(judgeId);
    expect(await t.database.db.select().from(caseRecusals).where(eq(caseRecusals.caseId, caseId))).toEqual([]);
  });

  it('lets only the assigned judge step down, and only before the final act', async () => {
    const { caseId, judgeId } = await registered();
    const another = judges.find((j) => j !== judgeId)!;
    await expect(recuseJudge(t.database.db, asJudge(another), caseId, 'Wants a lighter docket', TEST_NOW)).rejects.toMatchObject({ code: 'not_found' });
    await expect(recuseJudge(t.database.db, asJudge(judgeId), caseId, 'no', TEST_NOW)).rejects.toMatchObject({ code: 'assignment_reason_required' });
    await t.database.db.update(cases).set({ status: 'decided' }).where(eq(cases.id, caseId));
    await expect(recuseJudge(t.database.db, asJudge(judgeId), caseId, 'Related to the claimant', TEST_NOW)).rejects.toMatchObject({ code: 'assignment_closed' });
  });

  it('reassigns by the chair with a reason kept off the timeline, and the parties’ protocol page says so', async () => {
    const { caseId, judgeId: drawn } = await registered();
    const target = judges.find((j) => j !== drawn)!;
    const browser = new Browser(t.app, chair.cookie);
    const page = await browser.get(`/court/cases/${caseId}/assignment`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`value="${target}"`);
    const res = await browser.post(`/court/cases/${caseId}/reassign`, { _csrf: tokenOf(page.body), current: drawn, judgeId: target, reason: 'Judge on long sick leave from next week' });
    expect(res.statusCode).toBe(303);
    const [stored] = await t.database.db.select({ judgeId: cases.judgeId }).from(cases).where(eq(cases.id, caseId));
    expect(stored!.judgeId).toBe(target);
    const [manual] = await t.database.db.select().from(caseDistributions).where(and(eq(caseDistributions.caseId, caseId), eq(caseDistributions.method, 'manual')));
    expect(manual).toMatchObject({ judgeId: target, reason: 'Judge on long sick leave from next week', assignedBy: chair.id, seed: null, protocol: null });
    const timeline = await t.database.db.select({ data: events.data }).from(events).where(and(eq(events.caseId, caseId), eq(events.type, 'judge_assigned')));
    expect(timeline.at(-1)!.data).toEqual({ judgeId: target, reason: 'manual' });
    const [audit] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, caseId), eq(auditLog.action, 'case.reassigned')));
    expect(audit!.data).toMatchObject({ from: drawn, to: target, reason: 'Judge on long sick leave from next week' });

    const after = await browser.get(res.headers.location as string);
    expect(after.body).toContain('Judge on long sick leave from next week');
    const protocolPage = await browser.get(`/cabinet/cases/${caseId}/distribution`);
    expect(protocolPage.statusCode).toBe(200);
    expect(protocolPage.body).toContain('data-distribution-reassigned');
    expect(protocolPage.body).toContain('data-distribution-verified');
    expect(protocolPage.body).not.toContain('sick leave');
  });

  it('refuses a judge who could not be drawn, and a reason of a word', async () => {
    const { caseId, judgeId: drawn } = await registered();
    const [away, other] = judges.filter((j) => j !== drawn) as [string, string];
    await t.database.db.insert(judgeAbsences).values({ judgeId: away, courtId: medeu, startsOn: today, endsOn: today, reason: 'training' });
    await expect(reassignCase(t.database.db, chairPrincipal, caseId, { judgeId: away, expectedJudgeId: drawn, reason: 'Balance the load' }, TEST_NOW)).rejects.toMatchObject({ code: 'judge_not_eligible' });
    await expect(reassignCase(t.database.db, chairPrincipal, caseId, { judgeId: drawn, expectedJudgeId: drawn, reason: 'Balance the load' }, TEST_NOW)).rejects.toMatchObject({ code: 'judge_not_eligible' });
    await expect(reassignCase(t.database.db, chairPrincipal, caseId, { judgeId: other, expectedJudgeId: drawn, reason: 'ok' }, TEST_NOW)).rejects.toMatchObject({ code: 'assignment_reason_required' });
    const browser = new Browser(t.app, chair.cookie);
    const page = await browser.get(`/court/cases/${caseId}/assignment`);
    expect(page.body).not.toContain(`value="${away}"`);
    const res = await browser.post(`/court/cases/${caseId}/reassign`, { _csrf: tokenOf(page.body), current: drawn, judgeId: other, reason: 'no' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('govuk-error-summary');
    expect(res.body).toContain('at least 5 characters');
  });

  it('lets exactly one of two chairs reassigning at once win; the other is told the judge changed', async () => {
    const { caseId, judgeId: drawn } = await registered();
    const [a, b] = judges.filter((j) => j !== drawn) as [string, string];
    const results = await Promise.allSettled([
      reassignCase(t.database.db, chairPrincipal, caseId, { judgeId: a, expectedJudgeId: drawn, reason: 'Balance the load' }, TEST_NOW),
      reassignCase(t.database.db, { ...chairPrincipal, userId: foreignChair.id, roles: [{ role: 'court_chair', courtId: medeu }] }, caseId, { judgeId: b, expectedJudgeId: drawn, reason: 'Judge asked to be relieved' }, TEST_NOW),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(failed.reason).toMatchObject({ code: 'assignment_changed' });
    expect(await t.database.db.select().from(caseDistributions).where(and(eq(caseDistributions.caseId, caseId), eq(caseDistributions.method, 'manual')))).toHaveLength(1);
  });

  it('hides the case from the chair of another court, and from a judge who does not have it', async () => {
    const { caseId, judgeId: drawn } = await registered();
    const target = judges.find((j) => j !== drawn)!;
    const foreign = new Browser(t.app, foreignChair.cookie);
    const bench = await foreign.get('/court/judges');
    expect((await foreign.get(`/court/cases/${caseId}/assignment`)).statusCode).toBe(404);
    const res = await foreign.post(`/court/cases/${caseId}/reassign`, { _csrf: tokenOf(bench.body), current: drawn, judgeId: target, reason: 'Balance the load' });
    expect(res.statusCode).toBe(404);

    const judgeUser = await signedInUser(t.database.db, { roles: [{ role: 'judge', courtId: medeu }] });
    const judge = new Browser(t.app, judgeUser.cookie);
    const ownPage = await judge.get('/profile');
    expect((await judge.get(`/court/cases/${caseId}/assignment`)).statusCode).toBe(404);
    expect((await judge.post(`/court/cases/${caseId}/reassign`, { _csrf: tokenOf(ownPage.body), current: drawn, judgeId: target, reason: 'Balance the load' })).statusCode).toBe(403);
    expect((await judge.post(`/judge/cases/${caseId}/recuse`, { _csrf: tokenOf(ownPage.body), reason: 'Not my case at all' })).statusCode).toBe(404);
    const [stored] = await t.database.db.select({ judgeId: cases.judgeId }).from(cases).where(eq(cases.id, caseId));
    expect(stored!.judgeId).toBe(drawn);
  });

  it('shows the assigned judge the case with the form to step down, and steps down from it', async () => {
    const judgeUser = await signedInUser(t.database.db, { roles: [{ role: 'judge', courtId: medeu }], lang: 'en' });
    const { caseId } = await registered();
    await t.database.db.update(cases).set({ judgeId: judgeUser.id }).where(eq(cases.id, caseId));
    const judge = new Browser(t.app, judgeUser.cookie);
    const page = await judge.get(`/court/cases/${caseId}/assignment`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`/judge/cases/${caseId}/recuse`);
    expect(page.body).not.toContain(`/court/cases/${caseId}/reassign`);
    const refused = await judge.post(`/judge/cases/${caseId}/recuse`, { _csrf: tokenOf(page.body), reason: '' });
    expect(refused.statusCode).toBe(400);
    const res = await judge.post(`/judge/cases/${caseId}/recuse`, { _csrf: tokenOf(refused.body), reason: 'Former colleague of the claimant' });
    expect(res.statusCode).toBe(303);
    const [stored] = await t.database.db.select({ judgeId: cases.judgeId }).from(cases).where(eq(cases.id, caseId));
    expect(stored!.judgeId).not.toBe(judgeUser.id);
    expect(stored!.judgeId).not.toBeNull();
  });

  it("keeps the chair's bench: categories, and absences checked before they are recorded", async () => {
    const browser = new Browser(t.app, chair.cookie);
    const page = await browser.get('/court/judges');
    expect(page.statusCode).toBe(200);
    for (const judgeId of judges) expect(page.body).toContain(`/court/judges/${judgeId}/absences`);
    const token = tokenOf(page.body);
    const [j1, j2] = judges;

    const saved = await browser.post(`/court/judges/${j1}/categories`, { _csrf: token, court: '7517', categories: 'property' });
    expect(saved.statusCode).toBe(303);
    expect(await t.database.db.select({ category: judgeCategories.category }).from(judgeCategories).where(eq(judgeCategories.judgeId, j1))).toEqual([{ category: 'property' }]);
    const wrong = await browser.post(`/court/judges/${j1}/categories`, { _csrf: token, court: '7517', categories: 'public_law_dispute' });
    expect(wrong.statusCode).toBe(400);

    const absence = (fields: Record<string, string>) => browser.post(`/court/judges/${j2}/absences`, { _csrf: token, court: '7517', reason: 'leave', ...fields });
    const backwards = await absence({ from: '2026-12-10', to: '2026-12-01' });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body).toContain('The last day must be the same as the first day or after it.');
    expect(backwards.body).toContain('value="2026-12-10"');
    expect((await absence({ from: '2026-11-20', to: '2026-11-30' })).statusCode).toBe(400);
    expect((await absence({ from: '2026-02-30', to: '2026-03-02' })).statusCode).toBe(400);
    expect((await absence({ from: '2026-12-01', to: '2026-12-10', reason: 'holiday' })).statusCode).toBe(400);
    const added = await absence({ from: '01.12.2026', to: '10.12.2026' });
    expect(added.statusCode).toBe(303);
    const overlapping = await absence({ from: '2026-12-10', to: '2026-12-12' });
    expect(overlapping.statusCode).toBe(409);
    expect(overlapping.body).toContain('already away');
    const [row] = await t.database.db.select().from(judgeAbsences).where(eq(judgeAbsences.judgeId, j2));
    expect(row).toMatchObject({ startsOn: '2026-12-01', endsOn: '2026-12-10', reason: 'leave', createdBy: chair.id });
    const actions = (await t.database.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, j2))).map((a) => a.action);
    expect(actions).toContain('bench.absence_added');

    const listed = await browser.get('/court/judges');
    expect(listed.body).toContain(`/court/absences/${row!.id}/remove`);
    const removed = await browser.post(`/court/absences/${row!.id}/remove`, { _csrf: tokenOf(listed.body) });
    expect(removed.statusCode).toBe(303);
    expect(await t.database.db.select().from(judgeAbsences).where(eq(judgeAbsences.judgeId, j2))).toEqual([]);
  });

  it("refuses the bench of another court to its neighbour's chair", async () => {
    const foreign = new Browser(t.app, foreignChair.cookie);
    const page = await foreign.get('/court/judges');
    expect(page.statusCode).toBe(200);
    for (const judgeId of judges) expect(page.body).not.toContain(judgeId);
    expect((await foreign.get('/court/judges?court=7517')).statusCode).toBe(404);
    const token = tokenOf(page.body);
    expect((await foreign.post(`/court/judges/${judges[0]}/absences`, { _csrf: token, court: '7517', from: '2026-12-01', to: '2026-12-02', reason: 'leave' })).statusCode).toBe(404);
    expect((await foreign.post(`/court/judges/${judges[0]}/absences`, { _csrf: token, court: '9113', from: '2026-12-01', to: '2026-12-02', reason: 'leave' })).statusCode).toBe(404);
    expect((await foreign.post(`/court/judges/${judges[0]}/categories`, { _csrf: token, court: '7517', categories: 'divorce' })).statusCode).toBe(404);
    const id = await addAbsence(t.database.db, chairPrincipal, { courtId: medeu, judgeId: judges[0], startsOn: '2026-12-01', endsOn: '2026-12-02', reason: 'training' }, TEST_NOW);
    expect((await foreign.post(`/court/absences/${id}/remove`, { _csrf: token })).statusCode).toBe(404);
    expect(await t.database.db.select().from(judgeAbsences).where(eq(judgeAbsences.id, id))).toHaveLength(1);
  });
});
