import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { organizations, type Tx } from '@patentrack/db';
import { AppError, EXPORT_JOB, csvFileName, type ExportType } from '@patentrack/shared';
import { ensureAssetActivity } from '../assets/activity';
import { grantFor, type Permission } from '../auth/permissions';
import type { UserPrincipal } from '../http/api-route';
import type { ServerDeps } from '../http/deps';
import { workerQueue } from '../jobs/worker-queue';
import { signFileUrl } from '../storage/signed-urls';
import type { EXPORT_STATUSES, ExportRequest } from './schemas';

/** The permission the list behind each export needs: an export shows nothing its list would not. */
const EXPORT_PERMISSIONS: Record<ExportType, Permission> = {
  assets: 'assets.read',
  broken_titles: 'dashboard.read',
  maintenance: 'dashboard.read',
  timeline: 'dashboard.read',
  entities: 'entities.read',
  transactions: 'platform.operate',
  dashboard_report: 'dashboard.read',
};

/** The `export:file` job's payload (apps/worker processors/exports) and what the worker returns. */
type ExportJobData = ExportRequest & { orgId: string; userId: string; role: UserPrincipal['role'] };
interface ExportJobResult {
  key: string;
  rowCount: number;
}

type Tenant = <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>;

/** Queues a server export (#55) of the caller's view; the job id is the handle for #56 and `job-complete`. */
export async function requestExport(
  deps: ServerDeps,
  principal: UserPrincipal,
  request: ExportRequest,
  tenant: Tenant,
): Promise<string> {
  if (!grantFor(principal.role, EXPORT_PERMISSIONS[request.type]))
    throw new AppError('FORBIDDEN', 'Your role cannot export this list');
  // The asset list reads activity the endpoint refreshes first; the export must see the same rows.
  if (request.type === 'assets') await ensureAssetActivity(deps, principal.orgId, tenant);
  const jobId = randomUUID();
  const data: ExportJobData = {
    ...request,
    orgId: principal.orgId,
    userId: principal.userId,
    role: principal.role,
  };
  await workerQueue(deps, 'exports').add(EXPORT_JOB, data, { jobId });
  return jobId;
}

type ExportStatus = (typeof EXPORT_STATUSES)[number];

/**
 * Status of an export (#56), only to the user who asked for it: anyone else, another org's user included, gets
 * 404 as for an unknown id. A finished export answers with a fresh five-minute signed link to the file, saved as
 * `{org}-{view}-{YYYY-MM-DD}.{csv|pdf}` (Part D) with the day it was requested.
 */
export async function exportStatus(
  deps: ServerDeps,
  principal: UserPrincipal,
  jobId: string,
  tenant: Tenant,
) {
  const job = await workerQueue(deps, 'exports').getJob(jobId);
  const data = job?.data as ExportJobData | undefined;
  if (!job || job.name !== EXPORT_JOB || data?.userId !== principal.userId || data.orgId !== principal.orgId)
    throw AppError.notFound('Export');
  const state = await job.getState();
  if (state === 'completed') {
    const result = job.returnvalue as ExportJobResult;
    const [org] = await tenant((tx) =>
      tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, data.orgId)),
    );
    const name = csvFileName(
      org?.name ?? 'patentrack',
      data.type.replace('_', '-'),
      new Date(job.timestamp),
      data.format,
    );
    const link = signFileUrl(deps.env.STORAGE_SIGNING_SECRET, result.key, Date.now(), name);
    return { status: 'success' as ExportStatus, ...link, rowCount: result.rowCount };
  }
  return {
    status: (state === 'failed' ? 'failed' : state === 'active' ? 'running' : 'queued') as ExportStatus,
  };
}
