import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { cases, hearings, recordings } from '../db/schema/index.ts';
import { isUuid } from '../domain/ids.ts';
import { SotError } from '../errors.ts';
import type { Principal } from '../policies/principal.ts';
import { can, type CaseRelation } from '../policies/rules.ts';
import { caseRelations } from './caseRelations.ts';

export type Recording = typeof recordings.$inferSelect;

export interface RecordingRow {
  id: string;
  kind: Recording['kind'];
  title: string;
  mediaType: string;
  sizeBytes: number;
  durationSeconds: number | null;
  createdAt: Date;
}

export async function recordingsOfHearing(db: Db, hearingId: string): Promise<RecordingRow[]> {
  return db
    .select({ id: recordings.id, kind: recordings.kind, title: recordings.title, mediaType: recordings.mediaType, sizeBytes: recordings.sizeBytes, durationSeconds: recordings.durationSeconds, createdAt: recordings.createdAt })
    .from(recordings)
    .where(eq(recordings.hearingId, hearingId))
    .orderBy(asc(recordings.createdAt), asc(recordings.id));
}

interface ViewerCase {
  caseId: string;
  courtId: string;
  caseNumber: string | null;
  relations: ReadonlySet<CaseRelation>;
}

/** The case if the principal may watch its hearings' recordings; a 404 otherwise, never a 403. */
async function caseForViewer(db: Db, principal: Principal, caseId: string): Promise<ViewerCase> {
  if (!isUuid(caseId)) throw new SotError('not_found');
  const [found] = await db.select({ courtId: cases.courtId, number: cases.number, closedHearing: cases.closedHearing }).from(cases).where(eq(cases.id, caseId));
  if (!found) throw new SotError('not_found');
  const relations = await caseRelations(db, principal, caseId);
  if (!can(principal, { action: 'watch', resource: 'recording', relations, closedHearing: found.closedHearing })) throw new SotError('not_found');
  return { caseId, courtId: found.courtId, caseNumber: found.number, relations };
}

/** A hearing of the case with its recordings, as a participant (or anyone who may read the case) sees it. */
export async function hearingForViewer(db: Db, principal: Principal, caseId: string, hearingId: string) {
  const viewer = await caseForViewer(db, principal, caseId);
  if (!isUuid(hearingId)) throw new SotError('not_found');
  const [hearing] = await db
    .select({ id: hearings.id, startsAt: hearings.startsAt, room: hearings.room, status: hearings.status })
    .from(hearings)
    .where(and(eq(hearings.id, hearingId), eq(hearings.caseId, caseId)));
  if (!hearing) throw new SotError('not_found');
  return { ...viewer, hearing, recordings: await recordingsOfHearing(db, hearingId) };
}

/** One recording of the case, checked afresh for this principal: every range request asks again. */
export async function recordingForViewer(db: Db, principal: Principal, caseId: string, recordingId: string): Promise<ViewerCase & { recording: Recording }> {
  if (!isUuid(recordingId)) throw new SotError('not_found');
  const viewer = await caseForViewer(db, principal, caseId);
  // A recording of another case is not found under this one, whatever the reader may see there.
  const [recording] = await db.select().from(recordings).where(and(eq(recordings.id, recordingId), eq(recordings.caseId, caseId)));
  if (!recording) throw new SotError('not_found');
  return { ...viewer, recording };
}
