/**
 * Paying the state duty of a filing: by card on the acquirer's hosted page, settled by the
 * acquirer's signed server-to-server notification (never by the payer's return to our site, which
 * anyone can fake), or with a scanned payment document that a clerk of the filing's court
 * verifies or rejects. Each change is a compare-and-set on the payment's status with its audit
 * row in one transaction, so a retried notification or a second click changes nothing twice.
 */
import { and, eq, sql } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import type { AcquirerClient, AcquirerNotification } from '../adapters/payments/acquirer.ts';
import type { BlobStore } from '../adapters/storage/blobStore.ts';
import type { Db } from '../db/client.ts';
import { appendAudit } from '../db/audit.ts';
import { isDatabaseError } from '../db/databaseError.ts';
import { keepBlob } from '../db/blobs.ts';
import type { Tx } from '../db/tx.ts';
import { blobs, filingAttachments, filings, paymentNotifications, payments, users } from '../db/schema/index.ts';
import { queueNotice, type NoticeEvent } from './notices.ts';
import type { OwedDuty } from '../domain/duty/index.ts';
import { dutySettled, type DutyStatus } from '../domain/filingTypes.ts';
import { SotError } from '../errors.ts';
import { courtDateIso, formatTenge } from '../i18n/format.ts';
import type { MessageKey, Translate } from '../i18n/index.ts';
import type { Principal } from '../policies/principal.ts';
import { can } from '../policies/rules.ts';
import { urls } from '../urls.ts';
import { dutyOfStoredFiling } from './filingDuty.ts';
import { MAX_ATTACHMENTS, ownFiling, stageChecked, type Filing, type IncomingFile } from './filings.ts';
import { isUuid } from '../domain/ids.ts';
import { isValidIin } from '../domain/iin.ts';


/** Where the acquirer posts its notifications, under the public URL. */
export const CALLBACK_PATH = '/api/v1/payments/callback';

/**
 * What the filing still owes, or null when nothing can be paid: the duty is settled, nothing is
 * due, or a draft does not say enough yet to compute it. A submitted filing owes the amount fixed
 * at submission; a draft owes what it would owe if paid now.
 */
export async function dutyOwed(db: Db, filing: Filing, now: Date): Promise<OwedDuty | null> {
  if (dutySettled(filing.dutyStatus)) return null;
  if (filing.status === 'submitted') return filing.dutyAmountTiyn && filing.dutyAmountTiyn > 0 ? { amountTiyn: filing.dutyAmountTiyn, basis: filing.dutyBasis } : null;
  const duty = await dutyOfStoredFiling(db, filing, now);
  return duty.exempt || duty.amountTiyn <= 0 ? null : { amountTiyn: duty.amountTiyn, basis: duty.basis };
}

async function payableFiling(db: Db, principal: Principal, filingId: string, now: Date): Promise<{ filing: Filing; owed: OwedDuty }> {
  const filing = await ownFiling(db, principal, filingId, 'pay');
  const owed = await dutyOwed(db, filing, now);
  if (!owed) throw new SotError('duty_not_payable');
  return { filing, owed };
}

// ── Notices to the filer ─────────────────────────────────────────────────────────────────────

/** How a notice names the filing: its talon once submitted, else as the person's draft. */
const filingLabel = (t: Translate, filing: Pick<Filing, 'talonNumber'>) => (filing.talonNumber ? t('payments.notice.talon', { talon: filing.talonNumber }) : t('payments.notice.draft'));

/** Tells the filer, by the channels they keep notices on. */
async function notifyFiler(
  tx: Tx,
  filing: Pick<Filing, 'id' | 'filerId' | 'talonNumber' | 'caseId'>,
  notice: { event: NoticeEvent; paymentId: string; subject: MessageKey; body: MessageKey; params: Record<string, string | number>; amountTiyn: number },
  now: Date,
): Promise<void> {
  const [filer] = await tx.select().from(users).where(eq(users.id, filing.filerId));
  if (!filer) return;
  await queueNotice(
    tx,
    filer,
    {
      event: notice.event,
      aboutId: notice.paymentId,
      caseId: filing.caseId,
      link: urls.filing(filing.id),
      legallyRequired: false,
      compose: (t, lang) => {
        const params = { ...notice.params, filing: filingLabel(t, filing), amount: formatTenge(notice.amountTiyn / 100, lang) };
        return { subject: t(notice.subject, params), body: t(notice.body, params) };
      },
    },
    now,
  );
}

