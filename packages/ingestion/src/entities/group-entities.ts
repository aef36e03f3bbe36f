import type pg from 'pg';
import {
  compareGroupingOrder,
  groupingOrderKey,
  groupThreshold,
  type GroupThresholdBands,
} from '@patentrack/business-rules';
import { inTransaction } from '@patentrack/db';
import type { Logger } from '@patentrack/shared';
import { recountEntityInstances } from '../common/entities';
import {
  assignRepresentatives,
  createRepresentatives,
  refreshRepresentatives,
  type Assignment,
} from './representatives';
import { Regrouping, type GraphEntity } from './regrouping';
import { neighbourProbe, ProbeWorker } from './neighbour-probe';

export interface GroupEntitiesOptions {
  /** Changed entities taken per round (memory bound); later rounds update the grouping the earlier ones left. */
  chunkSize?: number;
  /** Entities read per page while searching neighbours. */
  pageSize?: number;
  /** Names searched at once from which a worker thread probes half of each page (it builds its own index). */
  parallelFrom?: number;
  groupThreshold?: GroupThresholdBands;
  logger?: Logger;
  onProgress?: (event: {
    phase: 'recount' | 'match' | 'group' | 'write';
    done: number;
    total: number;
  }) => void;
}

export interface GroupEntitiesResult {
  /** Entities that were not grouped yet. */
  processed: number;
  /** New entities that joined an existing representative. */
  matched: number;
  /** New entities in a representative created in this run. */
  grouped: number;
  /** Entities already grouped that were re-evaluated (moved in the order, or next to a name that changed). */
  reevaluated: number;
  representativesCreated: number;
  /** Existing representatives that gained or lost members. */
  representativesUpdated: number;
  /** Entities whose representative changed: the parties whose organisations must be recomputed. */
  changedEntityIds: string[];
  /** Organisations tracking a changed entity or representative (companies by representative or name key). */
  affectedOrganizationIds: string[];
  durationMs: number;
}

interface EntityRow {
  id: string;
  name: string;
  name_key: string;
  instances: number;
  grouped_instances: number | null;
  grouping_role: 'seed' | 'member' | null;
  representative_id: string | null;
}

const ENTITY_COLUMNS = `id, name, name_key, instances, grouped_instances, grouping_role, representative_id`;
/** Not grouped yet, or grouped at a BR-020 position its instances no longer give. */
const CHANGED = `(grouping_role IS NULL OR (grouping_role <> 'pinned' AND grouped_instances IS DISTINCT FROM instances))`;

