import { z } from 'zod';
import { apiRoute } from '@/server/http/api-route';
import { passwordSchema } from '@/server/auth/password-policy';
import { changePassword } from '@/server/auth/password-reset';

export const POST = apiRoute(
  {
    summary: 'Change own password; other sessions end (product.md #15)',
    auth: 'user',
    permission: 'profile.manage',
    body: z.object({ currentPassword: z.string().min(1).max(200), newPassword: passwordSchema }),
    rateLimit: { bucket: 'auth:change-password', limit: 5, windowSeconds: 60, key: 'ip' },
    example: { body: { currentPassword: 'Current-Password-1', newPassword: 'Battery-Staple-42x' } },
  },
  async ({ principal, body, deps, setCookie, ip, userAgent, requestId }) => {
    const { cookies } = await changePassword(deps, principal, body, { ip, userAgent, requestId });
    cookies.forEach(setCookie);
    return { data: { success: true } };
  },
);
