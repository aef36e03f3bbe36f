import { readCookies } from '../http/cookies';
import type { ServerDeps } from '../http/deps';
import { COOKIE } from './config';
import { verifyAccessToken, type AccessClaims } from './tokens';

/** The signed-in caller of a public route that behaves differently for signed-in users, or null. */
export async function optionalAccessClaims(deps: ServerDeps, request: Request): Promise<AccessClaims | null> {
  const token = readCookies(request).get(COOKIE.access);
  if (!token) return null;
  try {
    const claims = await verifyAccessToken(token, deps.env.JWT_SECRET);
    return (await deps.sessions.isActive(claims.userId, claims.sessionId)) ? claims : null;
  } catch {
    return null;
  }
}
