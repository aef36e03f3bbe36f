import { apiRoute } from '@/server/http/api-route';
import { readCookies } from '@/server/http/cookies';
import { COOKIE } from '@/server/auth/config';
import { refreshSession } from '@/server/auth/refresh';

export const POST = apiRoute(
  {
    summary: 'Rotate the refresh token (product.md #2); a replayed token revokes every session of its user',
    auth: 'public',
    rateLimit: { bucket: 'auth:refresh', limit: 30, windowSeconds: 60, key: 'ip' },
  },
  async ({ request, deps, setCookie }) => {
    const { cookies, expiresAt } = await refreshSession(deps, readCookies(request).get(COOKIE.refresh));
    cookies.forEach(setCookie);
    return { data: { expiresAt } };
  },
);
