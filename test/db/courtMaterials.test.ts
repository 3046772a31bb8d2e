import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditLog, cases, courts, documents, events, familiarisationRequests, notifications, parties } from '../../src/db/schema/index.ts';
import { MAX_UPLOAD_BYTES } from '../../src/domain/uploads.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { describeDb } from '../support/db.ts';
import { multipart, SAMPLE_FILES } from '../support/filing.ts';
import { formSession } from '../support/forms.ts';
import { signedInUser, type TestUser } from '../support/sessions.ts';

/**
 * Materials the court adds to its e-case file: the office of the case's court and the judge of the
 * case upload them, kept for the court (a party reads one only through a granted request) or
 * shared with the parties at once; the judge may share a kept one later.
 */
describeDb('materials the court adds to the e-case file', () => {
  let t: TestApp;
  let caseId: string;
  let claimantParty: string;
  let judge: TestUser;
  let otherJudge: TestUser;
  let clerk: TestUser;
  let courtAdmin: TestUser;
  let otherClerk: TestUser;
  let claimant: TestUser;
  let defendant: TestUser;
  const now = () => new Date('2026-12-06T06:00:00Z');
  const fileUrl = () => `/court/cases/${caseId}/file`;
  const cabinet = () => `/cabinet/cases/${caseId}`;

  beforeAll(async () => {
    t = await createTestApp({ seed: true, clock: now });
    const db = t.database.db;
    const [medeu] = await db.select({ id: courts.id }).from(courts).where(eq(courts.code, '7517'));
    const [other] = await db.select({ id: courts.id }).from(courts).where(eq(courts.code, '9594'));
    const at = { now: now() };
    judge = await signedInUser(db, { lang: 'ru', ...at, roles: [{ role: 'judge', courtId: medeu!.id }] });
    otherJudge = await signedInUser(db, { lang: 'en', ...at, roles: [{ role: 'judge', courtId: medeu!.id }] });
    clerk = await signedInUser(db, { lang: 'kk', ...at, roles: [{ role: 'clerk', courtId: medeu!.id }] });
    courtAdmin = await signedInUser(db, { lang: 'en', ...at, roles: [{ role: 'court_admin', courtId: medeu!.id }] });
    otherClerk = await signedInUser(db, { lang: 'en', ...at, roles: [{ role: 'clerk', courtId: other!.id }] });
    claimant = await signedInUser(db, { lang: 'ru', ...at });
    defendant = await signedInUser(db, { lang: 'kk', ...at });
    const number = `7517-26-00-2/${80000 + Math.floor(Math.random() * 9000)}`;
    const [created] = await db.insert(cases).values({ courtId: medeu!.id, kind: 'civil', category: 'property', status: 'preparation', number, judgeId: judge.id, registeredAt: now() }).returning({ id: cases.id });
    caseId = created!.id;
    const [party] = await db.insert(parties).values({ caseId, role: 'claimant', userId: claimant.id, iin: claimant.iin, displayName: 'Истцова Айгерім' }).returning({ id: parties.id });
    claimantParty = party!.id;
    await db.insert(parties).values({ caseId, role: 'defendant', userId: defendant.id, iin: defendant.iin, displayName: 'Ответчиков Ерлан' });
  });
  afterAll(() => t?.close());

  const get = (url: string, user: TestUser) => t.app.inject({ method: 'GET', url, headers: { cookie: user.cookie } });
  const fields = (more: Record<string, string> = {}) => ({ title: 'Ответ департамента юстиции на запрос суда', kind: 'inquiry_answer', receivedDay: '4', receivedMonth: '12', receivedYear: '2026', ...more });

  /** Posts the form as the browser does: the token first, the fields, the file last. */
  async function upload(user: TestUser, form: Record<string, string>, file: { name: string; content: Buffer } | null = { name: 'ответ.pdf', content: SAMPLE_FILES.pdf() }) {
    const page = await get('/cabinet', user);
    const { token, cookie } = formSession(page, user.cookie);
    const { payload, headers } = multipart(file ? [file] : [], { _csrf: token, ...form });
    return t.app.inject({ method: 'POST', url: `${fileUrl()}/materials`, headers: { ...headers, cookie }, payload });
  }
  async function share(user: TestUser, documentId: string) {
    const { token, cookie } = formSession(await get('/cabinet', user), user.cookie);
    return t.app.inject({ method: 'POST', url: `${fileUrl()}/materials/${documentId}/share`, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${encodeURIComponent(token)}` });
  }
  const materials = () => t.database.db.select().from(documents).where(eq(documents.caseId, caseId));

  it('shows the form to the office of the court and the judge of the case, and to no other reader of the file', async () => {
    for (const user of [judge, clerk]) expect((await get(fileUrl(), user)).body).toContain(`action="${fileUrl()}/materials"`);
    const otherJudgePage = await get(fileUrl(), otherJudge);
    expect(otherJudgePage.statusCode).toBe(200);
    expect(otherJudgePage.body).not.toContain(`action="${fileUrl()}/materials"`);
  });

  it('adds a material kept for the court from the clerk: audited, on the timeline, nobody notified, not in the parties’ file', async () => {
    const res = await upload(clerk, fields());
    expect(res.statusCode, res.body).toBe(303);
    expect(res.headers.location).toContain('done=added');
    const [kept] = (await materials()).filter((d) => d.kind === 'inquiry_answer');
    expect(kept).toMatchObject({ title: 'Ответ департамента юстиции на запрос суда', visibility: 'court', receivedOn: '2026-12-04', mediaType: 'application/pdf', fileName: 'ответ.pdf', createdBy: clerk.id });
    const page = await get(fileUrl(), judge);
    expect(page.body).toContain(`data-document="${kept!.id}"`);
    expect(page.body).toContain('поступил 4 декабря 2026');
    const [audit] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, kept!.id), eq(auditLog.action, 'case.material_added')));
    expect(audit!.actorId).toBe(clerk.id);
    expect(await t.database.db.select().from(events).where(and(eq(events.caseId, caseId), eq(events.type, 'material_added')))).toHaveLength(1);
    expect(await t.database.db.select().from(notifications).where(eq(notifications.caseId, caseId))).toHaveLength(0);
    expect((await get(cabinet(), claimant)).body).not.toContain(kept!.id);
    expect((await get(`${cabinet()}/documents/${kept!.id}`, claimant)).statusCode).toBe(404);
  });

  it('opens a kept material to a party through a granted request, exactly it', async () => {
    const db = t.database.db;
    const second = await upload(judge, fields({ title: 'Заключение эксперта № 17', kind: 'expert_opinion', receivedDay: '05.12.2026', receivedMonth: '', receivedYear: '' }), { name: 'заключение.png', content: SAMPLE_FILES.png() });
    expect(second.statusCode, second.body).toBe(303);
    const all = await materials();
    const answer = all.find((d) => d.kind === 'inquiry_answer')!;
    const opinion = all.find((d) => d.kind === 'expert_opinion')!;
    expect(opinion).toMatchObject({ visibility: 'court', mediaType: 'image/png', createdBy: judge.id });
    const [request] = await db.insert(familiarisationRequests).values({ caseId, partyId: claimantParty, requestedBy: claimant.id, requestedAt: now() }).returning({ id: familiarisationRequests.id });
    const { token, cookie } = formSession(await get(fileUrl(), judge), judge.cookie);
    const granted = await t.app.inject({
      method: 'POST',
      url: `${fileUrl()}/requests/${request!.id}`,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: token, answer: 'listed', documentIds: answer.id }).toString(),
    });
    expect(granted.statusCode, granted.body).toBe(303);
    const page = (await get(cabinet(), claimant)).body;
    expect(page).toContain(`/documents/${answer.id}`);
    expect(page).not.toContain(`/documents/${opinion.id}`);
    expect((await get(`${cabinet()}/documents/${answer.id}`, claimant)).statusCode).toBe(200);
    expect((await get(`${cabinet()}/documents/${opinion.id}`, claimant)).statusCode).toBe(404);
    expect((await get(`${cabinet()}/documents/${answer.id}`, defendant)).statusCode).toBe(404);
  });

  it('shares a material with the parties at once when the form says so, and tells them', async () => {
    const res = await upload(clerk, fields({ title: 'Письмо, поступившее по почте', kind: 'postal_evidence', audience: 'parties' }));
    expect(res.statusCode, res.body).toBe(303);
    const posted = (await materials()).find((d) => d.kind === 'postal_evidence')!;
    expect(posted.visibility).toBe('parties');
    for (const party of [claimant, defendant]) {
      expect((await get(cabinet(), party)).body).toContain(`/documents/${posted.id}`);
      expect((await get(`${cabinet()}/documents/${posted.id}`, party)).statusCode).toBe(200);
    }
    const told = await t.database.db.select().from(notifications).where(and(eq(notifications.caseId, caseId), eq(notifications.channel, 'in_app')));
    expect(told.filter((n) => n.dedupeKey.startsWith('material_shared')).map((n) => n.userId).sort()).toEqual([claimant.id, defendant.id].sort());
    expect(told.find((n) => n.userId === defendant.id)!.subject).toContain('іске материал қосылды');
  });

  it('lets the judge of the case share a kept material once; nobody else may', async () => {
    const opinion = (await materials()).find((d) => d.kind === 'expert_opinion')!;
    expect((await get(fileUrl(), judge)).body).toContain(`${fileUrl()}/materials/${opinion.id}/share`);
    expect((await get(fileUrl(), clerk)).body).not.toContain(`/materials/${opinion.id}/share`);
    for (const user of [clerk, otherJudge, courtAdmin, otherClerk, claimant]) expect((await share(user, opinion.id)).statusCode).toBe(404);
    const shared = await share(judge, opinion.id);
    expect(shared.statusCode, shared.body).toBe(303);
    expect(shared.headers.location).toContain('done=shared');
    expect((await get(`${cabinet()}/documents/${opinion.id}`, defendant)).statusCode).toBe(200);
    const again = await share(judge, opinion.id);
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('Этот материал уже открыт сторонам.');
    const [audit] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, opinion.id), eq(auditLog.action, 'case.material_shared')));
    expect(audit!.actorId).toBe(judge.id);
    // Only materials are shared so: a party's own filing or anything else of the case is not.
    const [other] = await t.database.db.insert(documents).values({ caseId, kind: 'hearing_record', title: 'Протокол', visibility: 'court' }).returning({ id: documents.id });
    expect((await share(judge, other!.id)).statusCode).toBe(404);
  });

  it('refuses the court administrator, another court, another judge of the court and the parties with a 404, storing nothing', async () => {
    const before = (await materials()).length;
    for (const user of [courtAdmin, otherClerk, otherJudge, claimant, defendant]) expect((await upload(user, fields())).statusCode).toBe(404);
    expect((await materials()).length).toBe(before);
  });

  it('refuses a bad form, a file of another type and a file too large, in the reader’s language, keeping what was typed', async () => {
    const before = (await materials()).length;
    const missing = await upload(judge, { title: ' ', kind: 'claim', receivedDay: '31', receivedMonth: '11', receivedYear: '2026' });
    expect(missing.statusCode).toBe(400);
    for (const message of ['Укажите наименование материала.', 'Выберите вид материала.', 'Укажите дату поступления материала в суд']) expect(missing.body).toContain(message);
    const future = await upload(judge, fields({ receivedDay: '7' }));
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('Дата поступления не может быть в будущем.');
    expect(future.body).toContain('value="Ответ департамента юстиции на запрос суда"');
    const noFile = await upload(judge, fields(), null);
    expect(noFile.statusCode).toBe(400);
    const exe = await upload(clerk, fields(), { name: 'ответ.pdf', content: SAMPLE_FILES.exe() });
    expect(exe.statusCode).toBe(415);
    expect(exe.body).toContain('href="#material-file"');
    const big = await upload(judge, fields(), { name: 'big.pdf', content: Buffer.concat([SAMPLE_FILES.pdf(), Buffer.alloc(MAX_UPLOAD_BYTES)]) });
    expect(big.statusCode).toBe(413);
    expect(big.body).toContain('20 МБ');
    expect((await materials()).length).toBe(before);
  });

  it('takes no material once the case has left the court', async () => {
    await t.database.db.update(cases).set({ status: 'archived' }).where(eq(cases.id, caseId));
    expect((await get(fileUrl(), judge)).body).not.toContain(`action="${fileUrl()}/materials"`);
    const late = await upload(clerk, fields());
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain('Іс бұдан былай осы соттың іс жүргізуінде емес');
  });
});
