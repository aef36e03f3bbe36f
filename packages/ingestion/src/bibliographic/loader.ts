import type pg from 'pg';
import { upsertEntities } from '../common/entities';
import { normalizeEntityName } from '../common/entity-names';
import type { BatchCounts } from '../common/ingestion-job';
import type { BibliographicDocType, BibliographicRecord } from './types';

/** Inventors are stored under the grant number for grants and the application number for applications. */
export function inventorDocNum(record: BibliographicRecord): string {
  return record.docType === 'grant' ? record.grantDocNum! : record.appnoDocNum;
}

/**
 * Cuts a batch wherever a document repeats an earlier one's key, so each upsert sees distinct keys
 * (PostgreSQL rejects `ON CONFLICT DO UPDATE` touching a row twice) and a later repeat runs against the row
 * the earlier one left: last wins in file order, and an identical repeat counts as `unchanged`.
 */
export function segmentsWithDistinctKeys(records: BibliographicRecord[]): BibliographicRecord[][] {
  const segments: BibliographicRecord[][] = [];
  let current: BibliographicRecord[] = [];
  let keys = new Set<string>();
  for (const record of records) {
    const key = `${record.docType}:${record.appnoDocNum}`;
    if (keys.has(key)) {
      segments.push(current);
      current = [];
      keys = new Set();
    }
    keys.add(key);
    current.push(record);
  }
  if (current.length) segments.push(current);
  return segments;
}

/**
 * Set-based write of one batch of grant or application documents (ingestion.md §3.2, §3.3) inside the
 * caller's transaction. `patents` is upserted on `appno_doc_num` and changes a row only when a column it owns
 * differs or its inventor list changed, so inserted / updated / unchanged are exact and a re-run writes
 * nothing. Inventors are replaced per `(doc_type, doc_num)` only when their list changed (keeping the `flag`
 * step's `entity_id` otherwise); changed documents are recorded in `ingestion_changes` for the fan-out.
 */
export async function writeBibliographicBatch(
  client: pg.PoolClient,
  records: BibliographicRecord[],
  jobId: string,
): Promise<BatchCounts> {
  const counts: BatchCounts = { inserted: 0, updated: 0, unchanged: 0, skipped: 0 };
  for (const segment of segmentsWithDistinctKeys(records)) {
    for (const docType of ['grant', 'application'] as const) {
      const part = segment.filter((record) => record.docType === docType);
      if (part.length === 0) continue;
      const written = await writeSegment(client, part, docType, jobId);
      counts.inserted += written.inserted;
      counts.updated += written.updated;
      counts.unchanged += written.unchanged;
    }
  }
  return counts;
}

async function writeSegment(
  client: pg.PoolClient,
  records: BibliographicRecord[],
  docType: BibliographicDocType,
  jobId: string,
): Promise<BatchCounts> {
  const assignees = await assigneeIdLiterals(client, records);
  if (docType === 'grant') await adoptGrantOnlyRows(client, records);
  const inventorsChanged = await recordsWithChangedInventors(client, records, docType);
  const column = <K extends keyof BibliographicRecord>(key: K) => records.map((record) => record[key]);
  const changedKeys = records.filter((r) => inventorsChanged.has(r)).map((r) => r.appnoDocNum);
  const { rows } = await client.query<{ appno_doc_num: string; inserted: boolean }>(
    docType === 'grant' ? UPSERT_GRANTS : UPSERT_APPLICATIONS,
    docType === 'grant'
      ? [
          column('appnoDocNum'),
          column('appnoDate'),
          column('applicationType'),
          column('grantDocNum'),
          column('grantDate'),
          column('grantKind'),
          column('title'),
          column('claimsCount'),
          assignees,
          jobId,
          changedKeys,
        ]
      : [
          column('appnoDocNum'),
          column('appnoDate'),
          column('applicationType'),
          column('pgpubDocNum'),
          column('pgpubDate'),
          column('title'),
          assignees,
          jobId,
          changedKeys,
        ],
  );
  const returned = new Map(rows.map((row) => [row.appno_doc_num, row.inserted]));
  const changed = records.filter((record) => returned.has(record.appnoDocNum));
  await replaceInventors(
    client,
    changed.filter((record) => inventorsChanged.has(record)),
    docType,
    jobId,
  );
  await recordChanges(client, changed, jobId);
  const inserted = rows.filter((row) => row.inserted).length;
  return { inserted, updated: rows.length - inserted, unchanged: records.length - rows.length, skipped: 0 };
}

