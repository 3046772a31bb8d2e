import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, integer, pgTable, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { users } from './users.ts';

/**
 * Values of the law that acts change rather than code: each year's MCI, the court calendar and
 * dated thresholds. Operators maintain them (`/admin/reference`, `sot reference`), each row with
 * its legal basis and who entered it when; every change is on the audit log.
 */

/** The monthly calculation index of one year, as the republican budget law sets it. */
export const referenceMci = pgTable(
  'reference_mci',
  {
    year: smallint('year').primaryKey(),
    tenge: integer('tenge').notNull(),
    basis: text('basis').notNull(),
    /** Null for the values Sot shipped with. */
    enteredBy: uuid('entered_by').references(() => users.id),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('reference_mci_year_check', sql`${t.year} between 2000 and 2200`), check('reference_mci_tenge_check', sql`${t.tenge} > 0`)],
);

/** A holiday, a weekday made a day off, or a weekend day made a working day. Weekend holidays' days off are derived, not stored. */
export const referenceCalendarDays = pgTable(
  'reference_calendar_days',
  {
    day: date('day', { mode: 'string' }).primaryKey(),
    kind: text('kind').notNull(),
    /** A message key `reference.holiday.<name>` for the holidays the law names, else the operator's words. */
    name: text('name').notNull(),
    religious: boolean('religious').notNull().default(false),
    basis: text('basis').notNull(),
    enteredBy: uuid('entered_by').references(() => users.id),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('reference_calendar_days_kind_check', sql`${t.kind} in ('holiday', 'day_off_transfer', 'working_day_transfer')`)],
);

/** A limit in MCI that the procedure codes set for a period. */
export const referenceThresholds = pgTable(
  'reference_thresholds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    key: text('key').notNull(),
    claimantType: text('claimant_type').notNull(),
    mci: integer('mci').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    basis: text('basis').notNull(),
    enteredBy: uuid('entered_by').references(() => users.id),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('reference_thresholds_key_from').on(t.key, t.claimantType, t.validFrom),
    check('reference_thresholds_mci_check', sql`${t.mci} > 0`),
    check('reference_thresholds_period_check', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
  ],
);

/**
 * One row: which database this is and how many times its reference values changed. Instances
 * cache the values per (database, version) and read this row to know whether theirs are current.
 */
export const referenceState = pgTable(
  'reference_state',
  {
    id: smallint('id').primaryKey().default(1),
    databaseId: uuid('database_id').notNull().defaultRandom(),
    version: bigint('version', { mode: 'number' }).notNull().default(0),
    seededAt: timestamp('seeded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('reference_state_single_row', sql`${t.id} = 1`)],
);
