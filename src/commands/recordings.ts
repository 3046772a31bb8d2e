/**
 * The court attaches a hearing's recordings: small files through the page's form, large ones in
 * pieces that resume where a dropped connection left off. Either way the bytes are recognised by
 * content, kept by their sha256 in the blob store, and named by a `recordings` row with its audit
 * row and timeline event in one transaction.
 */
import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, readdir, rm, stat, truncate } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileTypeFromFile } from 'file-type';
import { BlobTooLargeError, writeWithin, type BlobStore, type StoredBlob } from '../adapters/storage/blobStore.ts';
import { appendAudit } from '../db/audit.ts';
import { keepBlob } from '../db/blobs.ts';
import type { Db } from '../db/client.ts';
import { accessLog, cases, events, hearings, recordings, recordingUploads } from '../db/schema/index.ts';
import { isUuid } from '../domain/ids.ts';
import { ABANDONED_UPLOAD_MS, MAX_FORM_RECORDING_BYTES, MAX_RECORDING_CHUNK_BYTES, RECORDING_KINDS, recordingMediaType, type RecordingKind, type StaffHearing } from '../domain/recordings.ts';
import { cleanFileName } from '../domain/uploads.ts';
import { SotError } from '../errors.ts';
import type { Principal } from '../policies/principal.ts';
import { can } from '../policies/rules.ts';
import { logAccess } from './accessLog.ts';
import { stageWithin } from './uploadStaging.ts';
import type { AccessCapacity } from '../domain/accessLog.ts';

export type RecordingUpload = typeof recordingUploads.$inferSelect;

/** Where resumable uploads grow until complete: outside the content-addressed store, one file per upload. */
export const recordingUploadDir = (dataDir: string) => path.join(dataDir, 'uploads', 'recordings');
const partialPath = (dir: string, uploadId: string) => path.join(dir, uploadId);

/** The hearing if the principal is court staff who may attach its recordings; otherwise it does not exist for them. */
export async function hearingForStaff(db: Db, principal: Principal, hearingId: string): Promise<StaffHearing> {
  if (!isUuid(hearingId)) throw new SotError('not_found');
  const [found] = await db
    .select({ hearingId: hearings.id, caseId: cases.id, courtId: sql<string>`coalesce(${hearings.courtId}, ${cases.courtId})`, caseNumber: cases.number, startsAt: hearings.startsAt, status: hearings.status })
    .from(hearings)
    .innerJoin(cases, eq(cases.id, hearings.caseId))
    .where(eq(hearings.id, hearingId));
  if (!found || !can(principal, { action: 'manage', resource: 'recordings', courtId: found.courtId })) throw new SotError('not_found');
  return found;
}

export interface RecordingDetails {
  kind: string;
  title: string;
}

function checkDetails(input: RecordingDetails): { kind: RecordingKind; title: string } {
  if (!(RECORDING_KINDS as readonly string[]).includes(input.kind)) throw new SotError('recording_kind_invalid');
  const title = input.title.trim();
  if (!title) throw new SotError('recording_title_required');
  if (title.length > 300) throw new SotError('recording_title_too_long');
  return { kind: input.kind as RecordingKind, title };
}

/** True when the file is UTF-8 text with no control characters but line breaks and tabs. */
async function isPlainText(file: string): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of createReadStream(file)) {
      // eslint-disable-next-line no-control-regex
      if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(decoder.decode(chunk as Buffer, { stream: true }))) return false;
    }
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

async function mediaTypeOf(kind: RecordingKind, file: string): Promise<string | null> {
  const detected = await fileTypeFromFile(file);
  return recordingMediaType(kind, detected, kind === 'record_text' && !detected ? await isPlainText(file) : false);
}

/** Keeps checked bytes and writes the row that names them, with its audit row and timeline event. */
async function commitRecording(db: Db, store: BlobStore, principal: Principal, hearing: StaffHearing, details: { kind: RecordingKind; title: string }, staged: StoredBlob, mediaType: string, now: Date, uploadId?: string): Promise<string> {
  await keepBlob(db, store, staged, mediaType, now);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(recordings)
      .values({ hearingId: hearing.hearingId, caseId: hearing.caseId, kind: details.kind, title: details.title, mediaType, sizeBytes: staged.sizeBytes, sha256: staged.sha256, createdBy: principal.userId, createdAt: now })
      .returning({ id: recordings.id });
    const recordingId = row!.id;
    if (uploadId) await tx.update(recordingUploads).set({ recordingId, updatedAt: now }).where(eq(recordingUploads.id, uploadId));
    await tx.insert(events).values({ caseId: hearing.caseId, type: 'recording_added', occurredAt: now, actorId: principal.userId, data: { hearingId: hearing.hearingId, recordingId, kind: details.kind } });
    await appendAudit(tx, { actorId: principal.userId, action: 'recording.added', entityType: 'case', entityId: hearing.caseId, data: { hearingId: hearing.hearingId, recordingId, kind: details.kind, sha256: staged.sha256 } }, now);
    return recordingId;
  });
}