// Grant documents own every column they carry: the grant's title and face assignees win (data-model §1.1).
const UPSERT_GRANTS = `
  INSERT INTO patents AS p (appno_doc_num, appno_date, application_type, grant_doc_num, grant_date, grant_kind,
                            title, claims_count, assignee_entity_ids, source_job_id)
  SELECT u.appno_doc_num, u.appno_date, u.application_type, u.grant_doc_num, u.grant_date, u.grant_kind, u.title,
         u.claims_count, u.assignees::uuid[], $10::uuid
    FROM unnest($1::varchar[], $2::date[], $3::varchar[], $4::varchar[], $5::date[], $6::varchar[], $7::text[],
                $8::smallint[], $9::text[])
         AS u(appno_doc_num, appno_date, application_type, grant_doc_num, grant_date, grant_kind, title,
              claims_count, assignees)
  ON CONFLICT (appno_doc_num) DO UPDATE SET
    appno_date = EXCLUDED.appno_date, application_type = EXCLUDED.application_type,
    grant_doc_num = EXCLUDED.grant_doc_num, grant_date = EXCLUDED.grant_date, grant_kind = EXCLUDED.grant_kind,
    title = EXCLUDED.title, claims_count = EXCLUDED.claims_count,
    assignee_entity_ids = EXCLUDED.assignee_entity_ids, source_job_id = EXCLUDED.source_job_id, updated_at = now()
  WHERE (p.appno_date, p.application_type, p.grant_doc_num, p.grant_date, p.grant_kind, p.title, p.claims_count,
         p.assignee_entity_ids)
        IS DISTINCT FROM
        (EXCLUDED.appno_date, EXCLUDED.application_type, EXCLUDED.grant_doc_num, EXCLUDED.grant_date,
         EXCLUDED.grant_kind, EXCLUDED.title, EXCLUDED.claims_count, EXCLUDED.assignee_entity_ids)
     OR p.appno_doc_num = ANY($11::varchar[])
  RETURNING p.appno_doc_num, (xmax = 0) AS inserted`;

// A publication owns the pgpub columns; filing data, title and face assignees only until the grant arrives.
const UPSERT_APPLICATIONS = `
  INSERT INTO patents AS p (appno_doc_num, appno_date, application_type, pgpub_doc_num, pgpub_date, title,
                            assignee_entity_ids, source_job_id)
  SELECT u.appno_doc_num, u.appno_date, u.application_type, u.pgpub_doc_num, u.pgpub_date, u.title,
         u.assignees::uuid[], $8::uuid
    FROM unnest($1::varchar[], $2::date[], $3::varchar[], $4::varchar[], $5::date[], $6::text[], $7::text[])
         AS u(appno_doc_num, appno_date, application_type, pgpub_doc_num, pgpub_date, title, assignees)
  ON CONFLICT (appno_doc_num) DO UPDATE SET
    pgpub_doc_num = EXCLUDED.pgpub_doc_num, pgpub_date = EXCLUDED.pgpub_date,
    appno_date = CASE WHEN p.grant_doc_num IS NULL THEN EXCLUDED.appno_date ELSE p.appno_date END,
    application_type = CASE WHEN p.grant_doc_num IS NULL THEN EXCLUDED.application_type ELSE p.application_type END,
    title = CASE WHEN p.grant_doc_num IS NULL THEN EXCLUDED.title ELSE p.title END,
    assignee_entity_ids = CASE WHEN p.grant_doc_num IS NULL THEN EXCLUDED.assignee_entity_ids
                               ELSE p.assignee_entity_ids END,
    source_job_id = EXCLUDED.source_job_id, updated_at = now()
  WHERE (p.pgpub_doc_num, p.pgpub_date) IS DISTINCT FROM (EXCLUDED.pgpub_doc_num, EXCLUDED.pgpub_date)
     OR (p.grant_doc_num IS NULL
         AND (p.appno_date, p.application_type, p.title, p.assignee_entity_ids)
             IS DISTINCT FROM
             (EXCLUDED.appno_date, EXCLUDED.application_type, EXCLUDED.title, EXCLUDED.assignee_entity_ids))
     OR p.appno_doc_num = ANY($9::varchar[])
  RETURNING p.appno_doc_num, (xmax = 0) AS inserted`;

/** Face assignees as `entities` ids, one Postgres array literal per record (NULL when it prints none). */
async function assigneeIdLiterals(
  client: pg.PoolClient,
  records: BibliographicRecord[],
): Promise<(string | null)[]> {
  const names = records.map((record) =>
    record.assigneeNames.map(normalizeEntityName).filter((entity) => entity.nameKey !== ''),
  );
  const ids = await upsertEntities(client, names.flat());
  return names.map((entities) => {
    const unique = [...new Set(entities.map((entity) => ids.get(entity.nameKey)!))];
    return unique.length ? `{${unique.join(',')}}` : null;
  });
}

/**
 * A grant number may already sit on a grant-only row (from a source that knows no application number). The
 * grant document merges it (data-model §1.1): the grant-only row takes the application number when no row has
 * it yet; otherwise its assets move to the application's row and it is deleted.
 */