// ── Card payments ────────────────────────────────────────────────────────────────────────────

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** 80 random bits in RFC 4648 base32: unguessable, and easy to read out to a bank's help line. */
function newOrderId(): string {
  const bytes = randomBytes(10);
  let bits = 0;
  let value = 0;
  let text = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      text += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return `SOT-${text}`;
}

export interface CardPaymentStart {
  paymentId: string;
  orderId: string;
  /** The acquirer's signed payment page for this order, where the payer goes next. */
  paymentUrl: string;
}

/** Opens a card payment of what the filing owes and gives the acquirer's page to send the payer to. */
export async function startCardPayment(db: Db, acquirer: AcquirerClient, principal: Principal, filingId: string, { publicUrl }: { publicUrl: string }, now: Date): Promise<CardPaymentStart> {
  const { filing, owed } = await payableFiling(db, principal, filingId, now);
  const orderId = newOrderId();
  const paymentId = await db.transaction(async (tx) => {
    const [row] = await tx.insert(payments).values({ filingId: filing.id, method: 'card', status: 'pending', amountTiyn: owed.amountTiyn, orderId, createdAt: now, updatedAt: now }).returning({ id: payments.id });
    await appendAudit(tx, { actorId: principal.userId, action: 'payment.started', entityType: 'payment', entityId: row!.id, data: { filingId: filing.id, orderId, amountTiyn: owed.amountTiyn } }, now);
    return row!.id;
  });
  const paymentUrl = acquirer.paymentPageUrl({
    orderId,
    amountTiyn: owed.amountTiyn,
    description: filing.talonNumber ? `State duty, talon ${filing.talonNumber}` : `State duty, filing ${filing.id}`,
    returnUrl: `${publicUrl}${urls.filingPaymentResult(filing.id)}?order=${encodeURIComponent(orderId)}`,
    callbackUrl: `${publicUrl}${CALLBACK_PATH}`,
    at: now,
  });
  return { paymentId, orderId, paymentUrl };
}

/** The order id a refused notification claims, if it names one: never any other of its bytes. */
function claimedOrderId(rawBody: Buffer): string | null {
  try {
    const body = JSON.parse(rawBody.toString('utf8')) as { orderId?: unknown };
    return typeof body?.orderId === 'string' && /^[\w.:-]{1,64}$/.test(body.orderId) ? body.orderId : null;
  } catch {
    return null;
  }
}

/** The notification's own fields: the acquirer sends only a masked card number. */
function storedFields(n: AcquirerNotification): Record<string, unknown> {
  return { merchantId: n.merchantId, orderId: n.orderId, status: n.status, amount: n.amountTiyn, currency: n.currency, reference: n.reference, cardMask: n.cardMask, at: n.at.toISOString() };
}

async function recordNotification(tx: Tx, row: { orderId: string | null; signatureValid: boolean; body: Record<string, unknown>; outcome: 'applied' | 'duplicate' | 'rejected' }, now: Date): Promise<string> {
  const [saved] = await tx.insert(paymentNotifications).values({ ...row, receivedAt: now }).returning({ id: paymentNotifications.id });
  return saved!.id;
}

async function rejectNotification(tx: Tx, row: { orderId: string | null; signatureValid: boolean; body: Record<string, unknown> }, reason: string, now: Date): Promise<{ accepted: false }> {
  const id = await recordNotification(tx, { ...row, outcome: 'rejected' }, now);
  await appendAudit(tx, { actorId: null, action: 'payment.notification_rejected', entityType: 'payment_notification', entityId: id, data: { reason, orderId: row.orderId } }, now);
  return { accepted: false };
}

