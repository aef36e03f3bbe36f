import { integer, jsonb, pgTable, unique, uuid } from 'drizzle-orm/pg-core';
import { instant, tenantForeignKey } from '../columns';
import { organizationId } from '../platform/organizations';
import { companies } from '../platform/portfolio';

const count = (name: string) => integer(name).notNull().default(0);

/**
 * Summary metrics per company plus one org row (company_id null, BR-042); unique NULLS NOT DISTINCT so
 * ON CONFLICT also targets the org row.
 */
export const summaryMetrics = pgTable(
  'summary_metrics',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationId(),
    companyId: uuid('company_id'),
    companyCount: count('company_count'),
    activityCount: count('activity_count'),
    entityCount: count('entity_count'),
    partyCount: count('party_count'),
    employeeCount: count('employee_count'),
    transactionCount: count('transaction_count'),
    assetCount: count('asset_count'),
    arrowCount: count('arrow_count'),
    completeChainCount: count('complete_chain_count'),
    brokenChainCount: count('broken_chain_count'),
    divestedCount: count('divested_count'),
    encumbranceCount: count('encumbrance_count'),
    metadata: jsonb('metadata').notNull().default({}),
    calculatedAt: instant('calculated_at').notNull().defaultNow(),
  },
  (t) => [
    unique('summary_metrics_org_id_key').on(t.organizationId, t.id),
    tenantForeignKey('summary_metrics_company_fk', t.organizationId, t.companyId, companies),
    unique('summary_metrics_company_key').on(t.organizationId, t.companyId).nullsNotDistinct(),
  ],
);
