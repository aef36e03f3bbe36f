import { randomBytes, randomUUID } from 'node:crypto';
import type pg from 'pg';

export interface OrgFixture {
  orgId: string;
  userId: string;
  companyId: string;
  /** Listed on the live share link. */
  sharedAssetId: string;
  /** Not listed on any share link. */
  privateAssetId: string;
  liveLinkId: string;
  revokedLinkId: string;
  expiredLinkId: string;
}

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

/**
 * Seeds one organization with at least one row in every tenant table (as a BYPASSRLS or superuser
 * client), so the RLS matrix can prove isolation table by table.
 */
export async function seedOrganization(
  client: pg.ClientBase,
  label: string,
  entityId: string,
): Promise<OrgFixture> {
  const f: OrgFixture = {
    orgId: randomUUID(),
    userId: randomUUID(),
    companyId: randomUUID(),
    sharedAssetId: randomUUID(),
    privateAssetId: randomUUID(),
    liveLinkId: randomUUID(),
    revokedLinkId: randomUUID(),
    expiredLinkId: randomUUID(),
  };
  const collectionId = randomUUID();
  const jobId = randomUUID();
  const serial = String(Math.floor(Math.random() * 900_000) + 100_000);
  const run = (text: string, values: unknown[]) => client.query(text, values);

  await run(`INSERT INTO organizations (id, name, slug) VALUES ($1, $2, $2)`, [
    f.orgId,
    `org-${label}-${hex(3)}`,
  ]);
  await run(`INSERT INTO customer_configurations (organization_id) VALUES ($1)`, [f.orgId]);
  await run(
    `INSERT INTO users (id, organization_id, email, role, status) VALUES ($1, $2, $3, 'admin', 'active')`,
    [f.userId, f.orgId, `admin-${label}-${hex(3)}@example.test`],
  );
  await run(
    `INSERT INTO user_identities (organization_id, user_id, provider, provider_account_id) VALUES ($1, $2, 'google', $3)`,
    [f.orgId, f.userId, hex(8)],
  );
  await run(
    `INSERT INTO user_tokens (organization_id, user_id, purpose, token_hash, expires_at)
     VALUES ($1, $2, 'email_verify', $3, now() + interval '1 hour')`,
    [f.orgId, f.userId, hex(32)],
  );
  await run(
    `INSERT INTO companies (id, organization_id, name, name_key) VALUES ($1, $2, $3::text, lower($3::text))`,
    [f.companyId, f.orgId, `Company ${label}`],
  );
  await run(
    `INSERT INTO assets (id, organization_id, appno_doc_num, appno_date) VALUES
       ($1, $3, '16' || $4, '2019-03-01'), ($2, $3, '17' || $4, '2020-05-01')`,
    [f.sharedAssetId, f.privateAssetId, f.orgId, serial],
  );
  await run(
    `INSERT INTO company_assets (organization_id, company_id, asset_id, source) VALUES ($1, $2, $3, 'auto'), ($1, $2, $4, 'manual')`,
    [f.orgId, f.companyId, f.sharedAssetId, f.privateAssetId],
  );
  await run(`INSERT INTO org_entity_overrides (organization_id, entity_id, created_by) VALUES ($1, $2, $3)`, [
    f.orgId,
    entityId,
    f.userId,
  ]);
  await run(
    `INSERT INTO share_links (id, organization_id, share_code, name, expires_at, revoked_at) VALUES
       ($1, $4, $5, 'live', now() + interval '1 day', NULL),
       ($2, $4, $6, 'revoked', now() + interval '1 day', now()),
       ($3, $4, $7, 'expired', now() - interval '1 hour', NULL)`,
    [f.liveLinkId, f.revokedLinkId, f.expiredLinkId, f.orgId, hex(12), hex(12), hex(12)],
  );
  await run(
    `INSERT INTO share_link_assets (organization_id, share_link_id, asset_id) VALUES ($1, $2, $5), ($1, $3, $5), ($1, $4, $5)`,
    [f.orgId, f.liveLinkId, f.revokedLinkId, f.expiredLinkId, f.sharedAssetId],
  );
  await run(
    `INSERT INTO share_access_logs (organization_id, share_link_id, ip_address, outcome) VALUES ($1, $2, '127.0.0.1', 'granted')`,
    [f.orgId, f.liveLinkId],
  );
  await run(`INSERT INTO integrations (organization_id, provider) VALUES ($1, 'slack')`, [f.orgId]);
  await run(
    `INSERT INTO activities (organization_id, user_id, type_code, subject_type, subject) VALUES ($1, $2, 1, 'patent', 'check title')`,
    [f.orgId, f.userId],
  );
  await run(
    `INSERT INTO comments (organization_id, user_id, resource_type, resource_id, content) VALUES ($1, $2, 'asset', $3, 'note')`,
    [f.orgId, f.userId, f.sharedAssetId],
  );
  await run(
    `INSERT INTO collections (id, organization_id, user_id, name, collection_type) VALUES ($1, $2, $3, 'watch', 'patents')`,
    [collectionId, f.orgId, f.userId],
  );
  await run(
    `INSERT INTO collection_items (organization_id, collection_id, item_type, item_id) VALUES ($1, $2, 'asset', $3)`,
    [f.orgId, collectionId, f.sharedAssetId],
  );
  await run(
    `INSERT INTO ownership_tree_nodes (organization_id, company_id, entity_id, name, tree_type, tree_tab, color)
     VALUES ($1, $2, $3, 'ACME', 1, 1, '#E60000')`,
    [f.orgId, f.companyId, entityId],
  );
  await run(
    `INSERT INTO company_transaction_activities (organization_id, company_id, rf_id, party_entity_id, activity_id)
     VALUES ($1, $2, '000100-0001', $3, 101)`,
    [f.orgId, f.companyId, entityId],
  );
  await run(
    `INSERT INTO asset_title_status (organization_id, company_id, asset_id, status, display_status) VALUES
       ($1, $2, $3, 'complete', 'complete'), ($1, $2, $4, 'broken', 'broken')`,
    [f.orgId, f.companyId, f.sharedAssetId, f.privateAssetId],
  );
  await run(
    `INSERT INTO dashboard_items (organization_id, company_id, type, asset_id, total) VALUES ($1, $2, 0, $3, 1), ($1, $2, 1, $4, 1)`,
    [f.orgId, f.companyId, f.sharedAssetId, f.privateAssetId],
  );
  await run(
    `INSERT INTO dashboard_item_counts (organization_id, company_id, type, number, total) VALUES ($1, $2, 0, 1, 1)`,
    [f.orgId, f.companyId],
  );
  await run(
    `INSERT INTO timeline_entries (organization_id, company_id, rf_id, reel_no, frame_no, party_role, original_name,
       entity_id, convey_ty, category, sequence)
     VALUES ($1, $2, '000100-0001', 100, 1, 'assignor', 'ACME INC', $3, 'assignment', 'ownership', 1)`,
    [f.orgId, f.companyId, entityId],
  );
  await run(`INSERT INTO summary_metrics (organization_id, company_id) VALUES ($1, $2), ($1, NULL)`, [
    f.orgId,
    f.companyId,
  ]);
  await run(
    `INSERT INTO asset_diagrams (organization_id, asset_id, schema_version, diagram, input_hash) VALUES
       ($1, $2, 1, '{}', repeat('a', 64)), ($1, $3, 1, '{}', repeat('b', 64))`,
    [f.orgId, f.sharedAssetId, f.privateAssetId],
  );
  await run(
    `INSERT INTO audit_events (organization_id, actor_type, actor_user_id, action) VALUES ($1, 'user', $2, 'user.login')`,
    [f.orgId, f.userId],
  );
  await run(
    `INSERT INTO processing_jobs (id, organization_id, job_type, trigger, status) VALUES ($1, $2, 'incremental', 'test', 'success')`,
    [jobId, f.orgId],
  );
  await run(
    `INSERT INTO processing_steps (organization_id, processing_job_id, step_number, step_name, status)
     VALUES ($1, $2, 1, 'classify', 'success')`,
    [f.orgId, jobId],
  );
  return f;
}
