import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { cases, parties } from './cases.ts';
import { hearings } from './hearings.ts';
import { documents } from './documents.ts';
import { users } from './users.ts';
import { ACCESS_ACTIONS } from '../../domain/accessLog.ts';
import { FAMILIARISATION_SCOPES, FAMILIARISATION_STATUSES } from '../../domain/familiarisation.ts';
import { RECORDING_KINDS } from '../../domain/recordings.ts';

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

export const NOTIFICATION_CHANNELS = ['sms', 'email', 'in_app'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];
export const NOTIFICATION_STATUSES = ['queued', 'sent', 'delivered', 'failed'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/**
 * The short links in SMS and e-mail notices (`/n/<id><mac>`, src/auth/noticeLinks.ts): where each
 * leads and until when. Written in the notice's transaction, so a rollback leaves no link.
 */
export const noticeLinks = pgTable(
  'notice_links',
  {
    /** Random, 8 base62 characters; the link's MAC is over it. */
    id: text('id').primaryKey(),
    /** A path on Sot. */
    path: text('path').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('notice_links_expires_idx').on(t.expiresAt)],
);

/**
 * One message to one person by one channel. `dedupeKey` names the event, what it is about, the
 * recipient and the channel, so a retried job or a repeated event never queues a second message;
 * `status` follows the provider's answers (queued → sent → delivered, or failed). The text is
 * written in the recipient's language when the event happens, with nothing the recipient may not
 * see. In-app messages are the notification centre (`readAt`).
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    caseId: uuid('case_id').references(() => cases.id, { onDelete: 'cascade' }),
    event: text('event').notNull(),
    dedupeKey: text('dedupe_key').notNull().unique(),
    channel: text('channel', { enum: NOTIFICATION_CHANNELS }).notNull(),
    /** Phone or e-mail address as it was when queued; null in the app. */
    address: text('address'),
    lang: text('lang').notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    html: text('html'),
    /**
     * In the app: the notice as written in each language, so the notification centre shows it in
     * the page's language whatever the person's language was when it was queued. Null on external
     * channels (they went in `lang`) and on rows from before, which show `subject` and `body`.
     */
    subjectI18n: jsonb('subject_i18n').$type<Record<'kk' | 'ru' | 'en', string>>(),
    bodyI18n: jsonb('body_i18n').$type<Record<'kk' | 'ru' | 'en', string>>(),
    /** Where the message leads, a path on Sot. */
    link: text('link'),
    /** A notice the law requires: sent by at least one channel whatever the person's preferences. */
    legallyRequired: boolean('legally_required').notNull().default(false),
    status: text('status', { enum: NOTIFICATION_STATUSES }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    providerMessageId: text('provider_message_id'),
    queuedAt: timestamp('queued_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    failedAt: timestamp('failed_at', { withTimezone: true }),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    check('notifications_channel_check', sql`${t.channel} in (${inList(NOTIFICATION_CHANNELS)})`),
    check('notifications_status_check', sql`${t.status} in (${inList(NOTIFICATION_STATUSES)})`),
    check('notifications_address_check', sql`(${t.channel} = 'in_app') = (${t.address} is null)`),
    index('notifications_user_idx').on(t.userId, t.queuedAt),
    index('notifications_status_idx').on(t.status, t.queuedAt),
    index('notifications_provider_idx').on(t.providerMessageId),
  ],
);

/** A hearing's audio or video recording, or its written record, kept by content in the blob store. */
export const recordings = pgTable(
  'recordings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    hearingId: uuid('hearing_id')
      .notNull()
      .references(() => hearings.id, { onDelete: 'cascade' }),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: RECORDING_KINDS }).notNull(),
    title: text('title').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    durationSeconds: integer('duration_seconds'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('recordings_kind_check', sql`${t.kind} in (${inList(RECORDING_KINDS)})`),
    check('recordings_sha256_check', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    index('recordings_hearing_idx').on(t.hearingId),
    index('recordings_case_idx').on(t.caseId),
    index('recordings_sha256_idx').on(t.sha256),
  ],
);

/**
 * A recording being uploaded in pieces: each piece names the offset it starts at, so an upload
 * cut off half-way resumes from `receivedBytes` instead of starting again.
 */
export const recordingUploads = pgTable(
  'recording_uploads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    hearingId: uuid('hearing_id')
      .notNull()
      .references(() => hearings.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: RECORDING_KINDS }).notNull(),
    title: text('title').notNull(),
    fileName: text('file_name').notNull(),
    totalBytes: bigint('total_bytes', { mode: 'number' }).notNull(),
    receivedBytes: bigint('received_bytes', { mode: 'number' }).notNull().default(0),
    recordingId: uuid('recording_id').references(() => recordings.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('recording_uploads_kind_check', sql`${t.kind} in (${inList(RECORDING_KINDS)})`),
    check('recording_uploads_progress_check', sql`${t.receivedBytes} between 0 and ${t.totalBytes}`),
  ],
);

/**
 * Who opened which document or recording of a case, and when — court staff included. The parties
 * read it: the transparency the court document service is for. `capacity` is how the reader
 * stood to the case at that moment (party, representative, judge of the case, clerk of the court,
 * higher court), so the log can name a court position without naming staff's personal details.
 */
export const accessLog = pgTable(
  'access_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    documentId: uuid('document_id').references(() => documents.id, { onDelete: 'cascade' }),
    recordingId: uuid('recording_id').references(() => recordings.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    capacity: text('capacity').notNull(),
    action: text('action', { enum: ACCESS_ACTIONS }).notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('access_log_action_check', sql`${t.action} in (${inList(ACCESS_ACTIONS)})`),
    check('access_log_target_check', sql`(${t.documentId} is null) <> (${t.recordingId} is null)`),
    index('access_log_case_idx').on(t.caseId, t.occurredAt),
    index('access_log_user_idx').on(t.userId, t.occurredAt),
  ],
);

/**
 * A party's request to read the case materials kept for the court, and the judge's answer
 * (src/domain/familiarisation.ts). `partyId` is the party the request is for (a representative
 * asks for the party they act for), so a grant opens the materials to that party and their
 * accepted representatives only. `documentIds` is what the judge opened, listed even when the
 * judge chose everything, so the party reads exactly what the judge saw.
 */
export const familiarisationRequests = pgTable(
  'familiarisation_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    partyId: uuid('party_id')
      .notNull()
      .references(() => parties.id, { onDelete: 'cascade' }),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    note: text('note'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: FAMILIARISATION_STATUSES }).notNull().default('pending'),
    scope: text('scope', { enum: FAMILIARISATION_SCOPES }),
    documentIds: uuid('document_ids').array(),
    reason: text('reason'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    check('familiarisation_status_check', sql`${t.status} in (${inList(FAMILIARISATION_STATUSES)})`),
    check('familiarisation_answer_check', sql`(${t.status} = 'pending') = (${t.decidedAt} is null)`),
    check('familiarisation_grant_check', sql`${t.status} <> 'granted' or (${t.scope} is not null and ${t.documentIds} is not null)`),
    check('familiarisation_refusal_check', sql`${t.status} <> 'refused' or ${t.reason} is not null`),
    index('familiarisation_case_idx').on(t.caseId, t.status),
  ],
);