/**
 * Takes the acquirer's notification about an order. Every one is kept, forged or not. A valid
 * one moves the pending payment to paid or declined, once: the acquirer retries until it hears
 * 2xx and may send the same notification twice, so one for a payment already settled changes
 * nothing and is still acknowledged.
 */
export async function handleAcquirerNotification(db: Db, acquirer: AcquirerClient, rawBody: Buffer, signatureHeader: string | undefined, now: Date): Promise<{ accepted: boolean }> {
  const parsed = acquirer.parseNotification(rawBody, signatureHeader);
  if (!parsed.ok) {
    const orderId = claimedOrderId(rawBody);
    return db.transaction((tx) => rejectNotification(tx, { orderId, signatureValid: parsed.reason !== 'bad_signature', body: orderId ? { orderId } : {} }, parsed.reason, now));
  }
  const n = parsed.notification;
  const fields = { orderId: n.orderId, signatureValid: true, body: storedFields(n) };
  return db.transaction(async (tx) => {
    const [payment] = await tx.select().from(payments).where(eq(payments.orderId, n.orderId)).for('update');
    if (!payment || payment.method !== 'card') return rejectNotification(tx, fields, 'unknown_order', now);
    // The acquirer charges what our signed link asked; any other amount is not our order.
    if (payment.amountTiyn !== n.amountTiyn) return rejectNotification(tx, fields, 'amount_mismatch', now);
    if (payment.status !== 'pending') {
      await recordNotification(tx, { ...fields, outcome: 'duplicate' }, now);
      return { accepted: true };
    }
    await tx
      .update(payments)
      .set({ status: n.status, providerReference: n.reference, paidAt: n.status === 'paid' ? n.at : null, updatedAt: now })
      .where(and(eq(payments.id, payment.id), eq(payments.status, 'pending')));
    const [filing] = await tx.select().from(filings).where(eq(filings.id, payment.filingId)).for('update');
    if (n.status === 'paid' && !dutySettled(filing!.dutyStatus)) {
      await tx.update(filings).set({ dutyStatus: 'paid', dutyFlagged: false, updatedAt: now }).where(eq(filings.id, payment.filingId));
    }
    await recordNotification(tx, { ...fields, outcome: 'applied' }, now);
    await appendAudit(tx, { actorId: null, action: `payment.${n.status}`, entityType: 'payment', entityId: payment.id, data: { filingId: payment.filingId, orderId: n.orderId, amountTiyn: n.amountTiyn, reference: n.reference } }, now);
    const notice =
      n.status === 'paid'
        ? ({ event: 'payment_paid', subject: 'payments.notice.paid.subject', body: 'payments.notice.paid.body' } as const)
        : ({ event: 'payment_declined', subject: 'payments.notice.declined.subject', body: 'payments.notice.declined.body' } as const);
    await notifyFiler(tx, filing!, { ...notice, paymentId: payment.id, params: {}, amountTiyn: payment.amountTiyn }, now);
    return { accepted: true };
  });
}

// ── Payment documents ────────────────────────────────────────────────────────────────────────

export interface PaymentDocumentInput {
  /** The document's number as printed on it. */
  number: string;
  /** The payment date, YYYY-MM-DD. */
  date: string;
  /** The amount the document shows, or null when what was typed is not an amount. */
  amountTiyn: number | null;
  /** The payer's IIN or BIN as the document shows it. */
  payer: string;
}

export const PAYMENT_DOCUMENT_PROBLEMS = ['number_missing', 'number_too_long', 'date_invalid', 'date_future', 'date_too_early', 'amount_invalid', 'payer_invalid'] as const;
export type PaymentDocumentProblem = (typeof PAYMENT_DOCUMENT_PROBLEMS)[number];

