import { z } from 'zod';
import { PIPELINE_STEPS } from '@patentrack/shared';
import { dataOf, isoDate, pageOf, pageQuery, queuedJobSchema, text } from '../listing/schemas';
import { ENVIRONMENT_MODES } from '../organization/modes';
import { organizationSchema, pipelineStatusSchema } from '../organization/schemas';
import { userSchema } from '../users/schemas';

const ORG_STATUSES = ['provisioning', 'active', 'trial', 'suspended', 'cancelled'] as const;

const booleanFilter = z
  .enum(['true', 'false'])
  .transform((value) => value === 'true')
  .optional();

export const adminOrgsQuery = pageQuery({
  search: text(200).optional(),
  status: z.enum(ORG_STATUSES).optional(),
  /** `true`: only self-registered organizations waiting for approval (product.md #4). */
  awaitingApproval: booleanFilter,
});
export const adminOrgItemSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  status: z.enum(ORG_STATUSES),
  awaitingApproval: z.boolean(),
  environmentMode: z.string(),
  users: z.number().int(),
  assets: z.number().int(),
  lastRunAt: z.string().nullable(),
  createdAt: z.string(),
});
export const pagedAdminOrgs = pageOf(adminOrgItemSchema);

export const rebuildBody = z.object({ startFromStep: z.enum(PIPELINE_STEPS).default('classify') });
export const rebuildSchema = dataOf(
  z.object({ pipelineId: z.string(), steps: z.array(z.enum(PIPELINE_STEPS)) }),
);

export const dataQualitySchema = dataOf(
  z.object({
    brokenChains: z.number().int(),
    unclassified: z.number().int(),
    flagged: z.number().int(),
    byErrorType: z.object({
      inventor: z.number().int(),
      assignment: z.number().int(),
      correspondence: z.number().int(),
      address: z.number().int(),
      security: z.number().int(),
    }),
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
  z.object({
    sources: z.array(sourceSchema),
    activeJobs: z.number().int(),
    failedJobsLast24h: z.number().int(),
    queueDepth: z.number().int(),
  }),
);
export const freshnessSchema = dataOf(z.array(sourceSchema));

export const jobsQuery = pageQuery({
  status: z.enum(['pending', 'running', 'success', 'partial', 'failed', 'skipped', 'cancelled']).optional(),
  jobType: z
    .string()
    .regex(/^[a-z0-9_]{1,64}$/)
    .optional(),
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

export const onboardBody = z.object({
  name: text(255),
  environmentMode: z.enum(ENVIRONMENT_MODES).default('PRO'),
  adminEmail: z.email().max(320).toLowerCase(),
  adminName: text(200),
  companies: z.array(text(500)).max(100).default([]),
});
export const onboardedSchema = dataOf(
  z.object({
    id: z.uuid(),
    adminUserId: z.uuid(),
    companyIds: z.array(z.uuid()),
    pipelineJobId: z.string(),
    status: z.literal('provisioning'),
  }),
);

export const adminOrgStatusSchema = dataOf(
  organizationSchema.shape.data.extend({
    users: z.array(userSchema),
    pipelineStatus: pipelineStatusSchema.shape.data,
    activeShareLinks: z.number().int(),
    awaitingApproval: z.boolean(),
  }),
);
export const adminOrgPatchBody = z
  .object({
    name: text(255).optional(),
    environmentMode: z.enum(ENVIRONMENT_MODES).optional(),
    status: z.enum(ORG_STATUSES).optional(),
  })
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'Nothing to update');
export const approveBody = z.object({ companies: z.array(text(500)).max(100).default([]) });
export const approvedSchema = dataOf(
  z.object({
    id: z.uuid(),
    status: z.enum(['provisioning', 'active']),
    pipelineJobId: z.string().nullable(),
  }),
);
export const treeRebuildSchema = queuedJobSchema;

export const fixItemsBody = z.object({
  orgId: z.uuid(),
  fixType: z
    .enum(['reclass', 'rebuild_dashboard', 'fix_broken_chain'])
    .describe('`renormalize` is the entity normalization (POST /organizations/{orgId}/entities/normalize)'),
  targetIds: z.array(z.uuid()).max(1000).optional(),
});
export const fixItemsSchema = dataOf(
  z.object({
    jobId: z.string(),
    itemCount: z.number().int(),
    status: z.literal('queued'),
    startFromStep: z.enum(PIPELINE_STEPS),
  }),
);

export const ingestionJobParams = z.object({ jobId: z.uuid() });
export const retriedSchema = dataOf(
  z.object({ jobId: z.uuid(), queueJobId: z.string(), status: z.literal('waiting') }),
);

export const sourceParams = z.object({ source: z.string().regex(/^[a-z0-9_]{1,64}$/, 'Unknown source') });
export const runSourceBody = z.object({
  files: z
    .array(z.url({ protocol: /^https?$/ }).max(2000))
    .min(1)
    .max(500)
    .optional()
    .describe(
      "Files to load (http/https URLs; the worker downloads them). Without files the job polls the source's ODP product and loads its new files, as a scheduled run does.",
    ),
  backfill: z.boolean().default(false),
});

export const adminTransactionsQuery = pageQuery({
  orgId: z.uuid().optional(),
  conveyanceType: z
    .string()
    .regex(/^[a-z]{1,24}$/)
    .optional(),
  dateFrom: isoDate.optional(),
  dateTo: isoDate.optional(),
  flagged: booleanFilter,
});
const partySchema = z.object({ name: z.string(), entityId: z.uuid() });
export const adminTransactionSchema = z.object({
  rfId: z.string(),
  orgId: z.uuid(),
  orgName: z.string(),
  type: z.string(),
  text: z.string().nullable(),
  recordDate: z.string().nullable(),
  parties: z.object({
    assignors: z.array(partySchema.extend({ executionDate: z.string().nullable() })),
    assignees: z.array(partySchema),
  }),
  affectedAssets: z.number().int(),
});
export const pagedAdminTransactions = pageOf(adminTransactionSchema);
