import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createBuiltInVerifier } from '../../src/adapters/eds/index.ts';
import { enterDecisionsIntoForce } from '../../src/commands/entryIntoForce.ts';
import { registerCase } from '../../src/commands/registerCase.ts';
import { auditLog, caseDeadlines, cases, courts, events, filings, notifications, parties, users } from '../../src/db/schema/index.ts';
import type { IsoDay } from '../../src/domain/calendar/holidays.ts';
import { addCalendarDays } from '../../src/domain/calendar/workingDays.ts';
import { parseCaseNumber } from '../../src/domain/caseNumber.ts';
import { courtDateIso } from '../../src/i18n/format.ts';
import { urls } from '../../src/urls.ts';
import type { Principal } from '../../src/policies/principal.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { describeDb } from '../support/db.ts';
import { signedManifest } from '../support/filing.ts';
import { Browser, tokenOf } from '../support/payments.ts';
import { issueSigner, makeRootCa, type TestCa, type TestSigner } from '../support/pki.ts';
import { signedInUser, type TestUser } from '../support/sessions.ts';

/**
 * An appeal as the Civil Procedure Code has it: filed through the court that decided
 * (Art. 403(1)), in that court's office queue with that court's talon, the other side told and
 * free to respond (Arts 405(1)(1), 408), the case sent up by that court's office only once every
 * party's term has ended (Art. 405(1)(2)), and then registered and distributed at the parent
 * court like any new case, its parties as appellant and respondent.
 */