/** A small recording from the page's form: streamed to staging, checked, kept. */
export async function addRecording(db: Db, store: BlobStore, principal: Principal, hearingId: string, input: RecordingDetails & { stream: Readable }, now: Date): Promise<string> {
  const hearing = await hearingForStaff(db, principal, hearingId);
  const details = checkDetails(input);
  const staged = await stageWithin(store, input.stream, MAX_FORM_RECORDING_BYTES, 'recording_too_large');
  const mediaType = staged.sizeBytes === 0 ? null : await mediaTypeOf(details.kind, staged.stagedPath);
  if (!mediaType) {
    await store.discard(staged);
    throw new SotError(staged.sizeBytes === 0 ? 'file_missing' : 'recording_type_not_allowed');
  }
  return commitRecording(db, store, principal, hearing, details, staged, mediaType, now);
}

export interface NewRecordingUpload extends RecordingDetails {
  fileName: string;
  totalBytes: number;
}

/** Opens a resumable upload; the bytes follow in pieces (`appendRecordingChunk`). */
export async function startRecordingUpload(db: Db, dir: string, principal: Principal, hearingId: string, input: NewRecordingUpload, maxBytes: number, now: Date): Promise<RecordingUpload> {
  await hearingForStaff(db, principal, hearingId);
  const details = checkDetails(input);
  if (!Number.isSafeInteger(input.totalBytes) || input.totalBytes < 1) throw new SotError('invalid_request', { detail: 'totalBytes' });
  if (input.totalBytes > maxBytes) throw new SotError('recording_too_large');
  const [upload] = await db
    .insert(recordingUploads)
    .values({ hearingId, kind: details.kind, title: details.title, fileName: cleanFileName(input.fileName), totalBytes: input.totalBytes, createdBy: principal.userId, createdAt: now, updatedAt: now })
    .returning();
  await mkdir(dir, { recursive: true });
  await pipeline(async function* () {}, createWriteStream(partialPath(dir, upload!.id), { mode: 0o600 }));
  return upload!;
}

/** The upload if the principal may work on its hearing's recordings; otherwise it does not exist for them. */
export async function uploadForStaff(db: Db, principal: Principal, uploadId: string): Promise<{ upload: RecordingUpload; hearing: StaffHearing }> {
  if (!isUuid(uploadId)) throw new SotError('not_found');
  const [upload] = await db.select().from(recordingUploads).where(eq(recordingUploads.id, uploadId));
  if (!upload) throw new SotError('not_found');
  return { upload, hearing: await hearingForStaff(db, principal, upload.hearingId) };
}

/** Streams a piece to its own file, counting; refuses past `limit` bytes. */
async function receivePiece(source: Readable, file: string, limit: number): Promise<number> {
  try {
    return await writeWithin(source, file, limit);
  } catch (error) {
    if (error instanceof BlobTooLargeError) throw new SotError('recording_chunk_too_large');
    throw error;
  }
}

export interface ChunkResult {
  upload: RecordingUpload;
  recordingId: string | null;
}

/**
 * Adds a piece at `offset`, which must be where the upload stands: a piece sent twice, or out of
 * order, is refused with the offset to resume from. The piece lands in a file of its own first
 * and is appended under a compare-and-set on `received_bytes`, so two clients sending the same
 * piece at once cannot both append it. The last piece completes the upload.
 */
export async function appendRecordingChunk(
  db: Db,
  store: BlobStore,
  dir: string,
  principal: Principal,
  uploadId: string,
  piece: { offset: number; length: number | null; stream: Readable },
  now: Date,
): Promise<ChunkResult> {
  const { upload, hearing } = await uploadForStaff(db, principal, uploadId);
  if (upload.recordingId) throw new SotError('upload_offset_mismatch', { offset: upload.receivedBytes });
  if (piece.offset !== upload.receivedBytes) throw new SotError('upload_offset_mismatch', { offset: upload.receivedBytes });
  const room = upload.totalBytes - upload.receivedBytes;
  if (piece.length !== null && piece.length > Math.min(room, MAX_RECORDING_CHUNK_BYTES)) throw new SotError('recording_chunk_too_large');
  const pieceFile = path.join(dir, `${upload.id}.${randomUUID()}.piece`);
  const size = await receivePiece(piece.stream, pieceFile, Math.min(room, MAX_RECORDING_CHUNK_BYTES));
  let current = upload;
  try {
    if (piece.length !== null && size !== piece.length) throw new SotError('invalid_request', { detail: 'Content-Range' });
    if (size > 0) {
      current = await db.transaction(async (tx) => {
        const [moved] = await tx
          .update(recordingUploads)
          .set({ receivedBytes: sql`${recordingUploads.receivedBytes} + ${size}`, updatedAt: now })
          .where(and(eq(recordingUploads.id, upload.id), eq(recordingUploads.receivedBytes, piece.offset), isNull(recordingUploads.recordingId)))
          .returning();
        if (!moved) {
          const [latest] = await tx.select({ receivedBytes: recordingUploads.receivedBytes }).from(recordingUploads).where(eq(recordingUploads.id, upload.id));
          throw new SotError('upload_offset_mismatch', { offset: latest?.receivedBytes ?? 0 });
        }
        // The row stays locked until commit. Bytes past the offset are left by a piece whose
        // transaction failed after writing; they are cut off before this piece goes on.
        const partial = partialPath(dir, upload.id);
        await truncate(partial, piece.offset);
        await pipeline(createReadStream(pieceFile), createWriteStream(partial, { flags: 'a' }));
        return moved;
      });
    }
  } finally {
    await rm(pieceFile, { force: true });
  }
  if (current.receivedBytes < current.totalBytes) return { upload: current, recordingId: null };
  return { upload: current, recordingId: await completeUpload(db, store, dir, principal, current, hearing, now) };
}

