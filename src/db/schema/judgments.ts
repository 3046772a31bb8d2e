import { sql, type SQL } from 'drizzle-orm';
import { check, customType, date, index, integer, jsonb, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { JUDGMENT_LANGUAGES, JUDGMENT_STATUSES, type JudgmentFlag } from '../../domain/judgments.ts';

export type { JudgmentFlag };
import { cases, parties } from './cases.ts';
import { courts } from './courts.ts';
import { documents } from './documents.ts';
import { users } from './users.ts';

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * The public judgment bank: one row per issued final act, its text depersonalised. The case's
 * court, kind and category are copied in so the public search filters one table by its indexes;
 * the act itself stays in `documents`, never shown outside the case. Two search vectors are
 * generated from the text: Russian (stemmed) and simple (Kazakh and any language, matched by
 * prefix), plus a trigram index for Kazakh word forms and typos.
 */
export const judgments = pgTable(
  'judgments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id')
      .notNull()
      .unique()
      .references(() => documents.id, { onDelete: 'cascade' }),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    courtId: uuid('court_id')
      .notNull()
      .references(() => courts.id),
    courtLevel: smallint('court_level').notNull(),
    caseNumber: text('case_number').notNull(),
    caseKind: text('case_kind').notNull(),
    category: text('category').notNull(),
    actKind: text('act_kind').notNull(),
    outcome: text('outcome'),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    status: text('status', { enum: JUDGMENT_STATUSES }).notNull(),
    lang: text('lang', { enum: JUDGMENT_LANGUAGES }).notNull().default('ru'),
    /** The depersonalised text as it stands (after the official's edits); null while the act has no text. */
    text: text('text'),
    flags: jsonb('flags').$type<JudgmentFlag[]>().notNull().default([]),
    replacements: integer('replacements').notNull().default(0),
    tsvRu: tsvector('tsv_ru').generatedAlwaysAs((): SQL => sql`to_tsvector('russian'::regconfig, coalesce(${judgments.text}, ''))`),
    tsvSimple: tsvector('tsv_simple').generatedAlwaysAs((): SQL => sql`to_tsvector('simple'::regconfig, coalesce(${judgments.text}, ''))`),
    reason: text('reason'),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('judgments_status_check', sql`${t.status} in (${inList(JUDGMENT_STATUSES)})`),
    check('judgments_text_check', sql`${t.status} = 'needs_text' or ${t.text} is not null`),
    check('judgments_withheld_check', sql`${t.status} <> 'withheld' or ${t.reason} is not null`),
    // The court's queue: only rows still waiting, so the public search never reads it.
    index('judgments_queue_idx').on(t.courtId, t.status).where(sql`${t.status} in ('pending_review', 'needs_text')`),
    // The public search: published rows only, newest first, and the full-text vectors.
    index('judgments_published_idx').on(t.issuedOn.desc(), t.id.desc()).where(sql`${t.status} = 'published'`),
    index('judgments_court_published_idx').on(t.courtId, t.issuedOn.desc(), t.id.desc()).where(sql`${t.status} = 'published'`),
    index('judgments_tsv_ru_idx').using('gin', t.tsvRu).where(sql`${t.status} = 'published'`),
    index('judgments_tsv_simple_idx').using('gin', t.tsvSimple).where(sql`${t.status} = 'published'`),
    index('judgments_text_trgm_idx').using('gin', sql`${t.text} gin_trgm_ops`).where(sql`${t.status} = 'published'`),
  ],
);

export const CORRECTION_STATUSES = ['pending', 'corrected', 'declined'] as const;
export type CorrectionStatus = (typeof CORRECTION_STATUSES)[number];

/** A party's request to correct a published judgment (a name left in, a wrong word). */
export const judgmentCorrections = pgTable(
  'judgment_corrections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    judgmentId: uuid('judgment_id')
      .notNull()
      .references(() => judgments.id, { onDelete: 'cascade' }),
    partyId: uuid('party_id')
      .notNull()
      .references(() => parties.id, { onDelete: 'cascade' }),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    note: text('note').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: CORRECTION_STATUSES }).notNull().default('pending'),
    reason: text('reason'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    check('judgment_corrections_status_check', sql`${t.status} in (${inList(CORRECTION_STATUSES)})`),
    check('judgment_corrections_declined_check', sql`${t.status} <> 'declined' or ${t.reason} is not null`),
    index('judgment_corrections_judgment_idx').on(t.judgmentId, t.status),
  ],
);
