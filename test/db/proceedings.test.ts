import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBuiltInVerifier } from '../../src/adapters/eds/index.ts';
import { decideAdmission } from '../../src/commands/admitCase.ts';
import { forwardAppeal } from '../../src/commands/appealForwarding.ts';
import { enterDecisionsIntoForce } from '../../src/commands/entryIntoForce.ts';
import { postponeHearing, scheduleHearing } from '../../src/commands/hearings.ts';
import { openHearingNow, workingDayAt } from '../support/hearings.ts';
import { registerCase } from '../../src/commands/registerCase.ts';
import { accessLog, caseDeadlines, cases, courts, documents, events, filings, hearings, notifications, parties, userRoles, users } from '../../src/db/schema/index.ts';
import type { IsoDay } from '../../src/domain/calendar/holidays.ts';
import { addCalendarDays } from '../../src/domain/calendar/workingDays.ts';
import { initialReference } from '../../src/domain/reference.ts';
import { parseCaseNumber } from '../../src/domain/caseNumber.ts';
import { deadline as deadlineIn, type DeadlineKind } from '../../src/domain/deadlines.ts';
import { courtInstant } from '../../src/domain/hearingSlots.ts';
import { courtDateIso } from '../../src/i18n/format.ts';
import type { Principal } from '../../src/policies/principal.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { describeDb } from '../support/db.ts';
import { judgeSession, type Judge } from '../support/judges.ts';
import { multipart, SAMPLE_FILES, signedManifest } from '../support/filing.ts';
import { formSession } from '../support/forms.ts';
import { pdfText } from '../support/pdfText.ts';
import { issueAuthKey, issueSigner, makeRootCa, signContent, type TestCa, type TestSigner } from '../support/pki.ts';
import { signedInUser, type TestUser } from '../support/sessions.ts';

// The reference tables start with the calendar Sot ships; these tests do not change it.
const { calendar } = initialReference();
const isWorkingDay = calendar.isWorkingDay;
const deadline = (kind: DeadlineKind, from: IsoDay) => deadlineIn(kind, from, calendar);

/**
 * The case after admission, through the court's own acts: hearings, decisions and their terms,
 * appeals to the parent court and cassation, with the judge's real EDS signature on every act.
 */
