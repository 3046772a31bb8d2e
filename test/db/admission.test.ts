import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { decideAdmission } from '../../src/commands/admitCase.ts';
import { registerCase } from '../../src/commands/registerCase.ts';
import { createSession, SESSION_COOKIE } from '../../src/auth/sessions.ts';
import { auditLog, caseDeadlines, cases, courts, events, notifications, parties, users } from '../../src/db/schema/index.ts';
import { initialReference } from '../../src/domain/reference.ts';
import type { IsoDay } from '../../src/domain/calendar/holidays.ts';
import { addCalendarDays } from '../../src/domain/calendar/workingDays.ts';
import { courtDateIso } from '../../src/i18n/format.ts';
import type { Principal } from '../../src/policies/principal.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { describeDb } from '../support/db.ts';
import { signedInUser, type TestUser } from '../support/sessions.ts';
import { formSession } from '../support/forms.ts';

/**
 * The judge's decision on admission: a claim is accepted, returned (CPC Art. 152) or refused
 * (Art. 151), never left without motion; an appeal may be left without motion (Art. 406) and is
 * returned by the judge's ruling when its defects are not cured in time (Art. 407(1)(1)).
 */
describeDb('admission of a case by its judge', () => {
  let t: TestApp;
  let courtIds: Record<string, string>;
  let claimant: TestUser;
  const now = () => new Date();
  const today = () => courtDateIso(now()) as IsoDay;

  beforeAll(async () => {
    t = await createTestApp({ seed: true, clock: now });
    const rows = await t.database.db.select({ id: courts.id, code: courts.code }).from(courts);
    courtIds = Object.fromEntries(rows.map((r) => [r.code, r.id]));
    claimant = await signedInUser(t.database.db, { lang: 'en', now: now() });
  });
  afterAll(() => t?.close());

  async function clerkOf(code: string): Promise<Principal> {
    const user = await signedInUser(t.database.db, { roles: [{ role: 'clerk', courtId: courtIds[code]! }], now: now() });
    return { userId: user.id, iin: user.iin, fullName: 'Clerk', bin: null, roles: [{ role: 'clerk', courtId: courtIds[code]! }] };
  }

  /** A freshly registered case with our claimant in it, and its judge as a principal and with a browser session. */
  async function distributedCase(options: { instance?: 1 | 2; parentCaseId?: string } = {}) {
    const code = options.instance === 2 ? '7599' : '7517';
    const [created] = await t.database.db
      .insert(cases)
      .values({ courtId: courtIds[code]!, kind: 'civil', category: 'property', instance: options.instance ?? 1, status: 'submitted', parentCaseId: options.parentCaseId ?? null })
      .returning({ id: cases.id });
    await t.database.db.insert(parties).values({ caseId: created!.id, role: options.instance === 2 ? 'applicant' : 'claimant', userId: claimant.id, displayName: 'Тестов Тест' });
    const { judgeId } = await registerCase(t.database.db, await clerkOf(code), created!.id, now());
    const [judge] = await t.database.db.select().from(users).where(eq(users.id, judgeId));
    const principal: Principal = { userId: judgeId, iin: judge!.iin, fullName: judge!.fullName, bin: null, roles: [{ role: 'judge', courtId: courtIds[code]! }] };
    const session = await createSession(t.database.db, { userId: judgeId, bin: null, certificateId: null }, now());
    return { caseId: created!.id, judge: principal, cookie: `${SESSION_COOKIE}=${session.id}; lang=en` };
  }

  /** A first-instance decision under appeal, and the appellate case distributed to a judge of the regional court. */
  async function distributedAppeal() {
    const [lower] = await t.database.db.insert(cases).values({ courtId: courtIds['7517']!, kind: 'civil', category: 'property', instance: 1, status: 'appealed' }).returning({ id: cases.id });
    await t.database.db.insert(caseDeadlines).values({ caseId: lower!.id, kind: 'appeal', runsFrom: addCalendarDays(today(), -10), dueOn: addCalendarDays(today(), 20), article: 'CPC Art. 403', concerns: 'parties' });
    return { lowerId: lower!.id, ...(await distributedCase({ instance: 2, parentCaseId: lower!.id })) };
  }

  const statusOf = async (caseId: string) => (await t.database.db.select({ status: cases.status }).from(cases).where(eq(cases.id, caseId)))[0]!.status;
  const lastEvent = async (caseId: string) => (await t.database.db.select().from(events).where(and(eq(events.caseId, caseId), eq(events.type, 'status_changed')))).at(-1)!;

  it('returns a defective claim on a ground of Art. 152 with reasons, and tells the claimant', async () => {
    const { caseId, judge } = await distributedCase();
    const reasons = 'Дело подсудно суду по месту нахождения ответчика: обратитесь в Алмалинский районный суд г. Алматы.';
    expect(await decideAdmission(t.database.db, judge, caseId, { kind: 'return', ground: 'jurisdiction', reasons }, now())).toEqual({ status: 'returned' });
    expect(await statusOf(caseId)).toBe('returned');
    expect((await lastEvent(caseId)).data).toEqual({ from: 'assigned', to: 'returned', ground: 'jurisdiction', article: 'CPC Art. 152(1)(2)', reasons });
    const audit = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, caseId), eq(auditLog.action, 'case.return')));
    expect(audit[0]!.data).toMatchObject({ from: 'assigned', to: 'returned', ground: 'jurisdiction' });
    const notices = await t.database.db.select().from(notifications).where(and(eq(notifications.caseId, caseId), eq(notifications.userId, claimant.id)));
    // In the claimant's own language, Kazakh unless they chose another.
    expect(notices.filter((n) => n.event === 'case_admission').map((n) => n.body)).toContainEqual(expect.stringContaining('Қайтарылды'));
  });

  it('refuses to accept a claim only on a ground of Art. 151, with reasons', async () => {
    const { caseId, judge } = await distributedCase();
    const reasons = 'Спор между теми же сторонами о том же предмете разрешён решением суда, вступившим в законную силу.';
    await expect(decideAdmission(t.database.db, judge, caseId, { kind: 'refuse', ground: 'jurisdiction', reasons }, now())).rejects.toMatchObject({ code: 'admission_ground_required' });
    await expect(decideAdmission(t.database.db, judge, caseId, { kind: 'refuse', ground: 'res_judicata', reasons: ' ' }, now())).rejects.toMatchObject({ code: 'decision_reason_required' });
    expect((await decideAdmission(t.database.db, judge, caseId, { kind: 'refuse', ground: 'res_judicata', reasons }, now())).status).toBe('refused');
    expect((await lastEvent(caseId)).data).toMatchObject({ to: 'refused', ground: 'res_judicata', article: 'CPC Art. 151(1)(2)' });
    // Closed: nothing more to decide.
    await expect(decideAdmission(t.database.db, judge, caseId, { kind: 'accept' }, now())).rejects.toMatchObject({ code: 'case_decision_not_allowed' });
  });

  it('never leaves a claim without motion', async () => {
    const { caseId, judge, cookie } = await distributedCase();
    await expect(decideAdmission(t.database.db, judge, caseId, { kind: 'leave_without_motion', defects: 'Не приложен документ об уплате госпошлины.', workingDays: 10 }, now())).rejects.toMatchObject({ code: 'claim_without_motion', status: 409 });
    const page = await t.app.inject({ method: 'GET', url: '/judge/cases', headers: { cookie } });
    expect(page.body).not.toContain(`/judge/cases/${caseId}/leave-without-motion`);
    const { token, cookie: withCsrf } = formSession(page, cookie);
    const post = await t.app.inject({ method: 'POST', url: `/judge/cases/${caseId}/leave-without-motion`, headers: { cookie: withCsrf, 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${encodeURIComponent(token)}&defects=${encodeURIComponent('Не приложен документ об уплате госпошлины.')}&days=5` });
    expect(post.statusCode).toBe(409);
    expect(post.body).toContain('A claim cannot be left without motion');
    expect(await statusOf(caseId)).toBe('assigned');
  });

  it('leaves an appeal without motion with a term in working days, and accepts it once the fix is filed', async () => {
    const { caseId, judge } = await distributedAppeal();
    const left = await decideAdmission(t.database.db, judge, caseId, { kind: 'leave_without_motion', defects: 'Не приложены копии жалобы по числу лиц, участвующих в деле.', workingDays: 10 }, now());
    expect(left).toEqual({ status: 'left_without_motion', fixBy: initialReference().calendar.addWorkingDays(today(), 10) });
    const [term] = await t.database.db.select().from(caseDeadlines).where(eq(caseDeadlines.caseId, caseId));
    expect(term).toMatchObject({ kind: 'appeal_defects', dueOn: left.fixBy, article: 'CPC Art. 406(1)', concerns: 'parties', closedAt: null });
    // Returning for defects not cured waits for the term's end.
    await expect(decideAdmission(t.database.db, judge, caseId, { kind: 'return', ground: 'defects_not_cured', reasons: 'Недостатки не устранены.' }, now())).rejects.toMatchObject({ code: 'appeal_term_to_cure_running' });
    expect((await decideAdmission(t.database.db, judge, caseId, { kind: 'accept' }, now())).status).toBe('accepted');
    expect((await t.database.db.select().from(caseDeadlines).where(eq(caseDeadlines.caseId, caseId)))[0]!.closedAt).not.toBeNull();
  });

  it('shows the judge an appeal whose term passed with no fix as due for return, and returns it in one click', async () => {
    const { caseId, lowerId, cookie, judge } = await distributedAppeal();
    await decideAdmission(t.database.db, judge, caseId, { kind: 'leave_without_motion', defects: 'Не указано, в чем заключается незаконность решения.', workingDays: 3 }, now());
    await t.database.db.update(caseDeadlines).set({ dueOn: addCalendarDays(today(), -1) }).where(eq(caseDeadlines.caseId, caseId));
    const page = await t.app.inject({ method: 'GET', url: '/judge/cases', headers: { cookie } });
    const section = page.body.slice(page.body.indexOf(`id="case-${caseId}"`));
    const own = section.slice(0, section.indexOf('</section>'));
    expect(own).toContain('the appeal is due for return by your ruling');
    expect(own).toContain('name="ground" value="defects_not_cured"');
    // Nothing returns it by itself: the status waits for the judge.
    expect(await statusOf(caseId)).toBe('left_without_motion');
    const { token, cookie: withCsrf } = formSession(page, cookie);
    const reasons = encodeURIComponent('The directions of the ruling leaving the appeal without motion were not carried out within the term set by the court.');
    const post = await t.app.inject({ method: 'POST', url: `/judge/cases/${caseId}/return`, headers: { cookie: withCsrf, 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${encodeURIComponent(token)}&ground=defects_not_cured&reasons=${reasons}` });
    expect(post.statusCode, post.body).toBe(303);
    expect(await statusOf(caseId)).toBe('returned');
    expect((await lastEvent(caseId)).data).toMatchObject({ ground: 'defects_not_cured', article: 'CPC Art. 407(1)(1)' });
    // The decision under appeal is back in its appeal term.
    expect(await statusOf(lowerId)).toBe('appeal_window');
    // The appellant reads the ruling on their case page.
    const party = await t.app.inject({ method: 'GET', url: `/cabinet/cases/${caseId}`, headers: { cookie: claimant.cookie } });
    expect(party.body).toContain('CPC Art. 407(1)(1)');
    expect(party.body).toContain('The appeal is returned');
  });

  it('is for the judge the case was distributed to, and no one else', async () => {
    const { caseId, judge } = await distributedCase();
    const otherJudge: Principal = { ...judge, userId: claimant.id };
    await expect(decideAdmission(t.database.db, otherJudge, caseId, { kind: 'accept' }, now())).rejects.toMatchObject({ code: 'not_found' });
    await expect(decideAdmission(t.database.db, { ...judge, roles: [{ role: 'citizen', courtId: null }] }, caseId, { kind: 'accept' }, now())).rejects.toMatchObject({ code: 'not_found' });
    expect(await statusOf(caseId)).toBe('assigned');
  });

  it('shows the judge the grounds with their subparagraphs and takes the decision from the page', async () => {
    const { caseId, cookie } = await distributedCase();
    const page = await t.app.inject({ method: 'GET', url: '/judge/cases', headers: { cookie } });
    expect(page.statusCode).toBe(200);
    for (const path of ['accept', 'return', 'refuse']) expect(page.body).toContain(`/judge/cases/${caseId}/${path}`);
    expect(page.body).toContain('CPC Art. 152(1)(9): the claimant asked for the claim to be returned');
    expect(page.body).toContain('CPC Art. 151(1)(1): the claim is not for civil proceedings');
    const { token, cookie: withCsrf } = formSession(page, cookie);
    const post = (decision: string, form: string) => t.app.inject({ method: 'POST', url: `/judge/cases/${caseId}/${decision}`, headers: { cookie: withCsrf, 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${encodeURIComponent(token)}&${form}` });
    const noGround = await post('return', 'reasons=Some+reasons+here');
    expect(noGround.statusCode).toBe(400);
    expect(noGround.body).toContain('Choose the ground from the Code’s list');
    const accepted = await post('accept', 'simplified=yes');
    expect(accepted.statusCode).toBe(303);
    expect(accepted.headers.location).toBe('/judge/cases?decided=accepted');
    expect((await t.database.db.select({ simplified: cases.simplified }).from(cases).where(eq(cases.id, caseId)))[0]!.simplified).toBe(true);
  });
});
