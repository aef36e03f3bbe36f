import { z } from 'zod';
import { apiRoute } from '@/server/http/api-route';
import { passwordSchema } from '@/server/auth/password-policy';
import { resetPassword } from '@/server/auth/password-reset';

export const POST = apiRoute(
  {
    summary: 'Set a new password from a reset token and revoke every session (product.md #7)',
    auth: 'public',
    body: z.object({ token: z.string().regex(/^[0-9a-fA-F]{40}$/), password: passwordSchema }),
    rateLimit: { bucket: 'auth:reset-password', limit: 10, windowSeconds: 60, key: 'ip' },
    example: { body: { token: 'a'.repeat(40), password: 'Correct-Horse-9x' } },
  },
  async ({ body, deps, ip, userAgent, requestId }) => ({
    data: await resetPassword(deps, body, { ip, userAgent, requestId }),
  }),
);
