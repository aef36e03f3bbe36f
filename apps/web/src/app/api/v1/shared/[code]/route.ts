import { z } from 'zod';
import { apiRoute } from '@/server/http/api-route';
import { cache } from '@/server/http/caching';
import { shareCodeSchema } from '@/server/auth/share-links/schemas';
import { redeemShareLink } from '@/server/auth/share-links/viewer';

export const GET = apiRoute(
  {
    summary:
      'Open a share link: validate, count one use, log the access, set the share cookie (product.md #62)',
    auth: 'public',
    params: z.object({ code: shareCodeSchema }),
    invalidParams: 'not-found',
    rateLimit: { bucket: 'share:entry', limit: 30, windowSeconds: 60, key: 'ip' },
    cache: cache.etag,
  },
  async ({ params: { code }, deps, ip, userAgent, setCookie }) => {
    const { cookie, body } = await redeemShareLink(deps, code, { ip, userAgent });
    setCookie(cookie);
    return { data: body };
  },
);
