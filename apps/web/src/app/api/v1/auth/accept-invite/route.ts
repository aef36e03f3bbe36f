import { z } from 'zod';
import { apiRoute } from '@/server/http/api-route';
import { passwordSchema } from '@/server/auth/password-policy';
import { acceptInvitation } from '@/server/auth/invitations';

export const POST = apiRoute(
  {
    summary: 'Accept an invitation: set name and password, then signed in (product.md #12)',
    auth: 'public',
    body: z.object({
      token: z.string().regex(/^[0-9a-fA-F]{40}$/),
      name: z.string().trim().min(1).max(200).optional(),
      password: passwordSchema,
    }),
    rateLimit: { bucket: 'auth:accept-invite', limit: 10, windowSeconds: 60, key: 'ip' },
    example: { body: { token: 'b'.repeat(40), name: 'Invited User', password: 'Correct-Horse-9x' } },
  },
  async ({ body, deps, setCookie, ip, userAgent, requestId }) => {
    const result = await acceptInvitation(deps, body, { ip, userAgent, requestId });
    if (result.kind !== 'session') return { data: { mfaRequired: true, mfaToken: result.mfaToken } };
    result.cookies.forEach(setCookie);
    return { data: { user: result.user } };
  },
);
