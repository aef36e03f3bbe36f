import type pg from 'pg';
import type { BatchCounts } from '../common/ingestion-job';
import { upsertEntities } from '../common/entities';
import type { AssignmentRecord } from './mapping';

export interface AssignmentBatchResult extends BatchCounts {
  /** Entities the replaced children referenced; their `instances` must be recounted too. */
  previousEntityIds: string[];
}

/**
 * Upserts the parties of a batch into `entities` — before the batch's transaction, so that concurrent batches
 * never wait for each other's commit on a shared new name key. Unused rows left by a failed batch are harmless:
 * the re-run needs the same names.
 */
export function upsertAssignmentParties(
  client: pg.PoolClient,
  records: AssignmentRecord[],
): Promise<Map<string, string>> {
  return upsertEntities(
    client,
    records.flatMap((r) =>
      [...r.assignors, ...r.assignees].map((p) => ({ name: p.entityName, nameKey: p.nameKey })),
    ),
  );
}

/**
 * Set-based write of one batch of assignments (ingestion.md §2.7), inside the caller's transaction:
 * one hash-guarded multi-row upsert of the headers (arrays through `unnest`, one parameter per column), then,
 * for new or changed assignments only, their children replaced as a set (parties by the ids of
 * `upsertAssignmentParties`), and the changed keys recorded for fan-out (they also drive the `instances` recount).
 * Records must have distinct rf_ids (see `lastWinsByRfId`).
 *
 * Partitioned tables cannot return `xmax`, so a new row is told from an updated one by `created_at = now()`:
 * `now()` is the transaction start, and an existing row was created by an earlier transaction.
 */
export async function writeAssignmentBatch(
  client: pg.PoolClient,
  records: AssignmentRecord[],
  jobId: string,
  entityIds: Map<string, string>,
): Promise<AssignmentBatchResult> {
  if (records.length === 0)
    return { inserted: 0, updated: 0, unchanged: 0, skipped: 0, previousEntityIds: [] };
  const column = <K extends keyof AssignmentRecord>(key: K) => records.map((r) => r[key]);
  const { rows: changed } = await client.query<{ rf_id: string; inserted: boolean }>(
    `INSERT INTO assignments (rf_id, reel_no, frame_no, convey_text, record_dt, exec_dt, last_update_dt, page_count,
                              cname, caddress_1, caddress_2, caddress_3, caddress_4, status, record_hash, source_job_id)
     SELECT u.*, $16::uuid
       FROM unnest($1::varchar[], $2::int[], $3::int[], $4::text[], $5::date[], $6::date[], $7::date[], $8::int[],
                   $9::varchar[], $10::varchar[], $11::varchar[], $12::varchar[], $13::varchar[],
                   $14::assignment_status[], $15::char(64)[]) AS u
     ON CONFLICT (rf_id) DO UPDATE SET
       reel_no = EXCLUDED.reel_no, frame_no = EXCLUDED.frame_no, convey_text = EXCLUDED.convey_text,
       record_dt = EXCLUDED.record_dt, exec_dt = EXCLUDED.exec_dt, last_update_dt = EXCLUDED.last_update_dt,
       page_count = EXCLUDED.page_count, cname = EXCLUDED.cname, caddress_1 = EXCLUDED.caddress_1,
       caddress_2 = EXCLUDED.caddress_2, caddress_3 = EXCLUDED.caddress_3, caddress_4 = EXCLUDED.caddress_4,
       status = EXCLUDED.status, record_hash = EXCLUDED.record_hash, source_job_id = EXCLUDED.source_job_id,
       updated_at = now()
     WHERE assignments.record_hash IS DISTINCT FROM EXCLUDED.record_hash
     RETURNING rf_id, (created_at = now()) AS inserted`,
    [
      column('rfId'),
      column('reelNo'),
      column('frameNo'),
      column('conveyText'),
      column('recordDt'),
      column('execDt'),
      column('lastUpdateDt'),
      column('pageCount'),
      column('cname'),
      column('caddress1'),
      column('caddress2'),
      column('caddress3'),
      column('caddress4'),
      column('status'),
      column('recordHash'),
      jobId,
    ],
  );
  const inserted = changed.filter((row) => row.inserted).length;
  const counts = {
    inserted,
    updated: changed.length - inserted,
    unchanged: records.length - changed.length,
    skipped: 0,
  };
  if (changed.length === 0) return { ...counts, previousEntityIds: [] };

  const changedIds = new Set(changed.map((row) => row.rf_id));
  const changedRecords = records.filter((r) => changedIds.has(r.rfId));
  const rfIds = [...changedIds];
  const updatedIds = changed.filter((row) => !row.inserted).map((row) => row.rf_id);
  const previousEntities = updatedIds.length > 0 ? await replaceChildren(client, updatedIds, jobId) : [];
  // Each child row's foreign-key check against the partitioned `assignments` is a cached plan that PostgreSQL
  // would otherwise re-plan per row (custom plans win its cost test): about half of the child inserts' time.
  // Only for these inserts: a generic plan of a join sized by an array parameter can be a full scan.
  await client.query('SET LOCAL plan_cache_mode = force_generic_plan');
  await insertParties(client, changedRecords, entityIds);
  await insertDocumentIds(client, changedRecords);
  await client.query('SET LOCAL plan_cache_mode = auto');
  await client.query(
    `INSERT INTO ingestion_changes (ingestion_job_id, key_type, key)
     SELECT $1, 'rf_id', k FROM unnest($2::varchar[]) AS k ON CONFLICT DO NOTHING`,
    [jobId, rfIds],
  );
  return { ...counts, previousEntityIds: previousEntities };
}

