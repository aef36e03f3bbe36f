import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { groupNames, type GroupThresholdBands } from '@patentrack/business-rules';
import { AppError, parseRulesConfig } from '@patentrack/shared';
import type { Tx } from '@patentrack/db';
import { orgPartyGroups } from '@patentrack/db/queries';
import { recordAudit } from '../auth/accounts';
import type { ServerDeps } from '../http/deps';
import { requestPipelineRun } from '../jobs/pipeline-queue';
import type { ServiceContext } from '../organization/update';
import { ownRepresentative } from './manage';

/*
 * Entity normalization of one org (product.md #43/#44, B4): BR-018…020 grouping of the org's parties with the
 * org's length bands or one threshold, as a preview (a diff against the current grouping) or applied to the
 * org's overlay. It runs within the request (an org has thousands of parties, not millions); the job record
 * lives in Redis for a day so the preview can be read (#44) and applied later by its id.
 */

const JOB_TTL_SECONDS = 24 * 3600;
const LOCK_TTL_SECONDS = 120;

export type GroupChange = 'added' | 'moved' | 'unchanged';

export interface ProposedGroup {
  canonicalName: string;
  canonicalEntityId: string;
  change: GroupChange;
  members: { entityId: string; name: string; instances: number; currentGroupId: string }[];
}

export interface NormalizeJob {
  jobId: string;
  orgId: string;
  dryRun: boolean;
  threshold: number | null;
  status: 'completed';
  progress: number;
  createdAt: string;
  result: {
    proposedGroups: ProposedGroup[];
    summary: {
      parties: number;
      currentGroups: number;
      proposedGroups: number;
      added: number;
      moved: number;
      unchanged: number;
      applied: number;
      skipped: number;
    };
  };
}

const jobKey = (deps: ServerDeps, jobId: string) =>
  `${deps.env.REDIS_KEY_PREFIX}:entities:normalize:job:${jobId}`;
const lockKey = (deps: ServerDeps, orgId: string) =>
  `${deps.env.REDIS_KEY_PREFIX}:entities:normalize:lock:${orgId}`;

async function bandsOf(tx: Tx, threshold: number | undefined): Promise<GroupThresholdBands> {
  if (threshold !== undefined) return [{ maxLength: null, threshold }];
  const { rows } = await tx.execute<{ rules: unknown }>(
    sql`select rules_config as rules from customer_configurations where organization_id = app_current_org()`,
  );
  return parseRulesConfig(rows[0]?.rules ?? {}).normalize.groupThreshold;
}

/** The proposed grouping of the org's parties and how each group differs from the current one. */
export async function proposeGroups(
  tx: Tx,
  threshold: number | undefined,
): Promise<{ parties: number; currentGroups: number; groups: ProposedGroup[] }> {
  const parties = await orgPartyGroups(tx);
  const currentOf = new Map(parties.map((p) => [p.entityId, p.groupId]));
  const currentSize = new Map<string, number>();
  for (const p of parties) currentSize.set(p.groupId, (currentSize.get(p.groupId) ?? 0) + 1);
  const groups = groupNames(
    parties.map((p) => ({ entityId: p.entityId, name: p.name, instances: p.instances })),
    { groupThreshold: await bandsOf(tx, threshold) },
  ).map((group): ProposedGroup => {
    const members = group.members.map((m) => ({ ...m, currentGroupId: currentOf.get(m.entityId)! }));
    const from = new Set(members.map((m) => m.currentGroupId));
    const [only] = from;
    const change: GroupChange =
      from.size === 1 && currentSize.get(only!) === members.length
        ? 'unchanged'
        : members.every((m) => currentSize.get(m.currentGroupId) === 1)
          ? 'added'
          : 'moved';
    return { canonicalName: group.canonical, canonicalEntityId: group.canonicalEntityId, change, members };
  });
  return { parties: parties.length, currentGroups: currentSize.size, groups };
}

/**
 * Writes the changed groups to the org's overlay. A group joins the representative its canonical entity
 * belongs to now, or the canonical entity's own; a group whose representative is taken (by an earlier group of
 * this run, or by a group the canonical was split out of) stays as it is (skipped); a single party stands alone.
 */
