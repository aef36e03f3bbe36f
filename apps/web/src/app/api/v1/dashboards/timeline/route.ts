import { listTimeline, timelineBuckets } from '@patentrack/db/queries';
import { z } from 'zod';
import { apiRoute } from '@/server/http/api-route';
import { cache } from '@/server/http/caching';
import { pagedTimeline, timelineBucketsSchema, timelineQuery } from '@/server/dashboards/schemas';

export const GET = apiRoute(
  {
    summary: 'Transactions over time, or counts per period and type with `bucket` (product.md #32)',
    auth: 'user',
    permission: 'dashboard.read',
    query: timelineQuery,
    cache: cache.etag,
    response: { schema: z.union([pagedTimeline, timelineBucketsSchema]) },
  },
  ({ tenant, query }) =>
    tenant(async (tx) => {
      const { bucket, ...filters } = query;
      return bucket ? { data: await timelineBuckets(tx, filters, bucket) } : listTimeline(tx, filters);
    }),
);
