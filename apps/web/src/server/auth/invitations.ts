import { and, eq, isNull } from 'drizzle-orm';
import { AppError } from '@patentrack/shared';
import { withTenant, type Tx } from '@patentrack/db';
import { users } from '@patentrack/db/schema';
import type { ServerDeps } from '../http/deps';
import { consumeUserToken, issueUserToken, recordAudit, splitName } from './accounts';
import { INVITE_TOKEN_TTL_S } from './config';
import { completeLogin, type LoginResult, type RequestMeta } from './login';
import { hashPassword } from './passwords';
import { resetToken, sha256Hex } from './secrets';

/**
 * Issues a 7-day single-use invitation for a user the org admin has just created (product.md #52), in the
 * caller's transaction, and returns the mail to send after commit. Earlier open invitations of the user end.
 */
export async function createInvitation(
  tx: Tx,
  invitee: { userId: string; organizationId: string; email: string },
  appUrl: string,
) {
  const token = resetToken();
  await issueUserToken(tx, invitee, 'invite', token, INVITE_TOKEN_TTL_S);
  const link = new URL(`/accept-invite?token=${token}`, appUrl).toString();
  return {
    to: invitee.email,
    subject: 'You are invited to PatenTrack',
    text: `Open ${link} within 7 days to set your password.`,
    template: 'invitation' as const,
    data: { token, link },
  };
}

/** Accepts an invitation (product.md #12): sets name and password, confirms the email, and signs the invitee in. */
export async function acceptInvitation(
  deps: ServerDeps,
  input: { token: string; name?: string; password: string },
  meta: RequestMeta,
): Promise<LoginResult> {
  const consumed = await consumeUserToken(deps, sha256Hex(input.token.toLowerCase()), 'invite');
  if (!consumed)
    throw new AppError(
      'UNAUTHORIZED',
      'This invitation is invalid or has expired; ask your admin to resend it',
    );
  const passwordHash = await hashPassword(input.password, deps.bcryptCost);
  const context = {
    orgId: consumed.organizationId,
    userId: consumed.userId,
    role: 'member' as const,
    scope: 'user' as const,
    shareLinkId: null,
  };
  const user = await withTenant(deps.db, context, async (tx) => {
    const [row] = await tx
      .update(users)
      .set({
        passwordHash,
        status: 'active',
        emailVerifiedAt: new Date(),
        ...(input.name ? splitName(input.name) : {}),
      })
      .where(and(eq(users.id, consumed.userId), isNull(users.deletedAt)))
      .returning();
    if (!row) throw new AppError('UNAUTHORIZED', 'This invitation is no longer valid');
    await recordAudit(tx, row.organizationId, {
      action: 'user.invite_accepted',
      actorUserId: row.id,
      targetType: 'user',
      targetId: row.id,
      ...meta,
    });
    return row;
  });
  const credentials = {
    id: user.id,
    organizationId: user.organizationId,
    passwordHash,
    role: user.role,
    status: user.status,
    mfaEnabled: user.mfaEnabled,
    emailVerifiedAt: user.emailVerifiedAt,
  };
  return completeLogin(deps, credentials, false, meta);
}
