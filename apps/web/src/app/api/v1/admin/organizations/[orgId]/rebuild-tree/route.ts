import { apiRoute } from '@/server/http/api-route';
import { reply } from '@/server/http/reply';
import { rebuildTree } from '@/server/admin/organizations';
import { treeRebuildSchema } from '@/server/admin/schemas';
import { orgParams } from '@/server/organization/schemas';

export const POST = apiRoute(
  {
    summary:
      "Rebuild an organization's ownership trees: a pipeline run from the tree step; 409 while one runs (product.md #77)",
    auth: 'user',
    permission: 'pipeline.rebuild',
    params: orgParams,
    response: { status: 202, schema: treeRebuildSchema },
  },
  async ({ tenant, principal, params, deps, ip, userAgent, requestId }) =>
    reply.accepted({
      data: await tenant((tx) =>
        rebuildTree(tx, deps, principal, params.orgId, { ip, userAgent, requestId }),
      ),
    }),
);
