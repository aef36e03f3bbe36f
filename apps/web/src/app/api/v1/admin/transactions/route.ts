import { listAdminTransactions } from '@patentrack/db/queries';
import { apiRoute } from '@/server/http/api-route';
import { adminTransactionsQuery, pagedAdminTransactions } from '@/server/admin/schemas';

export const GET = apiRoute(
  {
    summary:
      "Cross-org transaction review: every org's transactions with parties and affected assets; filter by org, type, dates, flagged (product.md #80)",
    auth: 'user',
    permission: 'platform.operate',
    query: adminTransactionsQuery,
    response: { schema: pagedAdminTransactions },
  },
  ({ tenant, query }) => tenant((tx) => listAdminTransactions(tx, query)),
);
