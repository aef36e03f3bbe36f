import { apiRoute } from '@/server/http/api-route';
import { companyLogoLink } from '@/server/companies/manage';
import { companyParams } from '@/server/companies/schemas';
import { logoRedirect } from '@/server/organization/logo';

export const GET = apiRoute(
  {
    summary:
      "A monitored company's logo found by enrichment: a redirect to a five-minute signed download link (S-09)",
    auth: 'user',
    permission: 'dashboard.read',
    params: companyParams,
    response: { status: 302, contentType: 'image/*' },
  },
  async ({ tenant, params, deps }) =>
    logoRedirect(
      await tenant((tx) => companyLogoLink(tx, params.companyId, deps.env.STORAGE_SIGNING_SECRET)),
    ),
);
