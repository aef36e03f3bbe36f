import { boolean, index, integer, pgEnum, pgTable, text, unique, uuid, varchar } from 'drizzle-orm/pg-core';
import { instant, tenantForeignKey } from '../columns';
import { organizationId } from '../platform/organizations';
import { assets, companies } from '../platform/portfolio';

export const titleStatus = pgEnum('title_status', ['complete', 'broken', 'divested']);
export const titleBreakReason = pgEnum('title_break_reason', [
  'chain_gap',
  'no_transactions',
  'no_inventor_start',
  'not_current_owner',
]);

/**
 * The chain-of-title verdict per (organization, company, eligible asset) (BR-032…036). The view
 * `broken_title_chains` (security_invoker) selects the broken ones.
 */
export const assetTitleStatus = pgTable(
  'asset_title_status',
  {
    organizationId: organizationId(),
    companyId: uuid('company_id').notNull(),
    assetId: uuid('asset_id').notNull(),
    appnoDocNum: varchar('appno_doc_num', { length: 12 }),
    grantDocNum: varchar('grant_doc_num', { length: 12 }),
    status: titleStatus('status').notNull(),
    reason: titleBreakReason('reason'),
    breakRfId: varchar('break_rf_id', { length: 16 }),
    expectedHolderKeys: uuid('expected_holder_keys').array().notNull().default([]),
    actualAssignorKeys: uuid('actual_assignor_keys').array().notNull().default([]),
    finalHolderKeys: uuid('final_holder_keys').array().notNull().default([]),
    hasEmployeeStart: boolean('has_employee_start').notNull().default(false),
    employeeLinkCount: integer('employee_link_count').notNull().default(0),
    chainRfIds: text('chain_rf_ids').array().notNull().default([]),
    encumbered: boolean('encumbered').notNull().default(false),
    openSecurityRfIds: text('open_security_rf_ids').array().notNull().default([]),
    displayStatus: varchar('display_status', { length: 20 }).notNull(),
    detectedAt: instant('detected_at').notNull().defaultNow(),
  },
  (t) => [
    unique('asset_title_status_key').on(t.organizationId, t.companyId, t.assetId),
    tenantForeignKey('asset_title_status_company_fk', t.organizationId, t.companyId, companies),
    tenantForeignKey('asset_title_status_asset_fk', t.organizationId, t.assetId, assets),
    index('asset_title_status_asset_idx').on(t.organizationId, t.assetId),
  ],
);
