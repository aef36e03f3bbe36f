import { createHash } from 'node:crypto';
import { buildDiagram } from '@patentrack/business-rules';
import { DIAGRAM_SCHEMA_VERSION } from '@patentrack/shared';
import { inOrgTransaction } from '../db';
import { loadOrgData, pick } from '../org-data';
import { replaceScope } from '../replace-scope';
import { loadTitleStatuses, worstVerdict } from '../title-status';
import type { StepRunner } from './types';

const COLUMNS = [
  { name: 'asset_id', type: 'uuid' },
  { name: 'company_id', type: 'uuid' },
  { name: 'appno_doc_num', type: 'varchar(12)' },
  { name: 'grant_doc_num', type: 'varchar(12)' },
  { name: 'schema_version', type: 'smallint' },
  { name: 'diagram', type: 'jsonb' },
  { name: 'input_hash', type: 'char(64)' },
  { name: 'generated_at', type: 'timestamptz' },
];

/**
 * Step 6 (§5.8): the ownership-diagram JSON of every eligible asset, built for its worst company verdict.
 * `input_hash` is the sha-256 of everything the diagram is built from; an asset whose hash is unchanged keeps
 * its stored row untouched (same bytes, same `generatedAt`) and is not rebuilt, so re-runs and incremental
 * runs only rewrite the diagrams whose inputs changed.
 */
export const generateJsonStep: StepRunner = async ({ pool, orgId, runId }) => {
  const data = await loadOrgData(pool, orgId, runId);
  const [verdicts, { rows: stored }] = await Promise.all([
    loadTitleStatuses(pool, { orgId, runId }),
    pool.query<{ asset_id: string; input_hash: string }>(
      `select asset_id, input_hash from asset_diagrams where organization_id = $1`,
      [orgId],
    ),
  ]);
  const storedHash = new Map(stored.map((r) => [r.asset_id, r.input_hash]));
  const generatedAt = new Date().toISOString();
  const current: string[] = [];
  const rows: Record<string, unknown>[] = [];
  for (const asset of data.assets) {
    const companyVerdicts = asset.companyIds.flatMap((id) => {
      const verdict = verdicts.get(id)?.get(asset.assetId);
      return verdict ? [verdict] : [];
    });
    const verdict = worstVerdict(companyVerdicts);
    if (!verdict) continue;
    current.push(asset.assetId);
    // A diagram is built from its asset's inputs alone: one an incremental run's changes miss is unchanged.
    if (data.changes && !data.changes.assetIds.has(asset.assetId)) continue;
    const input = {
      organizationId: orgId,
      asset,
      transactions: pick(data, data.assetRfIds.get(asset.assetId)),
      assessment: verdict,
      config: data.scope.config,
    };
    const inputHash = createHash('sha256')
      .update(JSON.stringify({ schemaVersion: DIAGRAM_SCHEMA_VERSION, ...input }))
      .digest('hex');
    if (storedHash.get(asset.assetId) === inputHash) continue;
    rows.push({
      asset_id: asset.assetId,
      company_id: verdict.companyId,
      appno_doc_num: asset.appnoDocNum,
      grant_doc_num: asset.grantDocNum,
      schema_version: DIAGRAM_SCHEMA_VERSION,
      diagram: buildDiagram({ ...input, generatedAt }),
      input_hash: inputHash,
      generated_at: generatedAt,
    });
  }
  const written = await inOrgTransaction(pool, orgId, async (client) => {
    // Assets that left the organization or lost their verdict lose their diagram.
    const stale = await client.query(
      `delete from asset_diagrams where organization_id = $1 and asset_id not in (select unnest($2::uuid[]))`,
      [orgId, current],
    );
    const changed = await replaceScope(client, {
      table: 'asset_diagrams',
      orgId,
      columns: COLUMNS,
      rows,
      restrictTo: { column: 'asset_id', type: 'uuid', values: rows.map((r) => r.asset_id as string) },
    });
    return { deleted: changed.deleted + (stale.rowCount ?? 0), inserted: changed.inserted };
  });
  return {
    recordsProcessed: current.length,
    metrics: {
      diagrams: current.length,
      regenerated: rows.length,
      rowsDeleted: written.deleted,
      rowsInserted: written.inserted,
    },
  };
};
