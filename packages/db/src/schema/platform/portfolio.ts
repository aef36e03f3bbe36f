import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  unique,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { calendarDate, createdAt, deletedAt, instant, tenantForeignKey, updatedAt } from '../columns';
import { entities, representatives } from '../patent-data/entities';
import { patents } from '../patent-data/patents';
import { organizationId } from './organizations';
import { users } from './users';

export const enrichmentStatus = pgEnum('enrichment_status', ['pending', 'enriched', 'failed', 'skipped']);
export const membershipSource = pgEnum('membership_source', ['auto', 'manual']);

/** A tenant's tracked portfolio companies (legacy per-customer `representative`). */
export const companies = pgTable(
  'companies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationId(),
    representativeId: uuid('representative_id').references(() => representatives.id, {
      onDelete: 'set null',
    }),
    /** The group this company belongs to. */
    parentId: uuid('parent_id'),
    isGroup: boolean('is_group').notNull().default(false),
    name: varchar('name', { length: 500 }).notNull(),
    originalName: varchar('original_name', { length: 500 }),
    /** Normalised name, matched against parties when no representative is linked. */
    nameKey: varchar('name_key', { length: 500 }).notNull(),
    instances: integer('instances'),
    domain: varchar('domain', { length: 255 }),
    logoObjectKey: varchar('logo_object_key', { length: 500 }),
    enrichmentStatus: enrichmentStatus('enrichment_status').notNull().default('pending'),
    enrichedAt: instant('enriched_at'),
    enrichmentData: jsonb('enrichment_data'),
    legacyCompanyId: bigint('legacy_company_id', { mode: 'number' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [
    unique('companies_org_id_key').on(t.organizationId, t.id),
    tenantForeignKey('companies_parent_fk', t.organizationId, t.parentId, t),
    uniqueIndex('companies_name_key')
      .on(t.organizationId, sql`lower(${t.name})`)
      .where(sql`${t.deletedAt} IS NULL`),
    index('companies_representative_id_idx').on(t.representativeId),
    index('companies_name_trgm_idx').using('gin', sql`lower(${t.name}) gin_trgm_ops`),
  ],
);

/** One row per (organization, patent or application). */
export const assets = pgTable(
  'assets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationId(),
    patentId: uuid('patent_id').references(() => patents.id, { onDelete: 'set null' }),
    appnoDocNum: varchar('appno_doc_num', { length: 12 }),
    grantDocNum: varchar('grant_doc_num', { length: 12 }),
    appnoDate: calendarDate('appno_date'),
    layoutId: smallint('layout_id').notNull().default(15),
    metadata: jsonb('metadata').notNull().default({}),
    /** Activity stored once per pipeline run for the asset list's default sort (migration 0021). */
    lastActivity: calendarDate('last_activity'),
    assignmentCount: integer('assignment_count').notNull().default(0),
    activityAt: instant('activity_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [
    unique('assets_org_id_key').on(t.organizationId, t.id),
    check('assets_number_present', sql`${t.appnoDocNum} IS NOT NULL OR ${t.grantDocNum} IS NOT NULL`),
    check('assets_layout_id_check', sql`${t.layoutId} IN (14, 15)`),
    /** NULLS NOT DISTINCT is added in the SQL migration (Drizzle has no syntax for it on an index). */
    uniqueIndex('assets_numbers_key')
      .on(t.organizationId, t.appnoDocNum, t.grantDocNum)
      .where(sql`${t.deletedAt} IS NULL`),
    index('assets_appno_doc_num_idx').on(t.appnoDocNum),
    index('assets_grant_doc_num_idx').on(t.grantDocNum),
    index('assets_activity_sort_idx')
      .on(t.organizationId, sql`(coalesce(${t.lastActivity}, '0001-01-01'::date))`, t.id)
      .where(sql`${t.deletedAt} IS NULL`),
  ],
);

/** Which assets belong to which tracked company (business-rules D-27). */
export const companyAssets = pgTable(
  'company_assets',
  {
    organizationId: organizationId(),
    companyId: uuid('company_id').notNull(),
    assetId: uuid('asset_id').notNull(),
    /** The pipeline replaces only `auto` rows; manual additions and exclusions survive. */
    source: membershipSource('source').notNull(),
    excluded: boolean('excluded').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: 'company_assets_pkey', columns: [t.organizationId, t.companyId, t.assetId] }),
    tenantForeignKey('company_assets_company_fk', t.organizationId, t.companyId, companies),
    tenantForeignKey('company_assets_asset_fk', t.organizationId, t.assetId, assets),
  ],
);

/**
 * An org admin's merge (representative set) or split (representative null) of a global entity,
 * applied by that organization's pipeline only.
 */
export const orgEntityOverrides = pgTable(
  'org_entity_overrides',
  {
    organizationId: organizationId(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    representativeId: uuid('representative_id').references(() => representatives.id, {
      onDelete: 'set null',
    }),
    /** The org's pinned canonical name of the entity's group (product.md #45). */
    canonicalName: varchar('canonical_name', { length: 500 }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ name: 'org_entity_overrides_pkey', columns: [t.organizationId, t.entityId] })],
);
