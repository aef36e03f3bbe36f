import { AppError } from '@patentrack/shared';
import { entityDetail } from '@patentrack/db/queries';
import { apiRoute } from '@/server/http/api-route';
import { cache } from '@/server/http/caching';
import {
  entityDetailSchema,
  entityParams,
  entityWrittenSchema,
  renameEntityBody,
} from '@/server/entities/schemas';
import { renameEntity } from '@/server/entities/manage';

export const GET = apiRoute(
  {
    summary: 'One entity group: aliases by occurrences with edit distance, and its assets (product.md #42)',
    auth: 'user',
    permission: 'entities.read',
    params: entityParams,
    cache: cache.etag,
    response: { schema: entityDetailSchema },
  },
  ({ tenant, params }) =>
    tenant(async (tx) => {
      const entity = await entityDetail(tx, params.entityId);
      if (!entity) throw AppError.notFound('Entity');
      return { data: entity };
    }),
);

export const PATCH = apiRoute(
  {
    summary:
      "Rename an entity's canonical name for this organization; the rename is pinned and the pipeline re-runs (product.md #45)",
    auth: 'user',
    permission: 'entities.manage',
    params: entityParams,
    body: renameEntityBody,
    response: { schema: entityWrittenSchema },
    example: { body: { canonicalName: 'Acme Widgets Inc' } },
  },
  ({ tenant, principal, params, body, deps, ip, userAgent, requestId }) =>
    tenant(async (tx) => ({
      data: await renameEntity(
        { tx, principal, orgId: params.orgId, meta: { ip, userAgent, requestId } },
        deps,
        params.entityId,
        body.canonicalName,
      ),
    })),
);
