import { Readable } from 'node:stream';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createBuiltInVerifier } from '../../src/adapters/eds/index.ts';
import { keepBlob } from '../../src/db/blobs.ts';
import { accessLog, auditLog, cases, courts, documents, events, familiarisationRequests, notifications, parties } from '../../src/db/schema/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { describeDb } from '../support/db.ts';
import { SAMPLE_FILES, signedManifest } from '../support/filing.ts';
import { formSession } from '../support/forms.ts';
import { issueSigner, makeRootCa } from '../support/pki.ts';
import { signedInUser, type TestUser } from '../support/sessions.ts';

/**
 * The court's e-case file (every document in order with its signature checked, the duty, the
 * parties' contacts, terms and timeline; PDFs framed by our own pages only) and a party's request
 * to read the materials kept for the court, answered by the judge of the case.
 */
describeDb('the e-case file and reading the case materials', () => {
  let t: TestApp;
  let caseId: string;
  let number: string;
  let judge: TestUser;
  let otherJudge: TestUser;
  let clerk: TestUser;
  let courtAdmin: TestUser;
  let otherClerk: TestUser;
  let claimant: TestUser;
  let defendant: TestUser;
  let petitionDoc: string;
  let coveredDoc: string;
  let pdfDoc: string;
  let keptRecord: string;
  let keptPdf: string;
  let draftAct: string;
  const now = () => new Date();

  async function stored(content: Buffer, mediaType: string): Promise<{ sha256: string; sizeBytes: number }> {
    const staged = await t.app.blobs.stage(Readable.from([content]), content.byteLength);
    await keepBlob(t.database.db, t.app.blobs, staged, mediaType, new Date());
    return { sha256: staged.sha256, sizeBytes: staged.sizeBytes };
  }

  beforeAll(async () => {
    const root = await makeRootCa({ name: 'Test NCA Root' });
    t = await createTestApp({ seed: true, clock: now, signatureVerifier: createBuiltInVerifier({ trustedRoots: [root.certificateDer] }) });
    const db = t.database.db;
    const [medeu] = await db.select({ id: courts.id }).from(courts).where(eq(courts.code, '7517'));
    const [other] = await db.select({ id: courts.id }).from(courts).where(eq(courts.code, '9594'));
    const at = { now: now() };
    judge = await signedInUser(db, { lang: 'ru', ...at, roles: [{ role: 'judge', courtId: medeu!.id }] });
    otherJudge = await signedInUser(db, { lang: 'en', ...at, roles: [{ role: 'judge', courtId: medeu!.id }] });
    clerk = await signedInUser(db, { lang: 'en', ...at, roles: [{ role: 'clerk', courtId: medeu!.id }] });
    courtAdmin = await signedInUser(db, { lang: 'en', ...at, roles: [{ role: 'court_admin', courtId: medeu!.id }] });
    otherClerk = await signedInUser(db, { lang: 'en', ...at, roles: [{ role: 'clerk', courtId: other!.id }] });
    claimant = await signedInUser(db, { lang: 'en', ...at });
    defendant = await signedInUser(db, { lang: 'en', ...at });
    number = `7517-26-00-2/${90000 + Math.floor(Math.random() * 9000)}`;
    const [created] = await db
      .insert(cases)
      .values({ courtId: medeu!.id, kind: 'civil', category: 'property', status: 'preparation', number, judgeId: judge.id, registeredAt: new Date() })
      .returning({ id: cases.id });
    caseId = created!.id;
    const [claimantParty] = await db
      .insert(parties)
      .values({ caseId, role: 'claimant', userId: claimant.id, iin: claimant.iin, displayName: 'Истцова Айгерім', address: 'Алматы, ул. Абая, 1', phone: '+7 701 000 00 01', email: 'istec@example.kz' })
      .returning({ id: parties.id });
    await db.insert(parties).values({ caseId, role: 'defendant', userId: defendant.id, iin: defendant.iin, displayName: 'Ответчиков Ерлан', address: 'Алматы, ул. Сатпаева, 2' });
    await db.insert(parties).values({ caseId, role: 'representative', displayName: 'Адвокатов Нурлан', representsPartyId: claimantParty!.id, phone: '+7 702 000 00 02' });

    // The claimant's petition, signed through the portal.
    const signer = await issueSigner(root, { person: { fullName: 'ИСТЦОВА АЙГЕРІМ', iin: claimant.iin } });
    const draft = await t.app.inject({ method: 'POST', url: '/api/v1/filings', headers: { cookie: claimant.cookie }, payload: { type: 'petition', caseNumber: number, text: 'Прошу приобщить доказательства.' } });
    expect(draft.statusCode, draft.body).toBe(201);
    const filingId = draft.json().id as string;
    const submitted = await t.app.inject({ method: 'POST', url: `/api/v1/filings/${filingId}/submit`, headers: { cookie: claimant.cookie }, payload: { cms: await signedManifest(t.app, claimant.cookie, filingId, signer) } });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const [manifest] = await db.select().from(documents).where(and(eq(documents.caseId, caseId), eq(documents.kind, 'petition')));
    petitionDoc = manifest!.id;

    const insert = async (values: Partial<typeof documents.$inferInsert>) =>
      (await db.insert(documents).values({ caseId, kind: 'attachment', title: 'Doc', visibility: 'parties', ...values }).returning({ id: documents.id }))[0]!.id;
    const text = await stored(Buffer.from('Протокол судебного заседания.\nСтороны явились.', 'utf8'), 'text/plain; charset=utf-8');
    const pdf = await stored(SAMPLE_FILES.pdf(), 'application/pdf');
    // Written with the petition, as the submission writes its attachments.
    coveredDoc = await insert({ title: 'Справка о доходах', fileName: 'справка.pdf', mediaType: 'application/pdf', ...pdf, createdBy: claimant.id, createdAt: manifest!.createdAt });
    const later = (s: number) => new Date(manifest!.createdAt.getTime() + s * 1000);
    pdfDoc = await insert({ title: 'Отзыв на иск', kind: 'response', fileName: 'отзыв.pdf', mediaType: 'application/pdf', ...pdf, createdBy: defendant.id, createdAt: later(10) });
    keptRecord = await insert({ title: 'Протокол заседания', kind: 'hearing_record', visibility: 'court', fileName: 'протокол.txt', mediaType: 'text/plain; charset=utf-8', ...text, createdAt: later(20) });
    keptPdf = await insert({ title: 'Ответ на запрос суда', visibility: 'court', fileName: 'ответ.pdf', mediaType: 'application/pdf', ...pdf, createdAt: later(30) });
    draftAct = await insert({ title: 'Проект решения', kind: 'decision', visibility: 'court', createdBy: judge.id, createdAt: later(40) });
  });
  afterAll(() => t?.close());

  const get = (url: string, user: TestUser) => t.app.inject({ method: 'GET', url, headers: { cookie: user.cookie } });
  const fileUrl = `/court/cases/CASE/file`;
  const court = (path = '') => `${fileUrl.replace('CASE', caseId)}${path}`;
  async function post(user: TestUser, pageUrl: string, url: string, payload: Record<string, string | string[]>) {
    const { token, cookie } = formSession(await get(pageUrl, user), user.cookie);
    const body = new URLSearchParams();
    body.append('_csrf', token);
    for (const [key, value] of Object.entries(payload)) for (const v of [value].flat()) body.append(key, v);
    return t.app.inject({ method: 'POST', url, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: body.toString() });
  }

  it('gives the judge every document in order with its signature, the duty, the parties with their contacts, the terms and the timeline', async () => {
    const page = await get(court(), judge);
    expect(page.statusCode, page.body).toBe(200);
    const body = page.body;
    expect(body).toContain('Электронное дело');
    // In the order they came in; the judge's draft stays on the judge's own page.
    const order = [petitionDoc, coveredDoc, pdfDoc, keptRecord, keptPdf].map((id) => body.indexOf(`data-document="${id}"`));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(body).not.toContain(draftAct);
    const row = (id: string) => body.slice(body.indexOf(`data-document="${id}"`), body.indexOf('</tr>', body.indexOf(`data-document="${id}"`)));
    expect(row(petitionDoc)).toContain('data-signature="valid"');
    expect(row(petitionDoc)).toContain('Истцова Айгерім');
    expect(row(coveredDoc)).toContain('data-signature="valid"');
    expect(row(pdfDoc)).toContain('data-signature="none"');
    expect(row(keptRecord)).toContain('хранится для суда');
    expect(row(pdfDoc)).toContain(`/court/cases/${caseId}/file/documents/${pdfDoc}/file?download=1`);
    expect(body).toContain('data-duty-status="not_required"');
    for (const contact of ['Алматы, ул. Абая, 1', '+7 701 000 00 01', 'istec@example.kz', 'Алматы, ул. Сатпаева, 2', 'Адвокатов Нурлан', '+7 702 000 00 02', 'Полномочия ещё не приняты']) expect(body).toContain(contact);
    expect(body).toContain('href="#timeline"');
    expect(body).toContain('Процессуальные сроки');
  });

  it('lets the court read the file and nobody else: judge of the case, other judge and clerk of the court; 404 for the court administrator, another court and the parties', async () => {
    for (const user of [judge, otherJudge, clerk]) expect((await get(court(), user)).statusCode).toBe(200);
    for (const user of [courtAdmin, otherClerk, claimant, defendant]) {
      for (const url of [court(), court(`/documents/${pdfDoc}`), court(`/documents/${pdfDoc}/file`)]) expect((await get(url, user)).statusCode, url).toBe(404);
    }
    expect((await get(court(`/documents/${draftAct}`), judge)).statusCode).toBe(404);
    expect((await get(court('/documents/not-a-uuid'), judge)).statusCode).toBe(404);
  });

  it('serves a PDF inline, framed by our own pages only, and logs every opening', async () => {
    const viewer = await get(court(`/documents/${pdfDoc}`), judge);
    expect(viewer.statusCode).toBe(200);
    expect(viewer.body).toContain(`<iframe class="sot-act-pdf" src="/court/cases/${caseId}/file/documents/${pdfDoc}/file"`);
    const inline = await get(court(`/documents/${pdfDoc}/file`), judge);
    expect(inline.statusCode).toBe(200);
    expect(inline.headers['content-type']).toBe('application/pdf');
    expect(String(inline.headers['content-disposition'])).toMatch(/^inline;/);
    expect(String(inline.headers['content-security-policy'])).toContain("frame-ancestors 'self'");
    expect(inline.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(inline.rawPayload.equals(SAMPLE_FILES.pdf())).toBe(true);
    const download = await get(court(`/documents/${pdfDoc}/file?download=1`), clerk);
    expect(String(download.headers['content-disposition'])).toMatch(/^attachment;/);
    expect(String(download.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    // Text is read in the viewer itself, and that is logged too.
    const record = await get(court(`/documents/${keptRecord}`), judge);
    expect(record.body).toContain('Стороны явились.');
    const log = await t.database.db.select().from(accessLog).where(eq(accessLog.caseId, caseId));
    expect(log.map((r) => `${r.documentId}:${r.capacity}:${r.action}`).sort()).toEqual([`${keptRecord}:judge_of_case:view`, `${pdfDoc}:clerk:download`, `${pdfDoc}:judge_of_case:view`].sort());
  });

  it('opens to a party exactly the materials the judge granted, to no other party, and refuses with a reason', async () => {
    const db = t.database.db;
    const cabinet = `/cabinet/cases/${caseId}`;
    // Before asking, the materials kept for the court are not the parties'.
    expect((await get(`${cabinet}/documents/${keptRecord}`, claimant)).statusCode).toBe(404);
    const asked = await post(claimant, cabinet, `${cabinet}/familiarisation`, { note: 'Прошу ознакомить с протоколом.' });
    expect(asked.statusCode, asked.body).toBe(303);
    expect((await post(claimant, cabinet, `${cabinet}/familiarisation`, {})).statusCode).toBe(409);
    const [request] = await db.select().from(familiarisationRequests).where(eq(familiarisationRequests.caseId, caseId));
    expect(request!.status).toBe('pending');

    const filePage = await get(court(), judge);
    expect(filePage.body).toContain(`data-request="${request!.id}"`);
    expect(filePage.body).toContain('Прошу ознакомить с протоколом.');
    const answerUrl = court(`/requests/${request!.id}`);
    // Another judge of the court reads the file but does not answer for the judge of the case.
    expect((await post(otherJudge, court(), answerUrl, { answer: 'all' })).statusCode).toBe(404);
    // Bad answers: none chosen, a document that is not kept for the court, a draft, a refusal without reason.
    expect((await post(judge, court(), answerUrl, {})).statusCode).toBe(400);
    expect((await post(judge, court(), answerUrl, { answer: 'listed' })).statusCode).toBe(400);
    expect((await post(judge, court(), answerUrl, { answer: 'listed', documentIds: [pdfDoc] })).statusCode).toBe(400);
    expect((await post(judge, court(), answerUrl, { answer: 'listed', documentIds: [draftAct] })).statusCode).toBe(400);
    expect((await post(judge, court(), answerUrl, { answer: 'listed', documentIds: ['not-a-uuid'] })).statusCode).toBe(400);
    const noReason = await post(judge, court(), answerUrl, { answer: 'refuse', reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Укажите основание отказа.');
    expect((await db.select().from(familiarisationRequests).where(eq(familiarisationRequests.id, request!.id)))[0]!.status).toBe('pending');

    const granted = await post(judge, court(), answerUrl, { answer: 'listed', documentIds: [keptRecord] });
    expect(granted.statusCode, granted.body).toBe(303);
    expect(granted.headers.location).toContain('done=granted');
    expect((await post(judge, court(), answerUrl, { answer: 'all' })).statusCode).toBe(409);

    // The claimant reads exactly what was granted.
    const page = await get(cabinet, claimant);
    expect(page.body).toContain(`/documents/${keptRecord}`);
    expect(page.body).not.toContain(`/documents/${keptPdf}`);
    expect((await get(`${cabinet}/documents/${keptRecord}`, claimant)).statusCode).toBe(200);
    expect((await get(`${cabinet}/documents/${keptPdf}`, claimant)).statusCode).toBe(404);
    expect((await get(`${cabinet}/documents/${draftAct}`, claimant)).statusCode).toBe(404);
    const claimantReads = await db.select().from(accessLog).where(and(eq(accessLog.caseId, caseId), eq(accessLog.userId, claimant.id)));
    expect(claimantReads.map((r) => r.documentId)).toEqual([keptRecord]);
    // The other party sees nothing of the claimant's grant.
    expect((await get(cabinet, defendant)).body).not.toContain(`/documents/${keptRecord}`);
    expect((await get(`${cabinet}/documents/${keptRecord}`, defendant)).statusCode).toBe(404);

    // The defendant asks too and is refused: still nothing.
    expect((await post(defendant, cabinet, `${cabinet}/familiarisation`, {})).statusCode).toBe(303);
    const [second] = await db.select().from(familiarisationRequests).where(and(eq(familiarisationRequests.caseId, caseId), eq(familiarisationRequests.status, 'pending')));
    const refused = await post(judge, court(), court(`/requests/${second!.id}`), { answer: 'refuse', reason: 'Материалы не относятся к вашим требованиям.' });
    expect(refused.statusCode, refused.body).toBe(303);
    expect((await get(`${cabinet}/documents/${keptRecord}`, defendant)).statusCode).toBe(404);
    expect((await get(`${cabinet}/documents/${keptPdf}`, defendant)).statusCode).toBe(404);
    expect((await get(cabinet, defendant)).body).toContain('Материалы не относятся к вашим требованиям.');

    // Audited, on the timeline, and the party is told.
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.entityId, caseId), inArray(auditLog.action, ['case.familiarisation_requested', 'case.familiarisation_granted', 'case.familiarisation_refused'])));
    expect(audit.map((a) => a.action).sort()).toEqual(['case.familiarisation_granted', 'case.familiarisation_refused', 'case.familiarisation_requested', 'case.familiarisation_requested']);
    const timeline = await db.select().from(events).where(and(eq(events.caseId, caseId), inArray(events.type, ['familiarisation_granted', 'familiarisation_refused'])));
    expect(timeline).toHaveLength(2);
    const told = await db.select().from(notifications).where(and(eq(notifications.caseId, caseId), eq(notifications.channel, 'in_app')));
    expect(told.filter((n) => n.dedupeKey.startsWith('familiarisation_answered')).map((n) => n.userId).sort()).toEqual([claimant.id, defendant.id].sort());
  });

  it('ends a grant when the case leaves the court, and takes no request then', async () => {
    const cabinet = `/cabinet/cases/${caseId}`;
    expect((await get(`${cabinet}/documents/${keptRecord}`, claimant)).statusCode).toBe(200);
    await t.database.db.update(cases).set({ status: 'in_force' }).where(eq(cases.id, caseId));
    expect((await get(`${cabinet}/documents/${keptRecord}`, claimant)).statusCode).toBe(404);
    const token = formSession(await get('/cabinet', claimant), claimant.cookie);
    const late = await t.app.inject({ method: 'POST', url: `${cabinet}/familiarisation`, headers: { cookie: token.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${encodeURIComponent(token.token)}` });
    expect(late.statusCode).toBe(409);
    const long = await t.app.inject({ method: 'POST', url: `${cabinet}/familiarisation`, headers: { cookie: token.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${encodeURIComponent(token.token)}&note=${'я'.repeat(2001)}` });
    expect(long.statusCode).toBe(400);
  });
});
