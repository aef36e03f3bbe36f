import { apiRoute } from '@/server/http/api-route';
import { readNormalization } from '@/server/entities/normalize';
import { normalizeJobParams, normalizeJobSchema } from '@/server/entities/schemas';

export const GET = apiRoute(
  {
    summary:
      'Status and result of an entity normalization: proposed groups as a diff (added / moved / unchanged) and a summary (product.md #44)',
    auth: 'user',
    permission: 'entities.manage',
    params: normalizeJobParams,
    response: { schema: normalizeJobSchema },
  },
  async ({ params, deps }) => {
    const job = await readNormalization(deps, params.orgId, params.jobId);
    return {
      data: {
        jobId: job.jobId,
        status: job.status,
        progress: job.progress,
        dryRun: job.dryRun,
        threshold: job.threshold,
        createdAt: job.createdAt,
        result: job.result,
      },
    };
  },
);
