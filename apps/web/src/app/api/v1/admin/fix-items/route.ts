import { apiRoute } from '@/server/http/api-route';
import { reply } from '@/server/http/reply';
import { runFixItems } from '@/server/admin/organizations';
import { fixItemsBody, fixItemsSchema } from '@/server/admin/schemas';

export const POST = apiRoute(
  {
    summary:
      "Data fixes of an organization: a pipeline run from the step that recomputes the fix's target (product.md #81)",
    auth: 'user',
    permission: 'platform.operate',
    body: fixItemsBody,
    response: { status: 202, schema: fixItemsSchema },
    example: { body: { orgId: '00000000-0000-4000-8000-000000000001', fixType: 'rebuild_dashboard' } },
  },
  async ({ tenant, principal, body, deps, ip, userAgent, requestId }) =>
    reply.accepted({
      data: await tenant((tx) => runFixItems(tx, deps, principal, body, { ip, userAgent, requestId })),
    }),
);
