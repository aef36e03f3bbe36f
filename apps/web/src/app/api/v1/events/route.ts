import { eventFeed } from '@patentrack/db/queries';
import { apiRoute } from '@/server/http/api-route';
import { feedQuery, pagedFeed } from '@/server/events/schemas';

export const GET = apiRoute(
  {
    summary: 'Unified feed of transactions, maintenance-fee events and pipeline runs (product.md #34)',
    auth: 'user',
    permission: 'dashboard.read',
    query: feedQuery,
    response: { schema: pagedFeed },
  },
  ({ tenant, query }) => tenant((tx) => eventFeed(tx, query)),
);
