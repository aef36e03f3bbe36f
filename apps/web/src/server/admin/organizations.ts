import { sql } from 'drizzle-orm';
import { AppError, type PipelineStep } from '@patentrack/shared';
import type { Tx } from '@patentrack/db';
import { listUsers, organizationDetail, pipelineStatus } from '@patentrack/db/queries';
import type { z } from 'zod';
import { recordAudit } from '../auth/accounts';
import type { UserPrincipal } from '../http/api-route';
import type { ServerDeps } from '../http/deps';
import { requestPipelineRun } from '../jobs/pipeline-queue';
import type { adminOrgPatchBody, fixItemsBody } from './schemas';
import { rebuildPipeline } from './rebuild';

type Meta = { ip: string; userAgent: string | null; requestId: string };

/** One org for the admin panel (product.md #75); the tenant context is that org (super admin on `:orgId`). */
export async function adminOrganizationStatus(tx: Tx) {
  const detail = await organizationDetail(tx);
  const users = await listUsers(tx);
  const pipeline = await pipelineStatus(tx);
  const shares = await tx.execute<{ n: number }>(sql`
      select count(*)::int as n from share_links
       where organization_id = app_current_org() and revoked_at is null and (expires_at is null or expires_at > now())
         and (max_uses is null or use_count < max_uses)`);
  const approval = await tx.execute<{ awaiting_approval: boolean }>(
    sql`select awaiting_approval from organizations where id = app_current_org()`,
  );
  if (!detail) throw AppError.notFound('Organization');
  return {
    ...detail,
    users: users.data,
    pipelineStatus: pipeline,
    activeShareLinks: shares.rows[0]?.n ?? 0,
    awaitingApproval: approval.rows[0]?.awaiting_approval ?? false,
  };
}

/** Rename, environment mode and (de)activation of an org by a super admin (product.md #76). */
export async function updateAdminOrganization(
  tx: Tx,
  principal: UserPrincipal,
  orgId: string,
  input: z.output<typeof adminOrgPatchBody>,
  meta: Meta,
) {
  const exists = await tx.execute(
    sql`select 1 from organizations where id = ${orgId} and deleted_at is null for update`,
  );
  if (!exists.rows.length) throw AppError.notFound('Organization');
  if (input.name !== undefined) {
    const taken = await tx.execute(
      sql`select 1 from organizations where lower(name) = lower(${input.name}) and id <> ${orgId} and deleted_at is null`,
    );
    if (taken.rows.length) throw new AppError('CONFLICT', 'Another organization already has this name');
    await tx.execute(
      sql`update organizations set name = ${input.name}, updated_at = now() where id = ${orgId}`,
    );
  }
  // A super admin deciding the status also ends a self-registration's wait (approved as it is, or rejected).
  if (input.status !== undefined)
    await tx.execute(
      sql`update organizations set status = ${input.status}, awaiting_approval = false, updated_at = now() where id = ${orgId}`,
    );
  if (input.environmentMode !== undefined) {
    await tx.execute(
      sql`update customer_configurations set environment_mode = ${input.environmentMode}, updated_at = now() where organization_id = ${orgId}`,
    );
  }
  await recordAudit(tx, orgId, {
    action: 'organization.admin_update',
    actorUserId: principal.userId,
    targetType: 'organization',
    targetId: orgId,
    metadata: input,
    ...meta,
  });
  return adminOrganizationStatus(tx);
}

/** Tree rebuild (product.md #77): a pipeline run from `tree`; 409 while a run is queued or running. */
export async function rebuildTree(
  tx: Tx,
  deps: ServerDeps,
  principal: UserPrincipal,
  orgId: string,
  meta: Meta,
) {
  const { pipelineId } = await rebuildPipeline(tx, deps, principal, orgId, 'tree', meta);
  return { jobId: pipelineId, status: 'queued' as const };
}

/**
 * Data fixes (product.md #81) are pipeline runs from the step that recomputes what the fix targets:
 * conveyance classes (`reclass`), dashboards, or title chains. `renormalize` is the entity normalization of #43.
 */
const FIX_STEPS: Record<z.output<typeof fixItemsBody>['fixType'], PipelineStep> = {
  reclass: 'classify',
  rebuild_dashboard: 'dashboard',
  fix_broken_chain: 'broken_title',
};

export async function runFixItems(
  tx: Tx,
  deps: ServerDeps,
  principal: UserPrincipal,
  input: z.output<typeof fixItemsBody>,
  meta: Meta,
) {
  const org = await tx.execute(
    sql`select 1 from organizations where id = ${input.orgId} and deleted_at is null`,
  );
  if (!org.rows.length) throw AppError.notFound('Organization');
  const active = await tx.execute(
    sql`select 1 from processing_jobs where organization_id = ${input.orgId} and status in ('pending', 'running') limit 1`,
  );
  if (active.rows.length) throw new AppError('CONFLICT', 'A pipeline run is already queued or running');
  const counted = input.targetIds?.length
    ? input.targetIds.length
    : ((
        await tx.execute<{ n: number }>(
          sql`select count(*)::int as n from assets where organization_id = ${input.orgId} and deleted_at is null`,
        )
      ).rows[0]?.n ?? 0);
  const from = FIX_STEPS[input.fixType];
  await recordAudit(tx, input.orgId, {
    action: 'admin.fix_items',
    actorUserId: principal.userId,
    targetType: 'organization',
    targetId: input.orgId,
    metadata: { fixType: input.fixType, targetIds: input.targetIds ?? null, from },
    ...meta,
  });
  const jobId = await requestPipelineRun(deps, {
    orgId: input.orgId,
    triggeredBy: principal.userId,
    reason: 'rebuild',
    from,
  });
  return { jobId, itemCount: counted, status: 'queued' as const, startFromStep: from };
}
