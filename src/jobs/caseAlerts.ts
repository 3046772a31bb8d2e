/**
 * Case alerts: each new event of the case timeline told to the people following the case (the
 * rules are in src/domain/caseAlerts.ts), once per event, person and channel.
 *
 * Events are read past a cursor (`event_cursors`), in bounded batches; each batch's notifications
 * and the cursor's move are one transaction, so a crash between them loses nothing and repeats
 * nothing, and the dedupe key `alert:<eventId>:<userId>:<channel>` refuses a repeat besides.
 *
 * Why the cursor is a transaction id and not only the event id: an identity value is taken when
 * the row is inserted, not when it commits, so event 11 can be visible while event 10's
 * transaction is still running; a cursor moved past 11 would never see 10. A margin of a few
 * seconds only guesses how long transactions run. Instead each event keeps the id of the
 * transaction that wrote it (`events.tx_id`), events are read in (tx_id, id) order, and only
 * those of transactions older than the oldest one still running (`pg_snapshot_xmin`): every such
 * transaction has ended, and any event written from now on belongs to a transaction at or past
 * that point, so after the cursor. A transaction left open holds alerts back until it ends; none
 * is lost. The cursor row is locked for the batch, so two runs at once take turns.
 */
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Tx } from '../db/tx.ts';
import { caseFollows, cases, eventCursors, events, notifications, users } from '../db/schema/index.ts';
import { caseParticipantPairs } from '../queries/caseParticipants.ts';
import { alertRecipients, type AlertChannel, type AlertRecipient, type Contactable } from '../domain/caseAlerts.ts';
import { foldTimeline } from '../domain/timeline.ts';
import type { CaseStatus } from '../domain/caseStatus.ts';
import { composeInEveryLanguage, dedupeKey, externalLink, renderNotice, type Compose } from '../commands/notices.ts';
import { DEFAULT_LANG, isLang, translator } from '../i18n/index.ts';
import { urls } from '../urls.ts';
import { timelineText } from '../views/pages/CabinetCasePage.tsx';

export const CASE_ALERTS_CURSOR = 'case-alerts';
/** The notification's `event` (and first part of the dedupe key) of an alert. */
export const ALERT_EVENT = 'alert';

/** Events per transaction, and transactions per run: a backlog is worked off over a few ticks. */
export const ALERT_BATCH = 200;
const MAX_BATCHES = 20;

interface NewEvent {
  id: number;
  caseId: string;
  type: string;
  occurredAt: Date;
  actorId: string | null;
  data: Record<string, unknown>;
  txId: string;
}

/** What the alert says: the case history's words for the event, and the status it brought. */
export function composeAlert(event: Pick<NewEvent, 'id' | 'type' | 'occurredAt' | 'data'> & { status?: CaseStatus | undefined }, number: string, audience: AlertRecipient['audience']): Compose {
  return (t) => {
    // A public follower reads an act only by what it did to the case: its text is not public.
    const what = audience === 'public' && event.status && event.type === 'document_issued' ? t(`status.${event.status}`) : timelineText(t, event);
    const params = { number, what };
    const body = event.status ? t('caseAlerts.notice.bodyWithStatus', { ...params, status: t(`status.${event.status}`) }) : t('caseAlerts.notice.body', params);
    return { subject: t('caseAlerts.notice.subject', params), body, sms: t('caseAlerts.notice.sms', params) };
  };
}

/** Moves the cursor past every event written so far: for data made in bulk (the demo), whose history is nobody's news. */
export async function skipCaseAlertsToNow(tx: Tx, now: Date): Promise<void> {
  const values = { lastTxId: sql`pg_current_xact_id()::text`, lastEventId: sql`(select coalesce(max(${events.id}), 0) from ${events})`, movedAt: now };
  await tx
    .insert(eventCursors)
    .values({ name: CASE_ALERTS_CURSOR, ...values } as never)
    .onConflictDoUpdate({ target: eventCursors.name, set: values as never });
}

