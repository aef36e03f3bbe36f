import { z } from 'zod';
import { apiRoute } from '@/server/http/api-route';
import { verifyEmail } from '@/server/auth/registration';

export const POST = apiRoute(
  {
    summary: 'Confirm an email address with its 8-character code (product.md #5)',
    auth: 'public',
    body: z.object({ email: z.email().max(320), code: z.string().trim().min(8).max(12) }),
    rateLimit: { bucket: 'auth:verify-email', limit: 10, windowSeconds: 60, key: 'ip' },
    example: { body: { email: 'new.user@example.com', code: 'ABCD2345' } },
  },
  async ({ body, deps, ip, userAgent, requestId }) => ({
    data: await verifyEmail(deps, body, { ip, userAgent, requestId }),
  }),
);
