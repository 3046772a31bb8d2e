/**
 * Scheduling and postponing hearings. A hearing needs a free judge and, in the courthouse, a free
 * room: both are checked under per-court and per-judge transaction locks, so two hearings booked
 * at the same moment cannot both take the same slot. The parties are told after the change.
 */
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { appendAudit } from '../db/audit.ts';
import type { Tx } from '../db/tx.ts';
import { cases, events, hearings } from '../db/schema/index.ts';
import type { CaseStatus } from '../domain/caseStatus.ts';
import { isVideoLink, slotRefusal } from '../domain/hearingSlots.ts';
import type { CourtCalendar } from '../domain/calendar/workingDays.ts';
import { loadReference } from '../queries/reference.ts';
import { isUuid } from '../domain/ids.ts';
import { SotError } from '../errors.ts';
import { formatDateTime } from '../i18n/format.ts';
import type { Principal } from '../policies/principal.ts';
import { can } from '../policies/rules.ts';
import { closeDeadlines, moveCase, openDeadline, today } from './caseProgress.ts';
import { considerationKind, hasTrialTerms } from '../domain/deadlines.ts';
import { noticeToParticipants } from './notices.ts';
import { urls } from '../urls.ts';

export interface HearingSlot {
  startsAt: Date;
  durationMinutes: number;
  room?: string | undefined;
  videoLink?: string | undefined;
}

/** The stages in which a judge schedules hearings, and the statuses each passes through to get there. */
const PATH_TO_HEARING: Partial<Record<CaseStatus, CaseStatus[]>> = {
  accepted: ['preparation', 'hearing_scheduled'],
  preparation: ['hearing_scheduled'],
  hearing_scheduled: [],
};

export function checkedSlot(slot: HearingSlot, now: Date, calendar: CourtCalendar): { startsAt: Date; durationMinutes: number; room: string | null; videoLink: string | null } {
  const refusal = slotRefusal(slot.startsAt, slot.durationMinutes, now, calendar);
  // A day in a year not yet entered in the court calendar: the message names the year.
  if (refusal) throw new SotError(refusal, refusal === 'calendar_missing' ? { year: slot.startsAt.getUTCFullYear() } : undefined);
  const room = slot.room?.trim() || null;
  const videoLink = slot.videoLink?.trim() || null;
  if (!room && !videoLink) throw new SotError('hearing_place_required');
  if (room && (room.length > 40 || !/^[\p{L}\p{N} .,/№-]+$/u.test(room))) throw new SotError('hearing_place_required');
  if (videoLink && !isVideoLink(videoLink)) throw new SotError('hearing_link_invalid');
  return { startsAt: slot.startsAt, durationMinutes: slot.durationMinutes, room, videoLink };
}

export async function lockedCase(db: Db | Tx, principal: Principal, caseId: string, lock: boolean) {
  if (!isUuid(caseId)) throw new SotError('not_found');
  const query = db
    .select({ id: cases.id, courtId: cases.courtId, judgeId: cases.judgeId, status: cases.status, instance: cases.instance, number: cases.number, category: cases.category, simplified: cases.simplified })
    .from(cases)
    .where(eq(cases.id, caseId));
  const [found] = lock ? await query.for('update') : await query;
  if (!found || !can(principal, { action: 'decide', resource: 'case', courtId: found.courtId, judgeId: found.judgeId })) throw new SotError('not_found');
  return found;
}