describeDb('hearings, court acts, terms and reviews', () => {
  let t: TestApp;
  let root: TestCa;
  let courtIds: Record<string, string>;
  let party: TestUser;
  let partySigner: TestSigner;
  let stranger: TestUser;
  const now = () => new Date();
  const today = () => courtDateIso(now()) as IsoDay;


  function nextNonWorkingDay(): IsoDay {
    let day = addCalendarDays(today(), 1);
    while (isWorkingDay(day)) day = addCalendarDays(day, 1);
    return day;
  }

  beforeAll(async () => {
    root = await makeRootCa({ name: 'Test NCA Root' });
    t = await createTestApp({ seed: true, signatureVerifier: createBuiltInVerifier({ trustedRoots: [root.certificateDer] }), clock: now });
    const rows = await t.database.db.select({ id: courts.id, code: courts.code }).from(courts);
    courtIds = Object.fromEntries(rows.map((r) => [r.code, r.id]));
    party = await signedInUser(t.database.db, { lang: 'en', now: now() });
    stranger = await signedInUser(t.database.db, { lang: 'en', now: now() });
    await t.database.db.update(users).set({ email: 'party@example.kz', emailVerifiedAt: now(), language: 'en' }).where(eq(users.id, party.id));
    partySigner = await issueSigner(root, { person: { fullName: 'ТЕСТОВ ТЕСТ', iin: party.iin } });
  });
  afterAll(() => t?.close());

  async function clerkOf(code: string): Promise<Principal> {
    const user = await signedInUser(t.database.db, { roles: [{ role: 'clerk', courtId: courtIds[code]! }], now: now() });
    return { userId: user.id, iin: user.iin, fullName: 'Clerk', bin: null, roles: [{ role: 'clerk', courtId: courtIds[code]! }] };
  }


  const judgeOf = (judgeId: string, courtId: string): Promise<Judge> => judgeSession(t.database.db, root, judgeId, courtId, now());

  /** A first-instance civil case at Medeu with `party` as claimant, registered, distributed and accepted. */
  async function acceptedCase(): Promise<{ caseId: string; number: string; judge: Judge }> {
    const [created] = await t.database.db.insert(cases).values({ courtId: courtIds['7517']!, kind: 'civil', category: 'property', instance: 1, status: 'submitted' }).returning({ id: cases.id });
    await t.database.db.insert(parties).values([
      { caseId: created!.id, role: 'claimant', userId: party.id, displayName: 'Тестов Тест' },
      { caseId: created!.id, role: 'defendant', displayName: 'Ответчиков Ответчик' },
    ]);
    const { judgeId, number } = await registerCase(t.database.db, await clerkOf('7517'), created!.id, now());
    const judge = await judgeOf(judgeId, courtIds['7517']!);
    await decideAdmission(t.database.db, judge.principal, created!.id, { kind: 'accept' }, now());
    return { caseId: created!.id, number, judge };
  }

  async function statusOf(caseId: string) {
    const [row] = await t.database.db.select({ status: cases.status, inForceOn: cases.inForceOn }).from(cases).where(eq(cases.id, caseId));
    return row!;
  }

  async function openTerms(caseId: string) {
    return t.database.db.select().from(caseDeadlines).where(eq(caseDeadlines.caseId, caseId));
  }

  /** Posts a form from the judge's case page, with the page's CSRF token. */
  async function postForm(judge: Judge, caseId: string, url: string, form: Record<string, string>) {
    const page = await t.app.inject({ method: 'GET', url: `/judge/cases/${caseId}`, headers: { cookie: judge.cookie } });
    expect(page.statusCode, page.body.slice(0, 300)).toBe(200);
    const { token, cookie } = formSession(page, judge.cookie);
    return t.app.inject({ method: 'POST', url, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: token, ...form }).toString() });
  }

  /** Drafts an act from the judge's page and returns its document id. */
  async function draft(judge: Judge, caseId: string, form: { kind: string; outcome?: string; title?: string; text?: string }) {
    const res = await postForm(judge, caseId, `/judge/cases/${caseId}/acts`, { title: 'Решение по делу', text: 'Суд, рассмотрев материалы дела, РЕШИЛ: иск удовлетворить полностью.', ...form });
    expect(res.statusCode, res.body.slice(0, 2000)).toBe(303);
    const [doc] = await t.database.db
      .select({ id: documents.id })
      .from(documents)
      .where(and(eq(documents.caseId, caseId), eq(documents.visibility, 'court')))
      .orderBy(documents.createdAt);
    return doc!.id;
  }

  async function issue(judge: Judge, documentId: string, signer = judge.signer) {
    const manifest = await t.app.inject({ method: 'GET', url: `/api/v1/acts/${documentId}/manifest`, headers: { cookie: judge.cookie } });
    expect(manifest.statusCode, manifest.body).toBe(200);
    const cms = Buffer.from(await signContent(signer, manifest.rawPayload)).toString('base64');
    return t.app.inject({ method: 'POST', url: `/api/v1/acts/${documentId}/issue`, headers: { cookie: judge.cookie }, payload: { cms } });
  }

  async function issued(judge: Judge, caseId: string, form: Parameters<typeof draft>[2]) {
    const res = await issue(judge, await draft(judge, caseId, form));
    expect(res.statusCode, res.body).toBe(201);
    return res.json().verifyUrl as string;
  }

  describe('hearings', () => {
    it('schedules a hearing on a working day, moves the case through preparation and tells the party', async () => {
      const { caseId, judge } = await acceptedCase();
      const startsAt = workingDayAt(2, '10:00');
      const id = await scheduleHearing(t.database.db, judge.principal, caseId, { startsAt, durationMinutes: 60, room: '204' }, now());
      expect(await statusOf(caseId)).toMatchObject({ status: 'hearing_scheduled' });
      const timeline = await t.database.db.select().from(events).where(eq(events.caseId, caseId));
      expect(timeline.filter((e) => e.type === 'status_changed').map((e) => e.data['to'])).toEqual(expect.arrayContaining(['preparation', 'hearing_scheduled']));
      expect(timeline.find((e) => e.type === 'hearing_scheduled')!.data).toMatchObject({ hearingId: id });
      const notices = await t.database.db.select().from(notifications).where(eq(notifications.userId, party.id));
      expect(notices.some((n) => n.channel === 'email' && /hearing in case/i.test(n.body))).toBe(true);
    });

    it('refuses the past, days off, hours outside the court day and a missing place', async () => {
      const { caseId, judge } = await acceptedCase();
      const attempt = (startsAt: Date, extra: object = { room: '1' }) => scheduleHearing(t.database.db, judge.principal, caseId, { startsAt, durationMinutes: 60, ...extra }, now());
      await expect(attempt(new Date(now().getTime() - 3_600_000))).rejects.toMatchObject({ code: 'hearing_in_past' });
      await expect(attempt(courtInstant(nextNonWorkingDay(), '10:00')!)).rejects.toMatchObject({ code: 'hearing_not_working_day' });
      await expect(attempt(workingDayAt(1, '08:00'))).rejects.toMatchObject({ code: 'hearing_outside_hours' });
      await expect(attempt(workingDayAt(1, '11:00'), {})).rejects.toMatchObject({ code: 'hearing_place_required' });
      await expect(attempt(workingDayAt(1, '11:00'), { videoLink: 'http://insecure.example/room' })).rejects.toMatchObject({ code: 'hearing_link_invalid' });
      expect(await statusOf(caseId)).toMatchObject({ status: 'accepted' });
    });

    it('refuses a judge two hearings at once and a room two cases at once, but allows back-to-back', async () => {
      const first = await acceptedCase();
      const second = await acceptedCase();
      const third = await acceptedCase();
      // The second case goes to the same judge, the third to another judge of the court.
      await t.database.db.update(cases).set({ judgeId: first.judge.principal.userId }).where(eq(cases.id, second.caseId));
      const otherJudgeId = (await t.database.db.select({ userId: userRoles.userId }).from(userRoles).where(and(eq(userRoles.courtId, courtIds['7517']!), eq(userRoles.role, 'judge')))).find((r) => r.userId !== first.judge.principal.userId)!.userId;
      await t.database.db.update(cases).set({ judgeId: otherJudgeId }).where(eq(cases.id, third.caseId));
      const otherJudge = await judgeOf(otherJudgeId, courtIds['7517']!);

      const at = workingDayAt(3, '14:00');
      await scheduleHearing(t.database.db, first.judge.principal, first.caseId, { startsAt: at, durationMinutes: 60, room: '305' }, now());
      await expect(scheduleHearing(t.database.db, first.judge.principal, second.caseId, { startsAt: workingDayAt(3, '14:30'), durationMinutes: 30, room: '306' }, now())).rejects.toMatchObject({ code: 'hearing_judge_busy' });
      await expect(scheduleHearing(t.database.db, otherJudge.principal, third.caseId, { startsAt: workingDayAt(3, '14:59'), durationMinutes: 30, room: '305' }, now())).rejects.toMatchObject({ code: 'hearing_room_busy' });
      await scheduleHearing(t.database.db, first.judge.principal, second.caseId, { startsAt: workingDayAt(3, '15:00'), durationMinutes: 30, room: '306' }, now());
      await scheduleHearing(t.database.db, otherJudge.principal, third.caseId, { startsAt: workingDayAt(3, '14:00'), durationMinutes: 60, videoLink: 'https://vc.sud.kz/room/1' }, now());
    });

    it('gives a contested room to exactly one of two judges booking it at the same moment', async () => {
      const a = await acceptedCase();
      const b = await acceptedCase();
      const judgeIds = (await t.database.db.select({ userId: userRoles.userId }).from(userRoles).where(and(eq(userRoles.courtId, courtIds['7517']!), eq(userRoles.role, 'judge')))).map((r) => r.userId);
      const otherId = judgeIds.find((id) => id !== a.judge.principal.userId)!;
      await t.database.db.update(cases).set({ judgeId: otherId }).where(eq(cases.id, b.caseId));
      const bJudge = await judgeOf(otherId, courtIds['7517']!);
      const slot = { startsAt: workingDayAt(4, '09:30'), durationMinutes: 90, room: 'Зал 7' };
      const results = await Promise.allSettled([
        scheduleHearing(t.database.db, a.judge.principal, a.caseId, slot, now()),
        scheduleHearing(t.database.db, bJudge.principal, b.caseId, slot, now()),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'hearing_room_busy' } });
      const booked = await t.database.db.select().from(hearings).where(and(eq(hearings.room, 'Зал 7'), eq(hearings.status, 'scheduled')));
      expect(booked).toHaveLength(1);
    });

    it('postpones with a reason the parties read, and refuses a judge the case is not assigned to', async () => {
      const { caseId, judge } = await acceptedCase();
      const id = await scheduleHearing(t.database.db, judge.principal, caseId, { startsAt: workingDayAt(5, '11:00'), durationMinutes: 60, room: '12' }, now());
      const outsider: Principal = { ...judge.principal, userId: stranger.id };
      await expect(postponeHearing(t.database.db, outsider, id, { startsAt: workingDayAt(6, '11:00'), durationMinutes: 60, room: '12' }, 'Неявка ответчика', now())).rejects.toMatchObject({ code: 'not_found' });
      await expect(postponeHearing(t.database.db, judge.principal, id, { startsAt: workingDayAt(6, '11:00'), durationMinutes: 60, room: '12' }, ' ', now())).rejects.toMatchObject({ code: 'decision_reason_required' });
      const replacement = await postponeHearing(t.database.db, judge.principal, id, { startsAt: workingDayAt(6, '11:00'), durationMinutes: 60, room: '12' }, 'Неявка ответчика, извещённого надлежащим образом', now());
      const [old] = await t.database.db.select().from(hearings).where(eq(hearings.id, id));
      expect(old).toMatchObject({ status: 'postponed', postponedToId: replacement, reason: 'Неявка ответчика, извещённого надлежащим образом' });
      await expect(postponeHearing(t.database.db, judge.principal, id, { startsAt: workingDayAt(7, '11:00'), durationMinutes: 60, room: '12' }, 'Ещё раз отложить', now())).rejects.toMatchObject({ code: 'hearing_not_scheduled' });
      const page = await t.app.inject({ method: 'GET', url: `/cabinet/cases/${caseId}`, headers: { cookie: party.cookie } });
      expect(page.body).toContain('Postponed: Неявка ответчика');
    });

    it('keeps the judge’s input and shows a translated error when the page’s form is refused', async () => {
      const { caseId, judge } = await acceptedCase();
      const res = await postForm(judge, caseId, `/judge/cases/${caseId}/hearings`, { form: 'hearing', date: '2020-01-10', time: '10:00', duration: '60', room: 'Зал 3' });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('A hearing cannot be scheduled in the past.');
      expect(res.body).toContain('value="Зал 3"');
      // A date typed whole into the day box is read; one that does not exist is refused beside the boxes.
      const sunday = await postForm(judge, caseId, `/judge/cases/${caseId}/hearings`, { form: 'hearing', date: '10.01.2027', time: '10:00', duration: '60', room: 'Зал 3' });
      expect(sunday.statusCode).toBe(400);
      expect(sunday.body).toContain('not a working day');
      const bad = await postForm(judge, caseId, `/judge/cases/${caseId}/hearings`, { form: 'hearing', date: '31.02.2027', time: '10:00', duration: '60', room: 'Зал 3' });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('Enter a real date of the hearing');
    });
  });

  it('lets a lawyer see the case only once the judge accepts the warrant', async () => {
    const { caseId, judge } = await acceptedCase();
    const lawyer = await signedInUser(t.database.db, { lang: 'en', now: now(), roles: [{ role: 'lawyer', courtId: null }] });
    const [client] = await t.database.db.select({ id: parties.id }).from(parties).where(and(eq(parties.caseId, caseId), eq(parties.role, 'claimant')));
    const [pending] = await t.database.db.insert(parties).values({ caseId, role: 'lawyer', userId: lawyer.id, displayName: 'Адвокатов Адвокат', representsPartyId: client!.id }).returning({ id: parties.id });
    expect((await t.app.inject({ method: 'GET', url: `/cabinet/cases/${caseId}`, headers: { cookie: lawyer.cookie } })).statusCode).toBe(404);
    const accepted = await postForm(judge, caseId, `/judge/cases/${caseId}/representatives/${pending!.id}/accept`, {});
    expect(accepted.statusCode).toBe(303);
    expect((await t.app.inject({ method: 'GET', url: `/cabinet/cases/${caseId}`, headers: { cookie: lawyer.cookie } })).statusCode).toBe(200);
    expect((await postForm(judge, caseId, `/judge/cases/${caseId}/representatives/${pending!.id}/accept`, {})).statusCode).toBe(409);
  });

  describe('court acts and terms', () => {
    it('announces the operative part, then the decision in final form, opening the appeal term from the calendar', async () => {
      const { caseId, number, judge } = await acceptedCase();
      await scheduleHearing(t.database.db, judge.principal, caseId, { startsAt: workingDayAt(1, '10:00'), durationMinutes: 60, room: '1' }, now());
      await openHearingNow(t.database.db, judge.principal, caseId, now());
      await issued(judge, caseId, { kind: 'decision:operative', title: 'Решение (резолютивная часть)' });
      expect(await statusOf(caseId)).toMatchObject({ status: 'decided' });
      // The operative part meets the term of consideration that the hearing's appointment opened (CPC Art. 183(2)).
      const afterOperative = await openTerms(caseId);
      expect(afterOperative.filter((d) => d.closedAt === null)).toEqual([expect.objectContaining({ kind: 'decision_final_form', dueOn: deadline('decision_final_form', today()).due, concerns: 'court', closedAt: null })]);
      expect(afterOperative.filter((d) => d.kind === 'preparation' || d.kind === 'consideration').map((d) => [d.kind, d.closedAt !== null])).toEqual(
        expect.arrayContaining([
          ['preparation', true],
          ['consideration', true],
        ]),
      );

      const verifyUrl = await issued(judge, caseId, { kind: 'decision:final', title: 'Решение в окончательной форме' });
      expect(await statusOf(caseId)).toMatchObject({ status: 'appeal_window' });
      const terms = await openTerms(caseId);
      expect(terms.find((d) => d.kind === 'decision_final_form')!.closedAt).not.toBeNull();
      expect(terms.find((d) => d.kind === 'appeal')).toMatchObject({ dueOn: deadline('appeal', today()).due, article: 'CPC Art. 403(3)', concerns: 'parties', closedAt: null });

      // The party sees the terms and the acts, opens the PDF; the QR's page confirms it.
      const page = await t.app.inject({ method: 'GET', url: `/cabinet/cases/${caseId}`, headers: { cookie: party.cookie } });
      expect(page.body).toContain('CPC Art. 403(3)');
      expect(page.body).toContain('Decision in final form');
      expect(page.body).toContain('File an appeal');
      const [act] = await t.database.db.select().from(documents).where(and(eq(documents.caseId, caseId), eq(documents.decisionForm, 'final')));
      const pdf = await t.app.inject({ method: 'GET', url: `/cabinet/cases/${caseId}/acts/${act!.id}/pdf`, headers: { cookie: party.cookie } });
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const text = pdfText(pdf.rawPayload);
      expect(text).toContain(number);
      expect(text).toContain('иск удовлетворить полностью');
      expect(text).toContain(verifyUrl);
      expect((await t.app.inject({ method: 'GET', url: `/cabinet/cases/${caseId}/acts/${act!.id}/pdf`, headers: { cookie: stranger.cookie } })).statusCode).toBe(404);
      const check = await t.app.inject({ method: 'GET', url: new URL(verifyUrl).pathname, headers: { cookie: 'lang=en' } });
      expect(check.statusCode).toBe(200);
      expect(check.body).toContain('This court act is genuine');
      expect(check.body).not.toContain('иск удовлетворить');
      const notices = await t.database.db.select().from(notifications).where(eq(notifications.userId, party.id));
      expect(notices.some((n) => n.body.includes(number) && /issued an act/.test(n.body))).toBe(true);
    });

    it('shows an issued act’s page, where its notice leads, as the signed PDF with its signature check and public address', async () => {
      const { caseId, number, judge } = await acceptedCase();
      const verifyUrl = await issued(judge, caseId, { kind: 'ruling', title: 'Определение о подготовке дела' });
      const [act] = await t.database.db.select().from(documents).where(and(eq(documents.caseId, caseId), eq(documents.kind, 'ruling')));
      const notice = (await t.database.db.select().from(notifications).where(and(eq(notifications.userId, party.id), eq(notifications.caseId, caseId)))).find((n) => /issued an act/.test(n.body));
      expect(notice!.link).toBe(`/cabinet/cases/${caseId}/documents/${act!.id}`);
      const pdfUrl = `/cabinet/cases/${caseId}/acts/${act!.id}/pdf`;

      const page = await t.app.inject({ method: 'GET', url: notice!.link!, headers: { cookie: `${party.cookie}; lang=en` } });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(`<iframe class="sot-act-pdf" src="${pdfUrl}"`);
      expect(page.body).toContain(`href="${pdfUrl}?download=1"`);
      expect(page.body).not.toContain(`/documents/${act!.id}/file`);
      expect(page.body).toContain(`href="${verifyUrl}"`);
      expect(page.body).toContain('Valid: the signature matches the act');
      expect(page.body).toMatch(/Certificate serial number<\/dt><dd class="govuk-summary-list__value"><code class="sot-hash">[0-9a-f]{8,}<\/code>/);
      expect(page.body).toContain('Judge, Medeu District Court of Almaty');
      // Only the PDF may be framed, and only by our own pages.
      expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");

      const pdf = await t.app.inject({ method: 'GET', url: pdfUrl, headers: { cookie: party.cookie } });
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.headers['content-security-policy']).toContain("frame-ancestors 'self'");
      expect(pdf.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(pdfText(pdf.rawPayload)).toContain(number);
      const download = await t.app.inject({ method: 'GET', url: `${pdfUrl}?download=1`, headers: { cookie: party.cookie } });
      expect(String(download.headers['content-disposition'])).toMatch(/^attachment;/);
      for (const url of [notice!.link!, pdfUrl]) expect((await t.app.inject({ method: 'GET', url, headers: { cookie: stranger.cookie } })).statusCode, url).toBe(404);
      // An act of this case named under another case does not exist there.
      const other = await acceptedCase();
      expect((await t.app.inject({ method: 'GET', url: `/cabinet/cases/${other.caseId}/acts/${act!.id}/pdf`, headers: { cookie: party.cookie } })).statusCode).toBe(404);

      const reads = await t.database.db.select({ action: accessLog.action, userId: accessLog.userId }).from(accessLog).where(eq(accessLog.documentId, act!.id));
      expect(reads.map((r) => r.action).sort()).toEqual(['download', 'view', 'view']);
      expect(reads.every((r) => r.userId === party.id)).toBe(true);
    });

    it('says the act is not genuine once its stored text no longer matches what was signed', async () => {
      const { caseId, judge } = await acceptedCase();
      const verifyUrl = await issued(judge, caseId, { kind: 'ruling', title: 'Определение о подготовке дела' });
      const code = new URL(verifyUrl).pathname.split('/').at(-1)!;
      await t.database.db.update(documents).set({ sha256: 'f'.repeat(64) }).where(eq(documents.verifyCode, code));
      const check = await t.app.inject({ method: 'GET', url: `/verify/${code}`, headers: { cookie: 'lang=en' } });
      expect(check.body).toContain('does not check out');
    });

    it('refuses a signature by someone else, over other bytes, twice, or for an act the stage does not allow', async () => {
      const { caseId, judge } = await acceptedCase();
      const early = await postForm(judge, caseId, `/judge/cases/${caseId}/acts`, { kind: 'decision:final', title: 'Решение', text: 'Текст решения суда по существу спора.' });
      expect(early.statusCode).toBe(409);
      const resolution = await postForm(judge, caseId, `/judge/cases/${caseId}/acts`, { kind: 'resolution', outcome: 'upheld', title: 'Постановление', text: 'Текст постановления апелляционной инстанции.' });
      expect(resolution.statusCode).toBe(400);
      const id = await draft(judge, caseId, { kind: 'ruling', title: 'Определение о подготовке' });
      expect((await issue(judge, id, partySigner)).json().error.code).toBe('signer_mismatch');
      const judgesAuthKey = await issueAuthKey(root, { person: { fullName: judge.principal.fullName.toUpperCase(), iin: judge.principal.iin } });
      const withAuthKey = await issue(judge, id, judgesAuthKey);
      expect(withAuthKey.statusCode).toBe(401);
      expect(withAuthKey.json().error).toMatchObject({ code: 'authentication_key_for_document', message: expect.stringMatching(/choose your signing key/) });
      const cms = Buffer.from(await signContent(judge.signer, new TextEncoder().encode('{"other":"bytes"}'))).toString('base64');
      expect((await t.app.inject({ method: 'POST', url: `/api/v1/acts/${id}/issue`, headers: { cookie: judge.cookie }, payload: { cms } })).json().error.code).toBe('bad_signature');
      expect((await issue(judge, id)).statusCode).toBe(201);
      expect((await t.app.inject({ method: 'GET', url: `/api/v1/acts/${id}/manifest`, headers: { cookie: judge.cookie } })).json().error.code).toBe('act_issued');
      // Another judge of the court cannot even see the draft's manifest.
      expect((await t.app.inject({ method: 'GET', url: `/api/v1/acts/${id}/manifest`, headers: { cookie: party.cookie } })).statusCode).toBe(403);
    });

    it('takes an act uploaded as a PDF, refuses any other file, and gives the parties the signed original', async () => {
      const { caseId, judge } = await acceptedCase();
      const page = await t.app.inject({ method: 'GET', url: `/judge/cases/${caseId}`, headers: { cookie: judge.cookie } });
      const { token, cookie } = formSession(page, judge.cookie);
      const upload = (file: { name: string; content: Buffer }) => {
        const { payload, headers } = multipart([file], { _csrf: token, kind: 'ruling', title: 'Определение о назначении экспертизы' });
        return t.app.inject({ method: 'POST', url: `/judge/cases/${caseId}/acts/upload`, headers: { cookie, ...headers }, payload });
      };
      const refused = await upload({ name: 'scan.png', content: SAMPLE_FILES.png() });
      expect(refused.statusCode).toBe(415);
      expect(refused.body).toContain('Upload the act as a PDF file');
      expect((await upload({ name: 'определение.pdf', content: SAMPLE_FILES.pdf() })).statusCode).toBe(303);
      const [draft] = await t.database.db.select().from(documents).where(and(eq(documents.caseId, caseId), eq(documents.kind, 'ruling')));
      expect(draft).toMatchObject({ mediaType: 'application/pdf', fileName: 'определение.pdf', visibility: 'court' });
      expect((await issue(judge, draft!.id)).statusCode).toBe(201);
      const original = await t.app.inject({ method: 'GET', url: `/cabinet/cases/${caseId}/documents/${draft!.id}/file?download=1`, headers: { cookie: party.cookie } });
      expect(original.rawPayload.equals(SAMPLE_FILES.pdf())).toBe(true);
      const pdf = await t.app.inject({ method: 'GET', url: `/cabinet/cases/${caseId}/acts/${draft!.id}/pdf`, headers: { cookie: `${party.cookie}; lang=en` } });
      expect(pdfText(pdf.rawPayload)).toContain('issued as a signed file');
    });

    it('issues an act once when the judge’s signature arrives twice at the same moment', async () => {
      const { caseId, judge } = await acceptedCase();
      await scheduleHearing(t.database.db, judge.principal, caseId, { startsAt: workingDayAt(1, '13:00'), durationMinutes: 30, room: '5' }, now());
      await openHearingNow(t.database.db, judge.principal, caseId, now());
      const id = await draft(judge, caseId, { kind: 'decision:final' });
      const manifest = await t.app.inject({ method: 'GET', url: `/api/v1/acts/${id}/manifest`, headers: { cookie: judge.cookie } });
      const cms = Buffer.from(await signContent(judge.signer, manifest.rawPayload)).toString('base64');
      const post = () => t.app.inject({ method: 'POST', url: `/api/v1/acts/${id}/issue`, headers: { cookie: judge.cookie }, payload: { cms } });
      const results = await Promise.all([post(), post()]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      expect((await t.database.db.select().from(events).where(and(eq(events.caseId, caseId), eq(events.type, 'document_issued')))).length).toBe(1);
      expect((await openTerms(caseId)).filter((d) => d.kind === 'appeal')).toHaveLength(1);
      expect(await statusOf(caseId)).toMatchObject({ status: 'appeal_window' });
    });

    it('enters an unappealed decision into force the day after the appeal term ends, once', async () => {
      const { caseId, judge } = await acceptedCase();
      await scheduleHearing(t.database.db, judge.principal, caseId, { startsAt: workingDayAt(1, '12:00'), durationMinutes: 60, room: '2' }, now());
      await openHearingNow(t.database.db, judge.principal, caseId, now());
      await issued(judge, caseId, { kind: 'decision:final' });
      const ended = addCalendarDays(today(), -2);
      await t.database.db.update(caseDeadlines).set({ dueOn: ended }).where(and(eq(caseDeadlines.caseId, caseId), eq(caseDeadlines.kind, 'appeal')));
      expect(await enterDecisionsIntoForce(t.database.db, now())).toBeGreaterThanOrEqual(1);
      expect(await statusOf(caseId)).toEqual({ status: 'in_force', inForceOn: addCalendarDays(ended, 1) });
      // Unappealed, it opens no cassation term (CPC Art. 434(1)).
      expect((await openTerms(caseId)).find((d) => d.kind === 'cassation')).toBeUndefined();
      expect(await enterDecisionsIntoForce(t.database.db, now())).toBe(0);
    });
  });

  describe('appeal and cassation', () => {
    /** The appeal term ends (yesterday was its last day) and the first court's office sends the case up. */
    async function forwardAfterTerm(caseId: string) {
      await t.database.db.update(caseDeadlines).set({ dueOn: addCalendarDays(today(), -1) }).where(and(eq(caseDeadlines.caseId, caseId), eq(caseDeadlines.kind, 'appeal')));
      return forwardAppeal(t.database.db, await clerkOf('7517'), caseId, now());
    }

    async function fileIn(caseNumber: string, type: 'appeal' | 'cassation_complaint' | 'petition', user = party, signer = partySigner) {
      // A cassation complaint in a property dispute pays half the claim's duty, so it states the amount.
      const amount = type === 'cassation_complaint' ? { amount: '1500000' } : {};
      const created = await t.app.inject({ method: 'POST', url: '/api/v1/filings', headers: { cookie: user.cookie }, payload: { type, caseNumber, text: 'Прошу отменить решение суда первой инстанции и принять новое решение.', ...amount } });
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json().id as string;
      return t.app.inject({ method: 'POST', url: `/api/v1/filings/${id}/submit`, headers: { cookie: user.cookie }, payload: { cms: await signedManifest(t.app, user.cookie, id, signer) } });
    }

    it('sends the case up with both sides’ appeals in one appellate case at the parent court after the term; the outcome flows back; cassation goes to the civil cassation court, then the Supreme Court', async () => {
      const { caseId, number, judge } = await acceptedCase();
      await scheduleHearing(t.database.db, judge.principal, caseId, { startsAt: workingDayAt(1, '15:00'), durationMinutes: 30, room: '3' }, now());
      await openHearingNow(t.database.db, judge.principal, caseId, now());
      await issued(judge, caseId, { kind: 'decision:final' });

      // Filed through the court that decided (CPC Art. 403(1)): the case stays there in its appeal term.
      const appeal = await fileIn(number, 'appeal');
      expect(appeal.statusCode, appeal.body).toBe(201);
      expect(await statusOf(caseId)).toMatchObject({ status: 'appeal_window' });
      expect(await t.database.db.select().from(cases).where(eq(cases.parentCaseId, caseId))).toHaveLength(0);
      expect((await t.database.db.select().from(documents).where(eq(documents.caseId, caseId))).map((d) => d.kind)).toContain('appeal');

      // The defendant appeals too, in the same term.
      const defendant = await signedInUser(t.database.db, { lang: 'en', now: now() });
      await t.database.db.update(parties).set({ userId: defendant.id }).where(and(eq(parties.caseId, caseId), eq(parties.role, 'defendant')));
      const defendantSigner = await issueSigner(root, { person: { fullName: 'ОТВЕТЧИКОВ ОТВЕТЧИК', iin: defendant.iin } });
      expect((await fileIn(number, 'appeal', defendant, defendantSigner)).statusCode).toBe(201);

      // After the term the first court sends both up together (Art. 405(1)(2)).
      const forwarded = await forwardAfterTerm(caseId);
      expect(forwarded.appeals).toBe(2);
      expect(await statusOf(caseId)).toMatchObject({ status: 'appealed' });
      const reviews = await t.database.db.select().from(cases).where(eq(cases.parentCaseId, caseId));
      expect(reviews).toHaveLength(1);
      const review = reviews[0];
      expect(review).toMatchObject({ id: forwarded.appellateCaseId, courtId: courtIds['7599'], instance: 2, status: 'submitted', kind: 'civil', category: 'property' });
      expect((await t.database.db.select().from(parties).where(eq(parties.caseId, review!.id))).map((p) => `${p.role}:${p.appealRole}`).sort()).toEqual(['claimant:appellant', 'defendant:appellant']);
      expect((await t.database.db.select().from(events).where(eq(events.caseId, caseId))).some((e) => e.type === 'appeal_forwarded' && e.data['appellateCaseId'] === review!.id)).toBe(true);

      // The regional court registers, distributes, hears and resolves it.
      const registration = await registerCase(t.database.db, await clerkOf('7599'), review!.id, now());
      expect(parseCaseNumber(registration.number)).toMatchObject({ courtCode: '7599', categoryCode: '2а' });
      const appellate = await judgeOf(registration.judgeId, courtIds['7599']!);
      await decideAdmission(t.database.db, appellate.principal, review!.id, { kind: 'accept' }, now());
      await scheduleHearing(t.database.db, appellate.principal, review!.id, { startsAt: workingDayAt(2, '10:00'), durationMinutes: 60, room: '501' }, now());
      await openHearingNow(t.database.db, appellate.principal, review!.id, now());
      const final = await postForm(appellate, review!.id, `/judge/cases/${review!.id}/acts`, { kind: 'decision:final', title: 'Решение', text: 'Апелляционная инстанция решений не выносит.' });
      expect(final.statusCode).toBe(400);
      await issued(appellate, review!.id, { kind: 'resolution', outcome: 'upheld', title: 'Постановление', text: 'Решение суда первой инстанции оставить без изменения, апелляционные жалобы — без удовлетворения.' });
      expect(await statusOf(review!.id)).toEqual({ status: 'in_force', inForceOn: today() });
      expect(await statusOf(caseId)).toEqual({ status: 'in_force', inForceOn: today() });
      expect((await t.database.db.select().from(events).where(eq(events.caseId, caseId))).find((e) => e.type === 'review_outcome')!.data).toMatchObject({ reviewCaseId: review!.id, outcome: 'upheld' });
      const lowerPage = await t.app.inject({ method: 'GET', url: `/cabinet/cases/${caseId}`, headers: { cookie: party.cookie } });
      expect(lowerPage.body).toContain('Higher court: The act under review is upheld');
      expect(lowerPage.body).toContain(registration.number);

      // The appellate act in force opens the six months for cassation, offered on both cases' pages.
      expect((await openTerms(caseId)).find((d) => d.kind === 'cassation')).toMatchObject({ runsFrom: today(), article: 'CPC Art. 436(1)', closedAt: null });
      for (const id of [caseId, review!.id]) {
        const page = await t.app.inject({ method: 'GET', url: `/cabinet/cases/${id}`, headers: { cookie: party.cookie } });
        expect(page.body).toContain('File a cassation complaint');
      }
      // Cassation on the appellate act in force goes to the civil cassation court.
      const cassationFiled = await fileIn(registration.number, 'cassation_complaint');
      expect(cassationFiled.statusCode, cassationFiled.body).toBe(201);
      const [cassation] = await t.database.db.select().from(cases).where(eq(cases.parentCaseId, review!.id));
      expect(cassation).toMatchObject({ courtId: courtIds['9011'], instance: 3, status: 'submitted' });
      expect(await statusOf(review!.id)).toMatchObject({ status: 'in_force' });

      // The cassation court upholds; a complaint against its act goes to the Supreme Court.
      const cassationNumber = await registerCase(t.database.db, await clerkOf('9011'), cassation!.id, now());
      expect(parseCaseNumber(cassationNumber.number)).toMatchObject({ courtCode: '9011', categoryCode: '2к' });
      const cassationJudge = await judgeOf(cassationNumber.judgeId, courtIds['9011']!);
      await decideAdmission(t.database.db, cassationJudge.principal, cassation!.id, { kind: 'accept' }, now());
      await scheduleHearing(t.database.db, cassationJudge.principal, cassation!.id, { startsAt: workingDayAt(3, '10:00'), durationMinutes: 60, room: '1' }, now());
      await openHearingNow(t.database.db, cassationJudge.principal, cassation!.id, now());
      await issued(cassationJudge, cassation!.id, { kind: 'resolution', outcome: 'upheld', title: 'Постановление кассационного суда', text: 'Постановление апелляционной инстанции оставить без изменения.' });
      expect((await fileIn(cassationNumber.number, 'cassation_complaint')).statusCode).toBe(201);
      const [supreme] = await t.database.db.select().from(cases).where(eq(cases.parentCaseId, cassation!.id));
      expect(supreme).toMatchObject({ courtId: courtIds['9001'], instance: 4, status: 'submitted' });
    });

    it('refuses an appeal before the decision is final and after its term, saving nothing', async () => {
      const { caseId, number, judge } = await acceptedCase();
      const early = await fileIn(number, 'appeal');
      expect(early.statusCode).toBe(409);
      expect(early.json().error.code).toBe('review_not_open');
      await scheduleHearing(t.database.db, judge.principal, caseId, { startsAt: workingDayAt(1, '16:00'), durationMinutes: 30, room: '4' }, now());
      await openHearingNow(t.database.db, judge.principal, caseId, now());
      await issued(judge, caseId, { kind: 'decision:final' });
      await t.database.db.update(caseDeadlines).set({ dueOn: addCalendarDays(today(), -1) }).where(and(eq(caseDeadlines.caseId, caseId), eq(caseDeadlines.kind, 'appeal')));
      const late = await fileIn(number, 'appeal');
      expect(late.json().error.code).toBe('appeal_term_passed');
      expect(await t.database.db.select().from(cases).where(eq(cases.parentCaseId, caseId))).toHaveLength(0);
      expect(await statusOf(caseId)).toMatchObject({ status: 'appeal_window' });
    });

    it('brings an appeal left without motion back to the judge when the appellant files the fix; one not fixed in time is due for return', async () => {
      const fixed = await appealLeftWithoutMotion('11:00');
      expect((await fileIn(fixed.number, 'petition')).statusCode).toBe(201);
      expect((await openTerms(fixed.caseId)).find((d) => d.kind === 'appeal_defects')!.closedAt).not.toBeNull();
      const lapsed = await appealLeftWithoutMotion('11:30');
      await t.database.db.update(caseDeadlines).set({ dueOn: addCalendarDays(today(), -1) }).where(and(eq(caseDeadlines.caseId, lapsed.caseId), eq(caseDeadlines.kind, 'appeal_defects')));
      for (const c of [fixed, lapsed]) {
        const page = await t.app.inject({ method: 'GET', url: '/judge/cases', headers: { cookie: c.judge.cookie } });
        expect(page.statusCode, JSON.stringify(t.logs.filter((l) => l['level'] === 50).slice(-1))).toBe(200);
        expect(page.body).toContain(`case-${c.caseId}`);
        const section = page.body.slice(page.body.indexOf(`id="case-${c.caseId}"`));
        const own = section.slice(0, section.indexOf('</section>'));
        if (c === fixed) {
          expect(own).toContain('The appellant filed the fix of the defects');
          expect(own).not.toContain('due for return');
        } else expect(own).toContain('the appeal is due for return by your ruling');
      }
    });

    /** A decision appealed by the party, its appellate case distributed and left without motion. */
    async function appealLeftWithoutMotion(time: string) {
      const { caseId, number, judge } = await acceptedCase();
      await scheduleHearing(t.database.db, judge.principal, caseId, { startsAt: workingDayAt(1, time), durationMinutes: 30, room: '6' }, now());
      await openHearingNow(t.database.db, judge.principal, caseId, now());
      await issued(judge, caseId, { kind: 'decision:final' });
      expect((await fileIn(number, 'appeal')).statusCode).toBe(201);
      await forwardAfterTerm(caseId);
      const [review] = await t.database.db.select().from(cases).where(eq(cases.parentCaseId, caseId));
      const registration = await registerCase(t.database.db, await clerkOf('7599'), review!.id, now());
      const appellate = await judgeOf(registration.judgeId, courtIds['7599']!);
      await decideAdmission(t.database.db, appellate.principal, review!.id, { kind: 'leave_without_motion', defects: 'Не приложены копии жалобы по числу лиц, участвующих в деле.', workingDays: 5 }, now());
      return { caseId: review!.id, number: registration.number, judge: appellate };
    }

    /** Starts a cassation complaint as the party would, and returns the refusal. */
    async function startCassation(caseNumber: string) {
      return t.app.inject({ method: 'POST', url: '/api/v1/filings', headers: { cookie: party.cookie }, payload: { type: 'cassation_complaint', caseNumber, text: 'Прошу отменить судебные акты.', amount: '1500000' } });
    }

    it('refuses a cassation complaint on a decision in force that was never appealed, and offers none on its page', async () => {
      const { caseId, number, judge } = await acceptedCase();
      await scheduleHearing(t.database.db, judge.principal, caseId, { startsAt: workingDayAt(1, '09:00'), durationMinutes: 30, room: '7' }, now());
      await openHearingNow(t.database.db, judge.principal, caseId, now());
      await issued(judge, caseId, { kind: 'decision:final' });
      await t.database.db.update(caseDeadlines).set({ dueOn: addCalendarDays(today(), -2) }).where(and(eq(caseDeadlines.caseId, caseId), eq(caseDeadlines.kind, 'appeal')));
      await enterDecisionsIntoForce(t.database.db, now());
      const refused = await startCassation(number);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error).toMatchObject({ code: 'cassation_no_appeal' });
      expect(refused.json().error.message).toContain('CPC Art. 434(1)');
      const page = await t.app.inject({ method: 'GET', url: `/cabinet/cases/${caseId}`, headers: { cookie: party.cookie } });
      expect(page.body).not.toContain('File a cassation complaint');
      expect(page.body).toContain('No cassation complaint in this case');
    });

    it('refuses a cassation complaint on a court order', async () => {
      const [created] = await t.database.db.insert(cases).values({ courtId: courtIds['7517']!, kind: 'civil', category: 'court_order', instance: 1, status: 'submitted' }).returning({ id: cases.id });
      await t.database.db.insert(parties).values({ caseId: created!.id, role: 'claimant', userId: party.id, displayName: 'Тестов Тест' });
      const { number } = await registerCase(t.database.db, await clerkOf('7517'), created!.id, now());
      await t.database.db.update(cases).set({ status: 'in_force', inForceOn: today() }).where(eq(cases.id, created!.id));
      const refused = await startCassation(number);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.code).toBe('cassation_court_order');
      expect(refused.json().error.message).toContain('CPC Art. 434(2)(1)');
    });

    it('refuses a cassation complaint in a property claim under the threshold, weighed at the MCI of the year it was filed', async () => {
      const { caseId, review } = await appealedAndUpheld();
      // The claim as filed: 1,000,000 ₸ by an individual, under 2,000 MCI of the claim's year.
      await t.database.db.insert(filings).values({ filerId: party.id, type: 'claim', status: 'submitted', caseId, fields: { category: 'property', amount: '1000000', claimantType: 'individual' }, talonNumber: `T-${caseId}`, submittedAt: now(), channel: 'counter' });
      const refused = await startCassation(review.number);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.code).toBe('cassation_below_threshold');
      expect(refused.json().error.message).toContain('2000');
    });

    async function appealedAndUpheld() {
      const { caseId, number, judge } = await acceptedCase();
      await scheduleHearing(t.database.db, judge.principal, caseId, { startsAt: workingDayAt(1, '14:00'), durationMinutes: 30, room: '8' }, now());
      await openHearingNow(t.database.db, judge.principal, caseId, now());
      await issued(judge, caseId, { kind: 'decision:final' });
      expect((await fileIn(number, 'appeal')).statusCode).toBe(201);
      await forwardAfterTerm(caseId);
      const [review] = await t.database.db.select().from(cases).where(eq(cases.parentCaseId, caseId));
      const registration = await registerCase(t.database.db, await clerkOf('7599'), review!.id, now());
      const appellate = await judgeOf(registration.judgeId, courtIds['7599']!);
      await decideAdmission(t.database.db, appellate.principal, review!.id, { kind: 'accept' }, now());
      await scheduleHearing(t.database.db, appellate.principal, review!.id, { startsAt: workingDayAt(2, '15:00'), durationMinutes: 60, room: '502' }, now());
      await openHearingNow(t.database.db, appellate.principal, review!.id, now());
      await issued(appellate, review!.id, { kind: 'resolution', outcome: 'upheld', title: 'Постановление', text: 'Решение суда первой инстанции оставить без изменения.' });
      return { caseId, number, review: { id: review!.id, number: registration.number } };
    }
  });
});
