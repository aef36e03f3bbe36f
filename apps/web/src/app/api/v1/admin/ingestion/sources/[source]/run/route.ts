import { apiRoute } from '@/server/http/api-route';
import { reply } from '@/server/http/reply';
import { runSourceNow } from '@/server/admin/ingestion';
import { runSourceBody, sourceParams } from '@/server/admin/schemas';
import { queuedJobSchema } from '@/server/listing/schemas';

export const POST = apiRoute(
  {
    summary:
      "Run a source now (or a backfill): a load of the given files, or without files a poll of the source's product for new ones, in the worker's ingestion queue; 409 while one is queued or running (product.md #85)",
    auth: 'user',
    permission: 'platform.operate',
    params: sourceParams,
    body: runSourceBody,
    response: { status: 202, schema: queuedJobSchema },
    example: { body: { files: ['http://127.0.0.1:9/ad20240101.zip'] } },
  },
  async ({ tenant, principal, params, body, deps, ip, userAgent, requestId }) =>
    reply.accepted({
      data: await tenant((tx) =>
        runSourceNow(tx, deps, principal, params.source, body.files, body.backfill, {
          ip,
          userAgent,
          requestId,
        }),
      ),
    }),
);
