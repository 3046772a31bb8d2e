import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { decideAdmission } from '../../src/commands/admitCase.ts';
import { registerCase } from '../../src/commands/registerCase.ts';
import { createSession, SESSION_COOKIE } from '../../src/auth/sessions.ts';
import { cases, courts, events, users } from '../../src/db/schema/index.ts';
import { initialReference } from '../../src/domain/reference.ts';
import type { IsoDay } from '../../src/domain/calendar/holidays.ts';
import { courtDateIso } from '../../src/i18n/format.ts';
import type { Principal } from '../../src/policies/principal.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { describeDb } from '../support/db.ts';
import { signedInUser } from '../support/sessions.ts';
import { formSession } from '../support/forms.ts';

/** The judge's decision on admission: accept, return with grounds, leave without motion with a term. */
describeDb('admission of a case by its judge', () => {
  let t: TestApp;
  let medeu: string;
  let clerk: Principal;
  const now = () => new Date();

  beforeAll(async () => {
    t = await createTestApp({ seed: true, clock: now });
    [{ id: medeu }] = (await t.database.db.select({ id: courts.id }).from(courts).where(eq(courts.code, '7517'))) as [{ id: string }];
    const user = await signedInUser(t.database.db, { roles: [{ role: 'clerk', courtId: medeu }], now: now() });
    clerk = { userId: user.id, iin: user.iin, fullName: 'Clerk', bin: null, roles: [{ role: 'clerk', courtId: medeu }] };
  });
  afterAll(() => t?.close());

  /** A freshly registered case and its judge, as a principal and with a browser session. */
  async function distributedCase() {
    const [created] = await t.database.db.insert(cases).values({ courtId: medeu, kind: 'civil', category: 'property', instance: 1, status: 'submitted' }).returning({ id: cases.id });
    const { judgeId } = await registerCase(t.database.db, clerk, created!.id, now());
    const [judge] = await t.database.db.select().from(users).where(eq(users.id, judgeId));
    const principal: Principal = { userId: judgeId, iin: judge!.iin, fullName: judge!.fullName, bin: null, roles: [{ role: 'judge', courtId: medeu }] };
    const session = await createSession(t.database.db, { userId: judgeId, bin: null, certificateId: null }, now());
    return { caseId: created!.id, judge: principal, cookie: `${SESSION_COOKIE}=${session.id}; lang=en` };
  }

  it('leaves a case without motion with a term in working days, then accepts it once fixed', async () => {
    const { caseId, judge } = await distributedCase();
    const left = await decideAdmission(t.database.db, judge, caseId, { kind: 'leave_without_motion', defects: 'Не приложен документ об уплате госпошлины.', workingDays: 10 }, now());
    expect(left).toEqual({ status: 'left_without_motion', fixBy: initialReference().calendar.addWorkingDays(courtDateIso(now()) as IsoDay, 10) });
    const timeline = await t.database.db.select().from(events).where(eq(events.caseId, caseId));
    expect(timeline.at(-1)!.data).toMatchObject({ to: 'left_without_motion', defects: 'Не приложен документ об уплате госпошлины.' });
    expect((await decideAdmission(t.database.db, judge, caseId, { kind: 'accept' }, now())).status).toBe('accepted');
    await expect(decideAdmission(t.database.db, judge, caseId, { kind: 'return', grounds: 'Поздно возвращать' }, now())).rejects.toMatchObject({ code: 'case_decision_not_allowed' });
  });

  it('returns a claim only with grounds', async () => {
    const { caseId, judge } = await distributedCase();
    await expect(decideAdmission(t.database.db, judge, caseId, { kind: 'return', grounds: ' ' }, now())).rejects.toMatchObject({ code: 'decision_reason_required' });
    expect((await decideAdmission(t.database.db, judge, caseId, { kind: 'return', grounds: 'Спор не подсуден данному суду.' }, now())).status).toBe('returned');
  });

  it('is for the judge the case was distributed to, and no one else', async () => {
    const { caseId, judge } = await distributedCase();
    const otherJudge: Principal = { ...judge, userId: clerk.userId };
    await expect(decideAdmission(t.database.db, otherJudge, caseId, { kind: 'accept' }, now())).rejects.toMatchObject({ code: 'not_found' });
    await expect(decideAdmission(t.database.db, { ...judge, roles: [{ role: 'citizen', courtId: null }] }, caseId, { kind: 'accept' }, now())).rejects.toMatchObject({ code: 'not_found' });
    const [stored] = await t.database.db.select({ status: cases.status }).from(cases).where(eq(cases.id, caseId));
    expect(stored!.status).toBe('assigned');
  });

  it('shows the judge the new case and takes the decision from the page', async () => {
    const { caseId, cookie } = await distributedCase();
    const page = await t.app.inject({ method: 'GET', url: '/judge/cases', headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`/judge/cases/${caseId}/accept`);
    const { token, cookie: withCsrf } = formSession(page, cookie);
    const post = (decision: string, form: string) => t.app.inject({ method: 'POST', url: `/judge/cases/${caseId}/${decision}`, headers: { cookie: withCsrf, 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${encodeURIComponent(token)}&${form}` });
    const refused = await post('return', 'grounds=');
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Write the grounds or the defects');
    const accepted = await post('accept', '');
    expect(accepted.statusCode).toBe(303);
    expect(accepted.headers.location).toBe('/judge/cases?decided=accepted');
  });
});
