import { z } from 'zod';
import { apiRoute } from '@/server/http/api-route';
import { forgotPassword } from '@/server/auth/password-reset';

export const POST = apiRoute(
  {
    summary: 'Mail a password-reset link; the reply is the same whether the email exists (product.md #6)',
    auth: 'public',
    body: z.object({ email: z.email().max(320) }),
    rateLimit: { bucket: 'auth:forgot-password', limit: 3, windowSeconds: 60, key: 'ip' },
    example: { body: { email: 'someone@example.com' } },
  },
  async ({ body, deps, ip, userAgent, requestId }) => ({
    data: await forgotPassword(deps, body.email, { ip, userAgent, requestId }),
  }),
);
