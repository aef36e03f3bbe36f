import { z } from 'zod';
import { PIPELINE_STEPS } from '@patentrack/shared';
import { dataOf, isoDate, pageOf, pageQuery, text } from '../listing/schemas';

const ORG_STATUSES = ['provisioning', 'active', 'trial', 'suspended', 'cancelled'] as const;

export const adminOrgsQuery = pageQuery({ search: text(200).optional(), status: z.enum(ORG_STATUSES).optional() });
export const adminOrgItemSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  status: z.enum(ORG_STATUSES),
  environmentMode: z.string(),
  users: z.number().int(),
  assets: z.number().int(),
  lastRunAt: z.string().nullable(),
  createdAt: z.string(),
});
export const pagedAdminOrgs = pageOf(adminOrgItemSchema);

export const rebuildBody = z.object({ startFromStep: z.enum(PIPELINE_STEPS).default('classify') });
export const rebuildSchema = dataOf(z.object({ pipelineId: z.string(), steps: z.array(z.enum(PIPELINE_STEPS)) }));

export const dataQualitySchema = dataOf(
  z.object({
    brokenChains: z.number().int(),
    unclassified: z.number().int(),
    flagged: z.number().int(),
    byErrorType: z.object({ inventor: z.number().int(), assignment: z.number().int(), correspondence: z.number().int(), address: z.number().int(), security: z.number().int() }),
  }),
);

const sourceSchema = z.object({
  key: z.string(),
  displayName: z.string(),
  schedule: z.string().nullable(),
  active: z.boolean(),
  lastRunAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  lastFailureAt: z.string().nullable(),
  lastError: z.string().nullable(),
  nextRunAt: z.string().nullable(),
  status: z.enum(['healthy', 'stale', 'failing']),
  freshness: z.enum(['fresh', 'stale', 'critical']),
  staleDays: z.number().int().nullable(),
});
export const ingestionStatusSchema = dataOf(
  z.object({ sources: z.array(sourceSchema), activeJobs: z.number().int(), failedJobsLast24h: z.number().int(), queueDepth: z.number().int() }),
);
export const freshnessSchema = dataOf(z.array(sourceSchema));

export const jobsQuery = pageQuery({
  status: z.enum(['pending', 'running', 'success', 'partial', 'failed', 'skipped', 'cancelled']).optional(),
  jobType: z.string().regex(/^[a-z0-9_]{1,64}$/).optional(),
  dateFrom: isoDate.optional(),
  dateTo: isoDate.optional(),
});
export const jobSchema = z.object({
  id: z.uuid(),
  jobType: z.string(),
  status: z.string(),
  attempts: z.number().int(),
  fileName: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  durationMs: z.number().nullable(),
  recordsProcessed: z.number().int(),
  recordsFailed: z.number().int(),
  failureReason: z.string().nullable(),
  payload: z.unknown(),
});
export const pagedJobs = pageOf(jobSchema);
