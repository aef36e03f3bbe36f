import { selectDueAssets } from '@patentrack/ingestion';
import type { z } from 'zod';
import type { Queues } from '../../queues';
import type { ProcessorContext } from '../types';
import type { epoFamilyPayload } from './family';

/** Assets per `ingest:epo-family` job: small enough that a throttled retry redoes little. */
const ASSETS_PER_JOB = 25;

/** Enqueues the family look-ups of `assetIds`, a job per 25 assets; returns the number of jobs. */
export async function enqueueFamilyLookups(
  queues: Queues,
  assetIds: readonly string[],
  trigger: z.infer<typeof epoFamilyPayload>['trigger'],
): Promise<number> {
  const jobs = [];
  for (let i = 0; i < assetIds.length; i += ASSETS_PER_JOB) {
    jobs.push({
      name: 'ingest:epo-family',
      data: { assetIds: assetIds.slice(i, i + ASSETS_PER_JOB), trigger },
    });
  }
  await queues.epo.addBulk(jobs);
  return jobs.length;
}

/**
 * Look-ups of an organization's assets right after its pipeline run (ingestion.md §3.6, trigger 1): assets the
 * run added — or whose company was just added — were never looked up, so they are due now rather than at the
 * next daily sweep. Nothing when OPS credentials are not configured, as for the sweep.
 */
export async function enqueueOrganizationLookups(context: ProcessorContext, orgId: string): Promise<number> {
  if (!context.epo.configured) return 0;
  const assetIds = await selectDueAssets(context.pool, context.epo.sweepMax, new Date(), orgId);
  return enqueueFamilyLookups(context.queues, assetIds, 'on_demand');
}