/**
 * Deletes the children of changed assignments; returns the entities they referenced (for the recount). The
 * document numbers go to `superseded_documents` and the job's changed keys: a number the new version no longer
 * names lost a transaction, so its organizations are recomputed too.
 */
async function replaceChildren(client: pg.PoolClient, rfIds: string[], jobId: string): Promise<string[]> {
  await client.query(
    `WITH gone AS (DELETE FROM document_ids WHERE rf_id = ANY($1::varchar[])
                   RETURNING rf_id, appno_doc_num, grant_doc_num),
          kept AS (INSERT INTO superseded_documents (source_job_id, rf_id, appno_doc_num, grant_doc_num)
                   SELECT $2, rf_id, appno_doc_num, grant_doc_num FROM gone
                    WHERE appno_doc_num IS NOT NULL OR grant_doc_num IS NOT NULL)
     INSERT INTO ingestion_changes (ingestion_job_id, key_type, key)
     SELECT $2, 'appno'::change_key_type, appno_doc_num FROM gone WHERE appno_doc_num IS NOT NULL
     UNION
     SELECT $2, 'grant'::change_key_type, grant_doc_num FROM gone WHERE grant_doc_num IS NOT NULL
     ON CONFLICT DO NOTHING`,
    [rfIds, jobId],
  );
  const { rows } = await client.query<{ entity_id: string }>(
    `WITH gone_assignors AS (DELETE FROM assignors WHERE rf_id = ANY($1::varchar[]) RETURNING entity_id),
          gone_assignees AS (DELETE FROM assignees WHERE rf_id = ANY($1::varchar[]) RETURNING entity_id)
     SELECT entity_id FROM gone_assignors UNION SELECT entity_id FROM gone_assignees`,
    [rfIds],
  );
  return rows.map((row) => row.entity_id);
}

async function insertParties(
  client: pg.PoolClient,
  records: AssignmentRecord[],
  entityIds: Map<string, string>,
): Promise<void> {
  const assignors = records.flatMap((r) => r.assignors.map((a) => ({ rfId: r.rfId, ...a })));
  if (assignors.length > 0) {
    await client.query(
      `INSERT INTO assignors (rf_id, seq, entity_id, or_name, exec_dt, ack_dt)
       SELECT * FROM unnest($1::varchar[], $2::smallint[], $3::uuid[], $4::varchar[], $5::date[], $6::date[])`,
      [
        assignors.map((a) => a.rfId),
        assignors.map((a) => a.seq),
        assignors.map((a) => entityIds.get(a.nameKey)),
        assignors.map((a) => a.orName),
        assignors.map((a) => a.execDt),
        assignors.map((a) => a.ackDt),
      ],
    );
  }
  const assignees = records.flatMap((r) => r.assignees.map((a) => ({ rfId: r.rfId, ...a })));
  if (assignees.length > 0) {
    await client.query(
      `INSERT INTO assignees (rf_id, seq, entity_id, ee_name, ee_address_1, ee_address_2, ee_city, ee_state,
                              ee_postcode, ee_country)
       SELECT * FROM unnest($1::varchar[], $2::smallint[], $3::uuid[], $4::varchar[], $5::varchar[], $6::varchar[],
                            $7::varchar[], $8::varchar[], $9::varchar[], $10::varchar[])`,
      [
        assignees.map((a) => a.rfId),
        assignees.map((a) => a.seq),
        assignees.map((a) => entityIds.get(a.nameKey)),
        assignees.map((a) => a.eeName),
        assignees.map((a) => a.address1),
        assignees.map((a) => a.address2),
        assignees.map((a) => a.city),
        assignees.map((a) => a.state),
        assignees.map((a) => a.postcode),
        assignees.map((a) => a.country),
      ],
    );
  }
}

async function insertDocumentIds(client: pg.PoolClient, records: AssignmentRecord[]): Promise<void> {
  const documents = records.flatMap((r) => r.documents.map((d) => ({ rfId: r.rfId, ...d })));
  if (documents.length === 0) return;
  const column = <K extends keyof (typeof documents)[number]>(key: K) => documents.map((d) => d[key]);
  await client.query(
    `INSERT INTO document_ids (rf_id, property_seq, appno_doc_num, appno_date, appno_country, pgpub_doc_num,
                               pgpub_date, pgpub_country, grant_doc_num, grant_date, grant_country, grant_kind,
                               title, title_lang)
     SELECT * FROM unnest($1::varchar[], $2::smallint[], $3::varchar[], $4::date[], $5::char(2)[], $6::varchar[],
                          $7::date[], $8::char(2)[], $9::varchar[], $10::date[], $11::char(2)[], $12::varchar[],
                          $13::text[], $14::varchar[])`,
    [
      column('rfId'),
      column('propertySeq'),
      column('appnoDocNum'),
      column('appnoDate'),
      column('appnoCountry'),
      column('pgpubDocNum'),
      column('pgpubDate'),
      column('pgpubCountry'),
      column('grantDocNum'),
      column('grantDate'),
      column('grantCountry'),
      column('grantKind'),
      column('title'),
      column('titleLang'),
    ],
  );
}

/** Within a file a repeated rf_id resolves last-wins (§2.7); returns the survivors and how many were dropped. */
export function lastWinsByRfId(records: AssignmentRecord[]): {
  records: AssignmentRecord[];
  superseded: AssignmentRecord[];
} {
  const byKey = new Map<string, AssignmentRecord>();
  const superseded: AssignmentRecord[] = [];
  for (const record of records) {
    const previous = byKey.get(record.rfId);
    if (previous) {
      superseded.push(previous);
      byKey.delete(record.rfId);
    }
    byKey.set(record.rfId, record);
  }
  return { records: [...byKey.values()], superseded };
}
