import { apiRoute } from '@/server/http/api-route';
import { validateBody, validateSchema } from '@/server/assets/schemas';
import { validatePatentNumbers } from '@/server/assets/validate';

export const POST = apiRoute(
  {
    summary: 'Check up to 100 patent numbers against the portfolio (product.md #26)',
    auth: 'user',
    permission: 'assets.validate',
    body: validateBody,
    response: { schema: validateSchema },
    example: { body: { patentNumbers: ['US 7,654,321 B2', '12/345,678'] } },
  },
  ({ tenant, body }) => tenant((tx) => validatePatentNumbers(tx, body)),
);
