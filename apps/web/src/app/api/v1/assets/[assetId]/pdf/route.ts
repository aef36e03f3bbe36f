import { AppError } from '@patentrack/shared';
import { assetTransactionDocument } from '@patentrack/db/queries';
import { apiRoute } from '@/server/http/api-route';
import { requireAsset } from '@/server/assets/lookup';
import { assetParams, documentLinkSchema, documentQuery } from '@/server/assets/schemas';
import { documentUrlTemplate, signDocumentPath } from '@/server/documents/signing';

export const GET = apiRoute(
  {
    summary:
      "Signed 15-minute link to the recorded document of one of the asset's transactions (product.md #25)",
    auth: 'user',
    permission: 'documents.read',
    params: assetParams,
    query: documentQuery,
    response: { schema: documentLinkSchema },
    example: { query: { rfId: '012345-0678' } },
  },
  ({ tenant, params, query, principal, deps }) =>
    tenant(async (tx) => {
      const document = await assetTransactionDocument(tx, await requireAsset(tx, params.assetId), query.rfId);
      if (!document) throw AppError.notFound('Transaction');
      if (!document.pageCount) throw AppError.notFound('Document');
      if (!documentUrlTemplate())
        throw new AppError('SERVICE_UNAVAILABLE', 'Document delivery is not configured');
      const { path, expiresAt } = signDocumentPath(deps.env.JWT_SECRET, principal.orgId, query.rfId);
      return { data: { url: path, expiresAt } };
    }),
);
