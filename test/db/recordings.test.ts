import { and, count, eq } from 'drizzle-orm';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSession, SESSION_COOKIE } from '../../src/auth/sessions.ts';
import { cleanUpRecordingUploads, recordingUploadDir } from '../../src/commands/recordings.ts';
import { cleanUpBlobs } from '../../src/db/blobs.ts';
import { accessLog, auditLog, blobs, cases, courts, events, hearings, parties, recordings, recordingUploads, users } from '../../src/db/schema/index.ts';
import { demoChime, seedDemoRecordings } from '../../src/seed/demoRecordings.ts';
import { demoPeople } from '../../src/seed/people.ts';
import { createTestApp, TEST_NOW, type TestApp } from '../support/app.ts';
import { describeDb } from '../support/db.ts';
import { multipart } from '../support/filing.ts';
import { formSession } from '../support/forms.ts';
import { signedInUser, type TestUser } from '../support/sessions.ts';

describeDb('hearing recordings', () => {
  let t: TestApp;
  const wav = demoChime();
  let citizen: { id: string; cookie: string };
  let demo: { caseId: string; hearingId: string; recordingId: string; courtId: string };
  let otherCaseOfCitizen: string;
  let clerkHere: TestUser;
  let clerkElsewhere: TestUser;
  const media = (caseId: string, recordingId: string) => `/cabinet/cases/${caseId}/recordings/${recordingId}/media`;

  beforeAll(async () => {
    // A low ceiling for recordings, so "too large" is cheap to reach.
    t = await createTestApp({ seed: true, config: { RECORDING_MAX_BYTES: '200000' } });
    const db = t.database.db;
    expect(await seedDemoRecordings(db, t.app.blobs, TEST_NOW)).toBe(2);
    const iin = demoPeople().find((p) => p.handle === 'citizen')!.iin;
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.iin, iin));
    const session = await createSession(db, { userId: user!.id, bin: null, certificateId: null }, TEST_NOW);
    citizen = { id: user!.id, cookie: `${SESSION_COOKIE}=${session.id}` };
    const [audio] = await db
      .select({ id: recordings.id, caseId: recordings.caseId, hearingId: recordings.hearingId, courtId: cases.courtId })
      .from(recordings)
      .innerJoin(cases, eq(cases.id, recordings.caseId))
      .where(eq(recordings.kind, 'audio'));
    demo = { caseId: audio!.caseId, hearingId: audio!.hearingId, recordingId: audio!.id, courtId: audio!.courtId };
    const [other] = await db
      .select({ caseId: parties.caseId })
      .from(parties)
      .where(and(eq(parties.userId, citizen.id)))
      .then((rows) => rows.filter((r) => r.caseId !== demo.caseId));
    otherCaseOfCitizen = other!.caseId;
    const [elsewhere] = await db.select({ id: courts.id }).from(courts).where(eq(courts.code, '9113'));
    clerkHere = await signedInUser(db, { roles: [{ role: 'clerk', courtId: demo.courtId }] });
    clerkElsewhere = await signedInUser(db, { roles: [{ role: 'clerk', courtId: elsewhere!.id }] });
  });
  afterAll(() => t?.close());

  const play = (headers: Record<string, string> = {}, method: 'GET' | 'HEAD' = 'GET') =>
    t.app.inject({ method, url: media(demo.caseId, demo.recordingId), headers: { cookie: citizen.cookie, ...headers } });

  it('lists the demo recording and its record on the participant’s page, with the player and the watermark-free audio', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/cabinet/cases/${demo.caseId}/hearings/${demo.hearingId}/recordings`, headers: { cookie: citizen.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`<audio controls preload="metadata" src="${media(demo.caseId, demo.recordingId)}"`);
    expect(res.body).toMatch(/Протокол судебного заседания/);
  });

  it('serves the first bytes, a middle slice, a suffix and an open-ended range, byte for byte', async () => {
    const size = wav.length;
    for (const [header, start, end] of [
      ['bytes=0-99', 0, 99],
      ['bytes=1000-1999', 1000, 1999],
      ['bytes=-100', size - 100, size - 1],
      ['bytes=500-', 500, size - 1],
      // A last position past the end is cut to the end (RFC 9110 §14.1.2).
      [`bytes=${size - 10}-${size + 1000}`, size - 10, size - 1],
    ] as const) {
      const res = await play({ range: header });
      expect(res.statusCode, header).toBe(206);
      expect(res.headers['content-range'], header).toBe(`bytes ${start}-${end}/${size}`);
      expect(res.headers['content-length'], header).toBe(String(end - start + 1));
      expect(res.headers['content-type']).toBe('audio/wav');
      expect(res.headers['accept-ranges']).toBe('bytes');
      expect(res.headers['cache-control']).toBe('private, no-store');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(Buffer.compare(res.rawPayload, wav.subarray(start, end + 1)), header).toBe(0);
    }
  });

  it('answers a range outside the file with 416 and the size', async () => {
    for (const header of [`bytes=${wav.length}-`, `bytes=${wav.length + 5}-${wav.length + 10}`, 'bytes=-0']) {
      const res = await play({ range: header });
      expect(res.statusCode, header).toBe(416);
      expect(res.headers['content-range'], header).toBe(`bytes */${wav.length}`);
    }
  });

  it('ignores a malformed Range and several ranges, sending the whole file', async () => {
    for (const header of ['bytes=abc', 'bytes=10-5', 'items=0-10', 'bytes=', 'bytes=0-1,5-6']) {
      const res = await play({ range: header });
      expect(res.statusCode, header).toBe(200);
      expect(res.headers['content-length']).toBe(String(wav.length));
      expect(Buffer.compare(res.rawPayload, wav), header).toBe(0);
    }
  });

  it('honours If-Range: the range for the current ETag, the whole file for a stale one', async () => {
    const full = await play();
    const etag = String(full.headers['etag']);
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    const fresh = await play({ range: 'bytes=10-19', 'if-range': etag });
    expect(fresh.statusCode).toBe(206);
    expect(Buffer.compare(fresh.rawPayload, wav.subarray(10, 20))).toBe(0);
    for (const stale of ['"0000"', 'W/' + etag, 'Wed, 21 Oct 2015 07:28:00 GMT']) {
      const res = await play({ range: 'bytes=10-19', 'if-range': stale });
      expect(res.statusCode, stale).toBe(200);
      expect(Buffer.compare(res.rawPayload, wav)).toBe(0);
    }
  });

  it('answers HEAD with the headers alone', async () => {
    const whole = await play({}, 'HEAD');
    expect(whole.statusCode).toBe(200);
    expect(whole.headers['content-length']).toBe(String(wav.length));
    expect(whole.rawPayload.length).toBe(0);
    const part = await play({ range: 'bytes=0-9' }, 'HEAD');
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 0-9/${wav.length}`);
  });

  it('logs a burst of range requests as one stream, and each download', async () => {
    const viewer = await signedInUser(t.database.db);
    await t.database.db.insert(parties).values({ caseId: demo.caseId, role: 'third_party', userId: viewer.id, displayName: 'Тест' });
    const ask = (range?: string) => t.app.inject({ method: 'GET', url: media(demo.caseId, demo.recordingId), headers: { cookie: viewer.cookie, ...(range ? { range } : {}) } });
    await Promise.all([ask('bytes=0-'), ask('bytes=1000-2000'), ask('bytes=-100'), ask('bytes=500-600')]);
    await ask('bytes=20000-');
    await ask();
    const rows = await t.database.db.select({ action: accessLog.action, capacity: accessLog.capacity }).from(accessLog).where(and(eq(accessLog.userId, viewer.id), eq(accessLog.recordingId, demo.recordingId)));
    expect(rows.map((r) => r.action).sort()).toEqual(['download', 'stream']);
    expect(rows.every((r) => r.capacity === 'party')).toBe(true);
  });

  it('hides the page and the media from a stranger, and a recording under another case of the reader', async () => {
    const stranger = await signedInUser(t.database.db);
    for (const url of [`/cabinet/cases/${demo.caseId}/hearings/${demo.hearingId}/recordings`, media(demo.caseId, demo.recordingId)]) {
      const res = await t.app.inject({ method: 'GET', url, headers: { cookie: stranger.cookie, range: 'bytes=0-10' } });
      expect(res.statusCode, url).toBe(404);
    }
    const crossed = await t.app.inject({ method: 'GET', url: media(otherCaseOfCitizen, demo.recordingId), headers: { cookie: citizen.cookie } });
    expect(crossed.statusCode).toBe(404);
    const crossedPage = await t.app.inject({ method: 'GET', url: `/cabinet/cases/${otherCaseOfCitizen}/hearings/${demo.hearingId}/recordings`, headers: { cookie: citizen.cookie } });
    expect(crossedPage.statusCode).toBe(404);
    for (const bad of ['not-a-uuid', '00000000-0000-0000-0000-000000000000']) {
      expect((await t.app.inject({ method: 'GET', url: media(demo.caseId, bad), headers: { cookie: citizen.cookie } })).statusCode).toBe(404);
    }
    // A browser opening the address is sent to sign in; a media player or an API client, which
    // cannot follow a sign-in page, is told 401.
    const browser = await t.app.inject({ method: 'GET', url: media(demo.caseId, demo.recordingId), headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(browser.statusCode).toBe(303);
    expect(browser.headers.location).toMatch(/^\/login\?return=/);
    for (const accept of ['*/*', 'video/webm,video/*;q=0.9', 'application/json']) {
      const player = await t.app.inject({ method: 'GET', url: media(demo.caseId, demo.recordingId), headers: { accept, range: 'bytes=0-' } });
      expect(player.statusCode, accept).toBe(401);
      expect(player.headers['content-range'], accept).toBeUndefined();
    }
  });

  it('plays a closed hearing to its parties and the court, and to nobody else', async () => {
    const db = t.database.db;
    const [closed] = await db.insert(cases).values({ courtId: demo.courtId, kind: 'civil', category: 'divorce', instance: 1, status: 'preparation', closedHearing: true }).returning({ id: cases.id });
    const [hearing] = await db.insert(hearings).values({ caseId: closed!.id, startsAt: new Date('2026-11-20T05:00:00Z'), room: '3', status: 'held' }).returning({ id: hearings.id });
    const [row] = await db
      .insert(recordings)
      .values({ hearingId: hearing!.id, caseId: closed!.id, kind: 'audio', title: 'Закрытое заседание', mediaType: 'audio/wav', sizeBytes: wav.length, sha256: String((await play()).headers['etag']).slice(1, -1) })
      .returning({ id: recordings.id });
    const party = await signedInUser(db);
    await db.insert(parties).values({ caseId: closed!.id, role: 'claimant', userId: party.id, displayName: 'Тест' });
    const url = media(closed!.id, row!.id);
    expect((await t.app.inject({ method: 'GET', url, headers: { cookie: party.cookie, range: 'bytes=0-3' } })).statusCode).toBe(206);
    expect((await t.app.inject({ method: 'GET', url, headers: { cookie: clerkHere.cookie, range: 'bytes=0-3' } })).statusCode).toBe(206);
    expect((await t.app.inject({ method: 'GET', url, headers: { cookie: clerkElsewhere.cookie, range: 'bytes=0-3' } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url, headers: { cookie: citizen.cookie } })).statusCode).toBe(404);
  });

  it('shows the court’s page to the staff of the hearing’s court only', async () => {
    const url = `/court/hearings/${demo.hearingId}/recordings`;
    const here = await t.app.inject({ method: 'GET', url, headers: { cookie: clerkHere.cookie } });
    expect(here.statusCode).toBe(200);
    expect(here.body).toContain('enctype="multipart/form-data"');
    expect((await t.app.inject({ method: 'GET', url, headers: { cookie: clerkElsewhere.cookie } })).statusCode).toBe(404);
  });

  const api = (user: TestUser, method: 'POST' | 'PUT' | 'GET' | 'HEAD', url: string, options: { json?: object; bytes?: Buffer; headers?: Record<string, string> } = {}) =>
    t.app.inject({
      method,
      url,
      headers: { cookie: user.cookie, ...(options.bytes ? { 'content-type': 'application/octet-stream' } : {}), ...options.headers },
      ...(options.json ? { payload: options.json } : options.bytes ? { payload: options.bytes } : {}),
    });

  async function startUpload(totalBytes: number, kind = 'audio', fileName = 'hearing.wav') {
    const res = await api(clerkHere, 'POST', `/api/v1/hearings/${demo.hearingId}/recording-uploads`, { json: { kind, title: 'Заседание, часть 2', fileName, totalBytes } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; uploadUrl: string; receivedBytes: number };
  }

  it('resumes an upload cut off after its first piece, refuses a piece at the wrong offset, and keeps the finished file', async () => {
    const db = t.database.db;
    const file = Buffer.concat([demoChime(2), Buffer.from('tail')]);
    const upload = await startUpload(file.length);
    expect(upload.receivedBytes).toBe(0);
    const first = await api(clerkHere, 'PUT', upload.uploadUrl, { bytes: file.subarray(0, 30_000), headers: { 'upload-offset': '0' } });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ receivedBytes: 30_000, recordingId: null });

    // The connection dropped here; the client asks where the upload stands.
    const head = await api(clerkHere, 'HEAD', upload.uploadUrl);
    expect(head.statusCode).toBe(200);
    expect(head.headers['upload-offset']).toBe('30000');

    const again = await api(clerkHere, 'PUT', upload.uploadUrl, { bytes: file.subarray(0, 30_000), headers: { 'upload-offset': '0' } });
    expect(again.statusCode).toBe(409);
    expect(again.headers['upload-offset']).toBe('30000');
    expect(again.json().error.code).toBe('upload_offset_mismatch');
    const ahead = await api(clerkHere, 'PUT', upload.uploadUrl, { bytes: file.subarray(40_000), headers: { 'upload-offset': '40000' } });
    expect(ahead.statusCode).toBe(409);

    const last = await api(clerkHere, 'PUT', upload.uploadUrl, { bytes: file.subarray(30_000), headers: { 'content-range': `bytes 30000-${file.length - 1}/${file.length}` } });
    expect(last.statusCode, last.body).toBe(201);
    const recordingId = (last.json() as { recordingId: string }).recordingId;
    const [row] = await db.select().from(recordings).where(eq(recordings.id, recordingId));
    expect(row).toMatchObject({ hearingId: demo.hearingId, caseId: demo.caseId, kind: 'audio', mediaType: 'audio/wav', sizeBytes: file.length });
    expect(await t.app.blobs.exists(row!.sha256)).toBe(true);
    const [event] = await db.select({ data: events.data }).from(events).where(and(eq(events.caseId, demo.caseId), eq(events.type, 'recording_added'), eq(events.actorId, clerkHere.id)));
    expect(event!.data).toEqual({ hearingId: demo.hearingId, recordingId, kind: 'audio' });
    const [audit] = await db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.action, 'recording.added'), eq(auditLog.actorId, clerkHere.id)));
    expect(audit!.n).toBe(1);
    expect(existsSync(path.join(recordingUploadDir(t.app.config.dataDir), upload.id))).toBe(false);

    // The participant now plays what the court uploaded, from any point.
    const slice = await t.app.inject({ method: 'GET', url: media(demo.caseId, recordingId), headers: { cookie: citizen.cookie, range: 'bytes=29990-30009' } });
    expect(slice.statusCode).toBe(206);
    expect(Buffer.compare(slice.rawPayload, file.subarray(29_990, 30_010))).toBe(0);
  });

  it('refuses a program renamed as a recording, keeping nothing of it', async () => {
    const db = t.database.db;
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0]), Buffer.alloc(64), Buffer.from('PE\0\0'), Buffer.alloc(2000, 1)]);
    const [before] = await db.select({ n: count() }).from(blobs);
    const [recordingsBefore] = await db.select({ n: count() }).from(recordings);
    const upload = await startUpload(exe.length, 'video', 'hearing.mp4');
    const res = await api(clerkHere, 'PUT', upload.uploadUrl, { bytes: exe, headers: { 'upload-offset': '0' } });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('recording_type_not_allowed');
    expect((await db.select({ n: count() }).from(blobs))[0]!.n).toBe(before!.n);
    expect((await db.select({ n: count() }).from(recordings))[0]!.n).toBe(recordingsBefore!.n);
    expect(await db.select().from(recordingUploads).where(eq(recordingUploads.id, upload.id))).toEqual([]);
    expect(existsSync(path.join(recordingUploadDir(t.app.config.dataDir), upload.id))).toBe(false);
    const staging = path.join(t.app.config.dataDir, 'blobs', 'staging');
    expect(existsSync(staging) ? readdirSync(staging) : []).toEqual([]);
  });

  it('refuses a recording over the limit, a piece past the declared size, a form-encoded body and a piece without an offset', async () => {
    const tooLarge = await api(clerkHere, 'POST', `/api/v1/hearings/${demo.hearingId}/recording-uploads`, { json: { kind: 'audio', title: 'Большой', fileName: 'a.wav', totalBytes: 200_001 } });
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().error.code).toBe('recording_too_large');
    const upload = await startUpload(100);
    const overrun = await api(clerkHere, 'PUT', upload.uploadUrl, { bytes: Buffer.alloc(101), headers: { 'upload-offset': '0' } });
    expect(overrun.statusCode).toBe(413);
    const form = await t.app.inject({
      method: 'POST',
      url: `/api/v1/hearings/${demo.hearingId}/recording-uploads`,
      headers: { cookie: clerkHere.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'kind=audio&title=x&fileName=a.wav&totalBytes=10',
    });
    expect(form.statusCode).toBe(415);
    const json = await api(clerkHere, 'PUT', upload.uploadUrl, { json: { bytes: 'AAAA' }, headers: { 'upload-offset': '0' } });
    expect(json.statusCode).toBe(415);
    const noOffset = await api(clerkHere, 'PUT', upload.uploadUrl, { bytes: Buffer.alloc(10) });
    expect(noOffset.statusCode).toBe(400);
    expect(noOffset.json().error.code).toBe('upload_offset_required');
    const stranger = await api(clerkElsewhere, 'PUT', upload.uploadUrl, { bytes: Buffer.alloc(10), headers: { 'upload-offset': '0' } });
    expect(stranger.statusCode).toBe(404);
    expect((await api(clerkElsewhere, 'GET', upload.uploadUrl)).statusCode).toBe(404);
  });

  it('adds a small recording through the page’s form, and says what is wrong with a bad one', async () => {
    const url = `/court/hearings/${demo.hearingId}/recordings`;
    const { token, cookie } = formSession(await t.app.inject({ method: 'GET', url, headers: { cookie: clerkHere.cookie } }), clerkHere.cookie);
    const post = (files: { name: string; content: Buffer }[], fields: Record<string, string>) => {
      const body = multipart(files, { _csrf: token, ...fields });
      return t.app.inject({ method: 'POST', url, headers: { cookie, ...body.headers }, payload: body.payload });
    };
    const ok = await post([{ name: 'record.txt', content: Buffer.from('Протокол: заседание открыто в 10:00.\n') }], { kind: 'record_text', title: 'Протокол' });
    expect(ok.statusCode, ok.body).toBe(303);
    expect(ok.headers['location']).toBe(`${url}?done=added`);
    const bad = await post([{ name: 'record.txt', content: Buffer.from([0x4d, 0x5a, 0, 1, 2, 3, 0, 0, 0]) }], { kind: 'record_text', title: 'Протокол' });
    expect(bad.statusCode).toBe(415);
    expect(bad.body).toContain('govuk-error-summary');
    const untitled = await post([{ name: 'a.wav', content: wav }], { kind: 'audio', title: ' ' });
    expect(untitled.statusCode).toBe(400);
    expect(untitled.body).toContain('href="#title"');
  });

  it('cleans up abandoned uploads and never removes a recording’s file', async () => {
    const db = t.database.db;
    const upload = await startUpload(50);
    await api(clerkHere, 'PUT', upload.uploadUrl, { bytes: Buffer.alloc(10, 65), headers: { 'upload-offset': '0' } });
    const dir = recordingUploadDir(t.app.config.dataDir);
    expect(existsSync(path.join(dir, upload.id))).toBe(true);
    const later = new Date(TEST_NOW.getTime() + 3 * 24 * 3_600_000);
    await cleanUpRecordingUploads(db, dir, later);
    expect(await db.select().from(recordingUploads).where(eq(recordingUploads.id, upload.id))).toEqual([]);
    expect(existsSync(path.join(dir, upload.id))).toBe(false);

    await cleanUpBlobs(db, t.app.blobs, later, 0);
    const [demoRecording] = await db.select({ sha256: recordings.sha256 }).from(recordings).where(eq(recordings.id, demo.recordingId));
    expect(await t.app.blobs.exists(demoRecording!.sha256)).toBe(true);
  });
});
