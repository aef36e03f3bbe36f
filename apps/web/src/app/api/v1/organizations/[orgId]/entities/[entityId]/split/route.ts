import { apiRoute } from '@/server/http/api-route';
import { reply } from '@/server/http/reply';
import { splitEntity } from '@/server/entities/manage';
import { entityParams, entityWrittenSchema, splitEntityBody } from '@/server/entities/schemas';

export const POST = apiRoute(
  {
    summary:
      'Split aliases out of an entity for this organization; each stands alone, the first is returned; the pipeline re-runs (product.md #47)',
    auth: 'user',
    permission: 'entities.manage',
    params: entityParams,
    body: splitEntityBody,
    response: { status: 201, schema: entityWrittenSchema },
    example: { body: { aliases: ['00000000-0000-4000-8000-000000000002'] } },
  },
  async ({ tenant, principal, params, body, deps, ip, userAgent, requestId }) =>
    reply.created({
      data: await tenant((tx) =>
        splitEntity(
          { tx, principal, orgId: params.orgId, meta: { ip, userAgent, requestId } },
          deps,
          params.entityId,
          body.aliases,
        ),
      ),
    }),
);
