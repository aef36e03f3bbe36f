import { sql } from 'drizzle-orm';
import { char, check, index, pgTable, smallint, text, unique, uuid, varchar } from 'drizzle-orm/pg-core';
import { instant, tenantForeignKey } from '../columns';
import { treeTypes } from '../lookups/tree-types';
import { entities } from '../patent-data/entities';
import { organizationId } from '../platform/organizations';
import { companies } from '../platform/portfolio';

/** Ownership-tree nodes (BR-024…031), replaced per (organization, company) by the `tree` step. */
export const ownershipTreeNodes = pgTable(
  'ownership_tree_nodes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationId(),
    companyId: uuid('company_id'),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    name: varchar('name', { length: 500 }).notNull(),
    parentId: uuid('parent_id'),
    treeType: smallint('tree_type')
      .notNull()
      .references(() => treeTypes.code),
    treeTab: smallint('tree_tab').notNull(),
    color: char('color', { length: 7 }).notNull(),
    depth: smallint('depth').notNull().default(0),
    transactionRfIds: text('transaction_rf_ids').array().notNull().default([]),
    computedAt: instant('computed_at').notNull().defaultNow(),
  },
  (t) => [
    unique('ownership_tree_nodes_org_id_key').on(t.organizationId, t.id),
    tenantForeignKey('ownership_tree_nodes_company_fk', t.organizationId, t.companyId, companies),
    tenantForeignKey('ownership_tree_nodes_parent_fk', t.organizationId, t.parentId, t),
    check('ownership_tree_nodes_tree_tab_check', sql`${t.treeTab} BETWEEN 0 AND 3`),
    unique('ownership_tree_nodes_name_key')
      .on(t.organizationId, t.companyId, t.treeType, t.name)
      .nullsNotDistinct(),
    index('ownership_tree_nodes_tab_idx').on(t.organizationId, t.companyId, t.treeTab),
    index('ownership_tree_nodes_parent_id_idx').on(t.parentId),
    index('ownership_tree_nodes_entity_id_idx').on(t.entityId),
  ],
);
