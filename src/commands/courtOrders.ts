/**
 * A court order after it is issued (CPC Arts 141–143): the debtor's receipt of its copy opens
 * the objection term of 10 working days; an objection in time moves the case to the judge, who
 * cancels the order by a ruling; without one the order enters into force when the term ends.
 * Receipt is what Sot can show: the day the debtor first opened the order here, or the day the
 * clerk recorded a paper copy delivered, whichever came first.
 */
import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Executor, Tx } from '../db/tx.ts';
import { appendAudit } from '../db/audit.ts';
import { caseDeadlines, cases, documents, events, organisations, parties } from '../db/schema/index.ts';
import { addCalendarDays, CalendarMissingError } from '../domain/calendar/workingDays.ts';
import type { IsoDay } from '../domain/calendar/holidays.ts';
import { objectionInTime, receiptDay } from '../domain/courtOrders.ts';
import { deadline } from '../domain/deadlines.ts';
import { isUuid } from '../domain/ids.ts';
import { SotError } from '../errors.ts';
import { formatCourtDay } from '../i18n/format.ts';
import type { Principal } from '../policies/principal.ts';
import { can } from '../policies/rules.ts';
import { loadReference } from '../queries/reference.ts';
import { urls } from '../urls.ts';
import { closeDeadlines, moveCase, openDeadline, today } from './caseProgress.ts';
import { noticeToParticipants } from './notices.ts';

export type ReceiptChannel = 'portal' | 'paper';

/**
 * Whether the principal is the debtor of the case: the defendant in person, the entity whose BIN
 * their certificate carries, or a representative or lawyer of the defendant the court accepted.
 */
export async function isDebtor(db: Executor, principal: Principal, caseId: string): Promise<boolean> {
  const defendants = await db.select({ id: parties.id, userId: parties.userId, organisationId: parties.organisationId }).from(parties).where(and(eq(parties.caseId, caseId), eq(parties.role, 'defendant')));
  if (defendants.some((d) => d.userId === principal.userId)) return true;
  if (principal.bin) {
    const ids = defendants.map((d) => d.organisationId).filter((id): id is string => id !== null);
    if (ids.length > 0) {
      const [entity] = await db.select({ id: organisations.id }).from(organisations).where(and(eq(organisations.bin, principal.bin), inArray(organisations.id, ids)));
      if (entity) return true;
    }
  }
  const ids = defendants.map((d) => d.id);
  if (ids.length === 0) return false;
  const [acting] = await db
    .select({ id: parties.id })
    .from(parties)
    .where(and(eq(parties.caseId, caseId), eq(parties.userId, principal.userId), sql`${parties.role} in ('representative', 'lawyer')`, isNotNull(parties.authorityAcceptedAt), inArray(parties.representsPartyId, ids)));
  return acting !== undefined;
}

/** The debtor's objection term of the case, open or closed; null before receipt was recorded. */
async function objectionTerm(db: Executor, caseId: string) {
  const [term] = await db
    .select({ id: caseDeadlines.id, runsFrom: caseDeadlines.runsFrom, dueOn: caseDeadlines.dueOn, closedAt: caseDeadlines.closedAt })
    .from(caseDeadlines)
    .where(and(eq(caseDeadlines.caseId, caseId), eq(caseDeadlines.kind, 'debtor_objection')))
    .orderBy(desc(caseDeadlines.createdAt))
    .limit(1);
  return term ?? null;
}

/** The issued court order of the case, the latest if there were several. */
async function issuedOrder(db: Executor, caseId: string) {
  const [order] = await db
    .select({ id: documents.id, issuedAt: documents.issuedAt })
    .from(documents)
    .where(and(eq(documents.caseId, caseId), eq(documents.kind, 'court_order'), isNotNull(documents.issuedAt)))
    .orderBy(desc(documents.issuedAt))
    .limit(1);
  return order ?? null;
}

/**
 * Records the debtor's receipt of the order on `day` and opens the objection term from it. A later
 * receipt changes nothing; an earlier one (a paper copy delivered before the debtor opened the
 * order here) moves the term to run from it. Once the debtor objected or the order entered into
 * force, receipt no longer matters. Returns the term's last day, or null when nothing changed.
 */
