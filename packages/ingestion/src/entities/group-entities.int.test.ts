import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@patentrack/db/testing';
import { normalizeEntityName } from '../common/entity-names';
import { groupPendingEntities, splitEntity } from './group-entities';
import { createPool } from '@patentrack/db';

let database: TestDatabase;
let pool: pg.Pool;
let reel = 900_000;

beforeAll(async () => {
  database = await createTestDatabase();
  pool = createPool(database.workerUrl, { max: 4 });
});

afterAll(async () => {
  await pool.end();
  await database.drop();
});

/** An entity named `raw` that appears as assignor of `instances` recorded parties (what the recount counts). */
async function entity(raw: string, instances: number): Promise<string> {
  const { name, nameKey } = normalizeEntityName(raw);
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO entities (name, name_key) VALUES ($1, $2) RETURNING id`,
    [name, nameKey],
  );
  const id = rows[0]!.id;
  if (instances > 0) {
    reel += 1;
    const rfId = `${reel}-0001`;
    await pool.query(
      `INSERT INTO assignments (rf_id, reel_no, frame_no, status, record_hash) VALUES ($1, $2, 1, 'active', repeat('0', 64))`,
      [rfId, reel],
    );
    await pool.query(
      `INSERT INTO assignors (rf_id, seq, entity_id, or_name) SELECT $1, s, $2, $3 FROM generate_series(1, $4::int) s`,
      [rfId, id, raw, instances],
    );
  }
  return id;
}

const groupsByCanonical = async () => {
  const { rows } = await pool.query<{ canonical: string; total: number; members: string[] }>(
    `SELECT r.representative_name AS canonical, r.total_instances AS total, array_agg(e.name ORDER BY e.name) AS members
       FROM representatives r JOIN entities e ON e.representative_id = r.id
      GROUP BY r.id ORDER BY r.representative_name`,
  );
  return rows;
};

describe('entity resolution batch', () => {
  it('BR-018..020: groups name variants under the expected canonical names', async () => {
    await entity('INTERNATIONAL BUSINESS MACHINES CORPORATION', 50);
    await entity('International Business Machine Corporation', 3);
    await entity('IBM CORPORATION', 20);
    await entity('MICROSFT CORPORATION', 2);
    await entity('Microsoft Corporation', 40);
    await entity('ACME INC', 10);
    await entity('ACNE INC', 1);
    const result = await groupPendingEntities(pool);
    expect(result).toMatchObject({ processed: 7, matched: 0, grouped: 7, representativesCreated: 4 });
    expect(await groupsByCanonical()).toEqual([
      { canonical: 'Acme Inc', total: 11, members: ['Acme Inc', 'Acne Inc'] },
      { canonical: 'Ibm Corp', total: 20, members: ['Ibm Corp'] },
      {
        canonical: 'International Business Machines Corp',
        total: 53,
        members: ['International Business Machine Corp', 'International Business Machines Corp'],
      },
      { canonical: 'Microsoft Corp', total: 42, members: ['Microsft Corp', 'Microsoft Corp'] },
    ]);
  });

  it('new variants join existing representatives (the closest), others seed new groups; a re-run is a no-op', async () => {
    await entity('MICROSOFT CORP.', 5);
    await entity('International Business Machines Corp., Armonk', 1);
    await entity('Globex Corporation', 7);
    await entity('GLOBEX CORP.', 2);
    const before = await groupsByCanonical();
    const result = await groupPendingEntities(pool);
    expect(result).toMatchObject({
      processed: 4,
      matched: 1,
      grouped: 3,
      representativesCreated: 2,
      representativesUpdated: 1,
    });
    const after = await groupsByCanonical();
    expect(after.find((g) => g.canonical === 'Microsoft Corp')).toEqual({
      canonical: 'Microsoft Corp',
      total: 47,
      members: ['Microsft Corp', 'Microsoft Corp', 'Microsoft Corp.'],
    });
    expect(after.find((g) => g.canonical === 'Globex Corp')).toEqual({
      canonical: 'Globex Corp',
      total: 9,
      members: ['Globex Corp', 'Globex Corp.'],
    });
    expect(after).toHaveLength(before.length + 2);
    expect(await groupPendingEntities(pool)).toMatchObject({ processed: 0, changedEntityIds: [] });
    expect(await groupsByCanonical()).toEqual(after);
  });

  it('OQ-9: a manual split survives later runs, and new variants still find the right group', async () => {
    const { rows } = await pool.query<{ id: string }>(`SELECT id FROM entities WHERE name_key = 'acne inc'`);
    await splitEntity(pool, rows[0]!.id);
    await entity('Acme Inc.', 4);
    const result = await groupPendingEntities(pool);
    expect(result).toMatchObject({ processed: 1, matched: 1 });
    const groups = await groupsByCanonical();
    expect(groups.filter((g) => g.canonical.startsWith('Ac'))).toEqual([
      { canonical: 'Acme Inc', total: 14, members: ['Acme Inc', 'Acme Inc.'] },
      { canonical: 'Acne Inc', total: 1, members: ['Acne Inc'] },
    ]);
    expect(await groupPendingEntities(pool)).toMatchObject({ processed: 0 });
    expect(await groupsByCanonical()).toEqual(groups);
  });

  it('reports the organisations tracking a changed entity', async () => {
    const { rows: orgs } = await pool.query<{ id: string }>(
      `INSERT INTO organizations (name, slug) VALUES ('Tracker', 'tracker') RETURNING id`,
    );
    const orgId = orgs[0]!.id;
    await pool.query(
      `INSERT INTO companies (organization_id, name, name_key, representative_id)
       SELECT $1, representative_name, name_key, id FROM representatives WHERE name_key = 'microsoft corp'`,
      [orgId],
    );
    await entity('MICROSOFTT CORP', 1);
    const result = await groupPendingEntities(pool);
    expect(result).toMatchObject({ processed: 1, matched: 1, affectedOrganizationIds: [orgId] });
  });
});
