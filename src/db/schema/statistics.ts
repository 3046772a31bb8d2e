import { sql } from 'drizzle-orm';
import { date, doublePrecision, integer, pgTable, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { courts } from './courts.ts';

/**
 * Court statistics per court and month, counted ahead (`refreshCourtStatistics`) so that no
 * request aggregates the cases table. A row with no court holds the national figures: its median
 * is computed over every court's cases, which the courts' rows cannot give. Definitions:
 * `src/domain/courtStatistics.ts`.
 */
export const courtStatisticsMonthly = pgTable(
  'court_statistics_monthly',
  {
    /** Null: the whole country. */
    courtId: uuid('court_id').references(() => courts.id, { onDelete: 'cascade' }),
    /** The month's first day, in court time. */
    month: date('month', { mode: 'string' }).notNull(),
    received: integer('received').notNull(),
    receivedElectronic: integer('received_electronic').notNull(),
    receivedPaper: integer('received_paper').notNull(),
    decided: integer('decided').notNull(),
    medianDaysToDecision: doublePrecision('median_days_to_decision'),
    appealsUpheld: integer('appeals_upheld').notNull(),
    appealsChanged: integer('appeals_changed').notNull(),
    appealsReversed: integer('appeals_reversed').notNull(),
    appealsSentBack: integer('appeals_sent_back').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [unique('court_statistics_monthly_key').on(t.courtId, t.month).nullsNotDistinct()],
);