async function recordReceipt(tx: Tx, caseId: string, receipt: { channel: ReceiptChannel; day: IsoDay; actorId: string }, now: Date): Promise<IsoDay | null> {
  const [locked] = await tx.select({ status: cases.status, number: cases.number }).from(cases).where(eq(cases.id, caseId)).for('update');
  if (locked?.status !== 'order_issued') return null;
  const term = await objectionTerm(tx, caseId);
  const chosen = receiptDay(term?.runsFrom ?? null, receipt.day);
  if (!chosen.moved) return null;
  let dueOn: IsoDay;
  if (term) {
    const { calendar } = await loadReference(tx);
    try {
      dueOn = deadline('debtor_objection', receipt.day, calendar).due;
    } catch (error) {
      if (error instanceof CalendarMissingError) throw new SotError('calendar_missing', { year: error.year });
      throw error;
    }
    await tx.update(caseDeadlines).set({ runsFrom: receipt.day, dueOn }).where(eq(caseDeadlines.id, term.id));
  } else {
    dueOn = await openDeadline(tx, caseId, 'debtor_objection', receipt.day);
  }
  await tx.insert(events).values({ caseId, type: 'court_order_received', occurredAt: now, actorId: receipt.actorId, data: { channel: receipt.channel, receivedOn: receipt.day, dueOn } });
  await appendAudit(tx, { actorId: receipt.actorId, action: 'court_order.received', entityType: 'case', entityId: caseId, data: { channel: receipt.channel, receivedOn: receipt.day, dueOn } }, now);
  await noticeToParticipants(
    tx,
    {
      event: 'court_order_received',
      aboutId: `${caseId}:${receipt.day}`,
      caseId,
      link: urls.cabinetCase(caseId),
      legallyRequired: true,
      compose: (t, lang) => {
        const params = { number: locked.number ?? '', received: formatCourtDay(receipt.day, lang), due: formatCourtDay(dueOn, lang) };
        return { subject: t('courtOrder.notice.received.subject', params), body: t('courtOrder.notice.received.body', params) };
      },
    },
    now,
  );
  return dueOn;
}

/**
 * Called after a case document was served to a reader: when the debtor opens the issued court
 * order for the first time, that day is the day they received its copy.
 */
export async function receiptOnRead(db: Db, principal: Principal, document: { caseId: string; kind: string; issuedAt: Date | null }, now: Date): Promise<void> {
  if (document.kind !== 'court_order' || !document.issuedAt) return;
  if (!(await isDebtor(db, principal, document.caseId))) return;
  const term = await objectionTerm(db, document.caseId);
  if (term) return;
  await db.transaction((tx) => recordReceipt(tx, document.caseId, { channel: 'portal', day: today(now), actorId: principal.userId }, now));
}

