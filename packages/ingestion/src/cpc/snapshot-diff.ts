import type pg from 'pg';
import type { CpcDocType } from './master-file-mapping';

/** Documents of a freshly loaded leaf against the published month of the same doc type. */
export interface SnapshotDiff {
  inserted: number;
  updated: number;
  unchanged: number;
  /** Published documents the new month no longer lists. */
  removed: number;
}

/**
 * Compares the new leaf with the published month, one document (the record of a master file) at a time: its
 * rows are folded into one hash, so "updated" means any symbol added, dropped or changed. All of it runs in
 * PostgreSQL, which spills to disk where a month outgrows memory; nothing of the snapshot reaches Node.
 * Distinct rows only: a document the file repeats has not changed for that.
 */
export async function diffCpcSnapshot(
  client: pg.PoolClient,
  leaf: string,
  docType: CpcDocType,
): Promise<SnapshotDiff> {
  const documents = (table: string, where: string) => `
    SELECT doc_num, md5(string_agg(DISTINCT content, E'\\n' ORDER BY content)) AS content
      FROM (SELECT doc_num, ROW(cpc_code, pgpub_doc_num, symbol_position, classification_value, version_date)::text
                   AS content
              FROM ${table} ${where}) AS rows
     GROUP BY doc_num`;
  const { rows } = await client.query<SnapshotDiff>(
    `WITH fresh AS (${documents(leaf, '')}),
          published AS (${documents('patent_cpc_codes', 'WHERE doc_type = $1')})
     SELECT count(*) FILTER (WHERE published.doc_num IS NULL)::int AS inserted,
            count(*) FILTER (WHERE fresh.content <> published.content)::int AS updated,
            count(*) FILTER (WHERE fresh.content = published.content)::int AS unchanged,
            count(*) FILTER (WHERE fresh.doc_num IS NULL)::int AS removed
       FROM fresh FULL JOIN published ON published.doc_num = fresh.doc_num`,
    [docType],
  );
  return rows[0]!;
}
