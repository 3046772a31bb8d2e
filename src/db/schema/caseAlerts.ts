import { sql } from 'drizzle-orm';
import { bigint, boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { cases } from './cases.ts';
import { users } from './users.ts';

/**
 * Who follows a case beyond what the participant rule gives. A party (and an accepted
 * representative or lawyer) follows their cases without a row; a row for them holds only what
 * they changed: the channels, or `active` false when they asked for no alerts. Anyone else who
 * follows a case from its public status page has a row with `public_only`, and hears only of what
 * that page shows. In the app always; e-mail and SMS as chosen, to verified contacts only.
 */
export const caseFollows = pgTable(
  'case_follows',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    since: timestamp('since', { withTimezone: true }).notNull(),
    active: boolean('active').notNull().default(true),
    byEmail: boolean('by_email').notNull().default(false),
    bySms: boolean('by_sms').notNull().default(false),
    /** Followed from the public status page, not as a participant: public events only. */
    publicOnly: boolean('public_only').notNull(),
    /**
     * The legal entity the person acted for directly when they followed (their session's BIN),
     * kept only when the entity is a party of the case: its people have no party row, and the
     * fan-out has no session to ask. While the entity stays a party the row makes them a
     * participant; once it is not, the row is a former participant's and brings nothing.
     */
    bin: text('bin'),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('case_follows_user_case_idx').on(t.userId, t.caseId),
    // The fan-out reads a batch's cases' followers.
    index('case_follows_case_idx').on(t.caseId).where(sql`${t.active}`),
  ],
);

/**
 * How far a reader of `events` has gone: the transaction id and event id of the last event it
 * handled (events are read in that order, see `events.tx_id`). Moved in the transaction that
 * writes what the events caused, so a crash neither loses nor repeats any.
 */
export const eventCursors = pgTable('event_cursors', {
  name: text('name').primaryKey(),
  lastTxId: text('last_tx_id').notNull(),
  lastEventId: bigint('last_event_id', { mode: 'number' }).notNull(),
  movedAt: timestamp('moved_at', { withTimezone: true }).notNull(),
});
