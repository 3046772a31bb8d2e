/**
 * Read models of state duty payments: the clerk's queue of payment documents to check, the scan
 * a clerk downloads, and what the filer's payment pages show.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.ts';
import { courts, filingAttachments, filings, payments, users } from '../db/schema/index.ts';
import { SotError } from '../errors.ts';
import type { Principal } from '../policies/principal.ts';
import { can } from '../policies/rules.ts';
import { isUuid } from '../domain/ids.ts';

const QUEUE_LIMIT = 500;

/** The earlier payment a flagged document repeats, and its filing. */
const firstPayment = alias(payments, 'first_payment');
const firstFiling = alias(filings, 'first_filing');

/** The courts whose payment documents the principal checks. */
export function reviewableCourts(principal: Principal): string[] {
  const courtIds = new Set(principal.roles.flatMap((held) => (held.courtId ? [held.courtId] : [])));
  return [...courtIds].filter((courtId) => can(principal, { action: 'review', resource: 'payment', courtId }));
}

/**
 * Payment documents waiting for a decision in the principal's courts, oldest first: the filer
 * waits longest for those. Drafts stay out: a draft is its filer's until submitted.
 */
export async function paymentQueue(db: Db, principal: Principal) {
  const courtIds = reviewableCourts(principal);
  if (courtIds.length === 0) return [];
  return db
    .select({
      paymentId: payments.id,
      filingId: filings.id,
      talonNumber: filings.talonNumber,
      filerName: users.fullName,
      owedTiyn: filings.dutyAmountTiyn,
      statedTiyn: payments.amountTiyn,
      documentNumber: payments.documentNumber,
      documentDate: payments.documentDate,
      documentPayer: payments.documentPayer,
      duplicateOf: payments.duplicateOfPaymentId,
      duplicateFilingId: firstFiling.id,
      duplicateFilingStatus: firstFiling.status,
      duplicateTalonNumber: firstFiling.talonNumber,
      attachmentId: filingAttachments.id,
      attachmentName: filingAttachments.name,
      receivedAt: payments.createdAt,
      courtNameKk: courts.nameKk,
      courtNameRu: courts.nameRu,
      courtNameEn: courts.nameEn,
    })
    .from(payments)
    .innerJoin(filings, eq(filings.id, payments.filingId))
    .innerJoin(users, eq(users.id, filings.filerId))
    .innerJoin(courts, eq(courts.id, filings.courtId))
    .leftJoin(filingAttachments, eq(filingAttachments.id, payments.documentAttachmentId))
    .leftJoin(firstPayment, eq(firstPayment.id, payments.duplicateOfPaymentId))
    .leftJoin(firstFiling, eq(firstFiling.id, firstPayment.filingId))
    .where(and(eq(payments.method, 'document'), eq(payments.status, 'submitted'), eq(filings.status, 'submitted'), inArray(filings.courtId, courtIds)))
    .orderBy(asc(payments.createdAt), asc(payments.id))
    .limit(QUEUE_LIMIT);
}

export type QueuedPaymentDocument = Awaited<ReturnType<typeof paymentQueue>>[number];

/** The scan of a payment document, for a clerk of the filing's court; for anyone else it does not exist. */
export async function paymentDocumentScan(db: Db, principal: Principal, paymentId: string) {
  if (!isUuid(paymentId)) throw new SotError('not_found');
  const [found] = await db
    .select({ courtId: filings.courtId, filingStatus: filings.status, sha256: filingAttachments.sha256, name: filingAttachments.name, mediaType: filingAttachments.mediaType, sizeBytes: filingAttachments.sizeBytes })
    .from(payments)
    .innerJoin(filings, eq(filings.id, payments.filingId))
    .innerJoin(filingAttachments, eq(filingAttachments.id, payments.documentAttachmentId))
    .where(and(eq(payments.id, paymentId), eq(payments.method, 'document')));
  if (!found || found.filingStatus !== 'submitted' || !found.courtId || !can(principal, { action: 'review', resource: 'payment', courtId: found.courtId })) throw new SotError('not_found');
  return { sha256: found.sha256, name: found.name, mediaType: found.mediaType, sizeBytes: found.sizeBytes };
}

/** A card payment of the filing by the order id the acquirer sends the payer back with. */
export async function cardPaymentOfOrder(db: Db, filingId: string, orderId: string) {
  const [found] = await db
    .select({ id: payments.id, status: payments.status, amountTiyn: payments.amountTiyn, orderId: payments.orderId, paidAt: payments.paidAt, providerReference: payments.providerReference })
    .from(payments)
    .where(and(eq(payments.filingId, filingId), eq(payments.orderId, orderId), eq(payments.method, 'card')));
  return found ?? null;
}

export type CardPaymentView = NonNullable<Awaited<ReturnType<typeof cardPaymentOfOrder>>>;

/** The latest payment document of the filing, to tell the filer where its check stands. */
export async function latestPaymentDocument(db: Db, filingId: string) {
  const [found] = await db
    .select({ status: payments.status, amountTiyn: payments.amountTiyn, documentNumber: payments.documentNumber, documentDate: payments.documentDate, rejectionReason: payments.rejectionReason })
    .from(payments)
    .where(and(eq(payments.filingId, filingId), eq(payments.method, 'document')))
    .orderBy(desc(payments.createdAt), desc(payments.id))
    .limit(1);
  return found ?? null;
}

export type PaymentDocumentView = NonNullable<Awaited<ReturnType<typeof latestPaymentDocument>>>;
