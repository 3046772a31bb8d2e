import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createBuiltInVerifier } from '../../src/adapters/eds/index.ts';
import { decideAdmission } from '../../src/commands/admitCase.ts';
import { forwardAppeal } from '../../src/commands/appealForwarding.ts';
import { enterDecisionsIntoForce } from '../../src/commands/entryIntoForce.ts';
import { dutyOfStoredFiling } from '../../src/commands/filingDuty.ts';
import { scheduleHearing } from '../../src/commands/hearings.ts';
import { openHearingNow, workingDayAt } from '../support/hearings.ts';
import { registerCase } from '../../src/commands/registerCase.ts';
import { caseDeadlines, cases, courts, documents, events, notifications, parties } from '../../src/db/schema/index.ts';
import type { IsoDay } from '../../src/domain/calendar/holidays.ts';
import { addCalendarDays } from '../../src/domain/calendar/workingDays.ts';
import { deadline as deadlineIn } from '../../src/domain/deadlines.ts';
import { courtInstant } from '../../src/domain/hearingSlots.ts';
import { initialReference } from '../../src/domain/reference.ts';
import { courtDateIso } from '../../src/i18n/format.ts';
import { queueDeadlineReminders } from '../../src/jobs/deadlineReminders.ts';
import type { Principal } from '../../src/policies/principal.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { describeDb } from '../support/db.ts';
import { judgeSession, type Judge } from '../support/judges.ts';
import { signedManifest } from '../support/filing.ts';
import { formSession } from '../support/forms.ts';
import { issueSigner, makeRootCa, signContent, type TestCa, type TestSigner } from '../support/pki.ts';
import { signedInUser, type TestUser } from '../support/sessions.ts';

const { calendar } = initialReference();
const appealDue = (from: IsoDay) => deadlineIn('appeal', from, calendar).due;

/**
 * The appeal term of a party who did not take part in the hearing (CPC Art. 403(3)): the judge
 * says who was absent when issuing the decision, the copy's day starts that party's own month,
 * a late appeal is judged by the filer's own term, and the decision enters into force only once
 * every party's term has ended. And the filer's standing in the case, for the state duty.
 */
