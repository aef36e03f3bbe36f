import { eq } from 'drizzle-orm';
import { AppError } from '@patentrack/shared';
import { withTenant } from '@patentrack/db';
import { users } from '@patentrack/db/schema';
import type { ServerDeps } from '../http/deps';
import {
  findCredentials,
  loadUser,
  recordAudit,
  userContext,
  type CredentialRow,
  type PublicUser,
} from './accounts';
import { hashPassword, verifyPassword } from './passwords';
import { startSession } from './session-cookies';
import { signMfaChallenge } from './tokens';

export interface RequestMeta {
  ip: string;
  userAgent: string | null;
  requestId: string;
}

export type LoginResult =
  | { kind: 'session'; user: PublicUser; cookies: string[]; mfaSetupRequired: boolean }
  | { kind: 'mfa'; mfaToken: string };

const INVALID = () => new AppError('UNAUTHORIZED', 'Invalid email or password');
/** Compared against when the email is unknown, so both answers take one bcrypt verification (no user enumeration by timing). */
const DUMMY_HASH = '$2b$12$C6UzMDM.H6dfI/f/IKcEeO5yqlRKu9ZcWq3TigKXnJ0tqVhU2MZmi';

/** Refuses while a progressive lockout (S-15) is running; 429 so the login form counts down from Retry-After. */
export async function assertNotLockedOut(deps: ServerDeps, email: string): Promise<void> {
  const state = await deps.lockout.state(email);
  if (state.locked) {
    throw new AppError(
      'RATE_LIMITED',
      `Too many failed attempts. Try again in ${state.retryAfter} seconds.`,
      {
        retryAfter: state.retryAfter,
        reason: 'locked_out',
      },
    );
  }
}

/** Counts a failed credential check; the 20th locks the account in the database until an admin unlocks it (BR-051). */
export async function recordCredentialFailure(
  deps: ServerDeps,
  email: string,
  user: CredentialRow | null,
  meta: RequestMeta,
) {
  const outcome = await deps.lockout.recordFailure(email);
  if (outcome.lockSeconds === null && user) {
    await withTenant(deps.db, userContext(user), async (tx) => {
      await tx.update(users).set({ status: 'locked' }).where(eq(users.id, user.id));
      await recordAudit(tx, user.organizationId, {
        action: 'user.locked',
        actorType: 'system',
        targetType: 'user',
        targetId: user.id,
        ...meta,
        metadata: { failures: outcome.failures },
      });
    });
    await deps.sessions.revokeAll(user.id);
  }
}

export function assertAccountUsable(user: CredentialRow): void {
  if (user.status === 'locked')
    throw new AppError('FORBIDDEN', 'This account is locked; ask your administrator to unlock it', {
      reason: 'account_locked',
    });
  if (user.status === 'inactive')
    throw new AppError('FORBIDDEN', 'This account is deactivated', { reason: 'account_inactive' });
  if (user.status === 'pending' || !user.emailVerifiedAt) {
    throw new AppError('FORBIDDEN', 'Confirm your email address first', { reason: 'email_not_verified' });
  }
}

/** Issues the session after every factor passed, and records the login. */
export async function completeLogin(
  deps: ServerDeps,
  user: CredentialRow,
  mfa: boolean,
  meta: RequestMeta,
): Promise<LoginResult> {
  const publicUser = await withTenant(deps.db, userContext(user), async (tx) => {
    await tx.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id));
    await recordAudit(tx, user.organizationId, {
      action: 'user.login',
      actorUserId: user.id,
      targetType: 'user',
      targetId: user.id,
      ...meta,
      metadata: { mfa },
    });
    return loadUser(tx, user.id);
  });
  const { cookies } = await startSession(deps, {
    userId: user.id,
    orgId: user.organizationId,
    role: user.role,
    mfa,
  });
  return {
    kind: 'session',
    user: publicUser,
    cookies,
    mfaSetupRequired: user.role === 'super_admin' && !user.mfaEnabled,
  };
}

/** Password login (product.md #1): lockout, constant-time miss, legacy rehash, then session or TOTP challenge. */
export async function login(
  deps: ServerDeps,
  input: { email: string; password: string },
  meta: RequestMeta,
): Promise<LoginResult> {
  const email = input.email.trim().toLowerCase();
  await assertNotLockedOut(deps, email);
  const user = await findCredentials(deps, email);
  const check = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !user.passwordHash || !check.valid) {
    await recordCredentialFailure(deps, email, user, meta);
    throw INVALID();
  }
  assertAccountUsable(user);
  await deps.lockout.reset(email);
  if (check.needsRehash) {
    const upgraded = await hashPassword(input.password, deps.bcryptCost);
    await withTenant(deps.db, userContext(user), (tx) =>
      tx.update(users).set({ passwordHash: upgraded }).where(eq(users.id, user.id)),
    );
  }
  return afterFirstFactor(deps, user, meta);
}

/** Once a first factor (password or a provider identity) passed: the TOTP challenge for MFA users, else the session. */
export async function afterFirstFactor(
  deps: ServerDeps,
  user: CredentialRow,
  meta: RequestMeta,
): Promise<LoginResult> {
  if (user.mfaEnabled)
    return {
      kind: 'mfa',
      mfaToken: await signMfaChallenge(user.id, user.organizationId, deps.env.JWT_SECRET),
    };
  return completeLogin(deps, user, false, meta);
}

/** The answer of every sign-in route "as #1": the session cookies and the user, or the MFA challenge. */
export function loginAnswer(result: LoginResult, setCookie: (header: string) => void) {
  if (result.kind === 'mfa') return { data: { mfaRequired: true, mfaToken: result.mfaToken } };
  result.cookies.forEach(setCookie);
  return { data: { user: result.user, mfaSetupRequired: result.mfaSetupRequired } };
}
