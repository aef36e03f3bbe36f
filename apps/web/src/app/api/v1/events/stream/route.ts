import { apiRoute } from '@/server/http/api-route';
import { liveEventStream } from '@/server/events/stream';

export const GET = apiRoute(
  {
    summary: "Server-Sent Events of the organization's pipeline and ingestion progress (product.md #37)",
    auth: 'user',
    permission: 'events.stream',
    response: { contentType: 'text/event-stream' },
  },
  async ({ request, principal, deps, log }) =>
    new Response(
      liveEventStream(
        {
          redisUrl: deps.env.REDIS_URL,
          orgId: principal.orgId,
          includeAdmin: principal.role === 'super_admin',
          signal: request.signal,
          log,
        },
        request.headers.get('last-event-id'),
      ),
      {
        headers: {
          'Content-Type': 'text/event-stream; charset=utf-8',
          'Cache-Control': 'private, no-store',
          Connection: 'keep-alive',
          'X-Accel-Buffering': 'no',
        },
      },
    ),
);
