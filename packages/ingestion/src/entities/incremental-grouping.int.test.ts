import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groupNames } from '@patentrack/business-rules';
import { createPool } from '@patentrack/db';
import { createTestDatabase, type TestDatabase } from '@patentrack/db/testing';
import { seededRandom } from '@patentrack/shared';
import { normalizeEntityName } from '../common/entity-names';
import { groupPendingEntities } from './group-entities';

let database: TestDatabase;
let pool: pg.Pool;

// A fresh database per case: each starts from an empty grouping.
beforeEach(async () => {
  database = await createTestDatabase();
  pool = createPool(database.workerUrl, { max: 4 });
});

afterEach(async () => {
  await pool.end();
  await database.drop();
});

const STEMS = [
  'acme',
  'globex',
  'initech',
  'umbrella',
  'hooli',
  'vandelay',
  'stark',
  'wayne',
  'tyrell',
  'cyberdyne',
];
const WORDS = [
  'systems',
  'widgets',
  'holdings',
  'research',
  'labs',
  'industries',
  'technologies',
  'of america',
];
const SUFFIXES = ['', ' inc', ' corp', ' corporation', ' llc', ' co', ' ltd', ', inc.'];

/** Distinct party names dense in near-duplicates: typos, suffix and word changes of a few stems. */
function nameVariants(count: number, next: () => number): string[] {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const names = new Map<string, string>();
  while (names.size < count) {
    let name = `${pick(STEMS)}${next() < 0.5 ? ` ${pick(WORDS)}` : ''}${next() < 0.3 ? ` ${pick(WORDS)}` : ''}`;
    const edits = Math.floor(next() * 4);
    for (let e = 0; e < edits; e++) {
      const at = Math.floor(next() * name.length);
      const letter = String.fromCharCode(97 + Math.floor(next() * 26));
      const kind = next();
      name =
        kind < 0.4
          ? name.slice(0, at) + letter + name.slice(at + 1)
          : kind < 0.7
            ? name.slice(0, at) + letter + name.slice(at)
            : name.slice(0, at) + name.slice(at + 1);
    }
    const raw = `${name}${pick(SUFFIXES)}`.toUpperCase();
    names.set(normalizeEntityName(raw).nameKey, raw);
  }
  return [...names.values()];
}

interface Grouping {
  /** Sorted groups of sorted member keys, with the canonical name. */
  groups: string[];
}

async function storedGrouping(): Promise<Grouping> {
  const { rows } = await pool.query<{ canonical: string; members: string[] }>(
    `SELECT r.representative_name AS canonical, array_agg(e.name_key ORDER BY e.name_key COLLATE "C") AS members
       FROM representatives r JOIN entities e ON e.representative_id = r.id GROUP BY r.id`,
  );
  return { groups: rows.map((row) => `${row.canonical} ⟵ ${row.members.join(' | ')}`).sort() };
}

async function fullRunGrouping(): Promise<Grouping> {
  const { rows } = await pool.query<{ id: string; name: string; instances: number }>(
    `SELECT id, name, instances FROM entities`,
  );
  const keyOf = new Map(rows.map((row) => [row.id, row.name.toLowerCase()]));
  const groups = groupNames(
    rows.map((row) => ({ entityId: row.id, name: row.name, instances: row.instances })),
  );
  return {
    groups: groups
      .map((group) => {
        const members = group.members
          .map((m) => keyOf.get(m.entityId)!)
          .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        return `${group.canonical} ⟵ ${members.join(' | ')}`;
      })
      .sort(),
  };
}

/** Inserts entities with their instances set directly (the recount only counts recorded parties, none here). */
async function insertEntities(names: string[], next: () => number): Promise<void> {
  const normalized = names.map(normalizeEntityName);
  await pool.query(
    `INSERT INTO entities (name, name_key, instances) SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::int[])`,
    [
      normalized.map((n) => n.name),
      normalized.map((n) => n.nameKey),
      normalized.map(() => Math.floor(next() * 5)),
    ],
  );
}

describe('incremental entity grouping equals a full BR-018…020 run', () => {
  it.each([
    [1, 4, {}],
    // A worker thread probes half of every page, over several pages.
    [2, 7, { parallelFrom: 200, pageSize: 300 }],
  ])(
    'seed %i: %i batches of name variants, with instances changing between runs %o',
    async (seed, batches, searchOptions) => {
      const next = seededRandom(seed);
      const names = nameVariants(2_500, next);
      const cuts = Array.from({ length: batches - 1 }, () => Math.floor(next() * names.length)).sort(
        (a, b) => a - b,
      );
      const bounds = [0, ...cuts, names.length];
      for (let b = 0; b < batches; b++) {
        await insertEntities(names.slice(bounds[b], bounds[b + 1]), next);
        // Later loads recount some grouped parties: their BR-020 positions move.
        await pool.query(
          `UPDATE entities SET instances = instances + 1 + (abs(hashtext(id::text || $1)) % 4)
          WHERE grouping_role IS NOT NULL AND abs(hashtext(id::text || $1)) % 10 = 0`,
          [String(b)],
        );
        // Chunks smaller than a batch: a run also proceeds in several rounds.
        await groupPendingEntities(pool, { chunkSize: 400, ...searchOptions });
        expect(await storedGrouping()).toEqual(await fullRunGrouping());
      }
      expect(await groupPendingEntities(pool)).toMatchObject({
        processed: 0,
        reevaluated: 0,
        changedEntityIds: [],
      });
    },
    120_000,
  );
});
