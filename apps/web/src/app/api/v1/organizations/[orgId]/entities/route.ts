import { listEntities } from '@patentrack/db/queries';
import { apiRoute } from '@/server/http/api-route';
import { cache } from '@/server/http/caching';
import { entitiesQuery, pagedEntities } from '@/server/entities/schemas';
import { orgParams } from '@/server/organization/schemas';

export const GET = apiRoute(
  {
    summary:
      "Entity groups of the organization's transactions, with the org's own merges and splits applied (product.md #41)",
    auth: 'user',
    permission: 'entities.read',
    params: orgParams,
    query: entitiesQuery,
    cache: cache.etag,
    response: { schema: pagedEntities },
  },
  ({ tenant, query }) => tenant((tx) => listEntities(tx, query)),
);
