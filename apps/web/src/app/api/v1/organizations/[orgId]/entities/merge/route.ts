import { apiRoute } from '@/server/http/api-route';
import { mergeEntities } from '@/server/entities/manage';
import { entityWrittenSchema, mergeEntitiesBody } from '@/server/entities/schemas';
import { orgParams } from '@/server/organization/schemas';

export const POST = apiRoute(
  {
    summary:
      'Merge entities into a target for this organization only (org overlay); the pipeline re-runs (product.md #46)',
    auth: 'user',
    permission: 'entities.manage',
    params: orgParams,
    body: mergeEntitiesBody,
    response: { schema: entityWrittenSchema },
    example: {
      body: {
        targetEntityId: '00000000-0000-4000-8000-000000000001',
        sourceEntityIds: ['00000000-0000-4000-8000-000000000002'],
      },
    },
  },
  ({ tenant, principal, params, body, deps, ip, userAgent, requestId }) =>
    tenant(async (tx) => ({
      data: await mergeEntities(
        { tx, principal, orgId: params.orgId, meta: { ip, userAgent, requestId } },
        deps,
        body.targetEntityId,
        body.sourceEntityIds,
      ),
    })),
);
