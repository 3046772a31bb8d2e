import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { registerCase } from '../../src/commands/registerCase.ts';
import { auditLog, caseDistributions, cases, courts, userRoles } from '../../src/db/schema/index.ts';
import { verifyDraw } from '../../src/domain/distribution.ts';
import { parseCaseNumber } from '../../src/domain/caseNumber.ts';
import type { Principal } from '../../src/policies/principal.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { describeDb } from '../support/db.ts';
import { signedInUser, type TestUser } from '../support/sessions.ts';
import { formSession } from '../support/forms.ts';

/**
 * Registration in the court office: a number without duplicates or gaps even when clerks
 * register at the same moment, a judge by a draw anyone can re-run, and the protocol page.
 */
describeDb('registering incoming cases', () => {
  let t: TestApp;
  let medeu: string;
  let clerk: TestUser;
  let clerkPrincipal: Principal;
  const now = () => new Date();

  beforeAll(async () => {
    t = await createTestApp({ seed: true, clock: now });
    [{ id: medeu }] = (await t.database.db.select({ id: courts.id }).from(courts).where(eq(courts.code, '7517'))) as [{ id: string }];
    clerk = await signedInUser(t.database.db, { roles: [{ role: 'clerk', courtId: medeu }], lang: 'en', now: now() });
    clerkPrincipal = { userId: clerk.id, iin: clerk.iin, fullName: 'Clerk', bin: null, roles: [{ role: 'citizen', courtId: null }, { role: 'clerk', courtId: medeu }] };
  });
  afterAll(() => t?.close());

  async function submittedCases(n: number): Promise<string[]> {
    const rows = await t.database.db
      .insert(cases)
      .values(Array.from({ length: n }, () => ({ courtId: medeu, kind: 'civil' as const, category: 'property', instance: 1, status: 'submitted' as const })))
      .returning({ id: cases.id });
    return rows.map((r) => r.id);
  }

  it('gives a number and a judge of the court, with a protocol that re-runs to the same judge', async () => {
    const [caseId] = await submittedCases(1);
    const registration = await registerCase(t.database.db, clerkPrincipal, caseId!, now());
    expect(parseCaseNumber(registration.number)).toMatchObject({ courtCode: '7517', categoryCode: '2' });
    const judges = await t.database.db.select({ userId: userRoles.userId }).from(userRoles).where(eq(userRoles.courtId, medeu));
    expect(judges.map((j) => j.userId)).toContain(registration.judgeId);
    const [stored] = await t.database.db.select().from(cases).where(eq(cases.id, caseId!));
    expect(stored).toMatchObject({ status: 'assigned', number: registration.number, judgeId: registration.judgeId });
    const [distribution] = await t.database.db.select().from(caseDistributions).where(eq(caseDistributions.caseId, caseId!));
    expect(verifyDraw(distribution!.protocol!)).toBe(true);
    expect((await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, caseId!))).map((a) => a.action)).toContain('case.registered');
    await expect(registerCase(t.database.db, clerkPrincipal, caseId!, now())).rejects.toMatchObject({ code: 'case_not_awaiting_registration' });
  });

  it('numbers cases registered at the same moment without duplicates or gaps', async () => {
    const ids = await submittedCases(12);
    const numbers = (await Promise.all(ids.map((id) => registerCase(t.database.db, clerkPrincipal, id, now())))).map((r) => r.number);
    const sequences = numbers.map((n) => parseCaseNumber(n)!.sequence).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(12);
    expect(sequences.at(-1)! - sequences[0]!).toBe(11);
  });

  it('is for the office of that court only', async () => {
    const [caseId] = await submittedCases(1);
    const [other] = await t.database.db.select({ id: courts.id }).from(courts).where(eq(courts.code, '9113'));
    const foreignClerk: Principal = { ...clerkPrincipal, roles: [{ role: 'clerk', courtId: other!.id }] };
    await expect(registerCase(t.database.db, foreignClerk, caseId!, now())).rejects.toMatchObject({ code: 'not_found' });
    const citizen: Principal = { ...clerkPrincipal, roles: [{ role: 'citizen', courtId: null }] };
    await expect(registerCase(t.database.db, citizen, caseId!, now())).rejects.toMatchObject({ code: 'not_found' });
  });

  it('lists the incoming case in the registry page and registers it from there', async () => {
    const [caseId] = await submittedCases(1);
    const page = await t.app.inject({ method: 'GET', url: '/court/registry', headers: { cookie: clerk.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`/court/cases/${caseId}/register`);
    const { token, cookie } = formSession(page, clerk.cookie);
    const res = await t.app.inject({ method: 'POST', url: `/court/cases/${caseId}/register`, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${encodeURIComponent(token)}` });
    expect(res.statusCode).toBe(303);
    const after = await t.app.inject({ method: 'GET', url: res.headers.location as string, headers: { cookie } });
    const [stored] = await t.database.db.select({ number: cases.number }).from(cases).where(eq(cases.id, caseId!));
    expect(after.body).toContain(stored!.number!);
    expect(after.body).not.toContain(`/court/cases/${caseId}/register`);
  });
});
