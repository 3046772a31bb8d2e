/**
 * A hearing on its day: the judge opens it, and closes it as held, adjourned (with the reason and,
 * usually, the next hearing) or not held (with the reason). A closed hearing gets its record
 * (протокол, CPC Art. 189), a PDF kept by its sha256 that the parties see in their case file.
 * Each step is a timeline event and an audit row under the case's lock; the parties are told when
 * a hearing did not go ahead. Postponing a hearing before its day stays in `hearings.ts`.
 */
import { and, eq } from 'drizzle-orm';
import type { BlobStore } from '../adapters/storage/blobStore.ts';
import type { Db } from '../db/client.ts';
import { appendAudit } from '../db/audit.ts';
import { keepBlob } from '../db/blobs.ts';
import type { Tx } from '../db/tx.ts';
import { documents, events, hearings } from '../db/schema/index.ts';
import { hearingOfTheDay, type HearingOutcome, OPEN_EARLY_MINUTES, openingRefusal } from '../domain/hearingLifecycle.ts';
import type { HearingOfTheDay } from '../domain/courtActs.ts';
import { courtDay } from '../domain/hearingSlots.ts';
import { isUuid } from '../domain/ids.ts';
import { SotError } from '../errors.ts';
import { formatDateTime } from '../i18n/format.ts';
import type { Principal } from '../policies/principal.ts';
import { loadReference } from '../queries/reference.ts';
import { urls } from '../urls.ts';
import { documentFileColumns, stageChecked, type IncomingFile } from './filings.ts';
import { assertFree, checkedSlot, lockedCase, type HearingSlot } from './hearings.ts';
import { noticeToParticipants } from './notices.ts';

export interface HearingClosing {
  outcome: HearingOutcome;
  /** Why the hearing was adjourned or not held; the parties read it. */
  reason?: string | undefined;
  /** The next hearing, when the judge sets it at once. */
  next?: HearingSlot | undefined;
}

async function hearingOfCase(db: Db | Tx, hearingId: string) {
  if (!isUuid(hearingId)) throw new SotError('not_found');
  const [found] = await db.select({ caseId: hearings.caseId }).from(hearings).where(eq(hearings.id, hearingId));
  if (!found) throw new SotError('not_found');
  return found.caseId;
}

async function lockedHearing(tx: Tx, hearingId: string) {
  const [row] = await tx.select().from(hearings).where(eq(hearings.id, hearingId)).for('update');
  return row!;
}

/** What the hearings of a case allow an act issued at `now` (see `hearingRefusal`). */
export async function hearingForActs(db: Db | Tx, caseId: string, now: Date): Promise<HearingOfTheDay> {
  const rows = await db.select({ startsAt: hearings.startsAt, status: hearings.status, openedAt: hearings.openedAt }).from(hearings).where(eq(hearings.caseId, caseId));
  return hearingOfTheDay(rows, now);
}

/** Opens a scheduled hearing of the judge's case on its day. */
export async function openHearing(db: Db, principal: Principal, hearingId: string, now: Date): Promise<void> {
  const caseId = await hearingOfCase(db, hearingId);
  await lockedCase(db, principal, caseId, false);
  await db.transaction(async (tx) => {
    const found = await lockedCase(tx, principal, caseId, true);
    const hearing = await lockedHearing(tx, hearingId);
    if (hearing.status !== 'scheduled' || found.status !== 'hearing_scheduled') throw new SotError('hearing_not_scheduled');
    const refusal = openingRefusal(hearing.startsAt, now);
    if (refusal) throw new SotError(refusal);
    const [alreadyOpen] = await tx.select({ id: hearings.id }).from(hearings).where(and(eq(hearings.caseId, caseId), eq(hearings.status, 'opened')));
    if (alreadyOpen) throw new SotError('hearing_already_open');
    await tx.update(hearings).set({ status: 'opened', openedAt: now }).where(eq(hearings.id, hearingId));
    await tx.insert(events).values({ caseId, type: 'hearing_opened', occurredAt: now, actorId: principal.userId, data: { hearingId } });
    await appendAudit(tx, { actorId: principal.userId, action: 'hearing.opened', entityType: 'case', entityId: caseId, data: { hearingId } }, now);
  });
}

function checkedReason(closing: HearingClosing): string | null {
  if (closing.outcome === 'held') return null;
  const reason = closing.reason?.trim() ?? '';
  if (reason.length < 5 || reason.length > 2000) throw new SotError('hearing_reason_required');
  return reason;
}

/**
 * Closes an opened hearing with its outcome. A hearing that could not start at all (the judge is
 * ill, nobody came) is closed as not held without being opened, on or after its day.
 */
