import { distance } from 'fastest-levenshtein';
import type pg from 'pg';
import {
  groupNames,
  groupThreshold,
  type GroupThresholdBands,
  type NameGroupItem,
} from '@patentrack/business-rules';
import type { Logger } from '@patentrack/shared';
import { recountEntityInstances } from '../common/entities';
import { assignRepresentatives, createRepresentatives, refreshRepresentatives } from './representatives';
import { CoreNeighbourhoodIndex } from './core-index';

export interface GroupEntitiesOptions {
  /** Pending entities handled per round (memory bound); later rounds match against earlier rounds' groups. */
  chunkSize?: number;
  /** Representatives read per page while matching. */
  pageSize?: number;
  groupThreshold?: GroupThresholdBands;
  logger?: Logger;
  onProgress?: (event: {
    phase: 'recount' | 'match' | 'group' | 'write';
    done: number;
    total: number;
  }) => void;
}

export interface GroupEntitiesResult {
  /** Entities that were waiting for a representative. */
  processed: number;
  /** Joined an existing representative. */
  matched: number;
  /** Seeded or joined a representative created in this run. */
  grouped: number;
  representativesCreated: number;
  /** Existing representatives whose members, canonical name or total changed. */
  representativesUpdated: number;
  /** Entities whose representative changed: the parties whose organisations must be recomputed. */
  changedEntityIds: string[];
  /** Organisations tracking a changed entity or representative (companies by representative or name key). */
  affectedOrganizationIds: string[];
  durationMs: number;
}

interface PendingEntity {
  id: string;
  name: string;
  key: string;
  instances: number;
}

interface Match {
  representativeId: string;
  distance: number;
  totalInstances: number;
  key: string;
}

/**
 * The entity resolution batch (BR-018…020, incremental). Entities without a representative — new names from
 * the last loads, or entities an admin detached — are resolved in rounds:
 *  1. their `instances` are recounted (data-model §8);
 *  2. each is matched against the existing representatives: an in-memory index of the pending names' cores
 *     (`CoreNeighbourhoodIndex`: punctuation and legal forms dropped, one edit tolerated) is probed by every
 *     representative key in the length window of the pending names, read page by page through the
 *     `name_key` index, and each candidate is verified with the BR-018 rule `lev < threshold(shorter length)`;
 *     the closest representative wins (then the larger group, then the smaller key);
 *  3. the unmatched rest is grouped among itself with `groupNames` (greedy seeding, canonical by instances);
 *  4. entities are pointed at their representatives and every touched representative's canonical name and
 *     `total_instances` are recomputed.
 * Entities that already have a representative are never revisited, so a super admin's merge or split
 * (`mergeEntity`, `splitEntity`) survives every later run, and no run compares all pairs.
 */
export async function groupPendingEntities(
  pool: pg.Pool,
  options: GroupEntitiesOptions = {},
): Promise<GroupEntitiesResult> {
  const startedAt = Date.now();
  const chunkSize = options.chunkSize ?? 200_000;
  const result: GroupEntitiesResult = {
    processed: 0,
    matched: 0,
    grouped: 0,
    representativesCreated: 0,
    representativesUpdated: 0,
    changedEntityIds: [],
    affectedOrganizationIds: [],
    durationMs: 0,
  };
  const touchedRepresentatives = new Set<string>();
  for (;;) {
    const { rows: ids } = await pool.query<{ id: string }>(
      `SELECT id FROM entities WHERE representative_id IS NULL ORDER BY id LIMIT $1`,
      [chunkSize],
    );
    if (ids.length === 0) break;
    options.onProgress?.({ phase: 'recount', done: 0, total: ids.length });
    await withTransaction(pool, (client) =>
      recountEntityInstances(
        client,
        [],
        ids.map((row) => row.id),
      ),
    );
    const { rows } = await pool.query<{ id: string; name: string; name_key: string; instances: number }>(
      `SELECT id, name, name_key, instances FROM entities WHERE id = ANY($1::uuid[]) AND representative_id IS NULL`,
      [ids.map((row) => row.id)],
    );
    const pending = rows.map((row) => ({
      id: row.id,
      name: row.name,
      key: row.name_key,
      instances: row.instances,
    }));
    const matches = await matchExistingRepresentatives(pool, pending, options);
    const unmatched = pending.filter((entity) => !matches.has(entity.id));
    options.onProgress?.({ phase: 'group', done: 0, total: unmatched.length });
    const groups = groupNames(
      unmatched.map((entity): NameGroupItem => ({
        entityId: entity.id,
        name: entity.name,
        instances: entity.instances,
      })),
      { groupThreshold: options.groupThreshold },
    );
    const byId = new Map(pending.map((entity) => [entity.id, entity]));
    await withTransaction(pool, async (client) => {
      const created = await createRepresentatives(
        client,
        groups.map((group) => {
          const canonical = byId.get(group.canonicalEntityId)!;
          return { entityId: canonical.id, name: canonical.name, nameKey: canonical.key };
        }),
      );
      const assignments = [
        ...[...matches].map(([entityId, match]) => ({ entityId, representativeId: match.representativeId })),
        ...groups.flatMap((group) =>
          group.members.map((member) => ({
            entityId: member.entityId,
            representativeId: created.get(group.canonicalEntityId)!,
          })),
        ),
      ];
      const left = await assignRepresentatives(client, assignments);
      const touched = [...new Set([...assignments.map((a) => a.representativeId), ...left])];
      await refreshRepresentatives(client, touched);
      for (const id of touched) touchedRepresentatives.add(id);
      for (const id of created.values()) touchedRepresentatives.delete(id);
      result.representativesCreated += created.size;
      result.changedEntityIds.push(...assignments.map((a) => a.entityId));
    });
    result.processed += pending.length;
    result.matched += matches.size;
    result.grouped += unmatched.length;
    options.onProgress?.({ phase: 'write', done: result.processed, total: result.processed });
    options.logger?.info(
      { processed: result.processed, matched: result.matched },
      'entity grouping round done',
    );
    if (pending.length === 0) break;
  }
  result.representativesUpdated = touchedRepresentatives.size;
  result.affectedOrganizationIds = await organizationsTracking(pool, result.changedEntityIds);
  result.durationMs = Date.now() - startedAt;
  return result;
}