async function adoptGrantOnlyRows(client: pg.PoolClient, records: BibliographicRecord[]): Promise<void> {
  const { rows } = await client.query<{ id: string; appno_doc_num: string; target_id: string | null }>(
    `SELECT g.id, i.appno_doc_num, a.id AS target_id
       FROM unnest($1::varchar[], $2::varchar[]) AS i(grant_doc_num, appno_doc_num)
       JOIN patents g ON g.grant_doc_num = i.grant_doc_num AND g.appno_doc_num IS NULL
       LEFT JOIN patents a ON a.appno_doc_num = i.appno_doc_num`,
    [records.map((r) => r.grantDocNum), records.map((r) => r.appnoDocNum)],
  );
  for (const row of rows) {
    if (!row.target_id) {
      await client.query(`UPDATE patents SET appno_doc_num = $2 WHERE id = $1`, [row.id, row.appno_doc_num]);
      continue;
    }
    await client.query(`UPDATE assets SET patent_id = $2 WHERE patent_id = $1`, [row.id, row.target_id]);
    await client.query(
      `UPDATE patents t SET maintenance_status = g.maintenance_status
         FROM patents g WHERE g.id = $1 AND t.id = $2 AND t.maintenance_status = 'unknown'`,
      [row.id, row.target_id],
    );
    await client.query(`DELETE FROM patents WHERE id = $1`, [row.id]);
  }
}

const inventorFields = (record: BibliographicRecord) =>
  record.inventors.map((i) => [i.sequence, i.name, i.givenName, i.familyName, i.city, i.state, i.country]);

/** Records whose inventor list differs from the stored one (including new documents that list inventors). */
async function recordsWithChangedInventors(
  client: pg.PoolClient,
  records: BibliographicRecord[],
  docType: BibliographicDocType,
): Promise<Set<BibliographicRecord>> {
  const { rows } = await client.query<{ doc_num: string; list: unknown[] }>(
    `SELECT doc_num,
            json_agg(json_build_array(sequence, name, given_name, family_name, city, state, country)
                     ORDER BY sequence) AS list
       FROM inventors WHERE doc_type = $1 AND doc_num = ANY($2::varchar[]) GROUP BY doc_num`,
    [docType, records.map(inventorDocNum)],
  );
  const stored = new Map(rows.map((row) => [row.doc_num, JSON.stringify(row.list)]));
  return new Set(
    records.filter(
      (record) => (stored.get(inventorDocNum(record)) ?? '[]') !== JSON.stringify(inventorFields(record)),
    ),
  );
}

async function replaceInventors(
  client: pg.PoolClient,
  records: BibliographicRecord[],
  docType: BibliographicDocType,
  jobId: string,
): Promise<void> {
  if (records.length === 0) return;
  await client.query(`DELETE FROM inventors WHERE doc_type = $1 AND doc_num = ANY($2::varchar[])`, [
    docType,
    records.map(inventorDocNum),
  ]);
  const rows = records.flatMap((record) =>
    record.inventors.map((inventor) => ({ docNum: inventorDocNum(record), inventor })),
  );
  if (rows.length === 0) return;
  await client.query(
    `INSERT INTO inventors (doc_type, doc_num, sequence, name, given_name, family_name, city, state, country,
                            source_job_id)
     SELECT $1::patent_doc_type, u.*, $10::uuid
       FROM unnest($2::varchar[], $3::smallint[], $4::varchar[], $5::varchar[], $6::varchar[], $7::varchar[],
                   $8::varchar[], $9::varchar[]) AS u`,
    [
      docType,
      rows.map((r) => r.docNum),
      rows.map((r) => r.inventor.sequence),
      rows.map((r) => r.inventor.name),
      rows.map((r) => r.inventor.givenName),
      rows.map((r) => r.inventor.familyName),
      rows.map((r) => r.inventor.city),
      rows.map((r) => r.inventor.state),
      rows.map((r) => r.inventor.country),
      jobId,
    ],
  );
}

/** `appno` and `grant` keys of new or changed documents, for affected-organisation detection (§2.10). */
async function recordChanges(
  client: pg.PoolClient,
  records: BibliographicRecord[],
  jobId: string,
): Promise<void> {
  if (records.length === 0) return;
  const keyTypes = records.flatMap((r) => (r.grantDocNum ? ['appno', 'grant'] : ['appno']));
  const keys = records.flatMap((r) => (r.grantDocNum ? [r.appnoDocNum, r.grantDocNum] : [r.appnoDocNum]));
  await client.query(
    `INSERT INTO ingestion_changes (ingestion_job_id, key_type, key)
     SELECT $1, t::change_key_type, k FROM unnest($2::text[], $3::varchar[]) AS u(t, k) ON CONFLICT DO NOTHING`,
    [jobId, keyTypes, keys],
  );
}
