import type pg from 'pg';

/** An inventor of one of a transaction's documents (business-rules §2.4, BR-023 input). */
export interface TransactionInventor {
  rfId: string;
  docType: 'application' | 'grant';
  docNum: string;
  sequence: number;
  /** `"{family}, {given}"` */
  name: string;
}

/**
 * Inventors of each transaction's own documents (grant ∪ application lists): every `document_ids` row is
 * resolved to its `patents` row through any of its numbers (application, publication, grant), and that
 * patent's application and grant inventor lists are returned; a row with no bibliographic record falls back to
 * its own numbers. Read by the pipeline's `flag` step for inventor ↔ assignor matching.
 */
export async function inventorsForTransactions(
  db: pg.Pool | pg.PoolClient,
  rfIds: readonly string[],
): Promise<Map<string, TransactionInventor[]>> {
  const { rows } = await db.query<{
    rf_id: string;
    doc_type: 'application' | 'grant';
    doc_num: string;
    sequence: number;
    name: string;
  }>(
    `WITH docs AS (
       SELECT DISTINCT rf_id, appno_doc_num, pgpub_doc_num, grant_doc_num FROM document_ids WHERE rf_id = ANY($1::varchar[])),
     numbers AS (
       SELECT d.rf_id, p.appno_doc_num, p.grant_doc_num FROM docs d JOIN patents p ON p.appno_doc_num = d.appno_doc_num
       UNION SELECT d.rf_id, p.appno_doc_num, p.grant_doc_num FROM docs d JOIN patents p ON p.grant_doc_num = d.grant_doc_num
       UNION SELECT d.rf_id, p.appno_doc_num, p.grant_doc_num FROM docs d JOIN patents p ON p.pgpub_doc_num = d.pgpub_doc_num
       UNION SELECT d.rf_id, d.appno_doc_num, d.grant_doc_num FROM docs d)
     SELECT n.rf_id, i.doc_type, i.doc_num, i.sequence, i.name
       FROM numbers n JOIN inventors i ON i.doc_type = 'application' AND i.doc_num = n.appno_doc_num
     UNION
     SELECT n.rf_id, i.doc_type, i.doc_num, i.sequence, i.name
       FROM numbers n JOIN inventors i ON i.doc_type = 'grant' AND i.doc_num = n.grant_doc_num
     ORDER BY 1, 2, 3, 4`,
    [rfIds],
  );
  const result = new Map<string, TransactionInventor[]>();
  for (const row of rows) {
    const list = result.get(row.rf_id) ?? [];
    list.push({
      rfId: row.rf_id,
      docType: row.doc_type,
      docNum: row.doc_num,
      sequence: row.sequence,
      name: row.name,
    });
    result.set(row.rf_id, list);
  }
  return result;
}
