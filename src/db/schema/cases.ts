import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { CASE_STATUSES } from '../../domain/caseStatus.ts';
import { CASE_KINDS } from '../../domain/caseKinds.ts';
import { courts } from './courts.ts';
import { organisations, users } from './users.ts';

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Assigned on registration; null while the case is only filed. */
    number: text('number').unique(),
    courtId: uuid('court_id')
      .notNull()
      .references(() => courts.id),
    kind: text('kind', { enum: CASE_KINDS }).notNull(),
    category: text('category').notNull(),
    instance: smallint('instance').notNull().default(1),
    status: text('status', { enum: CASE_STATUSES }).notNull(),
    judgeId: uuid('judge_id').references(() => users.id),
    /** The lower-instance case this appeal or cassation case reviews. */
    parentCaseId: uuid('parent_case_id').references((): AnyPgColumn => cases.id),
    /** Closed proceedings: documents and recordings are never shown outside the parties and the court. */
    closedHearing: boolean('closed_hearing').notNull().default(false),
    filedAt: timestamp('filed_at', { withTimezone: true }).notNull().defaultNow(),
    registeredAt: timestamp('registered_at', { withTimezone: true }),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('cases_status_check', sql`${t.status} in (${inList(CASE_STATUSES)})`),
    check('cases_kind_check', sql`${t.kind} in (${inList(CASE_KINDS)})`),
    check('cases_instance_check', sql`${t.instance} between 1 and 4`),
    index('cases_court_status_idx').on(t.courtId, t.status),
    index('cases_judge_status_idx').on(t.judgeId, t.status),
    index('cases_parent_idx').on(t.parentCaseId),
  ],
);

/**
 * The last sequence number issued per court, year and number category. Incremented inside the
 * registering transaction, so a rolled-back registration leaves no gap and two concurrent ones
 * never share a number.
 */
export const caseNumberCounters = pgTable(
  'case_number_counters',
  {
    courtId: uuid('court_id')
      .notNull()
      .references(() => courts.id),
    year: smallint('year').notNull(),
    categoryCode: text('category_code').notNull(),
    lastSequence: integer('last_sequence').notNull(),
  },
  (t) => [primaryKey({ columns: [t.courtId, t.year, t.categoryCode] })],
);

export const PARTY_ROLES = ['claimant', 'defendant', 'third_party', 'applicant', 'representative', 'lawyer'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

export const parties = pgTable(
  'parties',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    role: text('role', { enum: PARTY_ROLES }).notNull(),
    /** The signed-in person this participant is, when they use the portal. */
    userId: uuid('user_id').references(() => users.id),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    /** IIN of an individual participant; never shown publicly. */
    iin: text('iin'),
    displayName: text('display_name').notNull(),
    /** For representatives and lawyers: the party they act for. */
    representsPartyId: uuid('represents_party_id').references((): AnyPgColumn => parties.id),
    /** Power of attorney or lawyer's warrant; accepted by the court before the representative sees the case. */
    authorityDocumentId: uuid('authority_document_id'),
    authorityAcceptedAt: timestamp('authority_accepted_at', { withTimezone: true }),
    address: text('address'),
    phone: text('phone'),
    email: text('email'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('parties_role_check', sql`${t.role} in (${inList(PARTY_ROLES)})`),
    check('parties_represents_check', sql`(${t.role} in ('representative', 'lawyer')) = (${t.representsPartyId} is not null)`),
    index('parties_case_idx').on(t.caseId),
    index('parties_user_idx').on(t.userId),
    index('parties_organisation_idx').on(t.organisationId),
  ],
);

export const HEARING_STATUSES = ['scheduled', 'held', 'postponed', 'cancelled'] as const;

export const hearings = pgTable(
  'hearings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    durationMinutes: smallint('duration_minutes').notNull().default(60),
    room: text('room'),
    videoLink: text('video_link'),
    status: text('status', { enum: HEARING_STATUSES }).notNull().default('scheduled'),
    reason: text('reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('hearings_status_check', sql`${t.status} in (${inList(HEARING_STATUSES)})`),
    index('hearings_case_idx').on(t.caseId),
    index('hearings_starts_idx').on(t.startsAt),
  ],
);

/**
 * The automatic distribution of a case to a judge: the seed drawn before the result was known,
 * the full protocol (inputs, weights, ticket, judge) as signed-off canonical JSON, so anyone with
 * it can re-run the draw. One row per draw; a reassignment by the chair adds another.
 */
export const caseDistributions = pgTable(
  'case_distributions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    judgeId: uuid('judge_id')
      .notNull()
      .references(() => users.id),
    seed: text('seed').notNull(),
    protocol: text('protocol').notNull(),
    protocolSha256: text('protocol_sha256').notNull(),
    drawnAt: timestamp('drawn_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_distributions_case_idx').on(t.caseId, t.drawnAt)],
);
