import { AppError } from '@patentrack/shared';
import { apiRoute } from '@/server/http/api-route';
import { mediaTypeOfKey, ownerOfKey } from '@patentrack/storage';
import { signedFileQuery, verifyFileUrl } from '@/server/storage/signed-urls';

export const GET = apiRoute(
  {
    summary:
      'Download a stored file through a signed five-minute link, as an attachment, to users of the owning organization (S-09, S-17)',
    auth: 'user',
    permission: 'documents.read',
    query: signedFileQuery,
    response: { contentType: 'application/octet-stream' },
  },
  async ({ query, principal, deps }) => {
    verifyFileUrl(deps.env.STORAGE_SIGNING_SECRET, query);
    // A leaked link is no use outside the owning org: the session must belong to it too.
    if (principal.role !== 'super_admin' && ownerOfKey(query.key) !== principal.orgId)
      throw AppError.notFound('File');
    const stored = await deps.storage.get(query.key);
    if (!stored) throw AppError.notFound('File');
    const fileName = query.name ?? query.key.slice(query.key.lastIndexOf('/') + 1);
    return new Response(stored.body, {
      headers: {
        'Content-Type': mediaTypeOfKey(query.key),
        'Content-Length': String(stored.size),
        // Never rendered as a page: a download, not sniffed, and sandboxed should a browser open it anyway.
        'Content-Disposition': `attachment; filename="${fileName}"`,
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'Cache-Control': 'private, no-store',
      },
    });
  },
);