/** One batch: alerts for the next events past the cursor. Returns how many events it took and the notifications to deliver. */
async function fanOutBatch(tx: Tx, now: Date): Promise<{ taken: number; toDeliver: string[] }> {
  let [cursor] = await tx.select().from(eventCursors).where(eq(eventCursors.name, CASE_ALERTS_CURSOR)).for('update');
  if (!cursor) {
    await skipCaseAlertsToNow(tx, now);
    return { taken: 0, toDeliver: [] };
  }
  const batch = (
    await tx.execute<{ id: string; case_id: string; type: string; occurred_at: string | Date; actor_id: string | null; data: Record<string, unknown>; tx_id: string }>(sql`
      select ${events.id} as id, ${events.caseId} as case_id, ${events.type} as type, ${events.occurredAt} as occurred_at, ${events.actorId} as actor_id, ${events.data} as data, ${events.txId}::text as tx_id
      from ${events}
      where (${events.txId}, ${events.id}) > (${cursor.lastTxId}::xid8, ${cursor.lastEventId}::bigint)
        and ${events.txId} < pg_snapshot_xmin(pg_current_snapshot())
      order by ${events.txId}, ${events.id}
      limit ${ALERT_BATCH}`)
  ).rows.map((r): NewEvent => ({ id: Number(r.id), caseId: r.case_id, type: r.type, occurredAt: new Date(r.occurred_at), actorId: r.actor_id, data: r.data, txId: r.tx_id }));
  if (batch.length === 0) return { taken: 0, toDeliver: [] };

  const caseIds = [...new Set(batch.map((e) => e.caseId))];
  const instants = [...new Set(batch.map((e) => e.occurredAt.toISOString()))].map((i) => new Date(i));
  const participating = caseParticipantPairs(tx, { caseIds });
  // A transaction's statements run one at a time on its connection whatever the code does: sent
  // together they only queue in the driver, which pg 9 will refuse.
  const caseRows = await tx.select({ id: cases.id, number: cases.number, closedHearing: cases.closedHearing, category: cases.category }).from(cases).where(inArray(cases.id, caseIds));
  // The events written at the same instant in the same cases: the status changes a command
  // caused are folded into its own event, as the case history shows them.
  const siblings = await tx
    .select({ id: events.id, caseId: events.caseId, type: events.type, occurredAt: events.occurredAt, data: events.data })
    .from(events)
    .where(and(inArray(events.caseId, caseIds), inArray(events.occurredAt, instants)));
  const participantRows = await tx.select({ caseId: participating.caseId, user: users }).from(participating).innerJoin(users, eq(users.id, participating.userId));
  const followRows = await tx.select({ follow: caseFollows, user: users }).from(caseFollows).innerJoin(users, eq(users.id, caseFollows.userId)).where(inArray(caseFollows.caseId, caseIds));
  const toldRows = await tx
    .selectDistinct({ userId: notifications.userId, caseId: notifications.caseId, queuedAt: notifications.queuedAt })
    .from(notifications)
    .where(and(inArray(notifications.caseId, caseIds), inArray(notifications.queuedAt, instants), ne(notifications.event, ALERT_EVENT)));

  const caseById = new Map(caseRows.map((c) => [c.id, c]));
  const folded = new Map<number, { status?: CaseStatus }>();
  for (const caseId of caseIds) {
    const ofCase = siblings.filter((s) => s.caseId === caseId).sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime() || b.id - a.id);
    for (const e of foldTimeline(ofCase)) folded.set(e.id, e.status ? { status: e.status } : {});
  }
  const contactable = (u: typeof users.$inferSelect): Contactable => ({
    userId: u.id,
    hasEmail: u.email !== null && u.emailVerifiedAt !== null,
    hasPhone: u.phone !== null && u.phoneVerifiedAt !== null,
    notifyByEmail: u.notifyByEmail,
    notifyBySms: u.notifyBySms,
  });
  const usersById = new Map([...participantRows.map((r) => r.user), ...followRows.map((r) => r.user)].map((u) => [u.id, u]));

  const rows: (typeof notifications.$inferInsert)[] = [];
  for (const event of batch) {
    const found = caseById.get(event.caseId);
    const fold = folded.get(event.id);
    // Folded into the event that caused it: that event's alert says the status.
    if (!found || !fold) continue;
    const told = new Set(toldRows.filter((r) => r.caseId === event.caseId && r.queuedAt.getTime() === event.occurredAt.getTime()).map((r) => r.userId));
    const recipients = alertRecipients({
      event: { type: event.type, actorId: event.actorId, status: fold.status },
      case: found,
      participants: participantRows.filter((r) => r.caseId === event.caseId).map((r) => contactable(r.user)),
      follows: followRows.filter((r) => r.follow.caseId === event.caseId).map((r) => ({ ...r.follow, ...contactable(r.user) })),
      alreadyTold: told,
    });
    for (const recipient of recipients) {
      const user = usersById.get(recipient.userId)!;
      const number = found.number ?? '';
      const compose = composeAlert({ ...event, status: fold.status }, number, recipient.audience);
      const link = recipient.audience === 'participant' ? urls.cabinetCase(event.caseId) : urls.caseStatus(number);
      rows.push(...(await alertRows(tx, user, recipient.channels, { eventId: event.id, caseId: event.caseId, link, compose }, now)));
    }
  }

  const last = batch.at(-1)!;
  const inserted = rows.length
    ? await tx.insert(notifications).values(rows).onConflictDoNothing({ target: notifications.dedupeKey }).returning({ id: notifications.id, channel: notifications.channel })
    : [];
  await tx.update(eventCursors).set({ lastTxId: last.txId, lastEventId: last.id, movedAt: now }).where(eq(eventCursors.name, CASE_ALERTS_CURSOR));
  return { taken: batch.length, toDeliver: inserted.filter((r) => r.channel !== 'in_app').map((r) => r.id) };
}

