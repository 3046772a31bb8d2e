import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBuiltInVerifier } from '../../src/adapters/eds/index.ts';
import { decideAdmission } from '../../src/commands/admitCase.ts';
import { attachHearingRecord, closeHearing, openHearing } from '../../src/commands/hearingLifecycle.ts';
import { scheduleHearing } from '../../src/commands/hearings.ts';
import { registerCase } from '../../src/commands/registerCase.ts';
import { auditLog, cases, courts, documents, events, hearings, notifications, parties, users } from '../../src/db/schema/index.ts';
import type { Principal } from '../../src/policies/principal.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { describeDb } from '../support/db.ts';
import { SAMPLE_FILES, multipart } from '../support/filing.ts';
import { formSession } from '../support/forms.ts';
import { openHearingNow, workingDayAt } from '../support/hearings.ts';
import { judgeSession, signAndIssueDraft, type Judge } from '../support/judges.ts';
import { makeRootCa, type TestCa } from '../support/pki.ts';
import { signedInUser, type TestUser } from '../support/sessions.ts';
import { Readable } from 'node:stream';


/**
 * A hearing on its day: opened by the judge, closed as held, adjourned or not held, its record
 * attached; and a decision announced only at a hearing held that day, checked when drafted and
 * again when signed.
 */
