import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import { Readable } from 'node:stream';
import type { BlobStore } from '../adapters/storage/blobStore.ts';
import { keepBlob } from '../db/blobs.ts';
import type { Db } from '../db/client.ts';
import { blobs, cases, documents, events, hearings, parties, recordings, users } from '../db/schema/index.ts';
import { TEXT_RECORD_MEDIA_TYPE } from '../domain/recordings.ts';
import { demoPeople } from './people.ts';
import { recordTitle } from '../commands/hearingLifecycle.ts';

const SAMPLE_RATE = 16_000;

/**
 * A few seconds of sound as a WAV file (PCM, 16-bit, mono), written byte by byte: three tones
 * rising like a courtroom chime, each faded in and out so the player makes no clicks.
 */
export function demoChime(seconds = 3): Buffer {
  const samples = seconds * SAMPLE_RATE;
  const data = Buffer.alloc(samples * 2);
  const tones = [523.25, 659.25, 783.99];
  const toneLength = samples / tones.length;
  for (let i = 0; i < samples; i++) {
    const tone = Math.min(tones.length - 1, Math.floor(i / toneLength));
    const within = i - tone * toneLength;
    const fade = Math.min(1, within / 400, (toneLength - within) / 400);
    data.writeInt16LE(Math.round(Math.sin((2 * Math.PI * tones[tone]! * i) / SAMPLE_RATE) * 0.4 * fade * 32_767), i * 2);
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(SAMPLE_RATE, 24);
  header.writeUInt32LE(SAMPLE_RATE * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

function demoRecord(caseNumber: string, startsAt: Date): string {
  return [
    'ПРОТОКОЛ СУДЕБНОГО ЗАСЕДАНИЯ',
    `Дело № ${caseNumber}. Демонстрационный протокол Sot: стороны и обстоятельства вымышлены.`,
    `Заседание открыто ${startsAt.toISOString().slice(0, 10)}. Председательствующий объявил состав суда, разъяснил сторонам их права и обязанности. Отводов не заявлено.`,
    'Стороны дали объяснения, суд исследовал письменные доказательства. Ведётся аудиозапись.',
    'Суд удалился в совещательную комнату. Решение оглашено.',
  ].join('\n\n');
}

/**
 * Attaches a short generated recording and a hearing record to a held hearing of the demo
 * citizen's case in its appeal window, so the player can be tried at once. Runs after the demo
 * data; a hearing that already has recordings is left alone.
 */
export async function seedDemoRecordings(db: Db, store: BlobStore, now = new Date()): Promise<number> {
  const citizen = demoPeople().find((p) => p.handle === 'citizen');
  if (!citizen) return 0;
  const [target] = await db
    .select({ hearingId: hearings.id, startsAt: hearings.startsAt, caseId: cases.id, number: cases.number, judgeId: cases.judgeId })
    .from(parties)
    .innerJoin(users, eq(users.id, parties.userId))
    .innerJoin(cases, eq(cases.id, parties.caseId))
    .innerJoin(hearings, eq(hearings.caseId, cases.id))
    .where(and(eq(users.iin, citizen.iin), eq(cases.status, 'appeal_window'), eq(hearings.status, 'held')))
    .orderBy(asc(hearings.startsAt))
    .limit(1);
  if (!target) return 0;
  if ((await db.select({ id: recordings.id }).from(recordings).where(eq(recordings.hearingId, target.hearingId)).limit(1)).length > 0) return 0;
  const files = [
    { kind: 'audio' as const, title: 'Аудиозапись заседания', bytes: demoChime(), mediaType: 'audio/wav', durationSeconds: 3 },
    { kind: 'record_text' as const, title: 'Протокол судебного заседания', bytes: Buffer.from(demoRecord(target.number ?? '', target.startsAt), 'utf8'), mediaType: TEXT_RECORD_MEDIA_TYPE, durationSeconds: null },
  ];
  const heldAt = new Date(Math.min(now.getTime(), target.startsAt.getTime() + 2 * 3_600_000));
  for (const [index, file] of files.entries()) {
    // The record is written after the hearing it records, and lists after it.
    const at = new Date(heldAt.getTime() + index * 60_000);
    const staged = await store.stage(Readable.from([file.bytes]), file.bytes.byteLength);
    await keepBlob(db, store, staged, file.mediaType, at);
    await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(recordings)
        .values({ hearingId: target.hearingId, caseId: target.caseId, kind: file.kind, title: file.title, mediaType: file.mediaType, sizeBytes: staged.sizeBytes, sha256: staged.sha256, durationSeconds: file.durationSeconds, createdBy: target.judgeId, createdAt: at })
        .returning({ id: recordings.id });
      await tx.insert(events).values({ caseId: target.caseId, type: 'recording_added', occurredAt: at, actorId: target.judgeId, data: { hearingId: target.hearingId, recordingId: row!.id, kind: file.kind } });
    });
  }
  return files.length;
}

/**
 * Attaches its record to every held demo hearing that has none, an hour after the hearing closed,
 * as the judge's page does: a document of the case the parties see, and a timeline event.
 */
export async function seedDemoHearingRecords(db: Db, store: BlobStore): Promise<number> {
  const rows = await db
    .select({ hearingId: hearings.id, caseId: hearings.caseId, startsAt: hearings.startsAt, closedAt: hearings.closedAt, judgeId: cases.judgeId, number: cases.number })
    .from(hearings)
    .innerJoin(cases, eq(cases.id, hearings.caseId))
    .where(and(eq(hearings.status, 'held'), isNotNull(hearings.closedAt), isNull(hearings.recordDocumentId)));
  for (const row of rows) {
    const at = new Date(row.closedAt!.getTime() + 60 * 60_000);
    const bytes = Buffer.from(demoRecord(row.number ?? '', row.startsAt), 'utf8');
    const staged = await store.stage(Readable.from([bytes]), bytes.byteLength);
    await keepBlob(db, store, staged, TEXT_RECORD_MEDIA_TYPE, at);
    await db.transaction(async (tx) => {
      await tx.insert(blobs).values({ sha256: staged.sha256, sizeBytes: staged.sizeBytes, mediaType: TEXT_RECORD_MEDIA_TYPE, createdAt: at }).onConflictDoNothing();
      const [doc] = await tx
        .insert(documents)
        .values({ caseId: row.caseId, kind: 'hearing_record', title: recordTitle(row.startsAt), mediaType: TEXT_RECORD_MEDIA_TYPE, sizeBytes: staged.sizeBytes, sha256: staged.sha256, visibility: 'parties', createdBy: row.judgeId, createdAt: at })
        .returning({ id: documents.id });
      await tx.update(hearings).set({ recordDocumentId: doc!.id }).where(eq(hearings.id, row.hearingId));
      await tx.insert(events).values({ caseId: row.caseId, type: 'hearing_record_attached', occurredAt: at, actorId: row.judgeId, data: { hearingId: row.hearingId, documentId: doc!.id } });
    });
  }
  return rows.length;
}
