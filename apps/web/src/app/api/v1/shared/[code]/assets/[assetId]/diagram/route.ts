import { z } from 'zod';
import { apiRoute } from '@/server/http/api-route';
import { cache } from '@/server/http/caching';
import { shareCodeSchema } from '@/server/auth/share-links/schemas';
import { sharedDiagram } from '@/server/auth/share-links/viewer';

export const GET = apiRoute(
  {
    summary: 'Read-only ownership diagram of a shared asset (product.md #64)',
    auth: 'share',
    params: z.object({ code: shareCodeSchema, assetId: z.uuid() }),
    invalidParams: 'not-found',
    cache: cache.etag,
  },
  async ({ principal, tenant, params: { assetId } }) => ({
    data: await tenant((tx) => sharedDiagram(tx, principal, assetId)),
  }),
);
