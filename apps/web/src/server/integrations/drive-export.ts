import 'server-only';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { arrayParam } from '@patentrack/db/queries';
import { AppError, DRIVE_EXPORT_JOB, type AssetField } from '@patentrack/shared';
import { ensureAssetActivity } from '../assets/activity';
import type { UserPrincipal } from '../http/api-route';
import { workerQueue } from '../jobs/worker-queue';
import { auditIntegration, requireConnection, type IntegrationContext } from './connections';

export interface DriveExportInput {
  assetIds: string[];
  includeFields: AssetField[];
  sheetName: string;
}

/** The `export:drive-sheet` job's payload (apps/worker processors/exports/drive-sheet). */
type DriveExportJobData = DriveExportInput & { orgId: string; userId: string; role: UserPrincipal['role'] };

/**
 * Queues the export of selected assets to a new Google Sheet (#70). Drive must be connected (409 otherwise) and
 * every id must be an asset of the org (404 as for one unknown asset, so another org's ids tell nothing). The
 * worker reads the rows as the caller and reports `job-complete` (`drive_export`) with the sheet's address.
 */
export async function requestDriveExport(
  ctx: IntegrationContext,
  role: UserPrincipal['role'],
  input: DriveExportInput,
): Promise<{ jobId: string; estimatedRows: number }> {
  await requireConnection(ctx, 'google_drive');
  const assetIds = [...new Set(input.assetIds)];
  const [found] = await ctx.tenant(async (tx) => {
    const { rows } = await tx.execute<{ count: number }>(sql`
      select count(*)::int as count from assets a
       where a.organization_id = ${ctx.orgId} and a.deleted_at is null and a.id = any(${arrayParam(assetIds)}::uuid[])`);
    return rows;
  });
  if (found?.count !== assetIds.length) throw AppError.notFound('Asset');
  // The sheet's rows come from the asset list, which reads activity the list endpoint refreshes first.
  await ensureAssetActivity(ctx.deps, ctx.orgId, ctx.tenant);
  const jobId = randomUUID();
  const data: DriveExportJobData = {
    assetIds,
    includeFields: input.includeFields,
    sheetName: input.sheetName,
    orgId: ctx.orgId,
    userId: ctx.userId,
    role,
  };
  await workerQueue(ctx.deps, 'exports').add(DRIVE_EXPORT_JOB, data, { jobId });
  await ctx.tenant((tx) =>
    auditIntegration(tx, ctx, 'google_drive', 'integration.google_drive.export', {
      jobId,
      assets: assetIds.length,
      sheetName: input.sheetName,
    }),
  );
  return { jobId, estimatedRows: assetIds.length };
}
