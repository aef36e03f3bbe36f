import { AppError } from '@patentrack/shared';
import { treeDetail } from '@patentrack/db/queries';
import { apiRoute } from '@/server/http/api-route';
import { cache } from '@/server/http/caching';
import { treeDetailSchema, treeParams } from '@/server/dashboards/schemas';

export const GET = apiRoute(
  {
    summary: 'One tree node with its assets and transaction summary (product.md #30)',
    auth: 'user',
    permission: 'dashboard.read',
    params: treeParams,
    cache: cache.etag,
    response: { schema: treeDetailSchema },
  },
  ({ tenant, params }) =>
    tenant(async (tx) => {
      const tree = await treeDetail(tx, params.treeId);
      if (!tree) throw AppError.notFound('Tree');
      return { data: tree };
    }),
);
