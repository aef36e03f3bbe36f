import { z } from 'zod';
import { apiRoute } from '@/server/http/api-route';
import { cache } from '@/server/http/caching';
import { shareCodeSchema } from '@/server/auth/share-links/schemas';
import { sharedConnection } from '@/server/auth/share-links/viewer';

export const GET = apiRoute(
  {
    summary: 'Transaction popup of a shared diagram (product.md #65)',
    auth: 'share',
    params: z.object({ code: shareCodeSchema, assetId: z.uuid() }),
    invalidParams: 'not-found',
    query: z.object({ rfId: z.string().regex(/^\d{6,}-\d{4,}$/) }),
    cache: cache.etag,
    example: { query: { rfId: '012345-0678' } },
  },
  async ({ principal, tenant, params: { assetId }, query }) => ({
    data: await tenant((tx) => sharedConnection(tx, principal, assetId, query.rfId)),
  }),
);
