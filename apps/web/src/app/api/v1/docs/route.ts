import { z } from 'zod';
import { apiRoute } from '@/server/http/api-route';
import { cache } from '@/server/http/caching';
import { openApiDocument } from '@/server/docs/openapi';

export const GET = apiRoute(
  {
    summary: 'OpenAPI 3.1 document of this API, generated from the zod schemas of every route',
    auth: 'user',
    permission: 'profile.manage',
    cache: cache.privateFor(300),
    response: {
      schema: z.looseObject({ openapi: z.literal('3.1.0'), paths: z.record(z.string(), z.unknown()) }),
    },
  },
  async () => openApiDocument(),
);
