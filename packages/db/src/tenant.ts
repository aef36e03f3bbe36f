import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { ACCESS_SCOPES, AppError, USER_ROLES, type AccessScope, type UserRole } from '@patentrack/shared';
import type { Db, Tx } from './client';

/** Who is asking, taken only from a verified token (data-model §7.2, §7.4). */
export interface TenantContext {
  orgId: string | null;
  userId: string | null;
  role: UserRole | null;
  scope: AccessScope;
  shareLinkId?: string | null;
}

const tenantContextSchema = z
  .object({
    orgId: z.uuid().nullable(),
    userId: z.uuid().nullable(),
    role: z.enum(USER_ROLES).nullable(),
    scope: z.enum(ACCESS_SCOPES),
    shareLinkId: z.uuid().nullish(),
  })
  .refine((ctx) => (ctx.scope === 'share:read') === Boolean(ctx.shareLinkId), {
    message: 'a share link id is required for, and only for, the share:read scope',
    path: ['shareLinkId'],
  })
  .refine((ctx) => ctx.scope !== 'share:read' || (ctx.orgId !== null && ctx.role === null), {
    message: 'a share:read context needs the link organization and no user role',
    path: ['scope'],
  });

/**
 * THE way to touch tenant data: runs `fn` in a transaction whose RLS context is set once with
 * transaction-local set_config(), so nothing leaks to the next user of a pooled connection.
 */
export async function withTenant<T>(db: Db, ctx: TenantContext, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const parsed = tenantContextSchema.safeParse(ctx);
  if (!parsed.success) {
    throw new AppError('INTERNAL_ERROR', 'Invalid tenant context', { issues: z.treeifyError(parsed.error) });
  }
  const { orgId, userId, role, scope, shareLinkId } = parsed.data;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select
      set_config('app.current_org_id', ${orgId ?? ''}, true),
      set_config('app.user_role', ${role ?? ''}, true),
      set_config('app.user_id', ${userId ?? ''}, true),
      set_config('app.access_scope', ${scope}, true),
      set_config('app.share_link_id', ${shareLinkId ?? ''}, true)`);
    return fn(tx);
  });
}
