import { apiRoute } from '@/server/http/api-route';
import { reply } from '@/server/http/reply';
import { createShareLink, listShareLinks } from '@/server/auth/share-links/manage';
import { createShareSchema, pageQuerySchema } from '@/server/auth/share-links/schemas';
import { grantFor } from '@/server/auth/permissions';

export const POST = apiRoute(
  {
    summary: 'Create an asset-scoped, read-only share link (product.md #57)',
    auth: 'user',
    permission: 'shares.create',
    body: createShareSchema,
    example: {
      body: {
        name: 'Board review',
        assetIds: ['00000000-0000-4000-8000-000000000000'],
        expiresIn: '7d',
        allowDiagram: true,
        allowAssetList: true,
        allowConnections: false,
      },
    },
  },
  async ({ principal, tenant, body, deps, ip, userAgent, requestId }) => {
    const actor = { ...principal, grant: grantFor(principal.role, 'shares.manage') };
    return reply.created({
      data: await tenant((tx) =>
        createShareLink(tx, actor, body, deps.env.APP_URL, { ip, userAgent, requestId }),
      ),
    });
  },
);

export const GET = apiRoute(
  {
    summary: 'Share links: own for members, all of the org for admins (product.md #58)',
    auth: 'user',
    permission: 'shares.manage',
    query: pageQuerySchema(),
  },
  async ({ principal, tenant, query, deps }) =>
    tenant((tx) => listShareLinks(tx, principal, query, deps.env.APP_URL)),
);
