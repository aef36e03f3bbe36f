import { z } from 'zod';
import { PIPELINE_STEPS } from './domain/pipeline';

/**
 * Redis pub/sub channels of the live events (ingestion.md §4, product.md Part C "SSE events").
 * The worker publishes; the web's SSE endpoint subscribes and relays the payloads unchanged.
 */
export const EVENT_CHANNELS = {
  /** One channel per organization: pipeline progress and completion of that tenant. */
  org: (orgId: string) => `events:org:${orgId}`,
  /** Ingestion jobs and cross-tenant operations, for super admins. */
  admin: 'events:admin',
} as const;

/** Prefix of every org-scoped cache key; a finished pipeline run deletes `org:{orgId}:*`. */
export const orgCacheKeyPrefix = (orgId: string) => `org:${orgId}:`;

/** Version of the CPC data, embedded in every CPC cache key; a CPC load increments it (ingestion.md §2.10). */
export const CPC_VERSION_KEY = 'cpc:version';

const stepCounts = z.record(z.string(), z.number());

/** Step progress of a pipeline run (`jobId` = processing_jobs.id) or an ingestion job. */
export const ingestionProgressEventSchema = z.object({
  type: z.literal('ingestion-progress'),
  data: z.object({
    jobId: z.string(),
    orgId: z.string().optional(),
    step: z.string(),
    /** Fraction of the run done, 0…1. */
    progress: z.number().min(0).max(1),
    status: z.enum(['started', 'finished', 'failed']),
    counts: stepCounts.optional(),
  }),
});

export const pipelineCompleteEventSchema = z.object({
  type: z.literal('pipeline-complete'),
  data: z.object({
    orgId: z.string(),
    pipelineId: z.string(),
    status: z.enum(['success', 'failed']),
    failedStep: z.enum(PIPELINE_STEPS).optional(),
    /** Milliseconds from start to end of the run. */
    duration: z.number(),
  }),
});

export const dashboardRefreshEventSchema = z.object({
  type: z.literal('dashboard-refresh'),
  data: z.object({ orgId: z.string(), dataType: z.string() }),
});

export const newAssignmentsEventSchema = z.object({
  type: z.literal('new-assignments'),
  data: z.object({ orgId: z.string(), count: z.number().int(), refreshNeeded: z.boolean() }),
});

/** A requested background job finished, e.g. a server export (#55); `resultUrl` is where its result is fetched. */
export const jobCompleteEventSchema = z.object({
  type: z.literal('job-complete'),
  data: z.object({
    jobId: z.string(),
    kind: z.string(),
    status: z.enum(['success', 'failed']),
    resultUrl: z.string().optional(),
  }),
});

export const liveEventSchema = z.discriminatedUnion('type', [
  ingestionProgressEventSchema,
  pipelineCompleteEventSchema,
  dashboardRefreshEventSchema,
  newAssignmentsEventSchema,
  jobCompleteEventSchema,
]);
export type LiveEvent = z.infer<typeof liveEventSchema>;
