import { sql } from 'drizzle-orm';
import { AppError } from '@patentrack/shared';
import { userItem } from '@patentrack/db/queries';
import type { z } from 'zod';
import { recordAudit, splitName } from '../auth/accounts';
import { createInvitation } from '../auth/invitations';
import type { ServerDeps } from '../http/deps';
import type { ServiceContext } from '../organization/update';
import type { inviteBody, updateUserBody } from './schemas';

/** Invites a user (product.md #52): a `pending` account and a 7-day invitation mailed after commit. */
export async function inviteUser(ctx: ServiceContext, deps: ServerDeps, input: z.output<typeof inviteBody>) {
  const taken = await ctx.tx.execute(
    sql`select 1 from users where lower(email) = ${input.email} and deleted_at is null`,
  );
  if (taken.rows.length) throw new AppError('CONFLICT', 'A user with this email already exists');
  const { firstName, lastName } = splitName(input.name);
  const { rows } = await ctx.tx.execute<{ id: string }>(sql`
    insert into users (organization_id, email, first_name, last_name, role, status, created_by)
    values (${ctx.orgId}, ${input.email}, ${firstName}, ${lastName}, ${input.role}, 'pending', ${ctx.principal.userId}) returning id`);
  const userId = rows[0]!.id;
  const mail = await createInvitation(
    ctx.tx,
    { userId, organizationId: ctx.orgId, email: input.email },
    deps.env.APP_URL,
  );
  await recordAudit(ctx.tx, ctx.orgId, {
    action: 'user.invite',
    actorUserId: ctx.principal.userId,
    targetType: 'user',
    targetId: userId,
    metadata: { role: input.role },
    ...ctx.meta,
  });
  return { userId, mail };
}

type UserRow = {
  id: string;
  email: string;
  first_name: string | null;
  last_name: string | null;
  role: string;
  status: string;
  mfa_enabled: boolean;
  last_login_at: string | null;
};

async function loadOrgUser(ctx: ServiceContext, userId: string): Promise<UserRow> {
  const { rows } = await ctx.tx.execute<UserRow>(sql`
    select id, email, first_name, last_name, role, status, mfa_enabled, last_login_at from users
     where organization_id = ${ctx.orgId} and id = ${userId} and deleted_at is null for update`);
  if (!rows[0]) throw AppError.notFound('User');
  return rows[0];
}

/** The org keeps at least one active admin (product.md #53/#54, B2.17). */
async function assertAnotherAdmin(ctx: ServiceContext, userId: string) {
  const { rows } = await ctx.tx.execute<{ admins: number }>(sql`
    select count(*)::int as admins from users where organization_id = ${ctx.orgId} and role = 'admin' and status = 'active'
       and deleted_at is null and id <> ${userId}`);
  if ((rows[0]?.admins ?? 0) === 0)
    throw new AppError('CONFLICT', 'The organization must keep at least one active admin', {
      reason: 'last_admin',
    });
}

/** Changes a role or status; `active` unlocks a locked user (BR-051). */
export async function updateUser(
  ctx: ServiceContext,
  deps: ServerDeps,
  userId: string,
  input: z.output<typeof updateUserBody>,
) {
  const user = await loadOrgUser(ctx, userId);
  if (user.role === 'super_admin')
    throw new AppError('FORBIDDEN', 'Super admins are managed by the platform');
  const losesAdmin =
    user.role === 'admin' && ((input.role && input.role !== 'admin') || input.status === 'inactive');
  if (losesAdmin) await assertAnotherAdmin(ctx, userId);
  const { rows } = await ctx.tx.execute<UserRow>(sql`
    update users set role = coalesce(${input.role ?? null}::user_role, role), status = coalesce(${input.status ?? null}::user_status, status),
                     updated_by = ${ctx.principal.userId}, updated_at = now()
     where organization_id = ${ctx.orgId} and id = ${userId}
     returning id, email, first_name, last_name, role, status, mfa_enabled, last_login_at`);
  if (input.status === 'active' && user.status === 'locked') await deps.lockout.reset(user.email);
  if (input.status === 'inactive' || input.role) await deps.sessions.revokeAll(userId);
  await recordAudit(ctx.tx, ctx.orgId, {
    action: 'user.update',
    actorUserId: ctx.principal.userId,
    targetType: 'user',
    targetId: userId,
    metadata: input,
    ...ctx.meta,
  });
  return userItem(rows[0]!);
}

/** Removes a user and ends every session (product.md #54). */
export async function removeUser(ctx: ServiceContext, deps: ServerDeps, userId: string) {
  const user = await loadOrgUser(ctx, userId);
  if (user.role === 'super_admin')
    throw new AppError('FORBIDDEN', 'Super admins are managed by the platform');
  if (user.role === 'admin') await assertAnotherAdmin(ctx, userId);
  await ctx.tx.execute(
    sql`update users set deleted_at = now(), status = 'inactive', updated_by = ${ctx.principal.userId} where organization_id = ${ctx.orgId} and id = ${userId}`,
  );
  await deps.sessions.revokeAll(userId);
  await recordAudit(ctx.tx, ctx.orgId, {
    action: 'user.remove',
    actorUserId: ctx.principal.userId,
    targetType: 'user',
    targetId: userId,
    ...ctx.meta,
  });
  return { success: true as const };
}
