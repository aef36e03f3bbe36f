import { z } from 'zod';
import { apiRoute } from '@/server/http/api-route';
import { login, loginAnswer } from '@/server/auth/login';

export const POST = apiRoute(
  {
    summary: 'Password login (product.md #1)',
    auth: 'public',
    body: z.object({ email: z.email().max(320), password: z.string().min(1).max(200) }),
    rateLimit: { bucket: 'auth:login', limit: 5, windowSeconds: 60, key: 'ip+email' },
    example: { body: { email: 'someone@example.com', password: 'Correct-Horse-9x' } },
  },
  async ({ body, ip, userAgent, requestId, deps, setCookie }) =>
    loginAnswer(await login(deps, body, { ip, userAgent, requestId }), setCookie),
);
