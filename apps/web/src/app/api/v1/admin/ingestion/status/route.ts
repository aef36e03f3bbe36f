import { ingestionCounters, ingestionSources } from '@patentrack/db/queries';
import { apiRoute } from '@/server/http/api-route';
import { ingestionStatusSchema } from '@/server/admin/schemas';
import { queueDepth } from '@/server/metrics/queues';

export const GET = apiRoute(
  {
    summary: 'Source health, active and failed jobs and queue depth (product.md #82)',
    auth: 'user',
    permission: 'platform.operate',
    response: { schema: ingestionStatusSchema },
  },
  async ({ tenant, deps }) => {
    const { sources, counters } = await tenant(async (tx) => ({
      sources: await ingestionSources(tx),
      counters: await ingestionCounters(tx),
    }));
    return { data: { sources, ...counters, queueDepth: await queueDepth(deps) } };
  },
);
