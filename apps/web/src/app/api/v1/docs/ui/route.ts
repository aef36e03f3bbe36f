import { apiRoute } from '@/server/http/api-route';
import { cache } from '@/server/http/caching';
import { docsPage } from '@/server/docs/ui';

export const GET = apiRoute(
  {
    summary: 'Interactive API reference, rendered locally from the OpenAPI document',
    auth: 'user',
    permission: 'profile.manage',
    cache: cache.privateFor(300),
    response: { contentType: 'text/html' },
  },
  async ({ request }) =>
    new Response(docsPage(request.headers.get('x-nonce')), {
      headers: { 'Content-Type': 'text/html; charset=utf-8' },
    }),
);
