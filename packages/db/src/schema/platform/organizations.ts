import { sql } from 'drizzle-orm';
import {
  boolean,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { createdAt, deletedAt, instant, updatedAt } from '../columns';
import { representatives } from '../patent-data/entities';

export const organizationStatus = pgEnum('organization_status', [
  'provisioning',
  'active',
  'trial',
  'suspended',
  'cancelled',
]);
export const environmentMode = pgEnum('environment_mode', [
  'PRO',
  'KPI',
  'DASHBOARD',
  'SAMPLE',
  'SAMPLE-1',
  'STANDARD',
]);

/** Tenants. RLS compares `id` where other tenant tables compare `organization_id`. */
export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: varchar('name', { length: 255 }).notNull(),
    slug: varchar('slug', { length: 100 }).notNull(),
    status: organizationStatus('status').notNull().default('active'),
    trialEndsAt: instant('trial_ends_at'),
    /** The primary tracked entity group. */
    representativeId: uuid('representative_id').references(() => representatives.id, {
      onDelete: 'set null',
    }),
    logoObjectKey: varchar('logo_object_key', { length: 500 }),
    domain: varchar('domain', { length: 255 }),
    legacyOrgId: integer('legacy_org_id'),
    /** Named at self-service sign-up (product.md #4): no data and no pipeline until a super admin approves it. */
    awaitingApproval: boolean('awaiting_approval').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [
    uniqueIndex('organizations_name_key')
      .on(sql`lower(${t.name})`)
      .where(sql`${t.deletedAt} IS NULL`),
    uniqueIndex('organizations_slug_key')
      .on(t.slug)
      .where(sql`${t.deletedAt} IS NULL`),
  ],
);

/** The tenant column every tenant-owned row carries; deleting the tenant removes its rows. */
export const organizationId = () =>
  uuid('organization_id')
    .notNull()
    .references(() => organizations.id, { onDelete: 'cascade' });

/** Per-organization configuration (1:1). */
export const customerConfigurations = pgTable('customer_configurations', {
  organizationId: uuid('organization_id')
    .primaryKey()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  environmentMode: environmentMode('environment_mode').notNull().default('PRO'),
  featureFlags: jsonb('feature_flags').notNull().default({}),
  uiSettings: jsonb('ui_settings').notNull().default({}),
  /** BR-039 */
  filterAppYearAfter: smallint('filter_app_year_after').notNull().default(1999),
  /** BR-040; null turns the filter off. */
  filterLayoutId: smallint('filter_layout_id').default(15),
  /** Per-org keys of business-rules §0.2 that have no column of their own. */
  rulesConfig: jsonb('rules_config').notNull().default({}),
  apiLimits: jsonb('api_limits').notNull().default({}),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