/** Refuses a slot that overlaps another scheduled hearing of the judge, or of the room in this court. */
export async function assertFree(tx: Tx, slot: ReturnType<typeof checkedSlot>, courtId: string, judgeId: string, except?: string): Promise<void> {
  // Locks in a fixed order (court, then judge) so two bookings never wait on each other in a circle.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`hearings:court:${courtId}`}))`);
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`hearings:judge:${judgeId}`}))`);
  const ends = new Date(slot.startsAt.getTime() + slot.durationMinutes * 60_000);
  const overlapping = and(
    // A hearing under way holds its judge and room as a booked one does.
    inArray(hearings.status, ['scheduled', 'opened']),
    sql`${hearings.startsAt} < ${ends.toISOString()}::timestamptz`,
    sql`${hearings.startsAt} + make_interval(mins => ${hearings.durationMinutes}::int) > ${slot.startsAt.toISOString()}::timestamptz`,
    except ? ne(hearings.id, except) : undefined,
  );
  const [judgeBusy] = await tx.select({ id: hearings.id }).from(hearings).where(and(overlapping, eq(hearings.judgeId, judgeId))).limit(1);
  if (judgeBusy) throw new SotError('hearing_judge_busy');
  if (slot.room) {
    const [roomBusy] = await tx.select({ id: hearings.id }).from(hearings).where(and(overlapping, eq(hearings.courtId, courtId), eq(hearings.room, slot.room))).limit(1);
    if (roomBusy) throw new SotError('hearing_room_busy');
  }
}

function tellParties(tx: Tx, caseId: string, hearingId: string, number: string | null, startsAt: Date, key: 'scheduled' | 'postponed', now: Date) {
  return noticeToParticipants(
    tx,
    {
      event: key === 'scheduled' ? 'hearing_scheduled' : 'hearing_changed',
      // A postponement makes a new hearing row, so each new time is its own notice.
      aboutId: hearingId,
      caseId,
      link: urls.cabinetCase(caseId),
      legallyRequired: true,
      compose: (t, lang) => {
        const params = { number: number ?? '', when: formatDateTime(startsAt, lang) };
        return { subject: t(`proceedings.notice.hearing.${key}.subject`, params), body: t(`proceedings.notice.hearing.${key}.body`, params) };
      },
    },
    now,
  );
}

export async function scheduleHearing(db: Db, principal: Principal, caseId: string, slot: HearingSlot, now: Date): Promise<string> {
  const checked = checkedSlot(slot, now, (await loadReference(db)).calendar);
  await lockedCase(db, principal, caseId, false);
  return db.transaction(async (tx) => {
    const found = await lockedCase(tx, principal, caseId, true);
    const path = PATH_TO_HEARING[found.status];
    if (!path) throw new SotError('hearing_not_allowed');
    await assertFree(tx, checked, found.courtId, found.judgeId!);
    const [hearing] = await tx
      .insert(hearings)
      .values({ caseId, ...checked, status: 'scheduled', judgeId: found.judgeId, courtId: found.courtId, createdBy: principal.userId, createdAt: now })
      .returning({ id: hearings.id });
    await moveCase(tx, { caseId, instance: found.instance, from: found.status, path, actorId: principal.userId, now });
    // Appointing the first hearing ends the preparation (CPC Art. 173) and starts the term of consideration (Art. 183(2)).
    if (path.length > 0 && hasTrialTerms(found)) {
      await closeDeadlines(tx, caseId, ['preparation'], now);
      await openDeadline(tx, caseId, considerationKind(found.category), today(now));
    }
    await tx.insert(events).values({ caseId, type: 'hearing_scheduled', occurredAt: now, actorId: principal.userId, data: { hearingId: hearing!.id, startsAt: checked.startsAt.toISOString() } });
    await appendAudit(tx, { actorId: principal.userId, action: 'hearing.scheduled', entityType: 'case', entityId: caseId, data: { hearingId: hearing!.id, startsAt: checked.startsAt.toISOString() } }, now);
    await tellParties(tx, caseId, hearing!.id, found.number, checked.startsAt, 'scheduled', now);
    return hearing!.id;
  });
}

/** Postpones a scheduled hearing to a new slot, with the reason the parties will read. */
export async function postponeHearing(db: Db, principal: Principal, hearingId: string, slot: HearingSlot, reason: string, now: Date): Promise<string> {
  if (!isUuid(hearingId)) throw new SotError('not_found');
  const trimmed = reason.trim();
  if (trimmed.length < 5 || trimmed.length > 2000) throw new SotError('decision_reason_required');
  const checked = checkedSlot(slot, now, (await loadReference(db)).calendar);
  const [existing] = await db.select({ caseId: hearings.caseId }).from(hearings).where(eq(hearings.id, hearingId));
  if (!existing) throw new SotError('not_found');
  await lockedCase(db, principal, existing.caseId, false);
  return db.transaction(async (tx) => {
    const found = await lockedCase(tx, principal, existing.caseId, true);
    const [old] = await tx.select().from(hearings).where(eq(hearings.id, hearingId)).for('update');
    if (old!.status !== 'scheduled' || found.status !== 'hearing_scheduled') throw new SotError('hearing_not_scheduled');
    await assertFree(tx, checked, found.courtId, found.judgeId!, hearingId);
    const [replacement] = await tx
      .insert(hearings)
      .values({ caseId: found.id, ...checked, status: 'scheduled', judgeId: found.judgeId, courtId: found.courtId, createdBy: principal.userId, createdAt: now })
      .returning({ id: hearings.id });
    await tx.update(hearings).set({ status: 'postponed', reason: trimmed, postponedToId: replacement!.id }).where(eq(hearings.id, hearingId));
    await tx.insert(events).values({
      caseId: found.id,
      type: 'hearing_postponed',
      occurredAt: now,
      actorId: principal.userId,
      data: { hearingId, replacedBy: replacement!.id, from: old!.startsAt.toISOString(), startsAt: checked.startsAt.toISOString() },
    });
    await appendAudit(tx, { actorId: principal.userId, action: 'hearing.postponed', entityType: 'case', entityId: found.id, data: { hearingId, replacedBy: replacement!.id, reason: trimmed } }, now);
    await tellParties(tx, found.id, replacement!.id, found.number, checked.startsAt, 'postponed', now);
    return replacement!.id;
  });
}
