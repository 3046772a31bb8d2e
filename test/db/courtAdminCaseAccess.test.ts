import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { keepBlob } from '../../src/db/blobs.ts';
import { cases, courts, documents, hearings, recordings } from '../../src/db/schema/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { describeDb } from '../support/db.ts';
import { signedInUser, type TestUser } from '../support/sessions.ts';

/**
 * Administration is not adjudication: a court's administrator keeps its staff and calendars and
 * reads none of its case files, documents or recordings, not even of a hearing held in camera.
 * The court's clerk, reading the same addresses, shows the test would see a leak.
 */
describeDb("a court administrator and the court's case files", () => {
  let t: TestApp;
  let courtAdmin: TestUser;
  let clerk: TestUser;
  let urls: string[];

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    const db = t.database.db;
    const [medeu] = await db.select({ id: courts.id }).from(courts).where(eq(courts.code, '7517'));
    courtAdmin = await signedInUser(db, { roles: [{ role: 'court_admin', courtId: medeu!.id }] });
    clerk = await signedInUser(db, { roles: [{ role: 'clerk', courtId: medeu!.id }] });
    const [closed] = await db.insert(cases).values({ courtId: medeu!.id, kind: 'civil', category: 'divorce', instance: 1, status: 'hearing_scheduled', number: '7517-26-00-2/990001', closedHearing: true }).returning({ id: cases.id });
    const caseId = closed!.id;
    const text = await t.app.blobs.stage(Readable.from([Buffer.from('Ходатайство о закрытом заседании')]), 1024);
    await keepBlob(db, t.app.blobs, text, 'text/plain; charset=utf-8', new Date());
    const [doc] = await db
      .insert(documents)
      .values({ caseId, kind: 'petition', title: 'Ходатайство', mediaType: 'text/plain; charset=utf-8', sha256: text.sha256, sizeBytes: text.sizeBytes, visibility: 'parties' })
      .returning({ id: documents.id });
    const audio = await t.app.blobs.stage(Readable.from([Buffer.from('RIFF....WAVEfmt ')]), 1024);
    await keepBlob(db, t.app.blobs, audio, 'audio/wav', new Date());
    const [hearing] = await db.insert(hearings).values({ caseId, startsAt: new Date('2026-11-02T05:00:00Z'), room: '8', status: 'held' }).returning({ id: hearings.id });
    const [recording] = await db
      .insert(recordings)
      .values({ hearingId: hearing!.id, caseId, kind: 'audio', title: 'Аудиозапись', mediaType: 'audio/wav', sizeBytes: audio.sizeBytes, sha256: audio.sha256 })
      .returning({ id: recordings.id });
    urls = [
      `/cabinet/cases/${caseId}`,
      `/cabinet/cases/${caseId}/documents/${doc!.id}`,
      `/cabinet/cases/${caseId}/documents/${doc!.id}/file`,
      `/cabinet/cases/${caseId}/documents/${doc!.id}/print`,
      `/cabinet/cases/${caseId}/hearings/${hearing!.id}/recordings`,
      `/cabinet/cases/${caseId}/recordings/${recording!.id}/media`,
    ];
  });
  afterAll(() => t?.close());

  const get = (user: TestUser, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: user.cookie } });

  it("finds nothing there for the court's administrator: the case, its documents, the file, the print page and the closed hearing's recording are 404", async () => {
    for (const url of urls) expect((await get(courtAdmin, url)).statusCode, url).toBe(404);
  });

  it("serves the same addresses to the court's clerk", async () => {
    for (const url of urls) expect((await get(clerk, url)).statusCode, url).toBe(200);
  });
});
