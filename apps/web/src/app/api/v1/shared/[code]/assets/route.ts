import { z } from 'zod';
import { PAGE_LIMIT } from '@patentrack/shared';
import { apiRoute } from '@/server/http/api-route';
import { cache } from '@/server/http/caching';
import { pageQuerySchema, shareCodeSchema } from '@/server/auth/share-links/schemas';
import { assertSharePermission, listSharedAssets } from '@/server/auth/share-links/viewer';

export const GET = apiRoute(
  {
    summary: 'Assets of a share link, 25 per page (product.md #63)',
    auth: 'share',
    params: z.object({ code: shareCodeSchema }),
    invalidParams: 'not-found',
    query: pageQuerySchema(PAGE_LIMIT.shareViewerMax),
    cache: cache.etag,
  },
  async ({ principal, tenant, query }) => {
    assertSharePermission(principal, 'assetList');
    return tenant((tx) => listSharedAssets(tx, principal, query));
  },
);