describeDb('appeal terms of parties absent from the hearing', () => {
  let t: TestApp;
  let root: TestCa;
  let courtIds: Record<string, string>;
  const now = () => new Date();
  const today = () => courtDateIso(now()) as IsoDay;
  const daysAgo = (n: number) => addCalendarDays(today(), -n);
  let rooms = 0;

  interface Person {
    user: TestUser;
    signer: TestSigner;
  }

  async function person(): Promise<Person> {
    const user = await signedInUser(t.database.db, { lang: 'en', now: now() });
    return { user, signer: await issueSigner(root, { person: { fullName: 'ТЕСТОВ ТЕСТ', iin: user.iin } }) };
  }

  beforeAll(async () => {
    root = await makeRootCa({ name: 'Test NCA Root' });
    t = await createTestApp({ seed: true, signatureVerifier: createBuiltInVerifier({ trustedRoots: [root.certificateDer] }), clock: now });
    const rows = await t.database.db.select({ id: courts.id, code: courts.code }).from(courts);
    courtIds = Object.fromEntries(rows.map((r) => [r.code, r.id]));
    // The demo is seeded on TEST_NOW and these tests run on the real clock: the demo's decisions
    // whose terms have ended since enter into force here, so the counts below are this file's cases.
    await enterDecisionsIntoForce(t.database.db, now());
  });
  afterAll(() => t?.close());


  async function clerk(): Promise<{ principal: Principal; user: TestUser }> {
    const user = await signedInUser(t.database.db, { roles: [{ role: 'clerk', courtId: courtIds['7517']! }], lang: 'en', now: now() });
    return { user, principal: { userId: user.id, iin: user.iin, fullName: 'Clerk', bin: null, roles: [{ role: 'clerk', courtId: courtIds['7517']! }] } };
  }


  const judgeOf = (judgeId: string): Promise<Judge> => judgeSession(t.database.db, root, judgeId, courtIds['7517']!, now());

  /**
   * A case at Medeu heard today: the claimant uses Sot, the defendant does not (the court posts
   * them paper), and the decision in final form is issued with the defendant recorded absent.
   */
  async function decidedWithDefendantAbsent(category: 'property' | 'labour' = 'property') {
    const claimant = await person();
    const [created] = await t.database.db.insert(cases).values({ courtId: courtIds['7517']!, kind: 'civil', category, instance: 1, status: 'submitted' }).returning({ id: cases.id });
    const caseId = created!.id;
    const [claimantParty, defendantParty] = await t.database.db
      .insert(parties)
      .values([
        { caseId, role: 'claimant', userId: claimant.user.id, displayName: 'Истцов Истец' },
        { caseId, role: 'defendant', displayName: 'Ответчиков Ответчик' },
      ])
      .returning({ id: parties.id });
    const office = await clerk();
    const { judgeId, number } = await registerCase(t.database.db, office.principal, caseId, now());
    const judge = await judgeOf(judgeId);
    await decideAdmission(t.database.db, judge.principal, caseId, { kind: 'accept' }, now());
    // Each case in its own hour and room: the draw may give them all one judge.
    rooms++;
    await scheduleHearing(t.database.db, judge.principal, caseId, { startsAt: workingDayAt(2, `${String(9 + rooms).padStart(2, '0')}:00`), durationMinutes: 60, room: `7-${rooms}` }, now());
    await openHearingNow(t.database.db, judge.principal, caseId, now());

    // The judge ticks who took part: the claimant only.
    const page = await t.app.inject({ method: 'GET', url: `/judge/cases/${caseId}`, headers: { cookie: judge.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('who took part in the hearing');
    const { token, cookie } = formSession(page, judge.cookie);
    const form = new URLSearchParams({ _csrf: token, kind: 'decision:final', title: 'Решение', text: 'Суд, рассмотрев материалы дела, РЕШИЛ: иск удовлетворить.', attendance: '1', tookPart: claimantParty!.id });
    const drafted = await t.app.inject({ method: 'POST', url: `/judge/cases/${caseId}/acts`, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: form.toString() });
    expect(drafted.statusCode, drafted.body.slice(0, 500)).toBe(303);
    const [draft] = await t.database.db.select().from(documents).where(and(eq(documents.caseId, caseId), eq(documents.kind, 'decision')));
    expect(draft!.absentPartyIds).toEqual([defendantParty!.id]);
    const manifest = await t.app.inject({ method: 'GET', url: `/api/v1/acts/${draft!.id}/manifest`, headers: { cookie: judge.cookie } });
    // The judge signs who was absent with the act.
    expect(JSON.parse(manifest.body).absentParties).toEqual([{ id: defendantParty!.id, name: 'Ответчиков Ответчик' }]);
    const cms = Buffer.from(await signContent(judge.signer, manifest.rawPayload)).toString('base64');
    const issued = await t.app.inject({ method: 'POST', url: `/api/v1/acts/${draft!.id}/issue`, headers: { cookie: judge.cookie }, payload: { cms } });
    expect(issued.statusCode, issued.body).toBe(201);
    return { caseId, number, judge, claimant, claimantPartyId: claimantParty!.id, defendantPartyId: defendantParty!.id, office };
  }

  const termsOf = (caseId: string) => t.database.db.select().from(caseDeadlines).where(eq(caseDeadlines.caseId, caseId));
  const statusOf = async (caseId: string) => (await t.database.db.select({ status: cases.status, inForceOn: cases.inForceOn }).from(cases).where(eq(cases.id, caseId)))[0]!;

  /** As if the decision had been issued `n` days ago: the case's term and the wait for the copy move back. */
  async function issuedDaysAgo(caseId: string, n: number) {
    await t.database.db.update(caseDeadlines).set({ runsFrom: daysAgo(n), dueOn: appealDue(daysAgo(n)) }).where(and(eq(caseDeadlines.caseId, caseId), eq(caseDeadlines.kind, 'appeal'), isNull(caseDeadlines.partyId)));
    await t.database.db.update(caseDeadlines).set({ runsFrom: daysAgo(n) }).where(and(eq(caseDeadlines.caseId, caseId), eq(caseDeadlines.kind, 'decision_copies_sent')));
  }

  /** The clerk records the day the paper copy was posted, through the office's page. */
  async function recordCopy(office: { user: TestUser }, caseId: string, partyId: string, sentOn: string) {
    const page = await t.app.inject({ method: 'GET', url: `/court/cases/${caseId}/copies`, headers: { cookie: office.user.cookie } });
    expect(page.statusCode, page.body.slice(0, 300)).toBe(200);
    const { token, cookie } = formSession(page, office.user.cookie);
    return t.app.inject({ method: 'POST', url: `/court/cases/${caseId}/copies/${partyId}`, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: token, sentOn }).toString() });
  }

  async function appeal(caseNumber: string, who: Person) {
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/filings', headers: { cookie: who.user.cookie }, payload: { type: 'appeal', caseNumber, text: 'Прошу отменить решение суда первой инстанции.' } });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    return t.app.inject({ method: 'POST', url: `/api/v1/filings/${id}/submit`, headers: { cookie: who.user.cookie }, payload: { cms: await signedManifest(t.app, who.user.cookie, id, who.signer) } });
  }

  it('opens the case term for those present and waits for the copy to the absent party, whose month then runs from the day it was sent', async () => {
    const { caseId, defendantPartyId, office } = await decidedWithDefendantAbsent();
    const opened = await termsOf(caseId);
    expect(opened.find((d) => d.kind === 'appeal')).toMatchObject({ partyId: null, runsFrom: today(), dueOn: appealDue(today()), article: 'CPC Art. 403(3)' });
    expect(opened.find((d) => d.kind === 'decision_copies_sent')).toMatchObject({ partyId: defendantPartyId, concerns: 'court', closedAt: null });

    await issuedDaysAgo(caseId, 20);
    // Not before the decision, not in the future, not twice.
    expect((await recordCopy(office, caseId, defendantPartyId, daysAgo(25))).statusCode).toBe(400);
    expect((await recordCopy(office, caseId, defendantPartyId, addCalendarDays(today(), 1))).statusCode).toBe(400);
    const recorded = await recordCopy(office, caseId, defendantPartyId, daysAgo(12));
    expect(recorded.statusCode, recorded.body.slice(0, 500)).toBe(303);
    expect((await recordCopy(office, caseId, defendantPartyId, daysAgo(12))).statusCode).toBe(409);

    const own = (await termsOf(caseId)).find((d) => d.kind === 'appeal' && d.partyId === defendantPartyId);
    expect(own).toMatchObject({ runsFrom: daysAgo(12), dueOn: appealDue(daysAgo(12)), article: 'CPC Art. 403(3)', concerns: 'parties', closedAt: null });
    expect((await termsOf(caseId)).find((d) => d.kind === 'decision_copies_sent')!.closedAt).not.toBeNull();
    expect((await t.database.db.select().from(events).where(eq(events.caseId, caseId))).some((e) => e.type === 'decision_copy_sent' && e.data['partyId'] === defendantPartyId && e.data['channel'] === 'paper')).toBe(true);
  });

  it("refuses a present party's late appeal and accepts the absent party's on the same day, and shows each their own term", async () => {
    const { caseId, number, claimant, defendantPartyId, office } = await decidedWithDefendantAbsent();
    await issuedDaysAgo(caseId, 40);
    expect((await recordCopy(office, caseId, defendantPartyId, daysAgo(10))).statusCode).toBe(303);
    // The defendant comes to Sot afterwards and is recognised as that party.
    const defendant = await person();
    await t.database.db.update(parties).set({ userId: defendant.user.id }).where(eq(parties.id, defendantPartyId));

    // Each party sees the case's term and their own; the claimant does not see the defendant's.
    const defendantPage = await t.app.inject({ method: 'GET', url: `/cabinet/cases/${caseId}`, headers: { cookie: defendant.user.cookie } });
    expect(defendantPage.body).toContain('Your own term: you did not take part in the hearing');
    expect(defendantPage.body).toContain('CPC Art. 403(3)');
    const claimantPage = await t.app.inject({ method: 'GET', url: `/cabinet/cases/${caseId}`, headers: { cookie: claimant.user.cookie } });
    expect(claimantPage.body).not.toContain('Your own term: you did not take part in the hearing');
    expect(claimantPage.body).not.toContain(`data-party-term="${defendantPartyId}"`);

    const late = await appeal(number, claimant);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('appeal_term_passed');
    expect(await statusOf(caseId)).toMatchObject({ status: 'appeal_window' });

    const inTime = await appeal(number, defendant);
    expect(inTime.statusCode, inTime.body).toBe(201);
    expect(await statusOf(caseId)).toMatchObject({ status: 'appeal_window' });

    // The case's month has ended, the defendant's own has not: the case stays in the first court (CPC Art. 405(1)(2)).
    await expect(forwardAppeal(t.database.db, office.principal, caseId, now())).rejects.toMatchObject({ code: 'appeal_term_still_running' });
    await t.database.db.update(caseDeadlines).set({ dueOn: daysAgo(1) }).where(and(eq(caseDeadlines.caseId, caseId), eq(caseDeadlines.partyId, defendantPartyId), eq(caseDeadlines.kind, 'appeal')));
    await forwardAppeal(t.database.db, office.principal, caseId, now());
    expect(await statusOf(caseId)).toMatchObject({ status: 'appealed' });
    expect(await t.database.db.select().from(cases).where(eq(cases.parentCaseId, caseId))).toHaveLength(1);
  });

  it("puts the decision in force only after the last party's term has ended, never while a copy waits to be sent", async () => {
    const { caseId, defendantPartyId, office } = await decidedWithDefendantAbsent();
    await issuedDaysAgo(caseId, 45);
    // The case's term has ended, but the defendant's month has not even started.
    expect(await enterDecisionsIntoForce(t.database.db, now())).toBe(0);
    expect(await statusOf(caseId)).toMatchObject({ status: 'appeal_window', inForceOn: null });

    expect((await recordCopy(office, caseId, defendantPartyId, daysAgo(10))).statusCode).toBe(303);
    expect(await enterDecisionsIntoForce(t.database.db, now())).toBe(0);
    expect(await statusOf(caseId)).toMatchObject({ status: 'appeal_window' });

    // The defendant's month ends too: the decision is in force the day after the later of the two.
    const ownEnd = daysAgo(3);
    await t.database.db.update(caseDeadlines).set({ dueOn: ownEnd }).where(and(eq(caseDeadlines.caseId, caseId), eq(caseDeadlines.partyId, defendantPartyId), eq(caseDeadlines.kind, 'appeal')));
    expect(await enterDecisionsIntoForce(t.database.db, now())).toBe(1);
    expect(await statusOf(caseId)).toEqual({ status: 'in_force', inForceOn: addCalendarDays(ownEnd, 1) });
    const after = await termsOf(caseId);
    expect(after.filter((d) => d.kind === 'appeal').every((d) => d.closedAt !== null)).toBe(true);
    // An unappealed decision opens no cassation term: cassation lies only after the appeal route (CPC Art. 434(1)).
    expect(after.find((d) => d.kind === 'cassation')).toBeUndefined();
  });

  it('opens the own term at once for an absent party Sot reaches, and reminds only that party of it', async () => {
    const claimant = await person();
    const defendant = await person();
    const [created] = await t.database.db.insert(cases).values({ courtId: courtIds['7517']!, kind: 'civil', category: 'property', instance: 1, status: 'submitted' }).returning({ id: cases.id });
    const caseId = created!.id;
    const [claimantParty, defendantParty] = await t.database.db
      .insert(parties)
      .values([
        { caseId, role: 'claimant', userId: claimant.user.id, displayName: 'Истцов Истец' },
        { caseId, role: 'defendant', userId: defendant.user.id, displayName: 'Ответчиков Ответчик' },
      ])
      .returning({ id: parties.id });
    const { judgeId } = await registerCase(t.database.db, (await clerk()).principal, caseId, now());
    const judge = await judgeOf(judgeId);
    await decideAdmission(t.database.db, judge.principal, caseId, { kind: 'accept' }, now());
    await scheduleHearing(t.database.db, judge.principal, caseId, { startsAt: workingDayAt(1, '11:00'), durationMinutes: 60, room: '8' }, now());
    await openHearingNow(t.database.db, judge.principal, caseId, now());
    const page = await t.app.inject({ method: 'GET', url: `/judge/cases/${caseId}`, headers: { cookie: judge.cookie } });
    const { token, cookie } = formSession(page, judge.cookie);
    const form = new URLSearchParams({ _csrf: token, kind: 'decision:final', title: 'Решение', text: 'Суд, рассмотрев материалы дела, РЕШИЛ: иск удовлетворить.', attendance: '1', tookPart: claimantParty!.id });
    expect((await t.app.inject({ method: 'POST', url: `/judge/cases/${caseId}/acts`, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: form.toString() })).statusCode).toBe(303);
    const [draft] = await t.database.db.select().from(documents).where(eq(documents.caseId, caseId));
    const manifest = await t.app.inject({ method: 'GET', url: `/api/v1/acts/${draft!.id}/manifest`, headers: { cookie: judge.cookie } });
    const cms = Buffer.from(await signContent(judge.signer, manifest.rawPayload)).toString('base64');
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/acts/${draft!.id}/issue`, headers: { cookie: judge.cookie }, payload: { cms } })).statusCode).toBe(201);

    // The notice of the issued act is the copy: the defendant's own month runs from today.
    const own = (await termsOf(caseId)).find((d) => d.partyId === defendantParty!.id);
    expect(own).toMatchObject({ kind: 'appeal', runsFrom: today(), article: 'CPC Art. 403(3)' });
    expect((await termsOf(caseId)).some((d) => d.kind === 'decision_copies_sent')).toBe(false);

    // Three working days before its last day the reminder goes to the defendant alone.
    let day = addCalendarDays(today(), 1);
    while (!calendar.isWorkingDay(day)) day = addCalendarDays(day, 1);
    await t.database.db.update(caseDeadlines).set({ dueOn: calendar.addWorkingDays(day, 3) }).where(eq(caseDeadlines.id, own!.id));
    await queueDeadlineReminders(t.database.db, courtInstant(day, '09:00')!);
    const reminders = await t.database.db.select().from(notifications).where(eq(notifications.event, 'deadline_reminder'));
    const aboutOwn = reminders.filter((n) => n.dedupeKey.startsWith(`deadline_reminder:${own!.id}:3:`));
    expect(aboutOwn.map((n) => n.userId)).toEqual([defendant.user.id]);
  });

  it("prices a defendant's cassation complaint in a labour case, and keeps the claimant's exempt", async () => {
    const { caseId, claimant } = await decidedWithDefendantAbsent('labour');
    const defendant = await signedInUser(t.database.db, { lang: 'en', now: now() });
    await t.database.db.update(parties).set({ userId: defendant.id }).where(and(eq(parties.caseId, caseId), eq(parties.role, 'defendant')));
    const cassation = (filerId: string) => ({ type: 'cassation_complaint' as const, caseId, filerId, filerBin: null, fields: { amount: '1000000', claimantType: 'individual' as const } });
    const byDefendant = await dutyOfStoredFiling(t.database.db, cassation(defendant.id), now());
    // Half of 1% of 1,000,000 ₸.
    expect(byDefendant).toMatchObject({ exempt: false, amountTiyn: 500_000 });
    const byClaimant = await dutyOfStoredFiling(t.database.db, cassation(claimant.user.id), now());
    expect(byClaimant).toMatchObject({ exempt: true, amountTiyn: 0, basis: 'Tax Code 2026, Art. 668(1)' });
  });
});
