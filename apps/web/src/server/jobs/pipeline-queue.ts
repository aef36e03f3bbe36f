import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { eq } from 'drizzle-orm';
import { AppError, type PipelineStep } from '@patentrack/shared';
import { withTenant } from '@patentrack/db';
import { organizations } from '@patentrack/db/schema';
import type { ServerDeps } from '../http/deps';

/** Queue and job names of the worker's pipeline queue (apps/worker queues/pipeline.config.ts). */
const PIPELINE_QUEUE = 'pipeline';
const REBUILD_JOB = 'pipeline:org:rebuild';
const TREE_JOB = 'pipeline:org:tree';

const holder = globalThis as typeof globalThis & { __ptPipelineQueue?: Queue };

function pipelineQueue(deps: ServerDeps): Queue {
  holder.__ptPipelineQueue ??= new Queue(PIPELINE_QUEUE, {
    connection: new Redis(deps.env.REDIS_URL, { maxRetriesPerRequest: null }),
    prefix: deps.env.QUEUE_PREFIX,
  });
  return holder.__ptPipelineQueue;
}

/** Closes the queue connection (tests and shutdown). */
export async function closePipelineQueue(): Promise<void> {
  await holder.__ptPipelineQueue?.close();
  holder.__ptPipelineQueue = undefined;
}

/**
 * Asks the worker to re-run an organization's pipeline. Companies or entity overrides changed → `tree` request
 * (the run starts at `flag`, whose membership refresh picks up the new parties); otherwise a full rebuild from
 * `from`. The worker coalesces requests into one `processing_jobs` run; the BullMQ job id is returned.
 * A self-registered organization awaiting approval gets no run at all (product.md #4): 409.
 */
export async function requestPipelineRun(
  deps: ServerDeps,
  request: {
    orgId: string;
    triggeredBy: string | null;
    reason: 'companies' | 'entities' | 'rebuild' | 'onboarding';
    from?: PipelineStep;
  },
): Promise<string> {
  if (await awaitsApproval(deps, request.orgId))
    throw new AppError('CONFLICT', 'This organization is waiting for a super admin to approve it', {
      reason: 'awaiting_approval',
    });
  const tree = request.reason === 'companies' || request.reason === 'entities';
  const payload = tree
    ? { orgId: request.orgId, triggeredBy: request.triggeredBy }
    : { orgId: request.orgId, triggeredBy: request.triggeredBy, from: request.from };
  const job = await pipelineQueue(deps).add(tree ? TREE_JOB : REBUILD_JOB, payload);
  return job.id!;
}

/** Whether the organization was self-registered and is not approved yet (read in its own tenant context). */
async function awaitsApproval(deps: ServerDeps, orgId: string): Promise<boolean> {
  const [row] = await withTenant(
    deps.db,
    { orgId, userId: null, role: null, scope: 'user', shareLinkId: null },
    (tx) =>
      tx
        .select({ awaitingApproval: organizations.awaitingApproval })
        .from(organizations)
        .where(eq(organizations.id, orgId)),
  );
  return row?.awaitingApproval ?? false;
}