const MAX_DOCUMENT_NUMBER = 40;
/** Payment documents older than this belong to no filing Sot can hold. */
const EARLIEST_PAYMENT_DATE = '2020-01-01';
/** A trillion tenge: more than any duty cap, so a bigger figure is a typing slip. */
const MAX_DOCUMENT_AMOUNT_TIYN = 10 ** 13;

function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Everything wrong with a payment document's details, by field; the day is Kazakhstan's. */
export function paymentDocumentProblems(input: PaymentDocumentInput, now: Date): { field: 'number' | 'date' | 'amount' | 'payer'; problem: PaymentDocumentProblem }[] {
  const problems: { field: 'number' | 'date' | 'amount' | 'payer'; problem: PaymentDocumentProblem }[] = [];
  const number = input.number.trim();
  if (number === '') problems.push({ field: 'number', problem: 'number_missing' });
  else if (number.length > MAX_DOCUMENT_NUMBER) problems.push({ field: 'number', problem: 'number_too_long' });
  if (!isCalendarDate(input.date)) problems.push({ field: 'date', problem: 'date_invalid' });
  else if (input.date > courtDateIso(now)) problems.push({ field: 'date', problem: 'date_future' });
  else if (input.date < EARLIEST_PAYMENT_DATE) problems.push({ field: 'date', problem: 'date_too_early' });
  const amount = input.amountTiyn;
  if (amount === null || !Number.isSafeInteger(amount) || amount <= 0 || amount > MAX_DOCUMENT_AMOUNT_TIYN) problems.push({ field: 'amount', problem: 'amount_invalid' });
  if (!isValidIin(payerOf(input))) problems.push({ field: 'payer', problem: 'payer_invalid' });
  return problems;
}

/** The payer's IIN or BIN as typed, without the spaces people put in long numbers. A BIN passes the same check digit. */
const payerOf = (input: Pick<PaymentDocumentInput, 'payer'>) => input.payer.replace(/\s+/g, '');

/** A document's number as printed, compared without spaces or case: `кв 000123` is `КВ-000123`'s twin only with the dash. */
const comparableNumber = (number: string) => number.replace(/\s+/g, '').toUpperCase();

// Arbitrary constant naming payment documents' locks, one per number, date, payer and amount.
const PAYMENT_DOCUMENT_LOCK = 7_599_220_031 % 2 ** 31;

/**
 * An earlier payment, not rejected, by a document with the same number, date, payer and amount
 * (another scan of the same paper, or a copy with the same details): the clerk must see it.
 */
async function sameDocumentDetails(tx: Tx, input: PaymentDocumentInput): Promise<string | null> {
  const number = comparableNumber(input.number.trim());
  const [earlier] = await tx
    .select({ id: payments.id })
    .from(payments)
    .where(
      and(
        eq(payments.method, 'document'),
        sql`${payments.status} <> 'rejected'`,
        eq(payments.documentDate, input.date),
        eq(payments.documentPayer, payerOf(input)),
        eq(payments.amountTiyn, input.amountTiyn!),
        sql`upper(regexp_replace(${payments.documentNumber}, '\s+', '', 'g')) = ${number}`,
      ),
    )
    .orderBy(payments.createdAt, payments.id)
    .limit(1);
  return earlier?.id ?? null;
}

/**
 * Keeps a payment document for the clerk to check: the scan as an attachment of the filing, and
 * a payment awaiting review. It may come before or after submission; on a draft it becomes part
 * of what the filer signs, so the draft's version moves on.
 */
