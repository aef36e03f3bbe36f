import { char, jsonb, pgTable, primaryKey, smallint, uuid, varchar } from 'drizzle-orm/pg-core';
import { instant, tenantForeignKey } from '../columns';
import { organizationId } from '../platform/organizations';
import { assets, companies } from '../platform/portfolio';

/** Ownership-diagram JSON per asset (step 8); the row is the source of truth, Redis only caches it. */
export const assetDiagrams = pgTable(
  'asset_diagrams',
  {
    organizationId: organizationId(),
    assetId: uuid('asset_id').notNull(),
    companyId: uuid('company_id'),
    appnoDocNum: varchar('appno_doc_num', { length: 12 }),
    grantDocNum: varchar('grant_doc_num', { length: 12 }),
    schemaVersion: smallint('schema_version').notNull(),
    diagram: jsonb('diagram').notNull(),
    /** sha256 of the inputs, so an unchanged asset is not regenerated. */
    inputHash: char('input_hash', { length: 64 }).notNull(),
    generatedAt: instant('generated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'asset_diagrams_pkey', columns: [t.organizationId, t.assetId] }),
    tenantForeignKey('asset_diagrams_asset_fk', t.organizationId, t.assetId, assets),
    tenantForeignKey('asset_diagrams_company_fk', t.organizationId, t.companyId, companies),
  ],
);
