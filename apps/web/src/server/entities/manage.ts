import { sql } from 'drizzle-orm';
import { AppError } from '@patentrack/shared';
import type { Tx } from '@patentrack/db';
import { entityDetail, entityGroupMembers } from '@patentrack/db/queries';
import { recordAudit } from '../auth/accounts';
import type { ServerDeps } from '../http/deps';
import { requestPipelineRun } from '../jobs/pipeline-queue';
import type { ServiceContext } from '../organization/update';

/*
 * An org admin's entity edits (product.md #45–#47, B4) write only the org's overlay `org_entity_overrides`
 * (engineering.md §8): the global grouping stays the batch's, so no other tenant's results change. A group is
 * named by its representative id, or by its entity id when it has none (not grouped yet, or split out).
 */

interface OverrideRow {
  entityId: string;
  representativeId: string | null;
  canonicalName: string | null;
}

async function writeOverrides(tx: Tx, ctx: ServiceContext, rows: OverrideRow[]) {
  for (const row of rows) {
    await tx.execute(sql`
      insert into org_entity_overrides (organization_id, entity_id, representative_id, canonical_name, created_by)
      values (${ctx.orgId}, ${row.entityId}, ${row.representativeId}, ${row.canonicalName}, ${ctx.principal.userId})
      on conflict (organization_id, entity_id) do update
        set representative_id = excluded.representative_id, canonical_name = excluded.canonical_name,
            created_by = excluded.created_by, created_at = now()`);
  }
}

async function membersOf(tx: Tx, groupId: string) {
  const members = await entityGroupMembers(tx, groupId);
  if (!members.length) throw AppError.notFound('Entity');
  return members;
}

async function isRepresentative(tx: Tx, id: string): Promise<boolean> {
  return (await tx.execute(sql`select 1 from representatives where id = ${id}`)).rows.length > 0;
}

async function finish(
  ctx: ServiceContext,
  deps: ServerDeps,
  action: string,
  groupId: string,
  metadata: Record<string, unknown>,
) {
  await recordAudit(ctx.tx, ctx.orgId, {
    action,
    actorUserId: ctx.principal.userId,
    targetType: 'entity',
    targetId: groupId,
    metadata,
    ...ctx.meta,
  });
  const pipelineJobId = await requestPipelineRun(deps, {
    orgId: ctx.orgId,
    triggeredBy: ctx.principal.userId,
    reason: 'entities',
  });
  const entity = await entityDetail(ctx.tx, groupId);
  if (!entity) throw AppError.notFound('Entity');
  return { ...entity, pipelineJobId };
}

/** #45: pins the org's canonical name of a group; its members keep their grouping. */
export async function renameEntity(
  ctx: ServiceContext,
  deps: ServerDeps,
  groupId: string,
  canonicalName: string,
) {
  const members = await membersOf(ctx.tx, groupId);
  const representativeId = (await isRepresentative(ctx.tx, groupId)) ? groupId : null;
  await writeOverrides(
    ctx.tx,
    ctx,
    members.map((m) => ({ entityId: m.entityId, representativeId, canonicalName })),
  );
  return finish(ctx, deps, 'entity.rename', groupId, { canonicalName, previous: members[0]!.pinnedName });
}

/**
 * The representative a group can be merged into: the group's own, or for a party without one its own
 * representative (created with its name if the batch has not seeded it) — provided that representative is not
 * already another group of this org (the party was split out of it).
 */
export async function ownRepresentative(tx: Tx, groupId: string, entityId: string): Promise<string | null> {
  if (await isRepresentative(tx, groupId)) return groupId;
  const { rows } = await tx.execute<{ id: string | null }>(
    sql`select entity_own_representative(${entityId}) as id`,
  );
  const candidate = rows[0]?.id ?? null;
  if (!candidate) return null;
  const members = await entityGroupMembers(tx, candidate);
  return members.some((m) => m.entityId !== entityId) ? null : candidate;
}

/** #46: every alias of the source groups joins the target group (alias count = the sum). */
export async function mergeEntities(
  ctx: ServiceContext,
  deps: ServerDeps,
  targetId: string,
  sourceIds: string[],
) {
  const sources = [...new Set(sourceIds)].filter((id) => id !== targetId);
  if (!sources.length)
    throw AppError.validation({ sourceEntityIds: ['Name at least one entity other than the target'] });
  const target = await membersOf(ctx.tx, targetId);
  // One statement at a time: they share the request's transaction.
  const sourceMembers = [];
  for (const id of sources) sourceMembers.push(...(await membersOf(ctx.tx, id)));
  const representativeId = await ownRepresentative(ctx.tx, targetId, target[0]!.entityId);
  if (!representativeId) {
    throw new AppError(
      'CONFLICT',
      'This entity was split out of a group; merge into that group or another entity instead',
      { targetEntityId: targetId },
    );
  }
  const canonicalName = target[0]!.pinnedName;
  await writeOverrides(
    ctx.tx,
    ctx,
    [...target, ...sourceMembers].map((m) => ({ entityId: m.entityId, representativeId, canonicalName })),
  );
  return finish(ctx, deps, 'entity.merge', representativeId, {
    targetEntityId: targetId,
    sourceEntityIds: sources,
  });
}

/**
 * #47: the named aliases leave the group; each becomes its own party (data-model §3.5: a NULL representative
 * on the overlay = split out). The answer is the group of the first alias named.
 */
export async function splitEntity(
  ctx: ServiceContext,
  deps: ServerDeps,
  groupId: string,
  aliasIds: string[],
) {
  const members = await membersOf(ctx.tx, groupId);
  const inGroup = new Set(members.map((m) => m.entityId));
  const aliases = [...new Set(aliasIds)];
  const strangers = aliases.filter((id) => !inGroup.has(id));
  if (strangers.length)
    throw AppError.validation({ aliases: [`Not aliases of this entity: ${strangers.join(', ')}`] });
  if (aliases.length >= members.length)
    throw AppError.validation({ aliases: ['At least one alias must stay in the entity'] });
  await writeOverrides(
    ctx.tx,
    ctx,
    aliases.map((entityId) => ({ entityId, representativeId: null, canonicalName: null })),
  );
  return finish(ctx, deps, 'entity.split', aliases[0]!, { fromEntityId: groupId, aliases });
}
