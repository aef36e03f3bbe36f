import { z } from 'zod';
import { apiRoute } from '@/server/http/api-route';
import { shareAccessLog } from '@/server/auth/share-links/manage';
import { pageQuerySchema } from '@/server/auth/share-links/schemas';

export const GET = apiRoute(
  {
    summary: 'Access history of a share link with masked IPs (product.md #61)',
    auth: 'user',
    permission: 'shares.manage',
    params: z.object({ shareId: z.uuid() }),
    query: pageQuerySchema(),
  },
  async ({ principal, tenant, params: { shareId }, query }) =>
    tenant((tx) => shareAccessLog(tx, principal, shareId, query)),
);
