import { nameKey } from '@patentrack/business-rules';
import { SEARCH_FIELDS, searchAssets } from '@patentrack/db/queries';
import { apiRoute } from '@/server/http/api-route';
import { assetSearchQuery, pagedSearch } from '@/server/assets/schemas';

export const GET = apiRoute(
  {
    summary: 'Ranked search by number (any notation), title, party name, inventor or conveyance text (product.md #17)',
    auth: 'user',
    permission: 'assets.read',
    query: assetSearchQuery,
    response: { schema: pagedSearch },
    example: { query: { q: 'US 7,654,321 B2', fields: 'number,title,assignee' } },
  },
  ({ tenant, query }) =>
    tenant((tx) => searchAssets(tx, { ...query, nameKey: nameKey(query.q), fields: query.fields ?? [...SEARCH_FIELDS] })),
);
