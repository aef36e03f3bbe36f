import type { UserRole } from '@patentrack/shared';
import { clearCookie, serializeCookie } from '../http/cookies';
import type { ServerDeps } from '../http/deps';
import { ACCESS_TOKEN_TTL_S, COOKIE, REFRESH_COOKIE_PATH, REFRESH_TOKEN_TTL_S } from './config';
import { signAccessToken } from './tokens';

export interface SessionSubject {
  userId: string;
  orgId: string;
  role: UserRole;
  mfa: boolean;
}

/** Cookies of one signed-in session (BR-065): access token everywhere, refresh token only on the refresh route. */
export async function sessionCookies(
  deps: ServerDeps,
  subject: SessionSubject,
  session: { sessionId: string; refreshToken: string },
): Promise<{ cookies: string[]; expiresAt: string }> {
  const now = Math.floor(Date.now() / 1000);
  const accessToken = await signAccessToken(
    { ...subject, sessionId: session.sessionId },
    deps.env.JWT_SECRET,
    now,
  );
  const secure = deps.secureCookies;
  return {
    cookies: [
      serializeCookie(COOKIE.access, accessToken, { maxAgeSeconds: ACCESS_TOKEN_TTL_S, secure }),
      serializeCookie(COOKIE.refresh, session.refreshToken, {
        maxAgeSeconds: REFRESH_TOKEN_TTL_S,
        path: REFRESH_COOKIE_PATH,
        secure,
      }),
    ],
    expiresAt: new Date((now + ACCESS_TOKEN_TTL_S) * 1000).toISOString(),
  };
}

/** Opens a server-side session and returns its cookies. */
export async function startSession(deps: ServerDeps, subject: SessionSubject) {
  const session = await deps.sessions.open(subject.userId, subject.orgId, subject.mfa);
  return sessionCookies(deps, subject, session);
}

export function clearedSessionCookies(deps: ServerDeps): string[] {
  const secure = deps.secureCookies;
  return [
    clearCookie(COOKIE.access, { secure }),
    clearCookie(COOKIE.refresh, { path: REFRESH_COOKIE_PATH, secure }),
  ];
}