/**
 * The whole file is here: hashed into the blob store's staging, recognised by content, kept. A
 * file the court does not accept is thrown away with its upload, so nothing of it stays.
 */
async function completeUpload(db: Db, store: BlobStore, dir: string, principal: Principal, upload: RecordingUpload, hearing: StaffHearing, now: Date): Promise<string> {
  const partial = partialPath(dir, upload.id);
  const staged = await store.stage(createReadStream(partial), upload.totalBytes);
  const mediaType = await mediaTypeOf(upload.kind, staged.stagedPath);
  if (!mediaType) {
    await store.discard(staged);
    await db.delete(recordingUploads).where(eq(recordingUploads.id, upload.id));
    await rm(partial, { force: true });
    throw new SotError('recording_type_not_allowed');
  }
  const recordingId = await commitRecording(db, store, principal, hearing, { kind: upload.kind, title: upload.title }, staged, mediaType, now, upload.id);
  await rm(partial, { force: true });
  return recordingId;
}

/**
 * Removes uploads nobody has added to for a day, with their partial files, and any piece or
 * partial file no upload row names (a crash between writing and recording it).
 */
export async function cleanUpRecordingUploads(db: Db, dir: string, now: Date, graceMs = ABANDONED_UPLOAD_MS): Promise<number> {
  const cutoff = new Date(now.getTime() - graceMs);
  const abandoned = await db
    .delete(recordingUploads)
    .where(and(isNull(recordingUploads.recordingId), lt(recordingUploads.updatedAt, cutoff)))
    .returning({ id: recordingUploads.id });
  let removed = 0;
  for (const { id } of abandoned) {
    await rm(partialPath(dir, id), { force: true });
    removed++;
  }
  if (!existsSync(dir)) return removed;
  for (const name of await readdir(dir)) {
    const file = path.join(dir, name);
    const info = await stat(file).catch(() => null);
    if (!info || info.mtimeMs >= cutoff.getTime()) continue;
    const id = name.split('.')[0]!;
    const [open] = isUuid(id) ? await db.select({ id: recordingUploads.id }).from(recordingUploads).where(and(eq(recordingUploads.id, id), isNull(recordingUploads.recordingId))) : [];
    if (open && !name.endsWith('.piece')) continue;
    await rm(file, { force: true });
    removed++;
  }
  return removed;
}

/**
 * A player seeking through a recording makes many range requests a second, each checked and
 * served on its own; the log would drown in them. So one 'stream' row stands for a viewer
 * watching a recording within half an hour. A request without a Range header fetches the whole
 * file, and each is logged as a 'download'.
 */
export const STREAM_LOG_WINDOW_MS = 30 * 60_000;

export async function logRecordingAccess(db: Db, entry: { caseId: string; recordingId: string; userId: string; capacity: AccessCapacity; action: 'stream' | 'download' }, now: Date): Promise<void> {
  const target = { recordingId: entry.recordingId };
  if (entry.action === 'download') return logAccess(db, { caseId: entry.caseId, target, userId: entry.userId, capacity: entry.capacity, action: 'download', at: now });
  await db.transaction(async (tx) => {
    // Concurrent range requests of one viewer wait here, so the burst writes one row.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`stream:${entry.userId}:${entry.recordingId}`}))`);
    const since = new Date(now.getTime() - STREAM_LOG_WINDOW_MS);
    const [recent] = await tx
      .select({ id: accessLog.id })
      .from(accessLog)
      .where(and(eq(accessLog.recordingId, entry.recordingId), eq(accessLog.userId, entry.userId), eq(accessLog.action, 'stream'), gt(accessLog.occurredAt, since)))
      .limit(1);
    if (!recent) await logAccess(tx, { caseId: entry.caseId, target, userId: entry.userId, capacity: entry.capacity, action: 'stream', at: now });
  });
}
