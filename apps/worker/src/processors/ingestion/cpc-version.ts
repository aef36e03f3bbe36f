import { CPC_VERSION_KEY } from '@patentrack/shared';
import type { ProcessorContext } from '../types';

/**
 * The after-step of a CPC load (ingestion.md §2.10): no organization's derived data reads CPC codes, so nothing
 * is enqueued; bumping `cpc:version` retires every CPC cache at once, as their keys embed the version.
 */
export async function bumpCpcVersion(jobId: string, context: ProcessorContext): Promise<string[]> {
  await context.redis.incr(CPC_VERSION_KEY);
  await context.pool.query(
    `update ingestion_jobs set affected_org_count = 0, fanout_completed_at = now() where id = $1`,
    [jobId],
  );
  return [];
}
