import { AppError } from '@patentrack/shared';
import { apiRoute } from '@/server/http/api-route';

/**
 * A path under /api that no route file serves (Next prefers every real route to this catch-all): the §7.3 JSON 404
 * envelope with the usual request id and rate limit, instead of the HTML not-found page.
 */
const unknownPath = apiRoute(
  { summary: 'Unknown API path: the JSON 404 envelope', auth: 'public' },
  async () => {
    throw AppError.notFound('Route');
  },
);

export {
  unknownPath as DELETE,
  unknownPath as GET,
  unknownPath as PATCH,
  unknownPath as POST,
  unknownPath as PUT,
};
