import { listCompanies } from '@patentrack/db/queries';
import { apiRoute } from '@/server/http/api-route';
import { reply } from '@/server/http/reply';
import { cache } from '@/server/http/caching';
import { addCompany } from '@/server/companies/manage';
import { enqueueCompanyEnrichment } from '@/server/jobs/enrichment-queue';
import {
  addCompanyBody,
  companiesQuery,
  companyCreatedSchema,
  pagedCompanies,
} from '@/server/companies/schemas';
import { orgParams } from '@/server/organization/schemas';

export const GET = apiRoute(
  {
    summary: 'Monitored companies with asset counts (product.md #48)',
    auth: 'user',
    permission: 'dashboard.read',
    params: orgParams,
    query: companiesQuery,
    cache: cache.etag,
    response: { schema: pagedCompanies },
  },
  ({ tenant, query }) => tenant((tx) => listCompanies(tx, query)),
);

export const POST = apiRoute(
  {
    summary:
      'Add a monitored company; its domain and logo are looked up and the pipeline re-runs to pick up its assets (product.md #49)',
    auth: 'user',
    permission: 'companies.manage',
    params: orgParams,
    body: addCompanyBody,
    response: { status: 201, schema: companyCreatedSchema },
    example: { body: { name: 'Acme Widgets Inc', domain: 'acme.example' } },
  },
  async ({ tenant, principal, params, body, deps, ip, userAgent, requestId }) => {
    const added = await tenant((tx) =>
      addCompany({ tx, principal, orgId: params.orgId, meta: { ip, userAgent, requestId } }, deps, body),
    );
    const [enrichmentJobId] = await enqueueCompanyEnrichment(deps, params.orgId, [added.id]);
    return reply.created({ data: { ...added, enrichmentJobId: enrichmentJobId! } });
  },
);
