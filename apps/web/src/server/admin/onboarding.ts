import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { AppError } from '@patentrack/shared';
import type { Tx } from '@patentrack/db';
import type { z } from 'zod';
import { recordAudit, splitName } from '../auth/accounts';
import { createInvitation } from '../auth/invitations';
import type { UserPrincipal } from '../http/api-route';
import type { ServerDeps } from '../http/deps';
import { insertCompany } from '../companies/manage';
import { enqueueCompanyEnrichment } from '../jobs/enrichment-queue';
import { requestPipelineRun } from '../jobs/pipeline-queue';
import type { onboardBody } from './schemas';

const slugOf = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80) || 'org';

/**
 * Customer onboarding (product.md #74, B3.1): the org in `provisioning` with its configuration, monitored
 * companies and first admin (a pending account with a 7-day invitation), in the caller's transaction. The
 * invitation mail goes out and the first pipeline run is queued after commit (`afterCommit`), so a rolled-back
 * onboarding neither mails anyone nor runs a pipeline for an org that does not exist.
 */
export async function onboardOrganization(
  tx: Tx,
  principal: UserPrincipal,
  input: z.output<typeof onboardBody>,
  meta: { ip: string; userAgent: string | null; requestId: string },
  appUrl: string,
) {
  const taken = await tx.execute(
    sql`select 1 from organizations where lower(name) = lower(${input.name}) and deleted_at is null`,
  );
  if (taken.rows.length) throw new AppError('CONFLICT', 'An organization with this name already exists');
  const emailTaken = await tx.execute(
    sql`select 1 from users where lower(email) = ${input.adminEmail} and deleted_at is null`,
  );
  if (emailTaken.rows.length)
    throw new AppError('CONFLICT', 'A user with this email already exists', { field: 'adminEmail' });
  const base = slugOf(input.name);
  const slugTaken = await tx.execute(
    sql`select 1 from organizations where slug = ${base} and deleted_at is null`,
  );
  const slug = slugTaken.rows.length ? `${base}-${randomBytes(3).toString('hex')}` : base;
  const { rows } = await tx.execute<{ id: string }>(sql`
    insert into organizations (name, slug, status) values (${input.name}, ${slug}, 'provisioning') returning id`);
  const orgId = rows[0]!.id;
  await tx.execute(
    sql`insert into customer_configurations (organization_id, environment_mode) values (${orgId}, ${input.environmentMode})`,
  );
  const companyIds: string[] = [];
  for (const company of input.companies) companyIds.push(await insertCompany(tx, orgId, company, null));
  const { firstName, lastName } = splitName(input.adminName);
  const admin = await tx.execute<{ id: string }>(sql`
    insert into users (organization_id, email, first_name, last_name, role, status, created_by)
    values (${orgId}, ${input.adminEmail}, ${firstName}, ${lastName}, 'admin', 'pending', ${principal.userId}) returning id`);
  const adminUserId = admin.rows[0]!.id;
  const mail = await createInvitation(
    tx,
    { userId: adminUserId, organizationId: orgId, email: input.adminEmail },
    appUrl,
  );
  await recordAudit(tx, orgId, {
    action: 'organization.onboard',
    actorUserId: principal.userId,
    targetType: 'organization',
    targetId: orgId,
    metadata: { environmentMode: input.environmentMode, companies: input.companies.length },
    ...meta,
  });
  return { orgId, adminUserId, companyIds, mail };
}

/** After commit: the invitation mail, the companies' enrichment and the first full pipeline run of the new org. */
export async function afterOnboarding(
  deps: ServerDeps,
  principal: UserPrincipal,
  onboarded: Awaited<ReturnType<typeof onboardOrganization>>,
) {
  await deps.mail.send(onboarded.mail);
  await enqueueCompanyEnrichment(deps, onboarded.orgId, onboarded.companyIds);
  return requestPipelineRun(deps, {
    orgId: onboarded.orgId,
    triggeredBy: principal.userId,
    reason: 'onboarding',
    from: 'classify',
  });
}