export async function closeHearing(db: Db, principal: Principal, hearingId: string, closing: HearingClosing, now: Date): Promise<{ nextHearingId: string | null }> {
  const reason = checkedReason(closing);
  const next = closing.next && closing.outcome !== 'held' ? checkedSlot(closing.next, now, (await loadReference(db)).calendar) : null;
  const caseId = await hearingOfCase(db, hearingId);
  await lockedCase(db, principal, caseId, false);
  return db.transaction(async (tx) => {
    const found = await lockedCase(tx, principal, caseId, true);
    const hearing = await lockedHearing(tx, hearingId);
    const startedOrDue = hearing.status === 'opened' || (hearing.status === 'scheduled' && closing.outcome === 'not_held' && now.getTime() >= hearing.startsAt.getTime() - OPEN_EARLY_MINUTES * 60_000);
    if (!startedOrDue) throw new SotError('hearing_not_open');
    let nextHearingId: string | null = null;
    if (next) {
      if (found.status !== 'hearing_scheduled') throw new SotError('hearing_not_allowed');
      await assertFree(tx, next, found.courtId, found.judgeId!, hearingId);
      const [row] = await tx
        .insert(hearings)
        .values({ caseId, ...next, status: 'scheduled', judgeId: found.judgeId, courtId: found.courtId, createdBy: principal.userId, createdAt: now })
        .returning({ id: hearings.id });
      nextHearingId = row!.id;
    }
    await tx.update(hearings).set({ status: closing.outcome, reason, closedAt: now, postponedToId: nextHearingId }).where(eq(hearings.id, hearingId));
    await tx.insert(events).values({
      caseId,
      type: 'hearing_closed',
      occurredAt: now,
      actorId: principal.userId,
      // The reason stays on the hearing row: the timeline carries no free text.
      data: { hearingId, outcome: closing.outcome, ...(next ? { nextHearingId, startsAt: next.startsAt.toISOString() } : {}) },
    });
    await appendAudit(tx, { actorId: principal.userId, action: 'hearing.closed', entityType: 'case', entityId: caseId, data: { hearingId, outcome: closing.outcome, nextHearingId } }, now);
    if (closing.outcome !== 'held') {
      const outcome = closing.outcome;
      await noticeToParticipants(
        tx,
        {
          event: 'hearing_changed',
          aboutId: hearingId,
          caseId,
          link: urls.cabinetCase(caseId),
          legallyRequired: true,
          compose: (t, lang) => {
            const params = { number: found.number ?? '', when: formatDateTime(hearing.startsAt, lang), reason: reason!, next: next ? formatDateTime(next.startsAt, lang) : '' };
            const body = t(`hearings.notice.${outcome}.body`, params) + (next ? ` ${t('hearings.notice.next', params)}` : '');
            return { subject: t(`hearings.notice.${outcome}.subject`, params), body };
          },
        },
        now,
      );
    }
    return { nextHearingId };
  });
}

/** The record's title as the case file lists it, in the language court papers are kept in. */
export function recordTitle(startsAt: Date): string {
  const [year, month, day] = courtDay(startsAt).split('-');
  return `Протокол судебного заседания от ${day}.${month}.${year}`;
}

/**
 * Attaches the record of a closed hearing: a PDF, checked by content, kept by its sha256 with who
 * attached it. Once attached it is a document of the case the parties see; a record is attached
 * once (corrections go through remarks on the record, a filing of the parties).
 */
export async function attachHearingRecord(db: Db, store: BlobStore, principal: Principal, hearingId: string, file: IncomingFile, now: Date): Promise<string> {
  const caseId = await hearingOfCase(db, hearingId);
  await lockedCase(db, principal, caseId, false);
  const checked = await stageChecked(store, file);
  if (checked.mediaType !== 'application/pdf') {
    await store.discard(checked.staged);
    throw new SotError('act_file_not_pdf');
  }
  await keepBlob(db, store, checked.staged, checked.mediaType, now);
  return db.transaction(async (tx) => {
    await lockedCase(tx, principal, caseId, true);
    const hearing = await lockedHearing(tx, hearingId);
    if (!['held', 'adjourned'].includes(hearing.status) || !hearing.openedAt) throw new SotError('hearing_not_closed');
    if (hearing.recordDocumentId) throw new SotError('hearing_record_exists');
    const file = await documentFileColumns(tx, checked, now);
    const [doc] = await tx
      .insert(documents)
      .values({
        caseId,
        kind: 'hearing_record',
        title: recordTitle(hearing.startsAt),
        ...file,
        visibility: 'parties',
        createdBy: principal.userId,
        createdAt: now,
      })
      .returning({ id: documents.id });
    await tx.update(hearings).set({ recordDocumentId: doc!.id }).where(eq(hearings.id, hearingId));
    await tx.insert(events).values({ caseId, type: 'hearing_record_attached', occurredAt: now, actorId: principal.userId, data: { hearingId, documentId: doc!.id } });
    await appendAudit(tx, { actorId: principal.userId, action: 'hearing.record_attached', entityType: 'case', entityId: caseId, data: { hearingId, documentId: doc!.id, sha256: checked.staged.sha256 } }, now);
    return doc!.id;
  });
}
