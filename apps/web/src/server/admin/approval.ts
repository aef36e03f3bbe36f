import { sql } from 'drizzle-orm';
import { AppError } from '@patentrack/shared';
import type { Tx } from '@patentrack/db';
import type { z } from 'zod';
import { recordAudit } from '../auth/accounts';
import { insertCompany } from '../companies/manage';
import type { UserPrincipal } from '../http/api-route';
import type { ServerDeps } from '../http/deps';
import { enqueueCompanyEnrichment } from '../jobs/enrichment-queue';
import { requestPipelineRun } from '../jobs/pipeline-queue';
import type { approveBody } from './schemas';

/**
 * A super admin approves a self-registered organization (product.md #4), naming the companies it monitors as in
 * onboarding. With companies it stays `provisioning` until its first run completes, which the route queues after
 * commit; without any there is nothing to compute, so it is `active` at once.
 */
export async function approveOrganization(
  tx: Tx,
  principal: UserPrincipal,
  orgId: string,
  input: z.output<typeof approveBody>,
  meta: { ip: string; userAgent: string | null; requestId: string },
) {
  const { rows } = await tx.execute<{ awaiting_approval: boolean }>(
    sql`select awaiting_approval from organizations where id = ${orgId} and deleted_at is null for update`,
  );
  if (!rows[0]) throw AppError.notFound('Organization');
  if (!rows[0].awaiting_approval)
    throw new AppError('CONFLICT', 'This organization is not waiting for approval', {
      reason: 'not_awaiting_approval',
    });
  const companyIds: string[] = [];
  for (const company of input.companies) companyIds.push(await insertCompany(tx, orgId, company, null));
  const counted = await tx.execute<{ n: number }>(
    sql`select count(*)::int as n from companies where organization_id = ${orgId} and deleted_at is null`,
  );
  const companies = counted.rows[0]?.n ?? 0;
  const status = companies > 0 ? 'provisioning' : 'active';
  await tx.execute(
    sql`update organizations set awaiting_approval = false, status = ${status}, updated_at = now() where id = ${orgId}`,
  );
  await recordAudit(tx, orgId, {
    action: 'organization.approve',
    actorUserId: principal.userId,
    targetType: 'organization',
    targetId: orgId,
    metadata: { companies },
    ...meta,
  });
  return { orgId, status, companyIds, firstRunNeeded: companies > 0 } as const;
}

/**
 * After commit (the run must see the approval): the enrichment of the companies it added and the first full
 * pipeline run of an approved org with companies.
 */
export async function afterApproval(
  deps: ServerDeps,
  principal: UserPrincipal,
  approved: Awaited<ReturnType<typeof approveOrganization>>,
) {
  await enqueueCompanyEnrichment(deps, approved.orgId, approved.companyIds);
  const pipelineJobId = approved.firstRunNeeded
    ? await requestPipelineRun(deps, {
        orgId: approved.orgId,
        triggeredBy: principal.userId,
        reason: 'onboarding',
        from: 'classify',
      })
    : null;
  return { id: approved.orgId, status: approved.status, pipelineJobId };
}
