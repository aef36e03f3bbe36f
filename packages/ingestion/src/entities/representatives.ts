import type pg from 'pg';

/**
 * Recomputes `total_instances` and the canonical name of representatives (BR-019: the member with the most
 * instances; ties go to the longer name in words, then the first key by code point — the BR-020 order, as JavaScript
 * compares it).
 * A representative left without members keeps its name with a total of 0.
 */
export async function refreshRepresentatives(
  client: pg.PoolClient,
  representativeIds: string[],
): Promise<void> {
  const ids = [...new Set(representativeIds)].sort();
  if (ids.length === 0) return;
  await client.query(
    `WITH touched AS (SELECT unnest($1::uuid[]) AS id),
     ranked AS (
       SELECT e.representative_id AS id, e.name, e.name_key,
              sum(e.instances) OVER (PARTITION BY e.representative_id)::int AS total,
              row_number() OVER (PARTITION BY e.representative_id
                                 ORDER BY e.instances DESC,
                                          cardinality(regexp_split_to_array(e.name_key, '\\s+')) DESC,
                                          e.name_key COLLATE "C") AS rank
         FROM entities e JOIN touched t ON e.representative_id = t.id),
     canonical AS (
       SELECT t.id, k.name, k.name_key, coalesce(k.total, 0) AS total
         FROM touched t LEFT JOIN ranked k ON k.id = t.id AND k.rank = 1)
     UPDATE representatives r
        SET representative_name = coalesce(c.name, r.representative_name),
            name_key = coalesce(c.name_key, r.name_key), total_instances = c.total, updated_at = now()
       FROM canonical c
      WHERE r.id = c.id
        AND (r.representative_name, r.name_key, r.total_instances)
            IS DISTINCT FROM (coalesce(c.name, r.representative_name), coalesce(c.name_key, r.name_key), c.total)`,
    [ids],
  );
}

/** New representatives, one per canonical entity; returns canonical entity id → representative id. */
export async function createRepresentatives(
  client: pg.PoolClient,
  canonicals: { entityId: string; name: string; nameKey: string }[],
): Promise<Map<string, string>> {
  if (canonicals.length === 0) return new Map();
  const sorted = [...canonicals].sort((a, b) => (a.nameKey < b.nameKey ? -1 : a.nameKey > b.nameKey ? 1 : 0));
  const { rows } = await client.query<{ id: string; name_key: string }>(
    `INSERT INTO representatives (representative_name, name_key)
     SELECT name, name_key FROM unnest($1::varchar[], $2::varchar[]) AS u(name, name_key)
     ON CONFLICT (name_key) DO UPDATE SET updated_at = now()
     RETURNING id, name_key`,
    [sorted.map((c) => c.name), sorted.map((c) => c.nameKey)],
  );
  const byKey = new Map(rows.map((row) => [row.name_key, row.id]));
  return new Map(sorted.map((c) => [c.entityId, byKey.get(c.nameKey)!]));
}

/** An entity's representative, and for a grouping run the BR-020 role it got and the instances that placed it. */
export interface Assignment {
  entityId: string;
  representativeId: string;
  grouping?: { role: 'seed' | 'member'; instances: number };
}

/**
 * Points entities at representatives and records their grouping, one row version per entity (each version
 * costs an entry in every index of `entities`); returns the representatives they left (to refresh them too).
 */
export async function assignRepresentatives(
  client: pg.PoolClient,
  assignments: Assignment[],
): Promise<string[]> {
  if (assignments.length === 0) return [];
  const sorted = [...assignments].sort((a, b) => (a.entityId < b.entityId ? -1 : 1));
  const { rows } = await client.query<{ previous: string | null }>(
    `UPDATE entities e
        SET representative_id = u.rep, grouping_role = u.role, grouped_instances = u.instances, updated_at = now()
       FROM (SELECT u.id, u.rep, o.representative_id AS previous,
                    coalesce(u.role, o.grouping_role) AS role,
                    CASE WHEN u.role IS NULL THEN o.grouped_instances ELSE u.instances END AS instances
               FROM unnest($1::uuid[], $2::uuid[], $3::varchar[], $4::int[]) AS u(id, rep, role, instances)
               JOIN entities o ON o.id = u.id) u
      WHERE e.id = u.id
        AND (e.representative_id, e.grouping_role, e.grouped_instances) IS DISTINCT FROM (u.rep, u.role, u.instances)
      RETURNING CASE WHEN u.previous IS DISTINCT FROM u.rep THEN u.previous END AS previous`,
    [
      sorted.map((a) => a.entityId),
      sorted.map((a) => a.representativeId),
      sorted.map((a) => a.grouping?.role ?? null),
      sorted.map((a) => a.grouping?.instances ?? null),
    ],
  );
  return rows.map((row) => row.previous).filter((id): id is string => id !== null);
}