describeDb('appeals filed through the court that decided', () => {
  let t: TestApp;
  let root: TestCa;
  let medeu: string;
  let cityCourt: string;
  let claimant: { user: TestUser; signer: TestSigner };
  let defendant: { user: TestUser; signer: TestSigner };
  let clerk: TestUser;
  let cityClerk: TestUser;
  const now = () => new Date();
  const today = () => courtDateIso(now()) as IsoDay;

  async function person(lang: 'en' | 'ru' | 'kk', name: string) {
    const user = await signedInUser(t.database.db, { lang, now: now() });
    // Notices are written in the language the person keeps in their profile.
    await t.database.db.update(users).set({ language: lang }).where(eq(users.id, user.id));
    return { user, signer: await issueSigner(root, { person: { fullName: name, iin: user.iin } }) };
  }

  beforeAll(async () => {
    root = await makeRootCa({ name: 'Test NCA Root' });
    t = await createTestApp({ seed: true, clock: now, signatureVerifier: createBuiltInVerifier({ trustedRoots: [root.certificateDer] }) });
    const rows = await t.database.db.select({ id: courts.id, code: courts.code }).from(courts);
    medeu = rows.find((r) => r.code === '7517')!.id;
    cityCourt = rows.find((r) => r.code === '7599')!.id;
    claimant = await person('ru', 'ИСТЦОВ ИСТЕЦ');
    defendant = await person('en', 'ОТВЕТЧИКОВ ОТВЕТЧИК');
    clerk = await signedInUser(t.database.db, { lang: 'kk', now: now(), roles: [{ role: 'clerk', courtId: medeu }] });
    cityClerk = await signedInUser(t.database.db, { lang: 'en', now: now(), roles: [{ role: 'clerk', courtId: cityCourt }] });
  });
  afterAll(() => t?.close());

  const principalOf = (user: TestUser, courtId: string): Principal => ({ userId: user.id, iin: user.iin, fullName: 'Clerk', bin: null, roles: [{ role: 'clerk', courtId }] });

  /** A Medeu decision in its appeal term: the claimant and the defendant both use Sot. */
  async function decidedCase(): Promise<{ caseId: string; number: string }> {
    const [created] = await t.database.db.insert(cases).values({ courtId: medeu, kind: 'civil', category: 'property', instance: 1, status: 'submitted' }).returning({ id: cases.id });
    await t.database.db.insert(parties).values([
      { caseId: created!.id, role: 'claimant', userId: claimant.user.id, iin: claimant.user.iin, displayName: 'Истцов Истец' },
      { caseId: created!.id, role: 'defendant', userId: defendant.user.id, iin: defendant.user.iin, displayName: 'Ответчиков Ответчик' },
    ]);
    const { number } = await registerCase(t.database.db, principalOf(clerk, medeu), created!.id, now());
    await t.database.db.update(cases).set({ status: 'appeal_window' }).where(eq(cases.id, created!.id));
    await t.database.db.insert(caseDeadlines).values({ caseId: created!.id, kind: 'appeal', runsFrom: today(), dueOn: addCalendarDays(today(), 25), article: 'CPC Art. 403(3)', concerns: 'parties' });
    return { caseId: created!.id, number };
  }

  async function file(who: { user: TestUser; signer: TestSigner }, type: 'appeal' | 'response', caseNumber: string): Promise<{ id: string; talon: string }> {
    const text = type === 'appeal' ? 'Прошу отменить решение суда первой инстанции.' : 'Возражаю против доводов апелляционной жалобы.';
    const draft = await t.app.inject({ method: 'POST', url: '/api/v1/filings', headers: { cookie: who.user.cookie }, payload: { type, caseNumber, text } });
    expect(draft.statusCode, draft.body).toBe(201);
    const id = draft.json().id as string;
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/filings/${id}/submit`, headers: { cookie: who.user.cookie }, payload: { cms: await signedManifest(t.app, who.user.cookie, id, who.signer) } });
    expect(res.statusCode, res.body).toBe(201);
    return { id, talon: res.json().talonNumber };
  }

  const endTerms = (caseId: string) => t.database.db.update(caseDeadlines).set({ dueOn: addCalendarDays(today(), -1) }).where(and(eq(caseDeadlines.caseId, caseId), eq(caseDeadlines.kind, 'appeal')));

  async function forward(user: TestUser, filingId: string) {
    const browser = new Browser(t.app, user.cookie);
    const page = await browser.get(`/court/filings/${filingId}`);
    if (page.statusCode !== 200) return page;
    return browser.post(`/court/filings/${filingId}/forward-appeal`, { _csrf: tokenOf(page.body) });
  }

  it('puts the appeal in the first court’s queue with that court’s talon naming the court that will hear it; the other side is told and may respond', async () => {
    const { caseId, number } = await decidedCase();
    const appeal = await file(claimant, 'appeal', number);
    expect(appeal.talon.startsWith('7517-')).toBe(true);
    expect(await t.database.db.select().from(cases).where(eq(cases.parentCaseId, caseId))).toHaveLength(0);
    expect((await t.database.db.select({ status: cases.status }).from(cases).where(eq(cases.id, caseId)))[0]!.status).toBe('appeal_window');

    const talon = await t.app.inject({ method: 'GET', url: `/cabinet/filings/${appeal.id}/talon`, headers: { cookie: claimant.user.cookie } });
    expect(talon.statusCode).toBe(200);
    expect(talon.body).toContain('Подана через суд, вынесший решение');
    expect(talon.body).toContain('Суд апелляционной инстанции, который её рассмотрит');
    expect(talon.body).toContain('Алматинский городской суд');

    const queue = await t.app.inject({ method: 'GET', url: '/court/registry', headers: { cookie: clerk.cookie } });
    expect(queue.body).toContain(appeal.talon);
    const cityQueue = await t.app.inject({ method: 'GET', url: '/court/registry', headers: { cookie: cityClerk.cookie } });
    expect(cityQueue.body).not.toContain(appeal.talon);
    // Until the case is sent up, the appellate court has nothing to reach for (Art. 405(2)).
    expect((await t.app.inject({ method: 'GET', url: `/court/filings/${appeal.id}`, headers: { cookie: cityClerk.cookie } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/cabinet/cases/${caseId}`, headers: { cookie: cityClerk.cookie } })).statusCode).toBe(404);

    const told = await t.database.db.select().from(notifications).where(and(eq(notifications.userId, defendant.user.id), eq(notifications.event, 'appeal_filed')));
    expect(told.length).toBeGreaterThan(0);
    expect(told.find((n) => n.channel === 'in_app')!.body).toContain('response');
    const response = await file(defendant, 'response', number);
    expect(response.talon.startsWith('7517-')).toBe(true);
  });

  it('refuses to send the case up while a term runs, with the reason in the clerk’s language; after the term one appellate case takes both appeals and the response', async () => {
    const { caseId, number } = await decidedCase();
    const first = await file(claimant, 'appeal', number);
    const second = await file(defendant, 'appeal', number);
    const response = await file(claimant, 'response', number);

    const page = await t.app.inject({ method: 'GET', url: `/court/filings/${first.id}`, headers: { cookie: clerk.cookie } });
    expect(page.body).toContain('Істі апелляциялық сатыдағы сотқа жіберу');
    const early = await forward(clerk, first.id);
    expect(early.statusCode).toBe(409);
    expect(early.body).toContain('Істі апелляциялық сатыдағы сотқа әзірге жіберуге болмайды');
    expect(await t.database.db.select().from(cases).where(eq(cases.parentCaseId, caseId))).toHaveLength(0);
    // The appellate court's clerk cannot send it up either.
    expect((await forward(cityClerk, first.id)).statusCode).toBe(404);

    await endTerms(caseId);
    const sent = await forward(clerk, first.id);
    expect(sent.statusCode, sent.body.slice(0, 500)).toBe(303);
    expect((await t.database.db.select({ status: cases.status }).from(cases).where(eq(cases.id, caseId)))[0]!.status).toBe('appealed');
    const reviews = await t.database.db.select().from(cases).where(eq(cases.parentCaseId, caseId));
    expect(reviews).toHaveLength(1);
    const review = reviews[0]!;
    expect(review).toMatchObject({ courtId: cityCourt, instance: 2, status: 'submitted' });
    const sentFilings = await t.database.db.select({ id: filings.id, forwardedCaseId: filings.forwardedCaseId }).from(filings).where(eq(filings.caseId, caseId));
    for (const f of [first, second, response]) expect(sentFilings.find((s) => s.id === f.id)!.forwardedCaseId).toBe(review.id);
    expect((await t.database.db.select().from(events).where(and(eq(events.caseId, caseId), eq(events.type, 'appeal_forwarded')))).length).toBe(1);
    expect((await t.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'case.appeal_forwarded'), eq(auditLog.entityId, caseId)))).length).toBe(1);
    const toldOfCourt = await t.database.db.select().from(notifications).where(and(eq(notifications.userId, claimant.user.id), eq(notifications.event, 'appeal_forwarded'), eq(notifications.channel, 'in_app')));
    expect(toldOfCourt[0]!.body).toContain('Алматинский городской суд');

    // The first court's office has dealt with them: they leave its queue.
    const queueAfter = await t.app.inject({ method: 'GET', url: '/court/registry', headers: { cookie: clerk.cookie } });
    for (const f of [first, second, response]) expect(queueAfter.body).not.toContain(f.talon);

    // Sent once: a second click finds nothing waiting.
    const again = await forward(clerk, first.id);
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('жіберуді күтіп тұрған апелляциялық шағым жоқ');

    // The appellate court's office registers it like any new case, as a civil appeal.
    const cityQueue = await t.app.inject({ method: 'GET', url: '/court/registry', headers: { cookie: cityClerk.cookie } });
    expect(cityQueue.body).toContain(`/court/cases/${review.id}/register`);
    const registration = await registerCase(t.database.db, principalOf(cityClerk, cityCourt), review.id, now());
    expect(parseCaseNumber(registration.number)).toMatchObject({ courtCode: '7599', categoryCode: '2а' });
    expect((await t.app.inject({ method: 'GET', url: `/cabinet/cases/${caseId}`, headers: { cookie: cityClerk.cookie } })).statusCode).toBe(200);

    // The public status page calls it an appeal and names the court it was filed through, never the parties.
    const pub = await t.app.inject({ method: 'GET', url: urls.caseStatus(registration.number), headers: { cookie: 'lang=en' } });
    expect(pub.body).toContain(`Appeal against the decision in case ${number}`);
    expect(pub.body).toContain('Appeal filed through');
    expect(pub.body).toContain('Medeu District Court of Almaty');
    expect(pub.body).not.toContain('Истцов');
  });

  it('makes the one who appealed the appellant and the other side the respondent, and the parties still see both cases', async () => {
    const { caseId, number } = await decidedCase();
    const appeal = await file(defendant, 'appeal', number);
    await endTerms(caseId);
    expect((await forward(clerk, appeal.id)).statusCode).toBe(303);
    const [review] = await t.database.db.select().from(cases).where(eq(cases.parentCaseId, caseId));
    const rows = await t.database.db.select().from(parties).where(eq(parties.caseId, review!.id));
    expect(rows.map((p) => `${p.role}:${p.appealRole}`).sort()).toEqual(['claimant:respondent', 'defendant:appellant']);
    for (const who of [claimant, defendant]) {
      expect((await t.app.inject({ method: 'GET', url: `/cabinet/cases/${review!.id}`, headers: { cookie: who.user.cookie } })).statusCode).toBe(200);
      expect((await t.app.inject({ method: 'GET', url: `/cabinet/cases/${caseId}`, headers: { cookie: who.user.cookie } })).statusCode).toBe(200);
    }
    const page = await t.app.inject({ method: 'GET', url: `/cabinet/cases/${review!.id}`, headers: { cookie: defendant.user.cookie } });
    expect(page.body).toContain('Appellant (defendant at first instance)');
    expect(page.body).toContain('Respondent (claimant at first instance)');
    expect(page.body).toContain(`Appeal against the decision in case ${number}`);
  });

  it('says on the appeal’s duty page that no duty is due, with no exemption to choose, and the case page names both courts', async () => {
    const { number } = await decidedCase();
    const draft = await t.app.inject({ method: 'POST', url: '/api/v1/filings', headers: { cookie: claimant.user.cookie }, payload: { type: 'appeal', caseNumber: number, text: 'Прошу отменить решение.' } });
    const page = await t.app.inject({ method: 'GET', url: `/cabinet/filings/${draft.json().id}/duty`, headers: { cookie: claimant.user.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Апелляционная жалоба государственной пошлиной не облагается');
    expect(page.body).not.toContain('name="exemption"');
    // Before signing, the filer reads which court will hear it and which it goes through.
    const check = await t.app.inject({ method: 'GET', url: `/cabinet/filings/${draft.json().id}/check`, headers: { cookie: claimant.user.cookie } });
    expect(check.body).toContain('Суд апелляционной инстанции, который её рассмотрит');
    expect(check.body).toContain('Алматинский городской суд');
    expect(check.body).toContain('Медеуский районный суд города Алматы');
    await file(claimant, 'appeal', number);
    const casePage = await t.app.inject({ method: 'GET', url: `/cabinet/cases/${(await t.database.db.select({ id: cases.id }).from(cases).where(eq(cases.number, number)))[0]!.id}`, headers: { cookie: claimant.user.cookie } });
    expect(casePage.body).toContain('Суд апелляционной инстанции');
    expect(casePage.body).toContain('Алматинский городской суд');
  });

  it('keeps a decision with an appeal waiting to go up out of force after the term; an unappealed one enters into force', async () => {
    const appealed = await decidedCase();
    await file(claimant, 'appeal', appealed.number);
    const unappealed = await decidedCase();
    await endTerms(appealed.caseId);
    await endTerms(unappealed.caseId);
    await enterDecisionsIntoForce(t.database.db, now());
    const statusOf = async (id: string) => (await t.database.db.select({ status: cases.status }).from(cases).where(eq(cases.id, id)))[0]!.status;
    expect(await statusOf(appealed.caseId)).toBe('appeal_window');
    expect(await statusOf(unappealed.caseId)).toBe('in_force');
  });
});
