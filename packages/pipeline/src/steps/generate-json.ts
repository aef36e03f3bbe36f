import { createHash } from 'node:crypto';
import { buildDiagram } from '@patentrack/business-rules';
import { DIAGRAM_SCHEMA_VERSION } from '@patentrack/shared';
import { inOrgTransaction } from '../db';
import { loadOrgData, pick } from '../org-data';
import { replaceScope } from '../replace-scope';
import { loadTitleStatuses, worstVerdict, type StoredTitleStatus } from '../title-status';
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
 * `input_hash` covers everything but the timestamp; an unchanged hash keeps the stored `generatedAt`, so a
 * re-run on unchanged data stores byte-identical JSON and touches no row.
 */
export const generateJsonStep: StepRunner = async ({ pool, orgId, runId }) => {
  const data = await loadOrgData(pool, orgId, runId);
  const [verdicts, { rows: stored }] = await Promise.all([
    loadTitleStatuses(pool, orgId),
    pool.query<{ asset_id: string; input_hash: string; generated_at: Date }>(
      `select asset_id, input_hash, generated_at from asset_diagrams where organization_id = $1`,
      [orgId],
    ),
  ]);
  const previous = new Map(stored.map((r) => [r.asset_id, r]));
  const now = new Date().toISOString();
  const rows: Record<string, unknown>[] = [];
  let regenerated = 0;
  for (const asset of data.assets) {
    const companyVerdicts = asset.companyIds.flatMap((id) => {
      const verdict = verdicts.get(id)?.get(asset.assetId);
      return verdict ? [verdict] : [];
    });
    const verdict: StoredTitleStatus | undefined = worstVerdict(companyVerdicts);
    if (!verdict) continue;
    const input = {
      organizationId: orgId,
      asset,
      transactions: pick(data, data.assetRfIds.get(asset.assetId)),
      assessment: verdict,
      config: data.scope.config,
    };
    // Hashed without its timestamp, then stamped: the key keeps its place, so the bytes stay stable.
    const diagram = buildDiagram({ ...input, generatedAt: '' });
    const inputHash = createHash('sha256').update(JSON.stringify(diagram)).digest('hex');
    const kept = previous.get(asset.assetId);
    const generatedAt = kept?.input_hash === inputHash ? kept.generated_at.toISOString() : now;
    if (generatedAt === now) regenerated++;
    diagram.general.generatedAt = generatedAt;
    rows.push({
      asset_id: asset.assetId,
      company_id: verdict.companyId,
      appno_doc_num: asset.appnoDocNum,
      grant_doc_num: asset.grantDocNum,
      schema_version: DIAGRAM_SCHEMA_VERSION,
      diagram,
      input_hash: inputHash,
      generated_at: generatedAt,
    });
  }
  const written = await inOrgTransaction(pool, orgId, (client) =>
    replaceScope(client, { table: 'asset_diagrams', orgId, columns: COLUMNS, rows }),
  );
  return {
    recordsProcessed: rows.length,
    metrics: {
      diagrams: rows.length,
      regenerated,
      rowsDeleted: written.deleted,
      rowsInserted: written.inserted,
    },
  };
};
