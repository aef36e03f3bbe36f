import { AppError } from '@patentrack/shared';
import { transactionPanel } from '@patentrack/db/queries';
import { apiRoute } from '@/server/http/api-route';
import { cache } from '@/server/http/caching';
import { documentParams, transactionPanelSchema } from '@/server/assets/schemas';

export const GET = apiRoute(
  {
    summary:
      'Transaction panel of the diagram: parties, conveyance, category and colour, correspondent, document availability, the org assets it names (product.md #27)',
    auth: 'user',
    permission: 'diagram.read',
    params: documentParams,
    cache: cache.etag,
    response: { schema: transactionPanelSchema },
  },
  ({ tenant, params }) =>
    tenant(async (tx) => {
      const panel = await transactionPanel(tx, params.rfId);
      if (!panel) throw AppError.notFound('Transaction');
      return { data: panel };
    }),
);
