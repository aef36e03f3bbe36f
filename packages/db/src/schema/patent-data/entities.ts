import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, uuid, varchar } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from '../columns';

/** Canonical groups of entities (BR-018…020). */
export const representatives = pgTable(
  'representatives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    representativeName: varchar('representative_name', { length: 500 }).notNull(),
    nameKey: varchar('name_key', { length: 500 }).notNull().unique('representatives_name_key_key'),
    totalInstances: integer('total_instances').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('representatives_name_key_trgm_idx').using('gin', t.nameKey.op('gin_trgm_ops'))],
);

/** One row per distinct normalised party name; global, reached by tenants through companies. */
export const entities = pgTable(
  'entities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: varchar('name', { length: 500 }).notNull(),
    nameKey: varchar('name_key', { length: 500 }).notNull().unique('entities_name_key_key'),
    representativeId: uuid('representative_id').references(() => representatives.id, {
      onDelete: 'set null',
    }),
    /** Recomputed in batch by the recount job, never incremented during ingest. */
    instances: integer('instances').notNull().default(0),
    /** Part in the stored grouping: 'seed', 'member', or 'pinned' by a super admin; NULL = not grouped yet. */
    groupingRole: varchar('grouping_role', { length: 6 }),
    /** The instances the entity's BR-020 position was grouped with; re-evaluated when `instances` differs. */
    groupedInstances: integer('grouped_instances'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('entities_representative_id_idx').on(t.representativeId),
    index('entities_instances_idx').on(sql`${t.instances} DESC`),
    index('entities_name_key_trgm_idx').using('gin', t.nameKey.op('gin_trgm_ops')),
    check('entities_grouping_role_check', sql`${t.groupingRole} IN ('seed', 'member', 'pinned')`),
  ],
);

/** Secured parties recognised by dashboard type 30; global, super-admin writable. */
export const banks = pgTable('banks', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: varchar('name', { length: 500 }).notNull(),
  nameKey: varchar('name_key', { length: 500 }).notNull().unique('banks_name_key_key'),
  representativeId: uuid('representative_id').references(() => representatives.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** Law firms matched exactly against assignment correspondents (dashboard type 20). */
export const lawFirms = pgTable('law_firms', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: varchar('name', { length: 500 }).notNull(),
  nameKey: varchar('name_key', { length: 500 }).notNull().unique('law_firms_name_key_key'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
