import { z } from 'zod';
import { apiRoute } from '@/server/http/api-route';
import { revokeShareLink, updateShareLink } from '@/server/auth/share-links/manage';
import { updateShareSchema } from '@/server/auth/share-links/schemas';

const params = z.object({ shareId: z.uuid() });

export const PATCH = apiRoute(
  {
    summary: 'Edit a share link: creator or admin (product.md #59)',
    auth: 'user',
    permission: 'shares.manage',
    params,
    body: updateShareSchema,
    example: { body: { name: 'Renamed link' } },
  },
  async ({ principal, tenant, params: { shareId }, body, deps, ip, userAgent, requestId }) => ({
    data: await tenant((tx) =>
      updateShareLink(tx, principal, shareId, body, deps.env.APP_URL, { ip, userAgent, requestId }),
    ),
  }),
);

export const DELETE = apiRoute(
  { summary: 'Revoke a share link now (product.md #60)', auth: 'user', permission: 'shares.manage', params },
  async ({ principal, tenant, params: { shareId }, ip, userAgent, requestId }) => ({
    data: await tenant((tx) => revokeShareLink(tx, principal, shareId, { ip, userAgent, requestId })),
  }),
);
