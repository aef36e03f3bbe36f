/** Every Redis key the auth layer uses, under one configurable prefix (tests use a unique one per file). */
export function authKeys(prefix: string) {
  const k = (...parts: string[]) => [prefix, 'auth', ...parts].join(':');
  return {
    refresh: (tokenHash: string) => k('refresh', tokenHash),
    sessionRefresh: (sessionId: string) => k('session-refresh', sessionId),
    userSessions: (userId: string) => k('sessions', userId),
    loginFailures: (email: string) => k('login-failures', email),
    loginLock: (email: string) => k('login-lock', email),
    rateLimit: (bucket: string, subject: string) => k('rl', bucket, subject),
    totpUsedStep: (userId: string) => k('totp-step', userId),
    emailCodeAttempts: (userId: string, purpose: string) => k('code-attempts', purpose, userId),
  };
}
export type AuthKeys = ReturnType<typeof authKeys>;
