import { nameKey } from '@patentrack/business-rules';
import { SEARCH_FIELDS, searchAssets } from '@patentrack/db/queries';
import { apiRoute } from '@/server/http/api-route';
import { assetSearchQuery, pagedSearch } from '@/server/assets/schemas';
import { cachedForOrg, keyedName } from '@/server/dashboards/org-cache';

export const GET = apiRoute(
  {
    summary:
      'Ranked search by number (any notation), title, party name, inventor or conveyance text (product.md #17)',
    auth: 'user',
    permission: 'assets.read',
    query: assetSearchQuery,
    response: { schema: pagedSearch },
    example: { query: { q: 'US 7,654,321 B2', fields: 'number,title,assignee' } },
  },
  ({ tenant, query, deps, principal }) =>
    // The org's transactions, parties and assets change with the ingestion and pipeline run that clears the org's
    // cache; a party-name search over a large portfolio costs seconds cold, so repeated searches are served from it.
    cachedForOrg(deps.redis, principal.orgId, keyedName('search', query), () =>
      tenant((tx) =>
        searchAssets(tx, { ...query, nameKey: nameKey(query.q), fields: query.fields ?? [...SEARCH_FIELDS] }),
      ),
    ),
);