/**
 * The entity resolution batch (BR-018…020, incremental and exact: see `Regrouping` for why the result equals
 * a full `groupNames` run over all unpinned entities). Changed entities — new names, and grouped names whose
 * instances changed — are handled in rounds:
 *  1. new entities' `instances` are recounted (data-model §8);
 *  2. their complete neighbourhoods are found: an `EditDistanceIndex` over the round's names (pigeonhole
 *     segments sized to the BR-018 threshold, so no pair within the threshold is missed) is probed by every
 *     unpinned entity, read page by page (a large search hands half of each page to a worker thread holding
 *     its own index), and each candidate is verified with the BR-018 rule itself;
 *  3. `Regrouping` recomputes seeds in BR-020 order; neighbours whose status may change as a consequence are
 *     searched in the same way, until nothing changes;
 *  4. groups are written: a group keeps the representative that holds its canonical name key, else its seed's
 *     one (stable ids for companies), else gets a new one; moved entities are re-pointed and every touched
 *     representative's canonical name and `total_instances` recomputed.
 * Each search reads the table once but compares each entity only with the few round names sharing a segment, so
 * no run compares all pairs. Pinned entities (`mergeEntity`, `splitEntity`) are never regrouped.
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
    reevaluated: 0,
    representativesCreated: 0,
    representativesUpdated: 0,
    changedEntityIds: [],
    affectedOrganizationIds: [],
    durationMs: 0,
  };
  const updated = new Set<string>();
  const created = new Set<string>();
  for (;;) {
    const { rows: ids } = await pool.query<{ id: string; fresh: boolean }>(
      `SELECT id, grouping_role IS NULL AS fresh FROM entities WHERE ${CHANGED} ORDER BY id LIMIT $1`,
      [chunkSize],
    );
    if (ids.length === 0) break;
    options.onProgress?.({ phase: 'recount', done: 0, total: ids.length });
    await inTransaction(pool, (client) =>
      recountEntityInstances(
        client,
        [],
        ids.filter((row) => row.fresh).map((row) => row.id),
      ),
    );
    const round = new Set(ids.map((row) => row.id));
    const { rows } = await pool.query<EntityRow>(
      `SELECT ${ENTITY_COLUMNS} FROM entities WHERE id = ANY($1::uuid[]) AND ${CHANGED}`,
      [[...round]],
    );
    const regrouping = new Regrouping();
    let frontier = rows.map((row) => graphEntity(row, round));
    while (frontier.length > 0) {
      const neighbours = await searchNeighbours(pool, frontier, round, options);
      frontier.forEach((entity, position) => regrouping.expand(entity, neighbours[position]!));
      frontier = regrouping.resolve();
    }
    options.onProgress?.({ phase: 'group', done: 0, total: rows.length });
    await inTransaction(pool, async (client) => {
      const written = await writeGroups(client, regrouping);
      for (const id of written.created) created.add(id);
      for (const id of written.touched) if (!created.has(id)) updated.add(id);
      result.changedEntityIds.push(...written.changedEntityIds);
      for (const { entity, representativeId } of written.expanded) {
        if (entity.state !== 'new') result.reevaluated += 1;
        else if (written.created.has(representativeId)) result.grouped += 1;
        else result.matched += 1;
      }
    });
    result.processed = result.matched + result.grouped;
    options.onProgress?.({ phase: 'write', done: result.processed, total: result.processed });
    options.logger?.info(
      { processed: result.processed, matched: result.matched, reevaluated: result.reevaluated },
      'entity grouping round done',
    );
  }
  result.representativesCreated = created.size;
  result.representativesUpdated = updated.size;
  result.affectedOrganizationIds = await organizationsTracking(pool, result.changedEntityIds);
  result.durationMs = Date.now() - startedAt;
  return result;
}

/** Entities of this round take their BR-020 position from their current instances, others from their stored one. */
function graphEntity(row: EntityRow, round: ReadonlySet<string>): GraphEntity {
  const inRound = round.has(row.id);
  const orderInstances = inRound || row.grouped_instances === null ? row.instances : row.grouped_instances;
  return {
    id: row.id,
    name: row.name,
    order: groupingOrderKey({ entityId: row.id, name: row.name_key, instances: orderInstances }),
    instances: row.instances,
    representativeId: row.representative_id,
    wasSeed: row.grouping_role === 'seed',
    state:
      row.grouping_role === null
        ? 'new'
        : inRound && row.grouped_instances !== row.instances
          ? 'moved'
          : 'kept',
  };
}

/**
 * Every grouped or this-round entity within the BR-018 threshold of each frontier entity (complete: the
 * index's candidates are a superset of the pairs within the threshold), by frontier position.
 */
