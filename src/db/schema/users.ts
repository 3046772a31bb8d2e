import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { courts } from './courts.ts';

/** A person. Legal entities act through people; the BIN a person acts for comes from their certificate. */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    iin: text('iin').notNull().unique(),
    fullName: text('full_name').notNull(),
    phone: text('phone'),
    phoneVerifiedAt: timestamp('phone_verified_at', { withTimezone: true }),
    email: text('email'),
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    language: text('language').notNull().default('kk'),
    /** Bar (lawyer) registration number, for users acting as lawyers. */
    barNumber: text('bar_number'),
    /** Channels the person wants notices by; legally required notices use at least one regardless. */
    notifyBySms: boolean('notify_by_sms').notNull().default(true),
    notifyByEmail: boolean('notify_by_email').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('users_iin_check', sql`${t.iin} ~ '^[0-9]{12}$'`),
    check('users_language_check', sql`${t.language} in ('kk', 'ru', 'en')`),
  ],
);

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bin: text('bin').notNull().unique(),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('organisations_bin_check', sql`${t.bin} ~ '^[0-9]{12}$'`)],
);

/**
 * Roles beyond the citizen's. Clerk, judge, court chair and court administrator are bound to a
 * court; the lawyer and the system administrator are not. Granted by an administrator, never self-service;
 * a judge or a chair only once a second system administrator confirms (`role_grant_proposals`).
 */
export const userRoles = pgTable(
  'user_roles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    courtId: uuid('court_id').references(() => courts.id),
    grantedBy: uuid('granted_by').references(() => users.id),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
    /** For a judge or court chair: the second system administrator, whose confirmation seated them. */
    confirmedBy: uuid('confirmed_by').references(() => users.id),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  },
  (t) => [
    unique('user_roles_user_role_court_key').on(t.userId, t.role, t.courtId).nullsNotDistinct(),
    check('user_roles_role_check', sql`${t.role} in ('lawyer', 'clerk', 'judge', 'court_chair', 'court_admin', 'system_admin')`),
    check('user_roles_court_check', sql`(${t.role} in ('lawyer', 'system_admin')) = (${t.courtId} is null)`),
    index('user_roles_court_idx').on(t.courtId, t.role),
  ],
);
