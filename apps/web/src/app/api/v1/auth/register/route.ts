import { z } from 'zod';
import { apiRoute } from '@/server/http/api-route';
import { reply } from '@/server/http/reply';
import { passwordSchema } from '@/server/auth/password-policy';
import { register } from '@/server/auth/registration';

export const POST = apiRoute(
  {
    summary:
      'Sign up; a named organization stays provisioning until a super admin approves it (product.md #4)',
    auth: 'public',
    body: z.object({
      email: z.email().max(320),
      password: passwordSchema,
      name: z.string().trim().min(1).max(200),
      organizationName: z.string().trim().min(2).max(255).optional(),
    }),
    rateLimit: { bucket: 'auth:register', limit: 3, windowSeconds: 60, key: 'ip' },
    example: {
      body: {
        email: 'new.user@example.com',
        password: 'Correct-Horse-9x',
        name: 'New User',
        organizationName: 'Example Holdings',
      },
    },
  },
  async ({ body, deps, ip, userAgent, requestId }) =>
    reply.created({ data: await register(deps, body, { ip, userAgent, requestId }) }),
);
