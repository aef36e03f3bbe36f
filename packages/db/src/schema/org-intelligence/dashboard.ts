import { index, integer, pgTable, smallint, text, unique, uuid, varchar } from 'drizzle-orm/pg-core';
import { instant, tenantForeignKey } from '../columns';
import { dashboardItemTypes } from '../lookups/dashboard-item-types';
import { entities, lawFirms } from '../patent-data/entities';
import { organizationId } from '../platform/organizations';
import { assets, companies } from '../platform/portfolio';

/** Dashboard rows (business-rules §5.6); company_id null is the org level. */
export const dashboardItems = pgTable(
  'dashboard_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationId(),
    companyId: uuid('company_id'),
    /** Legacy `assignor_id`: the counterparty, e.g. the secured party of an encumbrance. */
    entityId: uuid('entity_id').references(() => entities.id),
    type: smallint('type')
      .notNull()
      .references(() => dashboardItemTypes.code),
    assetId: uuid('asset_id'),
    /** Grant number. */
    patent: varchar('patent', { length: 12 }),
    /** Application number. */
    application: varchar('application', { length: 12 }),
    rfId: varchar('rf_id', { length: 16 }),
    total: integer('total').notNull().default(0),
    lawfirm: varchar('lawfirm', { length: 500 }),
    lawfirmId: uuid('lawfirm_id').references(() => lawFirms.id, { onDelete: 'set null' }),
    computedAt: instant('computed_at').notNull().defaultNow(),
  },
  (t) => [
    unique('dashboard_items_org_id_key').on(t.organizationId, t.id),
    tenantForeignKey('dashboard_items_company_fk', t.organizationId, t.companyId, companies),
    tenantForeignKey('dashboard_items_asset_fk', t.organizationId, t.assetId, assets),
    index('dashboard_items_type_idx').on(t.organizationId, t.companyId, t.type),
    index('dashboard_items_asset_id_idx').on(t.assetId),
    index('dashboard_items_rf_id_idx').on(t.rfId),
  ],
);

export const dashboardItemCounts = pgTable(
  'dashboard_item_counts',
  {
    organizationId: organizationId(),
    companyId: uuid('company_id'),
    type: smallint('type')
      .notNull()
      .references(() => dashboardItemTypes.code),
    number: integer('number').notNull(),
    otherNumber: integer('other_number'),
    total: integer('total').notNull(),
    other: text('other'),
  },
  (t) => [
    tenantForeignKey('dashboard_item_counts_company_fk', t.organizationId, t.companyId, companies),
    unique('dashboard_item_counts_key').on(t.organizationId, t.companyId, t.type).nullsNotDistinct(),
  ],
);
