import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Writable } from 'node:stream';

/** `patent_cpc_codes.doc_type` of a master file. */
export type CpcSnapshotDocType = 'grant' | 'application';

/** Columns of a row a snapshot load takes, in COPY order after the load's `doc_type` and `snapshot_id`. */
export const CPC_SNAPSHOT_COLUMNS = [
  'doc_num',
  'pgpub_doc_num',
  'cpc_code',
  'symbol_position',
  'classification_value',
  'version_date',
] as const;

export type CpcSnapshotRow = Record<(typeof CPC_SNAPSHOT_COLUMNS)[number], string | null>;

/** COPY text format: backslash escapes for the characters that delimit fields and rows, `\N` for NULL. */
function copyLine(values: (string | null)[]): string {
  const field = (value: string | null) =>
    value === null
      ? '\\N'
      : value.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!);
  return `${values.map(field).join('\t')}\n`;
}

/** Writes with back-pressure: resolves once the COPY stream can take more. */
function writeTo(stream: Writable, text: string): Promise<void> {
  return stream.write(text) ? Promise.resolve() : new Promise((resolve) => stream.once('drain', resolve));
}

export interface CpcSnapshotResult {
  snapshotId: number;
  rows: number;
  /** Rows dropped because a later row of the file had the same document and symbol. */
  duplicates: number;
  /** False when `beforePublish` kept the published month. */
  published: boolean;
}

export interface CpcSnapshotOptions {
  /**
   * Runs after the COPY and before the publish, in the load's transaction, with the new leaf's name: the one
   * moment the new month and the published one can both be read. Resolving false keeps the published month.
   */
  beforePublish?: (leaf: string) => Promise<boolean>;
}

/**
 * Replaces the month of one doc type (data-model §5.3): draws a snapshot id, prepares the fresh leaf, streams
 * the rows `produce` hands to `write` through COPY, then publishes (indexes, CHECK, detach/attach, drop).
 * All of it is one transaction on `client`: readers see the old month until the commit, and a load that fails
 * or is interrupted leaves no half-built leaf behind. `produce` may reject to abandon the load.
 */
export async function replaceCpcSnapshot(
  client: pg.PoolClient,
  docType: CpcSnapshotDocType,
  produce: (write: (row: CpcSnapshotRow) => Promise<void>) => Promise<void>,
  options: CpcSnapshotOptions = {},
): Promise<CpcSnapshotResult> {
  await client.query('BEGIN');
  try {
    // A full month takes hours, and the index builds want memory (ingestion.md §3.4).
    await client.query(`SET LOCAL statement_timeout = 0`);
    await client.query(`SET LOCAL maintenance_work_mem = '1GB'`);
    const { rows: ids } = await client.query<{ id: number }>(
      `SELECT nextval('cpc_snapshot_id_seq')::int AS id`,
    );
    const snapshotId = ids[0]!.id;
    const { rows: prepared } = await client.query<{ leaf: string }>(
      `SELECT cpc_snapshot_prepare($1, $2) AS leaf`,
      [docType, snapshotId],
    );
    const leaf = client.escapeIdentifier(prepared[0]!.leaf);
    const copy = client.query(
      copyFrom(`COPY ${leaf} (doc_type, snapshot_id, ${CPC_SNAPSHOT_COLUMNS.join(', ')}) FROM STDIN`),
    );
    const done = new Promise<void>((resolve, reject) => {
      copy.on('finish', resolve);
      copy.on('error', reject);
    });
    let rows = 0;
    try {
      await produce(async (row) => {
        rows += 1;
        const values = [docType, String(snapshotId), ...CPC_SNAPSHOT_COLUMNS.map((column) => row[column])];
        await writeTo(copy, copyLine(values));
      });
    } catch (error) {
      copy.destroy(error as Error);
      await done.catch(() => undefined);
      throw error;
    }
    copy.end();
    await done;
    if (options.beforePublish && !(await options.beforePublish(leaf))) {
      await client.query('ROLLBACK');
      return { snapshotId, rows, duplicates: 0, published: false };
    }
    const duplicates = await publish(client, leaf, docType, snapshotId);
    await client.query('COMMIT');
    return { snapshotId, rows: rows - duplicates, duplicates, published: true };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/**
 * Publishes the leaf. The primary key rejects a document listed twice with the same symbol, which a master
 * file should not contain: only then is the leaf deduplicated (later rows win, and a fresh COPY lays rows out
 * in file order) and published again. The common case pays for no extra scan.
 */
async function publish(
  client: pg.PoolClient,
  leaf: string,
  docType: CpcSnapshotDocType,
  snapshotId: number,
): Promise<number> {
  await client.query('SAVEPOINT publish');
  try {
    await client.query(`SELECT cpc_snapshot_publish($1, $2)`, [docType, snapshotId]);
    return 0;
  } catch (error) {
    if ((error as { code?: string }).code !== '23505') throw error;
    await client.query('ROLLBACK TO SAVEPOINT publish');
  }
  const { rowCount } = await client.query(
    `DELETE FROM ${leaf} a USING ${leaf} b
      WHERE a.doc_num = b.doc_num AND a.cpc_code = b.cpc_code AND a.ctid < b.ctid`,
  );
  await client.query(`SELECT cpc_snapshot_publish($1, $2)`, [docType, snapshotId]);
  return rowCount ?? 0;
}
