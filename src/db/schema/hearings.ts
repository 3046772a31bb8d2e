import { sql } from 'drizzle-orm';
import { check, index, pgTable, smallint, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { HEARING_STATUSES } from '../../domain/hearingLifecycle.ts';
import { cases } from './cases.ts';
import { courts } from './courts.ts';
import { documents } from './documents.ts';
import { users } from './users.ts';

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

// Apart from cases.ts because a hearing's record is a document, and documents belong to cases:
// kept together, the two files would import each other.
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
    /** The judge and court as they were when scheduled: conflicts are checked against them. */
    judgeId: uuid('judge_id').references(() => users.id),
    courtId: uuid('court_id').references(() => courts.id),
    /** A postponed or adjourned hearing points at the one that replaced it. */
    postponedToId: uuid('postponed_to_id').references((): AnyPgColumn => hearings.id),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** The hearing record (протокол, CPC Art. 189), a document of the case, once attached. */
    recordDocumentId: uuid('record_document_id').references((): AnyPgColumn => documents.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('hearings_status_check', sql`${t.status} in (${inList(HEARING_STATUSES)})`),
    check('hearings_closed_check', sql`${t.status} not in ('held', 'adjourned', 'not_held') or ${t.closedAt} is not null or ${t.openedAt} is null`),
    check('hearings_place_check', sql`${t.room} is not null or ${t.videoLink} is not null`),
    index('hearings_case_idx').on(t.caseId),
    index('hearings_starts_idx').on(t.startsAt),
    index('hearings_judge_idx').on(t.judgeId, t.startsAt),
    index('hearings_court_room_idx').on(t.courtId, t.room, t.startsAt),
    // The public hearing list pages by (starts_at, id): across all courts, and within one court.
    index('hearings_list_idx').on(t.startsAt, t.id),
    index('hearings_court_list_idx').on(t.courtId, t.startsAt, t.id),
  ],
);
