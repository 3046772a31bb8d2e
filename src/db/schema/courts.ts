import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, pgTable, smallint, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';

export const regions = pgTable('regions', {
  code: text('code').primaryKey(),
  nameKk: text('name_kk').notNull(),
  nameRu: text('name_ru').notNull(),
  nameEn: text('name_en').notNull(),
  sortOrder: smallint('sort_order').notNull().default(0),
});

export const courts = pgTable(
  'courts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Four-digit code printed in case numbers (7517 = Medeu District Court of Almaty). */
    code: text('code').notNull().unique(),
    level: smallint('level').notNull(),
    type: text('type').notNull(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    /** The court that hears appeals against this court's acts. Cassation is routed by case kind. */
    parentId: uuid('parent_id').references((): AnyPgColumn => courts.id),
    /** Kinds of proceedings the court hears: civil, administrative, criminal, administrative_offence. */
    caseKinds: text('case_kinds').array().notNull(),
    nameKk: text('name_kk').notNull(),
    nameRu: text('name_ru').notNull(),
    nameEn: text('name_en').notNull(),
    addressKk: text('address_kk').notNull().default(''),
    addressRu: text('address_ru').notNull().default(''),
    addressEn: text('address_en').notNull().default(''),
    phone: text('phone'),
    email: text('email'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('courts_level_check', sql`${t.level} between 1 and 4`),
    check('courts_code_check', sql`${t.code} ~ '^[0-9]{4}$'`),
    index('courts_region_level_idx').on(t.regionCode, t.level),
    index('courts_parent_idx').on(t.parentId),
  ],
);

/**
 * A counter per directory (courts with their regions) that every change to it moves on, by a
 * statement trigger (see the migration). Processes keep the directory in memory and read only
 * this number to know whether their copy is still current, so a change made by any process, or
 * by hand in SQL, is seen by all of them on their next request.
 */
export const directoryVersions = pgTable('directory_versions', {
  name: text('name').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull().default(0),
});