async function applyGroups(
  ctx: ServiceContext,
  groups: ProposedGroup[],
): Promise<{ applied: number; skipped: number }> {
  const used = new Set<string>();
  let applied = 0;
  let skipped = 0;
  for (const group of groups.filter((g) => g.change !== 'unchanged')) {
    let representativeId: string | null = null;
    if (group.members.length > 1) {
      const canonical = group.members.find((m) => m.entityId === group.canonicalEntityId)!;
      representativeId = await ownRepresentative(ctx.tx, canonical.currentGroupId, canonical.entityId);
      if (!representativeId || used.has(representativeId)) {
        skipped += 1;
        continue;
      }
      used.add(representativeId);
    }
    for (const member of group.members) {
      await ctx.tx.execute(sql`
        insert into org_entity_overrides (organization_id, entity_id, representative_id, created_by)
        values (${ctx.orgId}, ${member.entityId}, ${representativeId}, ${ctx.principal.userId})
        on conflict (organization_id, entity_id) do update
          set representative_id = excluded.representative_id, created_by = excluded.created_by, created_at = now()`);
    }
    applied += 1;
  }
  return { applied, skipped };
}

export interface NormalizeInput {
  threshold?: number;
  dryRun: boolean;
  fromPreviewJobId?: string;
}

/** #43: a preview (dry run) or an application; one run per org at a time (409 while one runs). */
export async function runNormalization(
  ctx: ServiceContext,
  deps: ServerDeps,
  input: NormalizeInput,
): Promise<NormalizeJob> {
  const locked = await deps.redis.set(lockKey(deps, ctx.orgId), '1', 'EX', LOCK_TTL_SECONDS, 'NX');
  if (locked !== 'OK')
    throw new AppError('CONFLICT', 'An entity normalization of this organization is already running');
  try {
    let groups: ProposedGroup[];
    let counts: { parties: number; currentGroups: number };
    let threshold = input.threshold ?? null;
    if (input.fromPreviewJobId) {
      const preview = await readNormalization(deps, ctx.orgId, input.fromPreviewJobId);
      if (!preview.dryRun) throw new AppError('CONFLICT', 'That job was not a preview');
      groups = preview.result.proposedGroups;
      counts = {
        parties: preview.result.summary.parties,
        currentGroups: preview.result.summary.currentGroups,
      };
      threshold = preview.threshold;
    } else {
      const proposal = await proposeGroups(ctx.tx, input.threshold);
      groups = proposal.groups;
      counts = proposal;
    }
    const outcome = input.dryRun ? { applied: 0, skipped: 0 } : await applyGroups(ctx, groups);
    const tally = (change: GroupChange) => groups.filter((g) => g.change === change).length;
    const job: NormalizeJob = {
      jobId: randomUUID(),
      orgId: ctx.orgId,
      dryRun: input.dryRun,
      threshold,
      status: 'completed',
      progress: 100,
      createdAt: new Date().toISOString(),
      result: {
        proposedGroups: groups,
        summary: {
          ...counts,
          proposedGroups: groups.length,
          added: tally('added'),
          moved: tally('moved'),
          unchanged: tally('unchanged'),
          ...outcome,
        },
      },
    };
    if (!input.dryRun) {
      await recordAudit(ctx.tx, ctx.orgId, {
        action: 'entity.normalize',
        actorUserId: ctx.principal.userId,
        targetType: 'organization',
        targetId: ctx.orgId,
        metadata: { jobId: job.jobId, threshold, ...outcome },
        ...ctx.meta,
      });
      if (outcome.applied > 0)
        await requestPipelineRun(deps, {
          orgId: ctx.orgId,
          triggeredBy: ctx.principal.userId,
          reason: 'entities',
        });
    }
    await deps.redis.set(jobKey(deps, job.jobId), JSON.stringify(job), 'EX', JOB_TTL_SECONDS);
    return job;
  } finally {
    await deps.redis.del(lockKey(deps, ctx.orgId));
  }
}

/** #44: a normalization job of the caller's org; another org's job id is not found. */
export async function readNormalization(
  deps: ServerDeps,
  orgId: string,
  jobId: string,
): Promise<NormalizeJob> {
  const stored = await deps.redis.get(jobKey(deps, jobId));
  const job = stored ? (JSON.parse(stored) as NormalizeJob) : null;
  if (!job || job.orgId !== orgId) throw AppError.notFound('Normalization job');
  return job;
}
