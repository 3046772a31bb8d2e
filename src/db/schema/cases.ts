import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
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
import { APPEAL_ROLES } from '../../domain/appealForwarding.ts';
import { ABSENCE_REASONS } from '../../domain/bench.ts';
import { PARTY_ROLES } from '../../domain/parties.ts';
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
    /** Accepted for simplified (written) proceedings (CPC Chapter 13): no cassation (Art. 434(2)(1)). */
    simplified: boolean('simplified').notNull().default(false),
    filedAt: timestamp('filed_at', { withTimezone: true }).notNull().defaultNow(),
    registeredAt: timestamp('registered_at', { withTimezone: true }),
    /** The day the case's final act entered into force; the cassation term runs from it. */
    inForceOn: date('in_force_on'),
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
    // Case search: a court's cases newest first, read backwards in order for a keyset page; a number by any part of it.
    index('cases_court_filed_idx').on(t.courtId, t.filedAt, t.id),
    index('cases_number_trgm_idx').using('gin', sql`${t.number} gin_trgm_ops`),
    // Court statistics count the cases registered in a month.
    index('cases_registered_idx').on(t.registeredAt),
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
    /** In an appellate case only: appellant or respondent; null for a representative and a third party who did not appeal. */
    appealRole: text('appeal_role', { enum: APPEAL_ROLES }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('parties_role_check', sql`${t.role} in (${inList(PARTY_ROLES)})`),
    check('parties_appeal_role_check', sql`${t.appealRole} is null or ${t.appealRole} in (${inList(APPEAL_ROLES)})`),
    check('parties_represents_check', sql`(${t.role} in ('representative', 'lawyer')) = (${t.representsPartyId} is not null)`),
    index('parties_case_idx').on(t.caseId),
    index('parties_user_idx').on(t.userId),
    index('parties_organisation_idx').on(t.organisationId),
    // Case search: a participant by part of their name (any case, Russian and Kazakh letters) or by IIN.
    index('parties_name_trgm_idx').using('gin', sql`${t.displayName} gin_trgm_ops`),
    index('parties_iin_idx').on(t.iin).where(sql`${t.iin} is not null`),
  ],
);

export const DISTRIBUTION_METHODS = ['automatic', 'manual'] as const;

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
    /** `automatic`: the draw; `manual`: the court chair's reassignment, with its reason. */
    method: text('method', { enum: DISTRIBUTION_METHODS }).notNull().default('automatic'),
    /** Null for a manual reassignment, which draws nothing. */
    seed: text('seed'),
    protocol: text('protocol'),
    protocolSha256: text('protocol_sha256'),
    reason: text('reason'),
    assignedBy: uuid('assigned_by').references(() => users.id),
    /** A chair who moved the case to themselves: the other judge of the court who confirmed it. */
    confirmedBy: uuid('confirmed_by').references(() => users.id),
    drawnAt: timestamp('drawn_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('case_distributions_method_check', sql`${t.method} in (${inList(DISTRIBUTION_METHODS)})`),
    check(
      'case_distributions_record_check',
      sql`(${t.method} = 'automatic' and ${t.seed} is not null and ${t.protocol} is not null and ${t.protocolSha256} is not null) or (${t.method} = 'manual' and ${t.reason} is not null and ${t.assignedBy} is not null)`,
    ),
    index('case_distributions_case_idx').on(t.caseId, t.drawnAt),
  ],
);

/**
 * Case categories a judge hears in their court. A judge with no rows hears every category of
 * the court (a court of general jurisdiction); rows narrow that to a specialisation.
 */
export const judgeCategories = pgTable(
  'judge_categories',
  {
    judgeId: uuid('judge_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    courtId: uuid('court_id')
      .notNull()
      .references(() => courts.id),
    category: text('category').notNull(),
  },
  (t) => [primaryKey({ columns: [t.judgeId, t.courtId, t.category] })],
);

/** Days a judge is away (both ends included, court dates): no case is drawn for them then. */
export const judgeAbsences = pgTable(
  'judge_absences',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    judgeId: uuid('judge_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    courtId: uuid('court_id')
      .notNull()
      .references(() => courts.id),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    reason: text('reason', { enum: ABSENCE_REASONS }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('judge_absences_reason_check', sql`${t.reason} in (${inList(ABSENCE_REASONS)})`),
    check('judge_absences_range_check', sql`${t.startsOn} <= ${t.endsOn}`),
    index('judge_absences_judge_idx').on(t.judgeId, t.startsOn),
  ],
);

/** A judge removed from one case (self-recusal or a granted challenge): never drawn for it again. */
export const caseRecusals = pgTable(
  'case_recusals',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    judgeId: uuid('judge_id')
      .notNull()
      .references(() => users.id),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.judgeId] })],
);

/**
 * The procedural terms running in a case, as computed by the deadline calculator when the act
 * that starts them happens. `concerns` says who must act by the date: the parties (an appeal,
 * a fix of defects) or the court (the decision in final form). `closedAt` is set when the term
 * is met or no longer runs.
 */
export const caseDeadlines = pgTable(
  'case_deadlines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    runsFrom: date('runs_from').notNull(),
    dueOn: date('due_on').notNull(),
    article: text('article').notNull(),
    concerns: text('concerns', { enum: ['parties', 'court'] }).notNull(),
    /**
     * A term of one party only (the appeal term of a party absent from the hearing, CPC Art.
     * 403(3)), or the court's term towards that party (sending them the decision's copy); null
     * for a term of the case as a whole.
     */
    partyId: uuid('party_id').references(() => parties.id, { onDelete: 'cascade' }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('case_deadlines_concerns_check', sql`${t.concerns} in ('parties', 'court')`),
    index('case_deadlines_case_idx').on(t.caseId, t.dueOn),
    index('case_deadlines_open_idx').on(t.dueOn).where(sql`${t.closedAt} is null`),
    // The judge's list reads each case's nearest open term: one probe per case, open rows only.
    index('case_deadlines_case_open_idx').on(t.caseId, t.dueOn).where(sql`${t.closedAt} is null`),
    index('case_deadlines_party_idx').on(t.partyId),
  ],
);
