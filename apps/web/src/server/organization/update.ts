import { sql } from 'drizzle-orm';
import { AppError } from '@patentrack/shared';
import type { Tx } from '@patentrack/db';
import { organizationDetail } from '@patentrack/db/queries';
import { recordAudit } from '../auth/accounts';
import { grantFor } from '../auth/permissions';
import type { UserPrincipal } from '../http/api-route';
import type { z } from 'zod';
import type { updateOrganizationBody } from './schemas';

export interface ServiceContext {
  tx: Tx;
  principal: UserPrincipal;
  orgId: string;
  meta: { ip: string; userAgent: string | null; requestId: string };
}

/** Updates name, default theme and (super admins only) the environment mode of an org (product.md #39). */
export async function updateOrganization(
  ctx: ServiceContext,
  input: z.output<typeof updateOrganizationBody>,
) {
  if (input.environmentMode !== undefined && grantFor(ctx.principal.role, 'org.environmentMode') === null) {
    throw new AppError('FORBIDDEN', 'Only a super admin may change the environment mode', {
      permission: 'org.environmentMode',
    });
  }
  if (input.name !== undefined) {
    const taken = await ctx.tx.execute(
      sql`select 1 from organizations where lower(name) = lower(${input.name}) and id <> ${ctx.orgId} and deleted_at is null`,
    );
    if (taken.rows.length) throw new AppError('CONFLICT', 'Another organization already has this name');
    await ctx.tx.execute(
      sql`update organizations set name = ${input.name}, updated_at = now() where id = ${ctx.orgId}`,
    );
  }
  if (input.settings !== undefined) {
    await ctx.tx.execute(sql`
      update customer_configurations set ui_settings = ui_settings || jsonb_build_object('darkMode', ${input.settings.darkMode}::boolean), updated_at = now()
       where organization_id = ${ctx.orgId}`);
  }
  if (input.environmentMode !== undefined) {
    await ctx.tx.execute(
      sql`update customer_configurations set environment_mode = ${input.environmentMode}, updated_at = now() where organization_id = ${ctx.orgId}`,
    );
  }
  await recordAudit(ctx.tx, ctx.orgId, {
    action: 'organization.update',
    actorUserId: ctx.principal.userId,
    targetType: 'organization',
    targetId: ctx.orgId,
    metadata: { fields: Object.keys(input) },
    ...ctx.meta,
  });
  const detail = await organizationDetail(ctx.tx);
  if (!detail) throw AppError.notFound('Organization');
  return detail;
}
