import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, unique, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { ATTACHMENT_PURPOSES, DUTY_STATUSES, FILING_TYPES } from '../../domain/filingTypes.ts';
import { cases } from './cases.ts';
import { courts } from './courts.ts';
import { bytea } from './documents.ts';
import { certificates } from './auth.ts';
import { users } from './users.ts';

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/** Files in the content-addressed store, tracked so that unreferenced ones can be cleaned up. */
export const blobs = pgTable(
  'blobs',
  {
    sha256: text('sha256').primaryKey(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    mediaType: text('media_type').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('blobs_sha256_check', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`)],
);

export const FILING_CHANNELS = ['portal', 'counter'] as const;

export const FILING_STATUSES = ['draft', 'submitted'] as const;

/**
 * A filing from the Court Cabinet: a draft while the person fills it in, then submitted with
 * their signature over its manifest and a registration talon. `fields` holds what the form asks
 * (category, parties, claim, text), validated by the filing schema at every save.
 */
export const filings = pgTable(
  'filings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    filerId: uuid('filer_id')
      .notNull()
      .references(() => users.id),
    /** The legal entity the filer acted for, from their certificate at the time. */
    filerBin: text('filer_bin'),
    type: text('type', { enum: FILING_TYPES }).notNull(),
    /** `portal`: filed by the filer through the Court Cabinet; `counter`: a paper filing entered by the court office (`filerId` is then the clerk). */
    channel: text('channel', { enum: FILING_CHANNELS }).notNull().default('portal'),
    status: text('status', { enum: FILING_STATUSES }).notNull().default('draft'),
    courtId: uuid('court_id').references(() => courts.id),
    /** The case filed in (appeals, complaints, petitions), or the case a claim started once submitted. */
    caseId: uuid('case_id').references(() => cases.id),
    /**
     * For an appeal (and a response to it) filed through the court that decided: the appellate
     * case the first court sent it to with the case once the appeal term ended (CPC Art. 405(1)(2)).
     * Null while it waits in the first court.
     */
    forwardedCaseId: uuid('forwarded_case_id').references((): AnyPgColumn => cases.id),
    fields: jsonb('fields').$type<Record<string, unknown>>().notNull().default({}),
    /** Compare-and-set counter: every save names the version it read. */
    version: integer('version').notNull().default(1),
    dutyAmountTiyn: bigint('duty_amount_tiyn', { mode: 'number' }),
    dutyBasis: text('duty_basis'),
    dutyStatus: text('duty_status', { enum: DUTY_STATUSES }).notNull().default('unpaid'),
    /** Flagged for the judge: submitted with the duty neither paid, verified nor exempt. */
    dutyFlagged: boolean('duty_flagged').notNull().default(false),
    manifestSha256: text('manifest_sha256'),
    signature: bytea('signature'),
    certificateId: uuid('certificate_id').references(() => certificates.id),
    talonNumber: text('talon_number').unique(),
    verifyCode: text('verify_code').unique(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('filings_type_check', sql`${t.type} in (${inList(FILING_TYPES)})`),
    check('filings_status_check', sql`${t.status} in (${inList(FILING_STATUSES)})`),
    check('filings_duty_status_check', sql`${t.dutyStatus} in (${inList(DUTY_STATUSES)})`),
    check('filings_channel_check', sql`${t.channel} in (${inList(FILING_CHANNELS)})`),
    // A paper filing carries the filer's handwritten signature on the scan, not an EDS.
    check('filings_submitted_check', sql`${t.status} = 'draft' or (${t.talonNumber} is not null and (${t.signature} is not null or ${t.channel} = 'counter') and ${t.submittedAt} is not null)`),
    index('filings_filer_idx').on(t.filerId, t.updatedAt),
    index('filings_case_idx').on(t.caseId),
    // Court statistics read the channel of the appeal an appellate case was sent up with.
    index('filings_forwarded_case_idx').on(t.forwardedCaseId).where(sql`${t.forwardedCaseId} is not null`),
  ],
);


export const filingAttachments = pgTable(
  'filing_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    filingId: uuid('filing_id')
      .notNull()
      .references(() => filings.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: ATTACHMENT_PURPOSES }).notNull().default('attachment'),
    sha256: text('sha256')
      .notNull()
      .references(() => blobs.sha256),
    name: text('name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('filing_attachments_purpose_check', sql`${t.purpose} in (${inList(ATTACHMENT_PURPOSES)})`), index('filing_attachments_filing_idx').on(t.filingId)],
);

/** Per court and year, the last talon number given: talons are numbered without gaps. */
export const talonCounters = pgTable(
  'talon_counters',
  {
    courtId: uuid('court_id')
      .notNull()
      .references(() => courts.id),
    year: integer('year').notNull(),
    lastSequence: integer('last_sequence').notNull(),
  },
  (t) => [unique('talon_counters_key').on(t.courtId, t.year)],
);

export const PAYMENT_METHODS = ['card', 'document'] as const;
export const PAYMENT_STATUSES = ['pending', 'paid', 'declined', 'submitted', 'verified', 'rejected'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/**
 * A state duty payment: by card through the acquirer (`orderId` is the idempotency key the
 * acquirer echoes), or a payment document a clerk checks. A payment document pays the duty of
 * one filing: its scan (by sha256) may back one payment that is not rejected, which the unique
 * index holds even against two uploads at once; the same number, date, payer and amount with
 * another scan is taken but flagged (`duplicate_of_payment_id`) until a clerk decides.
 */
export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    filingId: uuid('filing_id')
      .notNull()
      .references(() => filings.id),
    method: text('method', { enum: PAYMENT_METHODS }).notNull(),
    status: text('status', { enum: PAYMENT_STATUSES }).notNull(),
    amountTiyn: bigint('amount_tiyn', { mode: 'number' }).notNull(),
    orderId: text('order_id').unique(),
    providerReference: text('provider_reference'),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    documentNumber: text('document_number'),
    documentDate: date('document_date'),
    documentAttachmentId: uuid('document_attachment_id').references(() => filingAttachments.id),
    /** The scan's sha256 (as its attachment's), what makes a document the same document. */
    documentSha256: text('document_sha256'),
    /** The payer's IIN or BIN as the document shows it; the clerk's to compare, never logged. */
    documentPayer: text('document_payer'),
    /** An earlier payment with the same number, date, payer and amount but another scan. */
    duplicateOfPaymentId: uuid('duplicate_of_payment_id').references((): AnyPgColumn => payments.id),
    /** Why the clerk accepted a flagged document all the same. */
    duplicateConfirmation: text('duplicate_confirmation'),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    rejectionReason: text('rejection_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('payments_method_check', sql`${t.method} in (${inList(PAYMENT_METHODS)})`),
    check('payments_status_check', sql`${t.status} in (${inList(PAYMENT_STATUSES)})`),
    check('payments_amount_check', sql`${t.amountTiyn} > 0`),
    index('payments_filing_idx').on(t.filingId),
    index('payments_queue_idx').on(t.method, t.status, t.createdAt),
    uniqueIndex('payments_document_scan_once').on(t.documentSha256).where(sql`${t.method} = 'document' and ${t.status} <> 'rejected'`),
    index('payments_document_details_idx').on(t.documentNumber, t.documentDate).where(sql`${t.method} = 'document'`),
  ],
);

/** Every server-to-server notification from the acquirer, kept whether its signature held or not. */
export const paymentNotifications = pgTable(
  'payment_notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: text('order_id'),
    signatureValid: boolean('signature_valid').notNull(),
    /** The notification's fields without card data (the acquirer sends only a masked PAN). */
    body: jsonb('body').$type<Record<string, unknown>>().notNull(),
    outcome: text('outcome').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('payment_notifications_order_idx').on(t.orderId)],
);
