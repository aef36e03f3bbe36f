import { AppError } from '@patentrack/shared';
import { withTenant } from '@patentrack/db';
import type { ServerDeps } from '../http/deps';
import { loadUserStatus } from './user-status';
import { sessionCookies } from './session-cookies';

/**
 * Rotates the refresh token (product.md #2). The role is re-read from the database, so a demotion or lock takes
 * effect at the next refresh; a replayed token has already revoked every session of its user (S-02).
 */
export async function refreshSession(deps: ServerDeps, refreshToken: string | undefined) {
  if (!refreshToken) throw new AppError('UNAUTHORIZED', 'Sign in again');
  const outcome = await deps.sessions.rotate(refreshToken);
  if (outcome.kind !== 'rotated') throw new AppError('UNAUTHORIZED', 'Sign in again');
  const user = await withTenant(
    deps.db,
    { orgId: outcome.orgId, userId: outcome.userId, role: 'member', scope: 'user', shareLinkId: null },
    (tx) => loadUserStatus(tx, outcome.userId),
  );
  if (!user || user.status !== 'active') {
    await deps.sessions.close(outcome.userId, outcome.sessionId);
    throw new AppError('UNAUTHORIZED', 'Sign in again');
  }
  return sessionCookies(
    deps,
    { userId: outcome.userId, orgId: outcome.orgId, role: user.role, mfa: outcome.mfa },
    { sessionId: outcome.sessionId, refreshToken: outcome.refreshToken },
  );
}
