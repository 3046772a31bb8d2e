import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { keepBlob } from '../../src/db/blobs.ts';
import { accessLog, cases, courts, documents, parties } from '../../src/db/schema/index.ts';
import { issueNoticeLink } from '../../src/auth/noticeLinks.ts';
import { urls } from '../../src/urls.ts';
import { createTestApp, TEST_NOW, type TestApp } from '../support/app.ts';
import { describeDb } from '../support/db.ts';
import { SAMPLE_FILES } from '../support/filing.ts';
import { signedInUser, type TestUser } from '../support/sessions.ts';

/** A case's documents as its readers get them, and the access log that records every look. */
describeDb('case documents and their access log', () => {
  let t: TestApp;
  let caseId: string;
  let courtIds: Record<string, string>;
  let party: TestUser;
  let stranger: TestUser;
  let textDoc: string;
  let imageDoc: string;
  let courtOnly: string;
  const TEXT = 'Ходатайство об отложении судебного заседания.\nПрошу отложить заседание.';

  async function stored(content: Buffer, mediaType: string): Promise<{ sha256: string; sizeBytes: number }> {
    const staged = await t.app.blobs.stage(Readable.from([content]), content.byteLength);
    await keepBlob(t.database.db, t.app.blobs, staged, mediaType, new Date());
    return { sha256: staged.sha256, sizeBytes: staged.sizeBytes };
  }

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    const rows = await t.database.db.select({ id: courts.id, code: courts.code }).from(courts);
    courtIds = Object.fromEntries(rows.map((r) => [r.code, r.id]));
    party = await signedInUser(t.database.db, { lang: 'en' });
    stranger = await signedInUser(t.database.db, { lang: 'en' });
    const [created] = await t.database.db.insert(cases).values({ courtId: courtIds['7517']!, kind: 'civil', category: 'property', status: 'appeal_window', number: '7517-26-00-2/90001' }).returning({ id: cases.id });
    caseId = created!.id;
    await t.database.db.insert(parties).values({ caseId, role: 'claimant', userId: party.id, displayName: 'Истцова Айгерім' });
    const text = await stored(Buffer.from(TEXT, 'utf8'), 'text/plain; charset=utf-8');
    const image = await stored(SAMPLE_FILES.png(), 'image/png');
    const insert = async (values: Partial<typeof documents.$inferInsert>) => (await t.database.db.insert(documents).values({ caseId, kind: 'petition', title: 'Doc', visibility: 'parties', ...values }).returning({ id: documents.id }))[0]!.id;
    textDoc = await insert({ kind: 'petition', title: 'Ходатайство', mediaType: 'text/plain; charset=utf-8', fileName: 'ходатайство.txt', ...text });
    imageDoc = await insert({ kind: 'attachment', title: 'Квитанция', mediaType: 'image/png', fileName: 'квитанция.png', ...image });
    courtOnly = await insert({ kind: 'ruling', title: 'Проект определения', visibility: 'court', mediaType: 'text/plain; charset=utf-8', ...text });
  });
  afterAll(() => t?.close());

  const get = (url: string, user: TestUser) => t.app.inject({ method: 'GET', url, headers: { cookie: `${user.cookie}; lang=en` } });
  const logOf = () => t.database.db.select().from(accessLog).where(eq(accessLog.caseId, caseId));

  it('lists what the parties may see, shows text in the page, serves files inline or as downloads, and logs each', async () => {
    const page = await get(`/cabinet/cases/${caseId}`, party);
    expect(page.body).toContain(`/documents/${textDoc}`);
    expect(page.body).toContain(`/documents/${imageDoc}`);
    expect(page.body).not.toContain(courtOnly);

    const view = await get(`/cabinet/cases/${caseId}/documents/${textDoc}`, party);
    expect(view.statusCode).toBe(200);
    expect(view.body).toContain('Прошу отложить заседание.');
    const inline = await get(`/cabinet/cases/${caseId}/documents/${imageDoc}/file`, party);
    expect(inline.headers['content-type']).toBe('image/png');
    expect(String(inline.headers['content-disposition'])).toMatch(/^inline; .*filename\*=UTF-8''%D0%BA/);
    expect(inline.rawPayload.equals(SAMPLE_FILES.png())).toBe(true);
    const download = await get(`/cabinet/cases/${caseId}/documents/${textDoc}/file?download=1`, party);
    expect(String(download.headers['content-disposition'])).toMatch(/^attachment;/);
    expect(download.body).toBe(TEXT);
    const print = await get(`/cabinet/cases/${caseId}/documents/${textDoc}/print`, party);
    expect(print.statusCode).toBe(200);
    expect(print.body).toContain('sot-no-print');

    expect((await logOf()).map((r) => r.action).sort()).toEqual(['download', 'print', 'view', 'view']);
  });

  it('hides the case’s documents and their log from anyone who may not read the case, and court-only documents from the parties', async () => {
    for (const url of [`/cabinet/cases/${caseId}/documents/${textDoc}`, `/cabinet/cases/${caseId}/documents/${textDoc}/file`, `/cabinet/cases/${caseId}/documents/${textDoc}/print`, `/cabinet/cases/${caseId}/access-log`]) {
      expect((await get(url, stranger)).statusCode, url).toBe(404);
    }
    expect((await get(`/cabinet/cases/${caseId}/documents/${courtOnly}`, party)).statusCode).toBe(404);
    // A document of another case, named under this one, does not exist here.
    const [other] = await t.database.db.select({ id: documents.id }).from(documents).innerJoin(cases, eq(cases.id, documents.caseId)).where(eq(cases.status, 'hearing_scheduled')).limit(1);
    expect((await get(`/cabinet/cases/${caseId}/documents/${other!.id}`, party)).statusCode).toBe(404);
    expect((await get(`/cabinet/cases/${caseId}/documents/not-a-uuid`, party)).statusCode).toBe(404);
  });

  it('shows the party who looked: participants by name, court staff by position, and the higher court reviewing the case', async () => {
    const clerk = await signedInUser(t.database.db, { lang: 'en', roles: [{ role: 'clerk', courtId: courtIds['7517']! }] });
    await get(`/cabinet/cases/${caseId}/documents/${imageDoc}/file`, clerk);
    const regionalJudge = await signedInUser(t.database.db, { lang: 'en', roles: [{ role: 'judge', courtId: courtIds['7599']! }] });
    expect((await get(`/cabinet/cases/${caseId}/documents/${imageDoc}`, regionalJudge)).statusCode).toBe(404);
    await t.database.db.insert(cases).values({ courtId: courtIds['7599']!, kind: 'civil', category: 'property', instance: 2, status: 'submitted', parentCaseId: caseId });
    expect((await get(`/cabinet/cases/${caseId}/documents/${imageDoc}/file`, regionalJudge)).statusCode).toBe(200);
    const unrelatedJudge = await signedInUser(t.database.db, { lang: 'en', roles: [{ role: 'judge', courtId: courtIds['9594']! }] });
    expect((await get(`/cabinet/cases/${caseId}/documents/${imageDoc}`, unrelatedJudge)).statusCode).toBe(404);

    const log = await get(`/cabinet/cases/${caseId}/access-log`, party);
    expect(log.statusCode).toBe(200);
    expect(log.body).toContain('Истцова Айгерім (party)');
    expect(log.body).toContain('Court office, Medeu District Court of Almaty');
    expect(log.body).toContain('Higher court reviewing the case');
    expect(log.body).not.toContain(`Тестов Тест ${clerk.iin.slice(-4)}`);
    expect((await logOf()).filter((r) => r.capacity === 'clerk')).toHaveLength(1);
  });

  it('follows a notice’s link to its page, refuses a changed one as unknown and an old one as expired', async () => {
    const path = `/cabinet/cases/${caseId}/documents/${textDoc}`;
    const issue = (at: Date) => t.database.db.transaction(async (tx) => (await issueNoticeLink(tx, path, at, t.app.config.sessionSecret)).path);
    const link = await issue(TEST_NOW);
    const followed = await t.app.inject({ method: 'GET', url: link });
    expect(followed.statusCode).toBe(303);
    // Signed out, to the sign-in page that says a notice's link led there; signed in, to the page.
    expect(followed.headers.location).toBe(urls.loginFromNotice(path));
    expect((await t.app.inject({ method: 'GET', url: link, headers: { cookie: party.cookie } })).headers.location).toBe(path);
    // Not signed in, the page itself sends the person to sign in and back.
    const page = await t.app.inject({ method: 'GET', url: path });
    expect(String(page.headers.location)).toContain('/login');
    expect((await t.app.inject({ method: 'GET', url: `${link.slice(0, -1)}${link.endsWith('A') ? 'B' : 'A'}` })).statusCode).toBe(404);
    const old = await issue(new Date(TEST_NOW.getTime() - 100 * 86_400_000));
    const expired = await t.app.inject({ method: 'GET', url: old, headers: { cookie: 'lang=en' } });
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain('This link has expired');
  });
});
