import type { ServerDeps } from '../http/deps';
import { workerQueue } from './worker-queue';

/** The worker's company enrichment job (apps/worker processors/enrichment/company.ts, ingestion.md §3.7). */
const ENRICH_COMPANY_JOB = 'enrich:company';

/**
 * Asks the worker to find the companies' domains and logos; the BullMQ job ids are returned in order. Called
 * after the companies' transaction committed, so the worker never looks for a row that is not there yet.
 */
export async function enqueueCompanyEnrichment(
  deps: ServerDeps,
  organizationId: string,
  companyIds: readonly string[],
): Promise<string[]> {
  const jobs = await workerQueue(deps, 'enrichment').addBulk(
    companyIds.map((companyId) => ({ name: ENRICH_COMPANY_JOB, data: { organizationId, companyId } })),
  );
  return jobs.map((job) => job.id!);
}
