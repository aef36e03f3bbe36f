import { apiRoute } from '@/server/http/api-route';
import { LOGO_UPLOAD, logoLink, logoRedirect, replaceLogo } from '@/server/organization/logo';
import { organizationSchema, orgParams } from '@/server/organization/schemas';
import { acceptUpload, uploadBodyLimit, uploadForm } from '@/server/storage/uploads';

export const GET = apiRoute(
  {
    summary:
      "The organization's logo: a redirect to a five-minute signed download link, so the stable path can sit in an <img> (S-09)",
    auth: 'user',
    permission: 'dashboard.read',
    params: orgParams,
    response: { status: 302, contentType: 'image/*' },
  },
  async ({ tenant, deps }) =>
    logoRedirect(await tenant((tx) => logoLink(tx, deps.env.STORAGE_SIGNING_SECRET))),
);

export const PUT = apiRoute(
  {
    summary:
      'Upload the organization logo (PNG, JPEG or WebP, at most 5 MB, checked by content) as multipart field "file" (S-17)',
    auth: 'user',
    permission: 'org.update',
    params: orgParams,
    maxBodyBytes: uploadBodyLimit(LOGO_UPLOAD),
    multipart: { form: uploadForm },
    response: { schema: organizationSchema },
  },
  async ({ request, rawBody, tenant, principal, params, deps, ip, userAgent, requestId }) => {
    const upload = await acceptUpload(request.headers.get('content-type'), rawBody, LOGO_UPLOAD);
    const detail = await replaceLogo(
      deps.storage,
      tenant,
      { principal, orgId: params.orgId, meta: { ip, userAgent, requestId } },
      upload,
    );
    return { data: detail };
  },
);