async function searchNeighbours(
  pool: pg.Pool,
  frontier: GraphEntity[],
  round: ReadonlySet<string>,
  options: GroupEntitiesOptions,
): Promise<GraphEntity[][]> {
  const threshold = (shorter: number) => groupThreshold(shorter, options.groupThreshold);
  const keys = frontier.map((entity) => entity.order.lower);
  const worker =
    frontier.length >= (options.parallelFrom ?? 10_000)
      ? new ProbeWorker(keys, options.groupThreshold)
      : undefined;
  const probe = neighbourProbe(keys, options.groupThreshold);
  let shortest = Infinity;
  let longest = 0;
  for (const key of keys) {
    shortest = Math.min(shortest, key.length);
    longest = Math.max(longest, key.length);
  }
  const window = threshold(longest) - 1;
  const pageSize = options.pageSize ?? 100_000;
  // Keyset pages over the primary key, with only what probing needs; names whose length is out of reach are skipped.
  const page = (after: string) =>
    pool.query<{ id: string; name_key: string; fresh: boolean }>(
      `SELECT id, name_key, grouping_role IS NULL AS fresh FROM entities
        WHERE id > $1 AND grouping_role IS DISTINCT FROM 'pinned' AND length(name_key) BETWEEN $2 AND $3
        ORDER BY id LIMIT $4`,
      [after, Math.max(0, shortest - window), longest + window, pageSize],
    );
  const hits = new Map<string, number[]>();
  const record = (pairs: Int32Array, probed: readonly { id: string }[]) => {
    for (let k = 0; k < pairs.length; k += 2) {
      const row = probed[pairs[k]!]!;
      const position = pairs[k + 1]!;
      if (frontier[position]!.id === row.id) continue;
      const positions = hits.get(row.id);
      if (positions) positions.push(position);
      else hits.set(row.id, [position]);
    }
  };
  let scanned = 0;
  try {
    let next = page('00000000-0000-0000-0000-000000000000');
    for (;;) {
      const { rows } = await next;
      // The server reads the next page while this one is probed.
      if (rows.length === pageSize) {
        next = page(rows[rows.length - 1]!.id);
        next.catch(() => undefined);
      }
      // Names of one length meet the same length buckets of the index: in length order they find them in cache.
      const probed = rows
        .filter((row) => !row.fresh || round.has(row.id))
        .sort((a, b) => a.name_key.length - b.name_key.length);
      // The worker probes every other name while this thread probes the rest, both in length order.
      const [theirs, ours] = worker
        ? [probed.filter((_, k) => k % 2 === 0), probed.filter((_, k) => k % 2 === 1)]
        : [[], probed];
      const shared = worker?.probe(theirs.map((row) => row.name_key));
      const local = probe(ours.map((row) => row.name_key));
      if (shared) record(await shared, theirs);
      record(local, ours);
      scanned += rows.length;
      options.onProgress?.({ phase: 'match', done: scanned, total: scanned });
      if (rows.length < pageSize) break;
    }
  } finally {
    await worker?.close();
  }
  // Full rows only for the few names that matched (the order of a neighbour list does not matter to `Regrouping`).
  const { rows } = await pool.query<EntityRow>(
    `SELECT ${ENTITY_COLUMNS} FROM entities WHERE id = ANY($1::uuid[]) AND grouping_role IS DISTINCT FROM 'pinned'`,
    [[...hits.keys()]],
  );
  const matched = new Map(rows.map((row) => [row.id, graphEntity(row, round)]));
  const neighbours: GraphEntity[][] = frontier.map(() => []);
  for (const [id, positions] of hits) {
    const entity = matched.get(id);
    if (entity) for (const position of positions) neighbours[position]!.push(entity);
  }
  return neighbours;
}

interface WrittenGroups {
  expanded: { entity: GraphEntity; representativeId: string }[];
  created: Set<string>;
  /** Representatives that gained or lost members. */
  touched: string[];
  changedEntityIds: string[];
}

/**
 * Every group the round changed, by seed, with all its members: the expanded entities, plus the untouched
 * members of the representatives they come from or go to (they stay with their seed, wherever its group ends
 * up, and count for its canonical name). Untouched members of a representative without an unpinned seed
 * (their seed was pinned, and they are due in a later round) are left where they are.
 */
async function collectGroups(
  client: pg.PoolClient,
  regrouping: Regrouping,
): Promise<{ groups: Map<GraphEntity, GraphEntity[]>; expanded: Set<string> }> {
  const groups = new Map<GraphEntity, GraphEntity[]>();
  const expanded = new Set<string>();
  const seedByRepresentative = new Map<string, GraphEntity>();
  const representatives = new Set<string>();
  const join = (seed: GraphEntity, member: GraphEntity) => {
    const members = groups.get(seed);
    if (members) members.push(member);
    else groups.set(seed, [member]);
  };
  for (const { entity, seed } of regrouping.assignments()) {
    expanded.add(entity.id);
    join(seed, entity);
    if (entity.representativeId !== null) representatives.add(entity.representativeId);
    if (seed.wasSeed && seed.representativeId !== null) {
      representatives.add(seed.representativeId);
      seedByRepresentative.set(seed.representativeId, seed);
    }
  }
  const { rows } = await client.query<EntityRow>(
    `SELECT ${ENTITY_COLUMNS} FROM entities
      WHERE representative_id = ANY($1::uuid[]) AND grouping_role IN ('seed', 'member')`,
    [[...representatives]],
  );
  const untouched = rows.filter((row) => !expanded.has(row.id)).map((row) => graphEntity(row, new Set()));
  for (const entity of untouched) {
    if (entity.wasSeed && !seedByRepresentative.has(entity.representativeId!))
      seedByRepresentative.set(entity.representativeId!, entity);
  }
  for (const entity of untouched) {
    const seed = seedByRepresentative.get(entity.representativeId!);
    if (seed) join(seed, entity);
  }
  return { groups, expanded };
}