/** Best existing representative within the BR-018 threshold for each pending entity, by entity id. */
async function matchExistingRepresentatives(
  pool: pg.Pool,
  pending: PendingEntity[],
  options: GroupEntitiesOptions,
): Promise<Map<string, Match>> {
  const matches = new Map<string, Match>();
  if (pending.length === 0) return matches;
  const bands = options.groupThreshold;
  const maxDistance = (shorter: number) => groupThreshold(shorter, bands) - 1;
  const keys = pending.map((entity) => entity.key);
  const index = new CoreNeighbourhoodIndex(keys);
  let shortest = Infinity;
  let longest = 0;
  for (const key of keys) {
    shortest = Math.min(shortest, key.length);
    longest = Math.max(longest, key.length);
  }
  const window = maxDistance(longest);
  const pageSize = options.pageSize ?? 50_000;
  let after = '';
  let scanned = 0;
  for (;;) {
    // Keyset pages over the unique name_key index; only keys whose length can be within reach are returned.
    const { rows } = await pool.query<{ id: string; name_key: string; total_instances: number }>(
      `SELECT id, name_key, total_instances FROM representatives
        WHERE name_key > $1 AND length(name_key) BETWEEN $2 AND $3
        ORDER BY name_key LIMIT $4`,
      [after, Math.max(0, shortest - window), longest + window, pageSize],
    );
    for (const representative of rows) {
      const key = representative.name_key;
      for (const position of index.candidates(key)) {
        const candidate = keys[position]!;
        const threshold = groupThreshold(Math.min(key.length, candidate.length), bands);
        if (Math.abs(key.length - candidate.length) >= threshold) continue;
        const d = distance(key, candidate);
        if (d >= threshold) continue;
        const entityId = pending[position]!.id;
        const best = matches.get(entityId);
        const better =
          !best ||
          d < best.distance ||
          (d === best.distance &&
            (representative.total_instances > best.totalInstances ||
              (representative.total_instances === best.totalInstances && key < best.key)));
        if (better) {
          matches.set(entityId, {
            representativeId: representative.id,
            distance: d,
            totalInstances: representative.total_instances,
            key,
          });
        }
      }
    }
    scanned += rows.length;
    options.onProgress?.({ phase: 'match', done: scanned, total: scanned });
    if (rows.length < pageSize) break;
    after = rows[rows.length - 1]!.name_key;
  }
  return matches;
}

/** Organisations whose companies point at a changed entity's representative or carry its name key. */
async function organizationsTracking(pool: pg.Pool, entityIds: string[]): Promise<string[]> {
  if (entityIds.length === 0) return [];
  const { rows } = await pool.query<{ organization_id: string }>(
    `SELECT DISTINCT c.organization_id FROM companies c
       JOIN entities e ON e.representative_id = c.representative_id OR e.name_key = c.name_key
      WHERE c.deleted_at IS NULL AND e.id = ANY($1::uuid[])
      ORDER BY 1`,
    [entityIds],
  );
  return rows.map((row) => row.organization_id);
}

async function withTransaction<T>(pool: pg.Pool, body: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await body(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Super-admin merge on the global grouping: the entity joins `representativeId`; both representatives'
 * canonical names and totals are recomputed. Grouping runs never move it again.
 */
export async function mergeEntity(pool: pg.Pool, entityId: string, representativeId: string): Promise<void> {
  await withTransaction(pool, async (client) => {
    const left = await assignRepresentatives(client, [{ entityId, representativeId }]);
    await refreshRepresentatives(client, [representativeId, ...left]);
  });
}

/**
 * Super-admin split on the global grouping: the entity becomes a representative of its own (OQ-9, e.g.
 * "Acne Inc" wrongly grouped with "Acme Inc"); its former group is recomputed without it. Grouping runs never
 * regroup it. Returns the entity's new representative id.
 */
export async function splitEntity(pool: pg.Pool, entityId: string): Promise<string> {
  return withTransaction(pool, async (client) => {
    const { rows } = await client.query<{
      name: string;
      name_key: string;
      previous: string | null;
      alone: boolean;
    }>(
      `SELECT e.name, e.name_key, e.representative_id AS previous,
              NOT EXISTS (SELECT 1 FROM entities o WHERE o.representative_id = e.representative_id AND o.id <> e.id) AS alone
         FROM entities e WHERE e.id = $1 FOR UPDATE`,
      [entityId],
    );
    const entity = rows[0];
    if (!entity) throw new Error(`Entity ${entityId} not found`);
    if (entity.previous && entity.alone) return entity.previous;
    // Detach first: the former group's canonical may be this entity, whose key the new representative takes.
    await client.query(`UPDATE entities SET representative_id = NULL WHERE id = $1`, [entityId]);
    if (entity.previous) await refreshRepresentatives(client, [entity.previous]);
    const created = await createRepresentatives(client, [
      { entityId, name: entity.name, nameKey: entity.name_key },
    ]);
    const representativeId = created.get(entityId)!;
    await assignRepresentatives(client, [{ entityId, representativeId }]);
    await refreshRepresentatives(client, [representativeId]);
    return representativeId;
  });
}