export async function submitPaymentDocument(db: Db, store: BlobStore, principal: Principal, filingId: string, input: PaymentDocumentInput, file: IncomingFile, now: Date): Promise<{ paymentId: string; duplicateOf: string | null }> {
  const { filing } = await payableFiling(db, principal, filingId, now);
  const [problem] = paymentDocumentProblems(input, now);
  if (problem) throw new SotError('invalid_request', { detail: problem.field });
  const scan = await stageChecked(store, { ...file, purpose: 'payment_document' });
  try {
    const [{ count }] = (await db.select({ count: sql<number>`count(*)::int` }).from(filingAttachments).where(eq(filingAttachments.filingId, filing.id))) as [{ count: number }];
    if (count >= MAX_ATTACHMENTS) throw new SotError('too_many_attachments');
    await keepBlob(db, store, scan.staged, scan.mediaType, now);
  } catch (error) {
    await store.discard(scan.staged);
    throw error;
  }
  const number = input.number.trim();
  const run = () => db.transaction(async (tx) => {
    const [current] = await tx.select({ status: filings.status, dutyStatus: filings.dutyStatus }).from(filings).where(eq(filings.id, filing.id)).for('update');
    if (!current || dutySettled(current.dutyStatus)) throw new SotError('duty_not_payable');
    // One scan backs one payment: the unique index decides between two uploads at once, this
    // read only answers the common case before any row is written.
    const [usedScan] = await tx.select({ id: payments.id }).from(payments).where(and(eq(payments.method, 'document'), eq(payments.documentSha256, scan.staged.sha256), sql`${payments.status} <> 'rejected'`)).limit(1);
    if (usedScan) throw new SotError('payment_document_used');
    // Two uploads of one document's details under different scans meet here one after the
    // other, so the second is flagged however close together they come.
    await tx.execute(sql`select pg_advisory_xact_lock(${PAYMENT_DOCUMENT_LOCK}, hashtext(${[comparableNumber(number), input.date, payerOf(input), input.amountTiyn].join('|')}))`);
    const duplicateOf = await sameDocumentDetails(tx, input);
    await tx.insert(blobs).values({ sha256: scan.staged.sha256, sizeBytes: scan.staged.sizeBytes, mediaType: scan.mediaType, createdAt: now }).onConflictDoNothing();
    const [attachment] = await tx
      .insert(filingAttachments)
      .values({ filingId: filing.id, purpose: 'payment_document', sha256: scan.staged.sha256, name: scan.fileName, mediaType: scan.mediaType, sizeBytes: scan.staged.sizeBytes, createdAt: now })
      .returning({ id: filingAttachments.id });
    const [payment] = await tx
      .insert(payments)
      .values({
        filingId: filing.id,
        method: 'document',
        status: 'submitted',
        amountTiyn: input.amountTiyn!,
        documentNumber: number,
        documentDate: input.date,
        documentPayer: payerOf(input),
        documentSha256: scan.staged.sha256,
        duplicateOfPaymentId: duplicateOf,
        documentAttachmentId: attachment!.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: payments.id });
    await tx
      .update(filings)
      .set({ dutyStatus: 'document_pending', updatedAt: now, ...(current.status === 'draft' ? { version: sql`${filings.version} + 1` } : {}) })
      .where(eq(filings.id, filing.id));
    await appendAudit(
      tx,
      { actorId: principal.userId, action: 'payment.document_submitted', entityType: 'payment', entityId: payment!.id, data: { filingId: filing.id, sha256: scan.staged.sha256, amountTiyn: input.amountTiyn, documentNumber: number, documentDate: input.date, ...(duplicateOf ? { duplicateOf } : {}) } },
      now,
    );
    return { paymentId: payment!.id, duplicateOf };
  });
  try {
    return await run();
  } catch (error) {
    if (isDatabaseError(error, '23505', 'payments_document_scan_once')) throw new SotError('payment_document_used');
    throw error;
  }
}

/**
 * A verification of a document flagged as a second use of another's details needs the clerk's
 * reason for accepting it all the same (`confirmation`); it is audited.
 */
export type ReviewDecision = { verified: true; confirmation?: string } | { verified: false; reason: string };

export const MAX_REJECTION_REASON = 1000;

/** Why a rejection reason cannot be taken, or null: the filer must learn what to put right. */
export function rejectionReasonProblem(reason: string): 'reason_missing' | 'reason_too_long' | null {
  const trimmed = reason.trim();
  if (trimmed === '') return 'reason_missing';
  return trimmed.length > MAX_REJECTION_REASON ? 'reason_too_long' : null;
}