/** Persists the regrouped part of the grouping: representatives, memberships and grouping roles. */
async function writeGroups(client: pg.PoolClient, regrouping: Regrouping): Promise<WrittenGroups> {
  const { groups, expanded } = await collectGroups(client, regrouping);
  const canonicals = new Map([...groups].map(([seed, members]) => [seed, canonicalOf(members)]));
  const representatives = await chooseRepresentatives(client, canonicals);
  const created = new Set<string>();
  const fresh = [...canonicals].filter(([seed]) => !representatives.has(seed));
  const inserted = await createRepresentatives(
    client,
    fresh.map(([seed, canonical]) => ({
      entityId: seed.id,
      name: canonical.name,
      nameKey: canonical.order.lower,
    })),
  );
  for (const [seed] of fresh) {
    const id = inserted.get(seed.id)!;
    representatives.set(seed, id);
    created.add(id);
  }

  const assignments: Assignment[] = [];
  const moves: Assignment[] = [];
  const written: WrittenGroups['expanded'] = [];
  for (const [seed, members] of groups) {
    const representativeId = representatives.get(seed)!;
    for (const member of members) {
      const moved = member.representativeId !== representativeId;
      const assignment: Assignment = { entityId: member.id, representativeId };
      if (expanded.has(member.id)) {
        written.push({ entity: member, representativeId });
        // The position this grouping used: an entity changed after the round started stays due for re-evaluation.
        assignment.grouping = {
          role: regrouping.isSeed(member) ? 'seed' : 'member',
          instances: member.order.instances,
        };
      }
      if (moved) moves.push(assignment);
      if (moved || assignment.grouping) assignments.push(assignment);
    }
  }
  const left = await assignRepresentatives(client, assignments);
  const touched = [...new Set([...moves.map((move) => move.representativeId), ...left])];
  await refreshRepresentatives(client, [...touched, ...representatives.values()]);
  return { expanded: written, created, touched, changedEntityIds: moves.map((move) => move.entityId) };
}

/** BR-019: the member with the most current instances, ties to the earliest in BR-020 order (as the refresh ranks). */
function canonicalOf(members: GraphEntity[]): GraphEntity {
  const rank = (entity: GraphEntity) => ({ ...entity.order, instances: entity.instances });
  return members.reduce((best, member) =>
    member.instances > best.instances ||
    (member.instances === best.instances && compareGroupingOrder(rank(member), rank(best)) < 0)
      ? member
      : best,
  );
}

/**
 * Existing representative per group, by seed: the one holding the group's canonical name key (so no two
 * representatives ever need the same key), else the one the seed already had, if no other group took it.
 */
async function chooseRepresentatives(
  client: pg.PoolClient,
  canonicals: Map<GraphEntity, GraphEntity>,
): Promise<Map<GraphEntity, string>> {
  const { rows } = await client.query<{ id: string; name_key: string }>(
    `SELECT id, name_key FROM representatives WHERE name_key = ANY($1::varchar[])`,
    [[...canonicals.values()].map((canonical) => canonical.order.lower)],
  );
  const byKey = new Map(rows.map((row) => [row.name_key, row.id]));
  const chosen = new Map<GraphEntity, string>();
  const taken = new Set<string>();
  for (const [seed, canonical] of canonicals) {
    const id = byKey.get(canonical.order.lower);
    if (id !== undefined) {
      chosen.set(seed, id);
      taken.add(id);
    }
  }
  for (const seed of canonicals.keys()) {
    const previous = seed.wasSeed ? seed.representativeId : null;
    if (chosen.has(seed) || previous === null || taken.has(previous)) continue;
    chosen.set(seed, previous);
    taken.add(previous);
  }
  return chosen;
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

/**
 * Takes an entity out of automatic grouping for good. When it seeded its group, the members it held there
 * are due for re-evaluation: without it, some may seed or join other groups (what a full run would give).
 */
async function pinEntity(client: pg.PoolClient, entityId: string): Promise<void> {
  await client.query(
    `UPDATE entities m SET grouped_instances = NULL
       FROM entities e
      WHERE e.id = $1 AND e.grouping_role = 'seed'
        AND m.representative_id = e.representative_id AND m.grouping_role = 'member'`,
    [entityId],
  );
  await client.query(`UPDATE entities SET grouping_role = 'pinned' WHERE id = $1`, [entityId]);
}

/**
 * Super-admin merge on the global grouping: the entity joins `representativeId`; both representatives'
 * canonical names and totals are recomputed. Grouping runs never move it again.
 */
export async function mergeEntity(pool: pg.Pool, entityId: string, representativeId: string): Promise<void> {
  await inTransaction(pool, async (client) => {
    await pinEntity(client, entityId);
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
  return inTransaction(pool, async (client) => {
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
    await pinEntity(client, entityId);
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