describeDb('the hearing lifecycle', () => {
  let t: TestApp;
  let root: TestCa;
  let courtIds: Record<string, string>;
  let party: TestUser;
  const now = () => new Date();

  const minutes = (m: number, from: Date) => new Date(from.getTime() + m * 60_000);

  beforeAll(async () => {
    root = await makeRootCa({ name: 'Test NCA Root' });
    t = await createTestApp({ seed: true, signatureVerifier: createBuiltInVerifier({ trustedRoots: [root.certificateDer] }), clock: now });
    courtIds = Object.fromEntries((await t.database.db.select({ id: courts.id, code: courts.code }).from(courts)).map((r) => [r.code, r.id]));
    party = await signedInUser(t.database.db, { lang: 'en', now: now() });
    await t.database.db.update(users).set({ email: 'party@example.kz', emailVerifiedAt: now(), language: 'en' }).where(eq(users.id, party.id));
  });
  afterAll(() => t?.close());

  async function clerk(): Promise<Principal> {
    const user = await signedInUser(t.database.db, { roles: [{ role: 'clerk', courtId: courtIds['7517']! }], now: now() });
    return { userId: user.id, iin: user.iin, fullName: 'Clerk', bin: null, roles: [{ role: 'clerk', courtId: courtIds['7517']! }] };
  }

  let room = 0;
  /** A case at Medeu with `party` as claimant, accepted, with a hearing booked `n` working days ahead. */
  async function caseWithHearing(n = 1): Promise<{ caseId: string; judge: Judge; hearingId: string; startsAt: Date }> {
    const [created] = await t.database.db.insert(cases).values({ courtId: courtIds['7517']!, kind: 'civil', category: 'property', instance: 1, status: 'submitted' }).returning({ id: cases.id });
    await t.database.db.insert(parties).values([
      { caseId: created!.id, role: 'claimant', userId: party.id, displayName: 'Тестов Тест' },
      { caseId: created!.id, role: 'defendant', displayName: 'Ответчиков Ответчик' },
    ]);
    const { judgeId } = await registerCase(t.database.db, await clerk(), created!.id, now());
    const judge = await judgeSession(t.database.db, root, judgeId, courtIds['7517']!, now());
    await decideAdmission(t.database.db, judge.principal, created!.id, { kind: 'accept' }, now());
    room++;
    // Each case on a day of its own: a hearing opened at its time holds the judge then.
    const startsAt = workingDayAt(n + room, '10:00');
    const hearingId = await scheduleHearing(t.database.db, judge.principal, created!.id, { startsAt, durationMinutes: 30, room: `H-${room}` }, now());
    return { caseId: created!.id, judge, hearingId, startsAt };
  }

  const hearingRow = async (id: string) => (await t.database.db.select().from(hearings).where(eq(hearings.id, id)))[0]!;
  const eventsOf = async (caseId: string, type: string) => t.database.db.select().from(events).where(and(eq(events.caseId, caseId), eq(events.type, type)));

  async function postForm(judge: Judge, caseId: string, url: string, form: Record<string, string>) {
    const page = await t.app.inject({ method: 'GET', url: `/judge/cases/${caseId}`, headers: { cookie: judge.cookie } });
    expect(page.statusCode).toBe(200);
    const { token, cookie } = formSession(page, judge.cookie);
    return t.app.inject({ method: 'POST', url, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: token, ...form }).toString() });
  }

  describe('opening and closing', () => {
    it('opens a hearing on its day from fifteen minutes before, once, only by the case’s judge', async () => {
      const { caseId, judge, hearingId, startsAt } = await caseWithHearing();
      const other = await caseWithHearing();
      await expect(openHearing(t.database.db, judge.principal, hearingId, minutes(-24 * 60, startsAt))).rejects.toMatchObject({ code: 'hearing_not_today' });
      await expect(openHearing(t.database.db, judge.principal, hearingId, minutes(-16, startsAt))).rejects.toMatchObject({ code: 'hearing_too_early' });
      if (other.judge.principal.userId !== judge.principal.userId) {
        await expect(openHearing(t.database.db, other.judge.principal, hearingId, minutes(-10, startsAt))).rejects.toMatchObject({ code: 'not_found' });
      }
      await openHearing(t.database.db, judge.principal, hearingId, minutes(-10, startsAt));
      expect(await hearingRow(hearingId)).toMatchObject({ status: 'opened', openedAt: minutes(-10, startsAt) });
      await expect(openHearing(t.database.db, judge.principal, hearingId, startsAt)).rejects.toMatchObject({ code: 'hearing_not_scheduled' });
      expect(await eventsOf(caseId, 'hearing_opened')).toHaveLength(1);
      expect((await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, caseId), eq(auditLog.action, 'hearing.opened'))))).toHaveLength(1);
    });

    it('adjourns an open hearing with its reason and the next hearing, and tells the parties', async () => {
      const { caseId, judge, hearingId, startsAt } = await caseWithHearing();
      await openHearing(t.database.db, judge.principal, hearingId, startsAt);
      const during = minutes(20, startsAt);
      await expect(closeHearing(t.database.db, judge.principal, hearingId, { outcome: 'adjourned', reason: ' ' }, during)).rejects.toMatchObject({ code: 'hearing_reason_required' });
      const next = { startsAt: workingDayAt(40, '11:00'), durationMinutes: 30, room: `H-${room}` };
      const { nextHearingId } = await closeHearing(t.database.db, judge.principal, hearingId, { outcome: 'adjourned', reason: 'Истребование доказательств у ответчика', next }, during);
      expect(await hearingRow(hearingId)).toMatchObject({ status: 'adjourned', reason: 'Истребование доказательств у ответчика', closedAt: during, postponedToId: nextHearingId });
      expect(await hearingRow(nextHearingId!)).toMatchObject({ status: 'scheduled', startsAt: next.startsAt });
      expect((await eventsOf(caseId, 'hearing_closed'))[0]!.data).toMatchObject({ hearingId, outcome: 'adjourned', nextHearingId });
      const notices = await t.database.db.select().from(notifications).where(and(eq(notifications.userId, party.id), eq(notifications.event, 'hearing_changed'), eq(notifications.channel, 'in_app')));
      expect(notices.some((n) => n.body.includes('Истребование доказательств') && (n.subject ?? '').includes('adjourned'))).toBe(true);
      // Closed once: it cannot be closed again, nor can an adjourned hearing carry a decision.
      await expect(closeHearing(t.database.db, judge.principal, hearingId, { outcome: 'held' }, during)).rejects.toMatchObject({ code: 'hearing_not_open' });
    });

    it('closes a hearing that never started as not held, but not before its time', async () => {
      const { caseId, judge, hearingId, startsAt } = await caseWithHearing();
      await expect(closeHearing(t.database.db, judge.principal, hearingId, { outcome: 'not_held', reason: 'Болезнь судьи' }, minutes(-60, startsAt))).rejects.toMatchObject({ code: 'hearing_not_open' });
      await expect(closeHearing(t.database.db, judge.principal, hearingId, { outcome: 'held' }, startsAt)).rejects.toMatchObject({ code: 'hearing_not_open' });
      await closeHearing(t.database.db, judge.principal, hearingId, { outcome: 'not_held', reason: 'Болезнь судьи' }, startsAt);
      expect(await hearingRow(hearingId)).toMatchObject({ status: 'not_held', openedAt: null });
      expect(await eventsOf(caseId, 'hearing_closed')).toHaveLength(1);
    });
  });

  describe('the record', () => {
    it('attaches a PDF record to a held hearing once; the party sees it in the case file and on the timeline', async () => {
      const { caseId, judge, hearingId, startsAt } = await caseWithHearing();
      const pdf = () => ({ stream: Readable.from([SAMPLE_FILES.pdf()]), fileName: 'protocol.pdf' });
      await openHearing(t.database.db, judge.principal, hearingId, startsAt);
      await expect(attachHearingRecord(t.database.db, t.app.blobs, judge.principal, hearingId, pdf(), startsAt)).rejects.toMatchObject({ code: 'hearing_not_closed' });
      await closeHearing(t.database.db, judge.principal, hearingId, { outcome: 'held' }, minutes(40, startsAt));
      await expect(attachHearingRecord(t.database.db, t.app.blobs, judge.principal, hearingId, { stream: Readable.from([SAMPLE_FILES.png()]), fileName: 'protocol.png' }, minutes(60, startsAt))).rejects.toMatchObject({ code: 'act_file_not_pdf' });
      const documentId = await attachHearingRecord(t.database.db, t.app.blobs, judge.principal, hearingId, pdf(), minutes(60, startsAt));
      await expect(attachHearingRecord(t.database.db, t.app.blobs, judge.principal, hearingId, pdf(), minutes(61, startsAt))).rejects.toMatchObject({ code: 'hearing_record_exists' });
      const [doc] = await t.database.db.select().from(documents).where(eq(documents.id, documentId));
      expect(doc).toMatchObject({ kind: 'hearing_record', visibility: 'parties', createdBy: judge.principal.userId, mediaType: 'application/pdf' });
      expect(doc!.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect((await hearingRow(hearingId)).recordDocumentId).toBe(documentId);

      const page = await t.app.inject({ method: 'GET', url: `/cabinet/cases/${caseId}`, headers: { cookie: party.cookie } });
      expect(page.body).toContain(`/cabinet/cases/${caseId}/documents/${documentId}`);
      expect(page.body).toContain('Hearing record attached');
      expect(page.body).toContain('Hearing held');
      const file = await t.app.inject({ method: 'GET', url: `/cabinet/cases/${caseId}/documents/${documentId}/file`, headers: { cookie: party.cookie } });
      expect(file.statusCode).toBe(200);
    });

    it('takes the record through the judge’s page as an upload', async () => {
      const { caseId, judge, hearingId } = await caseWithHearing();
      await openHearingNow(t.database.db, judge.principal, caseId, now());
      await closeHearing(t.database.db, judge.principal, hearingId, { outcome: 'held' }, now());
      const page = await t.app.inject({ method: 'GET', url: `/judge/cases/${caseId}`, headers: { cookie: judge.cookie } });
      expect(page.body).toContain(`/judge/hearings/${hearingId}/record`);
      const { token, cookie } = formSession(page, judge.cookie);
      const { payload, headers } = multipart([{ name: 'protocol.pdf', content: SAMPLE_FILES.pdf() }], { _csrf: token });
      const res = await t.app.inject({ method: 'POST', url: `/judge/hearings/${hearingId}/record`, headers: { cookie, ...headers }, payload });
      expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
      expect((await hearingRow(hearingId)).recordDocumentId).not.toBeNull();
    });
  });

  describe('acts at a held hearing', () => {
    async function draftForm(judge: Judge, caseId: string, kind: string) {
      return postForm(judge, caseId, `/judge/cases/${caseId}/acts`, { kind, title: 'Решение по делу', text: 'Суд, рассмотрев материалы дела, РЕШИЛ: иск удовлетворить полностью.' });
    }
    async function issue(judge: Judge, caseId: string) {
      return (await signAndIssueDraft(t, judge, caseId)).res;
    }

    it('refuses a decision before the hearing is opened, with the reason on the page', async () => {
      const { caseId, judge } = await caseWithHearing();
      const page = await t.app.inject({ method: 'GET', url: `/judge/cases/${caseId}`, headers: { cookie: judge.cookie } });
      expect(page.body).toContain('A decision is announced at the hearing');
      for (const kind of ['decision:operative', 'decision:final']) {
        const res = await draftForm(judge, caseId, kind);
        expect(res.statusCode).toBe(409);
        expect(res.body).toContain('A decision or resolution is made at a hearing');
      }
    });

    it('refuses to sign a decision drafted at a hearing that was then adjourned (checked again under the lock)', async () => {
      const { caseId, judge, hearingId } = await caseWithHearing();
      await openHearingNow(t.database.db, judge.principal, caseId, now());
      expect((await draftForm(judge, caseId, 'decision:operative')).statusCode).toBe(303);
      await closeHearing(t.database.db, judge.principal, hearingId, { outcome: 'adjourned', reason: 'Вызов свидетеля' }, now());
      const refused = await issue(judge, caseId);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.code).toBe('act_needs_held_hearing');
      expect((await t.database.db.select({ status: cases.status }).from(cases).where(eq(cases.id, caseId)))[0]!.status).toBe('hearing_scheduled');
    });

    it('announces the operative part at the open hearing, closes it as held, and makes the final form afterwards', async () => {
      const { caseId, judge, hearingId } = await caseWithHearing();
      await openHearingNow(t.database.db, judge.principal, caseId, now());
      expect((await draftForm(judge, caseId, 'decision:operative')).statusCode).toBe(303);
      expect((await issue(judge, caseId)).statusCode).toBe(201);
      const closed = await postForm(judge, caseId, `/judge/hearings/${hearingId}/close`, { outcome: 'held' });
      expect(closed.statusCode, closed.body.slice(0, 300)).toBe(303);
      expect(await hearingRow(hearingId)).toMatchObject({ status: 'held' });
      // The final form is written in chambers after the operative part: no hearing is needed for it.
      expect((await draftForm(judge, caseId, 'decision:final')).statusCode).toBe(303);
      expect((await issue(judge, caseId)).statusCode).toBe(201);
      expect((await t.database.db.select({ status: cases.status }).from(cases).where(eq(cases.id, caseId)))[0]!.status).toBe('appeal_window');
    });

    it('shows the reason field of the chosen outcome when closing without one', async () => {
      const { caseId, judge, hearingId } = await caseWithHearing();
      await openHearingNow(t.database.db, judge.principal, caseId, now());
      const res = await postForm(judge, caseId, `/judge/hearings/${hearingId}/close`, { outcome: 'not_held', not_held_reason: '' });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain(`href="#close-${hearingId}-not_held-reason"`);
      const none = await postForm(judge, caseId, `/judge/hearings/${hearingId}/close`, {});
      expect(none.statusCode).toBe(400);
      expect(none.body).toContain('Choose how the hearing ended');
    });
  });
});
