import { sql } from 'drizzle-orm';
import { AppError } from '@patentrack/shared';
import { apiRoute } from '@/server/http/api-route';
import { documentParams, signedDocumentQuery } from '@/server/assets/schemas';
import { documentUrlTemplate, publisherUrl, verifyDocumentPath } from '@/server/documents/signing';

export const GET = apiRoute(
  {
    summary:
      'Opens a recorded document through a signed link from /assets/{assetId}/pdf: a redirect to the publisher, never cached',
    auth: 'user',
    permission: 'documents.read',
    params: documentParams,
    query: signedDocumentQuery,
    response: { status: 302, contentType: 'application/pdf' },
  },
  async ({ tenant, params, query, principal, deps }) => {
    verifyDocumentPath(deps.env.JWT_SECRET, principal.orgId, params.rfId, query.expires, query.signature);
    const template = documentUrlTemplate();
    if (!template) throw new AppError('SERVICE_UNAVAILABLE', 'Document delivery is not configured');
    const { rows } = await tenant((tx) =>
      tx.execute<{ reel_no: number; frame_no: number }>(
        sql`select reel_no, frame_no from assignments where rf_id = ${params.rfId}`,
      ),
    );
    if (!rows[0]) throw AppError.notFound('Document');
    return new Response(null, {
      status: 302,
      headers: {
        Location: publisherUrl(template, rows[0].reel_no, rows[0].frame_no),
        'Cache-Control': 'no-store',
      },
    });
  },
);
