import { sql } from 'drizzle-orm';
import { nameKey } from '@patentrack/business-rules';
import { AppError } from '@patentrack/shared';
import type { Tx } from '@patentrack/db';
import type { z } from 'zod';
import { recordAudit } from '../auth/accounts';
import type { ServerDeps } from '../http/deps';
import { requestPipelineRun } from '../jobs/pipeline-queue';
import { signedLogoLink } from '../organization/logo';
import type { ServiceContext } from '../organization/update';
import type { addCompanyBody } from './schemas';

/** Inserts a monitored company linked to the representative of its name group, if any; 409 if already monitored. */
export async function insertCompany(
  tx: Tx,
  orgId: string,
  name: string,
  domain: string | null,
): Promise<string> {
  const exists = await tx.execute(sql`
    select 1 from companies where organization_id = ${orgId} and lower(name) = lower(${name}) and deleted_at is null`);
  if (exists.rows.length) throw new AppError('CONFLICT', 'This company is already monitored', { name });
  const key = nameKey(name);
  const { rows } = await tx.execute<{ id: string }>(sql`
    insert into companies (organization_id, name, original_name, name_key, domain, representative_id)
    values (${orgId}, ${name}, ${name}, ${key}, ${domain},
            (select coalesce(e.representative_id, r.id) from entities e full join representatives r on r.name_key = e.name_key
              where e.name_key = ${key} or r.name_key = ${key} limit 1))
    returning id`);
  return rows[0]!.id;
}

/**
 * Adds a monitored company and asks for a pipeline run that picks up its assets (product.md #49, B3.1 step 6).
 * Its enrichment is queued by the caller once this transaction has committed.
 */
export async function addCompany(
  ctx: ServiceContext,
  deps: ServerDeps,
  input: z.output<typeof addCompanyBody>,
) {
  const id = await insertCompany(ctx.tx, ctx.orgId, input.name, input.domain ?? null);
  await recordAudit(ctx.tx, ctx.orgId, {
    action: 'company.add',
    actorUserId: ctx.principal.userId,
    targetType: 'company',
    targetId: id,
    ...ctx.meta,
  });
  const pipelineJobId = await requestPipelineRun(deps, {
    orgId: ctx.orgId,
    triggeredBy: ctx.principal.userId,
    reason: 'companies',
  });
  return { id, pipelineJobId };
}

/** Soft-removes a company; the next run drops its memberships and derived rows (product.md #50). */
export async function removeCompany(ctx: ServiceContext, deps: ServerDeps, companyId: string) {
  const { rows } = await ctx.tx.execute<{ id: string }>(sql`
    update companies set deleted_at = now(), updated_at = now()
     where organization_id = ${ctx.orgId} and id = ${companyId} and deleted_at is null returning id`);
  if (!rows.length) throw AppError.notFound('Company');
  await recordAudit(ctx.tx, ctx.orgId, {
    action: 'company.remove',
    actorUserId: ctx.principal.userId,
    targetType: 'company',
    targetId: companyId,
    ...ctx.meta,
  });
  await requestPipelineRun(deps, {
    orgId: ctx.orgId,
    triggeredBy: ctx.principal.userId,
    reason: 'companies',
  });
  return { success: true as const };
}

/** A five-minute download link of the logo company enrichment stored for a company; 404 when it has none. */
export async function companyLogoLink(tx: Tx, companyId: string, secret: string) {
  const { rows } = await tx.execute<{ logo_object_key: string | null }>(sql`
    select logo_object_key from companies
     where organization_id = app_current_org() and id = ${companyId} and deleted_at is null`);
  return signedLogoLink(secret, rows[0]?.logo_object_key);
}
