import { sql } from 'drizzle-orm';
import { AppError, PIPELINE_STEPS, type PipelineStep } from '@patentrack/shared';
import type { Tx } from '@patentrack/db';
import { recordAudit } from '../auth/accounts';
import type { UserPrincipal } from '../http/api-route';
import type { ServerDeps } from '../http/deps';
import { requestPipelineRun } from '../jobs/pipeline-queue';

/** Super-admin rebuild of an org's pipeline from a step (product.md #78); 409 while a run is pending or running. */
export async function rebuildPipeline(
  tx: Tx,
  deps: ServerDeps,
  principal: UserPrincipal,
  orgId: string,
  from: PipelineStep,
  meta: { ip: string; userAgent: string | null; requestId: string },
) {
  const org = await tx.execute(sql`select 1 from organizations where id = ${orgId} and deleted_at is null`);
  if (!org.rows.length) throw AppError.notFound('Organization');
  const active = await tx.execute<{ id: string; status: string }>(sql`
    select id, status from processing_jobs where organization_id = ${orgId} and status in ('pending', 'running') limit 1`);
  if (active.rows[0])
    throw new AppError('CONFLICT', 'A pipeline run is already queued or running', {
      runId: active.rows[0].id,
      status: active.rows[0].status,
    });
  await recordAudit(tx, orgId, {
    action: 'pipeline.rebuild',
    actorUserId: principal.userId,
    targetType: 'organization',
    targetId: orgId,
    metadata: { from },
    ...meta,
  });
  const pipelineId = await requestPipelineRun(deps, {
    orgId,
    triggeredBy: principal.userId,
    reason: 'rebuild',
    from,
  });
  return { pipelineId, steps: PIPELINE_STEPS.slice(PIPELINE_STEPS.indexOf(from)) };
}