/** The court office records that a paper copy of the order was handed to the debtor on `deliveredOn`. */
export async function recordPaperDelivery(db: Db, principal: Principal, caseId: string, deliveredOn: string, now: Date): Promise<IsoDay | null> {
  if (!isUuid(caseId)) throw new SotError('not_found');
  const [found] = await db.select({ courtId: cases.courtId, status: cases.status }).from(cases).where(eq(cases.id, caseId));
  if (!found || !can(principal, { action: 'serve', resource: 'case', courtId: found.courtId })) throw new SotError('not_found');
  if (found.status !== 'order_issued') throw new SotError('court_order_not_awaiting_receipt');
  const order = await issuedOrder(db, caseId);
  if (!order?.issuedAt) throw new SotError('court_order_not_awaiting_receipt');
  const day = deliveredOn.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`)) || day > today(now) || day < today(order.issuedAt)) throw new SotError('court_order_delivery_date_invalid');
  return db.transaction(async (tx) => {
    const [locked] = await tx.select({ status: cases.status }).from(cases).where(eq(cases.id, caseId)).for('update');
    if (locked?.status !== 'order_issued') throw new SotError('court_order_not_awaiting_receipt');
    const due = await recordReceipt(tx, caseId, { channel: 'paper', day: day as IsoDay, actorId: principal.userId }, now);
    // A delivery after the debtor had already opened the order here is kept on the timeline only.
    if (!due) await tx.insert(events).values({ caseId, type: 'court_order_delivered', occurredAt: now, actorId: principal.userId, data: { channel: 'paper', receivedOn: day } });
    return due;
  });
}

/**
 * Whether the principal may object now: they are the debtor, the order stands and the term has
 * not ended. Checked when the objection is started and again when it is signed.
 */
export async function assertMayObject(db: Executor, principal: Principal, caseId: string, now: Date): Promise<void> {
  const [found] = await db.select({ status: cases.status }).from(cases).where(eq(cases.id, caseId));
  if (!found) throw new SotError('case_not_found');
  if (!(await isDebtor(db, principal, caseId))) throw new SotError('court_order_objection_not_debtor');
  if (found.status !== 'order_issued') throw new SotError('court_order_objection_not_open');
  const term = await objectionTerm(db, caseId);
  if (!objectionInTime(term, today(now))) throw new SotError('court_order_objection_term_passed', { due: term!.dueOn });
}

/**
 * An objection received in time, inside the submitting transaction: the case goes to the judge,
 * whose ruling cancelling the order is due within 3 working days (CPC Art. 142(2)).
 */
export async function applyObjection(tx: Tx, filing: { caseId: string; filingId: string; talonNumber: string; filerId: string }, now: Date): Promise<void> {
  const [locked] = await tx.select({ status: cases.status, instance: cases.instance, number: cases.number }).from(cases).where(eq(cases.id, filing.caseId)).for('update');
  if (locked?.status !== 'order_issued') throw new SotError('court_order_objection_not_open');
  const term = await objectionTerm(tx, filing.caseId);
  const day = today(now);
  if (!objectionInTime(term, day)) throw new SotError('court_order_objection_term_passed', { due: term!.dueOn });
  await moveCase(tx, { caseId: filing.caseId, instance: locked.instance, from: 'order_issued', path: ['order_objected'], actorId: filing.filerId, now, data: { filingId: filing.filingId } });
  await closeDeadlines(tx, filing.caseId, ['debtor_objection'], now);
  const cancelBy = await openDeadline(tx, filing.caseId, 'court_order_cancellation', day);
  await tx.insert(events).values({ caseId: filing.caseId, type: 'court_order_objected', occurredAt: now, actorId: filing.filerId, data: { filingId: filing.filingId, talonNumber: filing.talonNumber } });
  await appendAudit(tx, { actorId: filing.filerId, action: 'court_order.objected', entityType: 'case', entityId: filing.caseId, data: { filingId: filing.filingId, cancelBy } }, now);
  await noticeToParticipants(
    tx,
    {
      event: 'court_order_objected',
      aboutId: filing.filingId,
      caseId: filing.caseId,
      link: urls.cabinetCase(filing.caseId),
      legallyRequired: false,
      compose: (t) => {
        const params = { number: locked.number ?? '' };
        return { subject: t('courtOrder.notice.objected.subject', params), body: t('courtOrder.notice.objected.body', params) };
      },
    },
    now,
    [filing.filerId],
  );
}

/** The judge's ruling cancelling the order was issued: both sides hear what it means for them. */
export async function noticeOrderCancelled(tx: Tx, act: { caseId: string; number: string; documentId: string; actorId: string }, now: Date): Promise<void> {
  await appendAudit(tx, { actorId: act.actorId, action: 'court_order.cancelled', entityType: 'case', entityId: act.caseId, data: { documentId: act.documentId } }, now);
  await noticeToParticipants(
    tx,
    {
      event: 'court_order_cancelled',
      aboutId: act.documentId,
      caseId: act.caseId,
      link: urls.caseDocument(act.caseId, act.documentId),
      legallyRequired: true,
      compose: (t) => {
        const params = { number: act.number };
        return { subject: t('courtOrder.notice.cancelled.subject', params), body: t('courtOrder.notice.cancelled.body', params) };
      },
    },
    now,
  );
}

/**
 * Court orders no one objected to within the term enter into force the day after its last day,
 * and are handed to the claimant for enforcement (CPC Art. 143(1)). Run periodically like the
 * entry into force of decisions; each case moves once, under its row lock.
 */
export async function enterCourtOrdersIntoForce(db: Db, now: Date, limit = 500): Promise<number> {
  const due = await db
    .select({ caseId: caseDeadlines.caseId, dueOn: caseDeadlines.dueOn })
    .from(caseDeadlines)
    .innerJoin(cases, eq(cases.id, caseDeadlines.caseId))
    .where(and(eq(caseDeadlines.kind, 'debtor_objection'), isNull(caseDeadlines.closedAt), lt(caseDeadlines.dueOn, today(now)), eq(cases.status, 'order_issued')))
    .orderBy(asc(caseDeadlines.dueOn))
    .limit(limit);
  let moved = 0;
  for (const { caseId, dueOn } of due) {
    const done = await db.transaction(async (tx) => {
      const [locked] = await tx.select({ status: cases.status, instance: cases.instance, number: cases.number }).from(cases).where(eq(cases.id, caseId)).for('update');
      if (locked?.status !== 'order_issued') return false;
      // The term may have been moved by an earlier receipt meanwhile: read it again under the lock.
      const term = await objectionTerm(tx, caseId);
      if (!term || term.closedAt || term.dueOn >= today(now)) return false;
      const inForceOn = addCalendarDays(term.dueOn as IsoDay, 1);
      await moveCase(tx, { caseId, instance: locked.instance, from: 'order_issued', path: ['in_force'], actorId: null, now, data: { objectionTermEnded: term.dueOn }, set: { inForceOn } });
      await closeDeadlines(tx, caseId, ['debtor_objection'], now);
      await appendAudit(tx, { actorId: null, action: 'court_order.in_force', entityType: 'case', entityId: caseId, data: { inForceOn, objectionTermEnded: dueOn } }, now);
      await noticeToParticipants(
        tx,
        {
          event: 'court_order_in_force',
          aboutId: caseId,
          caseId,
          link: urls.cabinetCase(caseId),
          legallyRequired: true,
          compose: (t) => {
            const params = { number: locked.number ?? '' };
            return { subject: t('courtOrder.notice.inForce.subject', params), body: t('courtOrder.notice.inForce.body', params) };
          },
        },
        now,
      );
      return true;
    });
    if (done) moved++;
  }
  return moved;
}
