import { AppError } from '@patentrack/shared';
import { entityDetail } from '@patentrack/db/queries';
import { apiRoute } from '@/server/http/api-route';
import { cache } from '@/server/http/caching';
import { entityDetailSchema, entityParams } from '@/server/entities/schemas';

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