/**
 * Where the duty stands after a document's review. A rejection leaves a duty settled some other
 * way alone, and waits while another document of the filing is still to be checked.
 */
function dutyAfterReview(current: DutyStatus, verified: boolean, otherDocumentsPending: boolean): DutyStatus {
  if (dutySettled(current)) return current;
  if (verified) return 'verified';
  return otherDocumentsPending ? 'document_pending' : 'rejected';
}

/** A clerk's (or court chair's) decision on a payment document of a filing in their court. */
export async function reviewPaymentDocument(db: Db, principal: Principal, paymentId: string, decision: ReviewDecision, now: Date): Promise<void> {
  if (!isUuid(paymentId)) throw new SotError('not_found');
  const [found] = await db
    .select({ method: payments.method, courtId: filings.courtId, filingStatus: filings.status, duplicateOf: payments.duplicateOfPaymentId })
    .from(payments)
    .innerJoin(filings, eq(filings.id, payments.filingId))
    .where(eq(payments.id, paymentId));
  // A draft is its filer's alone; the court sees the document once the filing is submitted.
  if (!found || found.method !== 'document' || found.filingStatus !== 'submitted' || !found.courtId || !can(principal, { action: 'review', resource: 'payment', courtId: found.courtId })) {
    throw new SotError('not_found');
  }
  const reason = decision.verified ? null : decision.reason.trim();
  if (reason !== null && rejectionReasonProblem(reason)) throw new SotError('invalid_request', { detail: 'reason' });
  const confirmation = decision.verified && found.duplicateOf ? (decision.confirmation ?? '').trim() : null;
  if (confirmation !== null) {
    const problem = rejectionReasonProblem(confirmation);
    if (problem === 'reason_missing') throw new SotError('payment_document_duplicate');
    if (problem) throw new SotError('invalid_request', { detail: 'confirmation' });
  }
  const status = decision.verified ? 'verified' : 'rejected';
  await db.transaction(async (tx) => {
    const [reviewed] = await tx
      .update(payments)
      .set({ status, reviewedBy: principal.userId, reviewedAt: now, rejectionReason: reason, duplicateConfirmation: confirmation, updatedAt: now })
      .where(and(eq(payments.id, paymentId), eq(payments.status, 'submitted')))
      .returning({ filingId: payments.filingId, amountTiyn: payments.amountTiyn });
    // Someone else decided first: their decision stands.
    if (!reviewed) throw new SotError('payment_already_reviewed');
    const [filing] = await tx.select().from(filings).where(eq(filings.id, reviewed.filingId)).for('update');
    const [{ pending }] = (await tx
      .select({ pending: sql<number>`count(*)::int` })
      .from(payments)
      .where(and(eq(payments.filingId, reviewed.filingId), eq(payments.method, 'document'), eq(payments.status, 'submitted')))) as [{ pending: number }];
    const dutyStatus = dutyAfterReview(filing!.dutyStatus, decision.verified, pending > 0);
    await tx.update(filings).set({ dutyStatus, dutyFlagged: !dutySettled(dutyStatus), updatedAt: now }).where(eq(filings.id, reviewed.filingId));
    await appendAudit(tx, { actorId: principal.userId, action: `payment.${status}`, entityType: 'payment', entityId: paymentId, data: { filingId: reviewed.filingId, ...(reason ? { reason } : {}), ...(confirmation ? { duplicateOf: found.duplicateOf, confirmation } : {}) } }, now);
    const notice = decision.verified
      ? ({ event: 'payment_verified', subject: 'payments.notice.verified.subject', body: 'payments.notice.verified.body' } as const)
      : ({ event: 'payment_rejected', subject: 'payments.notice.rejected.subject', body: 'payments.notice.rejected.body' } as const);
    await notifyFiler(tx, filing!, { ...notice, paymentId, params: { reason: reason ?? '' }, amountTiyn: reviewed.amountTiyn }, now);
  });
}
