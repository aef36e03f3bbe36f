import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './testing';

let database: TestDatabase;
let worker: pg.Client;
let app: pg.Client;

beforeAll(async () => {
  database = await createTestDatabase();
  worker = new pg.Client({ connectionString: database.workerUrl });
  app = new pg.Client({ connectionString: database.appUrl });
  await worker.connect();
  await app.connect();
});
afterAll(async () => {
  await worker?.end();
  await app?.end();
  await database?.drop();
});

async function loadSnapshot(snapshotId: number, codes: string[]): Promise<void> {
  await worker.query('BEGIN');
  const { rows } = await worker.query(`SELECT cpc_snapshot_prepare('grant', $1) AS leaf`, [snapshotId]);
  await worker.query(
    `INSERT INTO ${worker.escapeIdentifier(rows[0].leaf)} (doc_type, doc_num, cpc_code, snapshot_id)
     SELECT 'grant', '9400000', code, $1 FROM unnest($2::text[]) AS code`,
    [snapshotId, codes],
  );
  await worker.query(`SELECT cpc_snapshot_publish('grant', $1)`, [snapshotId]);
  await worker.query('COMMIT');
}

const leaves = () =>
  worker
    .query(
      `SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
       WHERE i.inhparent = 'patent_cpc_codes_grant'::regclass`,
    )
    .then((r) => r.rows.map((row) => row.relname));

describe('CPC snapshot swap (data-model §5.3)', () => {
  it('replaces the month as a whole, driven by the worker role', async () => {
    expect(await leaves()).toEqual(['patent_cpc_codes_grant_s0']);
    await loadSnapshot(202501, ['H04L9/32', 'G06F21/60']);
    expect(await leaves()).toEqual(['patent_cpc_codes_grant_s202501']);
    await loadSnapshot(202502, ['H04W12/06']);
    expect(await leaves()).toEqual(['patent_cpc_codes_grant_s202502']);

    const visible = await app.query(
      `SELECT cpc_code, snapshot_id FROM patent_cpc_codes WHERE doc_num = '9400000'`,
    );
    expect(visible.rows).toEqual([{ cpc_code: 'H04W12/06', snapshot_id: 202502 }]);
    const dropped = await worker.query(`SELECT to_regclass('patent_cpc_codes_grant_s202501') AS leaf`);
    expect(dropped.rows[0].leaf).toBeNull();
  });

  it('refuses to re-prepare a published snapshot, and is not callable by the app', async () => {
    await expect(worker.query(`SELECT cpc_snapshot_prepare('grant', 202502)`)).rejects.toThrow(
      /already published/,
    );
    await expect(app.query(`SELECT cpc_snapshot_prepare('grant', 1)`)).rejects.toThrow(/permission denied/);
  });
});