/** One person's rows for one event: in the app in every language, the chosen external channels in theirs. */
async function alertRows(
  tx: Tx,
  user: typeof users.$inferSelect,
  channels: readonly AlertChannel[],
  alert: { eventId: number; caseId: string; link: string; compose: Compose },
  now: Date,
): Promise<(typeof notifications.$inferInsert)[]> {
  const lang = isLang(user.language) ? user.language : DEFAULT_LANG;
  const t = translator(lang);
  const composed = alert.compose(t, lang);
  const external = channels.some((c) => c !== 'in_app') ? await externalLink(tx, alert.link, now) : null;
  return channels.map((channel) => ({
    userId: user.id,
    caseId: alert.caseId,
    event: ALERT_EVENT,
    dedupeKey: dedupeKey(ALERT_EVENT, String(alert.eventId), user.id, channel),
    channel,
    address: channel === 'email' ? user.email : channel === 'sms' ? user.phone : null,
    lang,
    ...renderNotice(t, composed, external?.url ?? null, channel),
    link: alert.link,
    legallyRequired: false,
    ...(channel === 'in_app' ? { status: 'delivered' as const, sentAt: now, deliveredAt: now, ...composeInEveryLanguage(alert.compose) } : {}),
    queuedAt: now,
  }));
}

/**
 * Works through the events written since the last run, a batch per transaction, up to a bound.
 * Returns how many events it took and the ids of e-mails and SMS to deliver.
 */
export async function fanOutCaseAlerts(db: Db, now: Date): Promise<{ events: number; toDeliver: string[] }> {
  let total = 0;
  const toDeliver: string[] = [];
  for (let i = 0; i < MAX_BATCHES; i++) {
    const { taken, toDeliver: ids } = await db.transaction((tx) => fanOutBatch(tx, now));
    total += taken;
    toDeliver.push(...ids);
    if (taken < ALERT_BATCH) break;
  }
  return { events: total, toDeliver };
}
