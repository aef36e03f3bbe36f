import { apiRoute } from '@/server/http/api-route';
import { getMe, updateMe, updateMeSchema } from '@/server/auth/me';

export const GET = apiRoute(
  {
    summary: 'The caller and their organization (product.md #13)',
    auth: 'user',
    permission: 'profile.manage',
    allowWithoutMfa: true,
  },
  async ({ principal, tenant }) => ({ data: await tenant((tx) => getMe(tx, principal)) }),
);

export const PATCH = apiRoute(
  {
    summary: 'Own name and theme (product.md #14)',
    auth: 'user',
    permission: 'profile.manage',
    body: updateMeSchema,
    example: { body: { preferences: { darkMode: true } } },
  },
  async ({ principal, tenant, body, ip, userAgent, requestId }) => ({
    data: await tenant((tx) => updateMe(tx, principal, body, { ip, userAgent, requestId })),
  }),
);
