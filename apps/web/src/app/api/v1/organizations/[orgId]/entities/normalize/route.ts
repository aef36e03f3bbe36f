import { apiRoute } from '@/server/http/api-route';
import { reply } from '@/server/http/reply';
import { runNormalization } from '@/server/entities/normalize';
import { normalizeBody, normalizeStartedSchema } from '@/server/entities/schemas';
import { orgParams } from '@/server/organization/schemas';

export const POST = apiRoute(
  {
    summary:
      "Entity normalization of the organization's parties: a preview (dryRun) or applied to the org overlay, one run per org (product.md #43)",
    auth: 'user',
    permission: 'entities.manage',
    params: orgParams,
    body: normalizeBody,
    response: { status: 202, schema: normalizeStartedSchema },
    example: { body: { dryRun: true } },
  },
  async ({ tenant, principal, params, body, deps, ip, userAgent, requestId }) => {
    const job = await tenant((tx) =>
      runNormalization(
        { tx, principal, orgId: params.orgId, meta: { ip, userAgent, requestId } },
        deps,
        body,
      ),
    );
    return reply.accepted({ data: { jobId: job.jobId, status: job.status } });
  },
);
