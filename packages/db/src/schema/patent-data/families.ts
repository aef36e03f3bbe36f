import {
  char,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { calendarDate, createdAt, instant, updatedAt } from '../columns';
import { patents } from './patents';

export const familyType = pgEnum('family_type', ['simple', 'extended']);
export const familyLookupOutcome = pgEnum('family_lookup_outcome', ['found', 'not_found', 'error']);

/** EPO DOCDB families fetched on demand. */
export const patentFamilies = pgTable('patent_families', {
  familyId: varchar('family_id', { length: 20 }).primaryKey(),
  familyType: familyType('family_type').notNull().default('simple'),
  memberCount: integer('member_count').notNull().default(0),
  fetchedAt: instant('fetched_at').notNull().defaultNow(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const patentFamilyMembers = pgTable(
  'patent_family_members',
  {
    familyId: varchar('family_id', { length: 20 })
      .notNull()
      .references(() => patentFamilies.familyId, { onDelete: 'cascade' }),
    country: char('country', { length: 2 }).notNull(),
    /** DOCDB numbering as returned (US publications have 10 digits). */
    docNumber: varchar('doc_number', { length: 20 }).notNull(),
    /** Our canonical form for US members, used for joins. */
    canonicalDocNum: varchar('canonical_doc_num', { length: 12 }),
    kindCode: varchar('kind_code', { length: 4 }).notNull(),
    publicationDate: calendarDate('publication_date'),
    applCountry: char('appl_country', { length: 2 }),
    applDocNumber: varchar('appl_doc_number', { length: 20 }),
    applKind: varchar('appl_kind', { length: 4 }),
    applDate: calendarDate('appl_date'),
  },
  (t) => [
    primaryKey({
      name: 'patent_family_members_pkey',
      columns: [t.familyId, t.country, t.docNumber, t.kindCode],
    }),
    index('patent_family_members_country_doc_idx').on(t.country, t.docNumber),
  ],
);

/** One row per OPS query so lookups are cached and refreshed on schedule. */
export const patentFamilyLookups = pgTable(
  'patent_family_lookups',
  {
    queryRef: varchar('query_ref', { length: 40 }).primaryKey(),
    patentId: uuid('patent_id').references(() => patents.id, { onDelete: 'set null' }),
    outcome: familyLookupOutcome('outcome').notNull(),
    familyIds: text('family_ids').array().notNull().default([]),
    attempts: smallint('attempts').notNull().default(0),
    fetchedAt: instant('fetched_at').notNull().defaultNow(),
    nextRefreshAt: instant('next_refresh_at').notNull(),
    errorMessage: text('error_message'),
  },
  (t) => [index('patent_family_lookups_next_refresh_at_idx').on(t.nextRefreshAt)],
);
