import { eq } from 'drizzle-orm';
import { AppError } from '@patentrack/shared';
import { withTenant } from '@patentrack/db';
import { users } from '@patentrack/db/schema';
import type { ServerDeps } from '../http/deps';
import { consumeUserToken, findCredentials, issueUserToken, recordAudit, userContext } from './accounts';
import { RESET_TOKEN_TTL_S } from './config';
import type { RequestMeta } from './login';
import { hashPassword, verifyPassword } from './passwords';
import { resetToken, sha256Hex } from './secrets';
import { startSession } from './session-cookies';
import { loadUserStatus } from './user-status';

export const NEUTRAL_RESET_MESSAGE = 'If an account exists for this email, a reset link is on its way.';

/** Mails a 40-hex reset token (product.md #6, BR-053); the reply never says whether the email exists. */
export async function forgotPassword(deps: ServerDeps, emailInput: string, meta: RequestMeta) {
  const email = emailInput.trim().toLowerCase();
  const user = await findCredentials(deps, email);
  if (user && user.status !== 'inactive') {
    const token = resetToken();
    await withTenant(deps.db, userContext(user), async (tx) => {
      await issueUserToken(
        tx,
        { userId: user.id, organizationId: user.organizationId },
        'password_reset',
        token,
        RESET_TOKEN_TTL_S,
      );
      await recordAudit(tx, user.organizationId, {
        action: 'user.password_reset_requested',
        actorUserId: user.id,
        targetType: 'user',
        targetId: user.id,
        ...meta,
      });
    });
    const link = new URL(`/reset-password?token=${token}`, deps.env.APP_URL).toString();
    await deps.mail.send({
      to: email,
      subject: 'Reset your PatenTrack password',
      text: `Open ${link} within one hour to choose a new password.`,
      template: 'password-reset',
      data: { token, link },
    });
  }
  return { message: NEUTRAL_RESET_MESSAGE };
}

/** Sets a new password from a reset token (product.md #7): single use, 1 h, and every session is revoked. */
export async function resetPassword(
  deps: ServerDeps,
  input: { token: string; password: string },
  meta: RequestMeta,
) {
  const consumed = await consumeUserToken(deps, sha256Hex(input.token.toLowerCase()), 'password_reset');
  if (!consumed)
    throw new AppError('UNAUTHORIZED', 'This reset link is invalid or has expired; request a new one');
  const passwordHash = await hashPassword(input.password, deps.bcryptCost);
  const context = {
    orgId: consumed.organizationId,
    userId: consumed.userId,
    role: 'member' as const,
    scope: 'user' as const,
    shareLinkId: null,
  };
  const email = await withTenant(deps.db, context, async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, consumed.userId));
    await recordAudit(tx, consumed.organizationId, {
      action: 'user.password_reset',
      actorUserId: consumed.userId,
      targetType: 'user',
      targetId: consumed.userId,
      ...meta,
    });
    return (await loadUserStatus(tx, consumed.userId))?.email;
  });
  await deps.sessions.revokeAll(consumed.userId);
  if (email) await deps.lockout.reset(email.toLowerCase());
  return { success: true };
}

/** Changes the caller's own password (product.md #15); other sessions end, this one is renewed. */
export async function changePassword(
  deps: ServerDeps,
  principal: { userId: string; orgId: string; role: 'member' | 'admin' | 'super_admin'; mfa: boolean },
  input: { currentPassword: string; newPassword: string },
  meta: RequestMeta,
) {
  const context = userContext({
    id: principal.userId,
    organizationId: principal.orgId,
    role: principal.role,
  });
  const [row] = await withTenant(deps.db, context, (tx) =>
    tx.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, principal.userId)),
  );
  const check = row?.passwordHash
    ? await verifyPassword(input.currentPassword, row.passwordHash)
    : { valid: false };
  if (!check.valid) throw AppError.validation({ currentPassword: ['Current password is incorrect'] });
  const passwordHash = await hashPassword(input.newPassword, deps.bcryptCost);
  await withTenant(deps.db, context, async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, principal.userId));
    await recordAudit(tx, principal.orgId, {
      action: 'user.password_changed',
      actorUserId: principal.userId,
      targetType: 'user',
      targetId: principal.userId,
      ...meta,
    });
  });
  await deps.sessions.revokeAll(principal.userId);
  return startSession(deps, {
    userId: principal.userId,
    orgId: principal.orgId,
    role: principal.role,
    mfa: principal.mfa,
  });
}
