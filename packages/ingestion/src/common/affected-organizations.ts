import type pg from 'pg';

/**
 * Organisations whose assets or tracked companies a job touched (ingestion.md §2.10): assets matched through the
 * document numbers of changed assignments (or changed bibliographic keys), companies through the parties of
 * changed assignments and the face assignees of changed patents — so a company acquiring patents not yet in its
 * assets is caught too. Runs as the worker
 * role because it crosses tenants.
 */
export async function affectedOrganizations(
  db: pg.Pool | pg.PoolClient,
  ingestionJobId: string,
): Promise<string[]> {
  const { rows } = await db.query<{ organization_id: string }>(
    `WITH ch AS (SELECT key_type, key FROM ingestion_changes WHERE ingestion_job_id = $1),
     docs AS (
       SELECT d.appno_doc_num, d.grant_doc_num
         FROM ch JOIN document_ids d ON ch.key_type = 'rf_id' AND d.rf_id = ch.key
       UNION ALL
       SELECT CASE WHEN key_type = 'appno' THEN key END, CASE WHEN key_type = 'grant' THEN key END
         FROM ch WHERE key_type <> 'rf_id'),
     parties AS (
       SELECT a.entity_id FROM ch JOIN assignors a ON ch.key_type = 'rf_id' AND a.rf_id = ch.key
       UNION
       SELECT e.entity_id FROM ch JOIN assignees e ON ch.key_type = 'rf_id' AND e.rf_id = ch.key
       UNION
       SELECT unnest(p.assignee_entity_ids) FROM ch JOIN patents p ON ch.key_type = 'appno' AND p.appno_doc_num = ch.key
       UNION
       SELECT unnest(p.assignee_entity_ids) FROM ch JOIN patents p ON ch.key_type = 'grant' AND p.grant_doc_num = ch.key)
     SELECT s.organization_id FROM assets s
      WHERE s.deleted_at IS NULL
        AND (s.appno_doc_num IN (SELECT appno_doc_num FROM docs WHERE appno_doc_num IS NOT NULL)
          OR s.grant_doc_num IN (SELECT grant_doc_num FROM docs WHERE grant_doc_num IS NOT NULL))
     UNION
     SELECT c.organization_id FROM companies c
       JOIN entities en ON en.representative_id = c.representative_id OR en.name_key = c.name_key
      WHERE c.deleted_at IS NULL AND en.id IN (SELECT entity_id FROM parties)
     ORDER BY 1`,
    [ingestionJobId],
  );
  return rows.map((row) => row.organization_id);
}
