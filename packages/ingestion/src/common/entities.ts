import type pg from 'pg';
import { inTransaction } from '@patentrack/db';
import { refreshRepresentatives } from '../entities/representatives';

export interface EntityUpsert {
  name: string;
  nameKey: string;
}

/**
 * Upserts parties into `entities` by `name_key` and returns `name_key → id` for all of them. Keys go in sorted
 * order so concurrent writers lock rows in the same order (no deadlocks). Existing rows are left untouched
 * (no dead tuples, no `updated_at` churn) and read back.
 */
export async function upsertEntities(
  client: pg.PoolClient,
  parties: EntityUpsert[],
): Promise<Map<string, string>> {
  const byKey = new Map<string, string>();
  for (const party of parties) if (!byKey.has(party.nameKey)) byKey.set(party.nameKey, party.name);
  const keys = [...byKey.keys()].sort();
  if (keys.length === 0) return new Map();
  const { rows } = await client.query<{ id: string; name_key: string }>(
    `WITH input AS (SELECT * FROM unnest($1::varchar[], $2::varchar[]) AS u(name_key, name)),
          created AS (
            INSERT INTO entities (name, name_key) SELECT name, name_key FROM input ORDER BY name_key
            ON CONFLICT (name_key) DO NOTHING RETURNING id, name_key)
     SELECT id, name_key FROM created
     UNION ALL
     SELECT e.id, e.name_key FROM entities e JOIN input i ON i.name_key = e.name_key`,
    [keys, keys.map((key) => byKey.get(key)!)],
  );
  const ids = new Map(rows.map((row) => [row.name_key, row.id]));
  // A row committed by a concurrent writer after this statement's snapshot is skipped by DO NOTHING and
  // invisible to the join; a fresh statement sees it.
  const missing = keys.filter((key) => !ids.has(key));
  if (missing.length > 0) {
    const { rows: late } = await client.query<{ id: string; name_key: string }>(
      `SELECT id, name_key FROM entities WHERE name_key = ANY($1::varchar[])`,
      [missing],
    );
    for (const row of late) ids.set(row.name_key, row.id);
  }
  return ids;
}

/**
 * Recomputes `entities.instances` (assignor plus assignee rows) for every entity that the given jobs touched —
 * the parties of the assignments they changed, plus `alsoEntityIds` (parties removed by an update). Recomputed,
 * never incremented, so re-running a file cannot inflate it (engineering.md §8); done once per job, set-based,
 * because a popular entity recounted per batch would cost quadratic time. Returns the representatives of the
 * touched entities, whose `total_instances` the batch recount (`recountTouchedEntities`) refreshes.
 */
export async function recountEntityInstances(
  client: pg.PoolClient,
  ingestionJobIds: string[],
  alsoEntityIds: Iterable<string> = [],
): Promise<string[]> {
  const { rows } = await client.query<{ representative_id: string }>(
    `WITH changed AS (
       SELECT key AS rf_id FROM ingestion_changes WHERE ingestion_job_id = ANY($1::uuid[]) AND key_type = 'rf_id'),
     touched AS (
       SELECT a.entity_id FROM changed c JOIN assignors a ON a.rf_id = c.rf_id
       UNION SELECT b.entity_id FROM changed c JOIN assignees b ON b.rf_id = c.rf_id
       UNION SELECT unnest($2::uuid[])),
     counts AS (
       SELECT t.entity_id, count(p.entity_id)::int AS n
         FROM touched t
         LEFT JOIN (SELECT entity_id FROM assignors UNION ALL SELECT entity_id FROM assignees) p
           ON p.entity_id = t.entity_id
        GROUP BY t.entity_id),
     recounted AS (
       UPDATE entities e SET instances = counts.n FROM counts
        WHERE e.id = counts.entity_id AND e.instances IS DISTINCT FROM counts.n)
     SELECT DISTINCT e.representative_id FROM touched t JOIN entities e ON e.id = t.entity_id
      WHERE e.representative_id IS NOT NULL`,
    [ingestionJobIds, [...alsoEntityIds]],
  );
  return rows.map((row) => row.representative_id);
}

/**
 * The batch recount (`recount:entities`, data-model.md §8): `entities.instances` of the parties of the assignments
 * changed by ingestion jobs finished since `since` — with no earlier run, by every job whose change keys are still
 * kept — then `total_instances` and the canonical name of their representatives (ingestion only recounts entities,
 * so a representative's total is brought up to date here).
 */
export async function recountTouchedEntities(
  pool: pg.Pool,
  since: Date | null,
): Promise<{ ingestionJobs: number; representatives: number }> {
  const { rows: jobs } = await pool.query<{ id: string }>(
    since
      ? `SELECT id FROM ingestion_jobs WHERE completed_at >= $1`
      : `SELECT DISTINCT ingestion_job_id AS id FROM ingestion_changes`,
    since ? [since] : [],
  );
  const representatives = await inTransaction(pool, async (client) => {
    const touched = await recountEntityInstances(
      client,
      jobs.map((job) => job.id),
    );
    await refreshRepresentatives(client, touched);
    return touched;
  });
  return { ingestionJobs: jobs.length, representatives: representatives.length };
}
