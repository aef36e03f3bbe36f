import { apiRoute } from '@/server/http/api-route';
import { reply } from '@/server/http/reply';
import { rebuildPipeline } from '@/server/admin/rebuild';
import { rebuildBody, rebuildSchema } from '@/server/admin/schemas';
import { orgParams } from '@/server/organization/schemas';

export const POST = apiRoute(
  {
    summary:
      "Re-run an organization's pipeline from a step; 409 while one is queued or running (product.md #78)",
    auth: 'user',
    permission: 'pipeline.rebuild',
    params: orgParams,
    body: rebuildBody,
    response: { status: 202, schema: rebuildSchema },
    example: { body: { startFromStep: 'tree' } },
  },
  async ({ tenant, principal, params, body, deps, ip, userAgent, requestId }) =>
    reply.accepted({
      data: await tenant((tx) =>
        rebuildPipeline(tx, deps, principal, params.orgId, body.startFromStep, { ip, userAgent, requestId }),
      ),
    }),
);
