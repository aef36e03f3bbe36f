/**
 * Bibliographic ingestion and entity-resolution benchmark
 * (`npm run bench:biblio [-- --grants 4000,16000] [--existing 1000000] [--new 100000]`).
 * 1. For each grant count, generates a weekly file of full front pages (≈ 4,000 grants a week) and measures,
 *    each in its own child process so every peak RSS belongs to one run: parse-only (split + SAX + mapping)
 *    and end-to-end into a fresh migrated database as the worker role.
 * 2. Seeds `--existing` representatives (one entity each), adds `--new` pending entities (half of them
 *    variants of existing names: typos, suffix and punctuation changes), and times the grouping batch.
 * Prints figures; asserts nothing.
 */
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createPool } from '@patentrack/db';
import { createTestDatabase, maintainAsSuperuser, type TestDatabase } from '@patentrack/db/testing';
import {
  ConcatenatedXmlStream,
  docTypeOfRoot,
  grantDocumentXml,
  groupPendingEntities,
  ingestBibliographicFile,
  mapDocument,
  normalizeEntityName,
  syntheticGrant,
} from '@patentrack/ingestion';

interface Figures {
  ms: number;
  count: number;
  peakRssMb: number;
  detail?: unknown;
}

const MB = 1024 * 1024;
const argValue = (name: string) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
};
const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

async function writeWeeklyFile(path: string, grants: number): Promise<void> {
  const out = createWriteStream(path);
  for (let i = 0; i < grants; i++) {
    if (!out.write(grantDocumentXml(syntheticGrant(i), i))) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

async function parseOnly(path: string): Promise<Figures> {
  const started = performance.now();
  let count = 0;
  const stream = new ConcatenatedXmlStream((document) => {
    if (docTypeOfRoot(document.root) && mapDocument(document).record) count += 1;
  });
  for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 }))
    stream.write(chunk as Buffer);
  stream.end();
  return { ms: performance.now() - started, count, peakRssMb: peakRssMb() };
}

async function endToEnd(path: string, workerUrl: string): Promise<Figures> {
  const pool = createPool(workerUrl, { max: 4 });
  const started = performance.now();
  const result = await ingestBibliographicFile({ pool, source: path, feed: 'grants', batchSize: 500 });
  const ms = performance.now() - started;
  await pool.end();
  return {
    ms,
    count: result.status === 'skipped' ? 0 : result.inserted,
    peakRssMb: peakRssMb(),
    detail: result.status,
  };
}

async function grouping(workerUrl: string): Promise<Figures> {
  const pool = createPool(workerUrl, { max: 2 });
  const started = performance.now();
  let phase = '';
  const result = await groupPendingEntities(pool, {
    onProgress: (event) => {
      if (event.phase === phase) return;
      phase = event.phase;
      process.stderr.write(`  ${((performance.now() - started) / 1000).toFixed(1)} s: ${phase}\n`);
    },
  });
  const ms = performance.now() - started;
  await pool.end();
  const { processed, matched, grouped, representativesCreated, representativesUpdated } = result;
  return {
    ms,
    count: processed,
    peakRssMb: peakRssMb(),
    detail: { matched, grouped, representativesCreated, representativesUpdated },
  };
}

/** Runs one measurement in a fresh process so its peak RSS is that run's alone. */
function child(args: string[]): Promise<Figures> {
  return new Promise((resolve, reject) => {
    const proc = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', ...args],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
        env: { ...process.env, LOG_LEVEL: 'silent' },
      },
    );
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    proc.on('error', reject);
    proc.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split('\n').at(-1)!) as Figures)
        : reject(new Error(`child exited ${code}`)),
    );
  });
}

// Company names from a syllable vocabulary: ~1 M distinct names with the shared words and legal suffixes of
// real party names, so candidate blocking meets realistic collisions.
const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ter',
  'on',
  'vex',
  'ra',
  'sol',
  'ne',
  'tra',
  'gen',
  'di',
  'cor',
  'ba',
  'lu',
  'sen',
  'pha',
  'zo',
  'quin',
  'el',
];
const SECOND = [
  'Systems',
  'Technologies',
  'Holdings',
  'Medical',
  'Networks',
  'Energy',
  'Devices',
  'Labs',
  'Pharma',
  'Industries',
];
const SUFFIX = ['Inc', 'Corp', 'LLC', 'Ltd', 'GmbH', 'Co', 'AG', 'Kabushiki Kaisha'];
const word = (n: number) => {
  // murmur3's finaliser spreads neighbouring numbers over unrelated syllables.
  let h = Math.imul(n ^ (n >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h = (h ^ (h >>> 16)) >>> 0;
  let text = '';
  for (let k = 0; k < 3 + (h % 2); k++) {
    text += SYLLABLES[h % SYLLABLES.length];
    h = Math.floor(h / SYLLABLES.length);
  }
  return text.charAt(0).toUpperCase() + text.slice(1);
};
const companyName = (i: number) =>
  `${word(i)} ${word(i + 5_000_011)} ${SECOND[(i * 13) % SECOND.length]} ${SUFFIX[(i * 31) % SUFFIX.length]}`;
const variantOf = (name: string, i: number) => {
  switch (i % 4) {
    case 0:
      return `${name}.`;
    case 1:
      return name.replace(/(\w)(\w)(\w*)$/, (_m, a: string, b: string, rest: string) => `${b}${a}${rest}`);
    case 2:
      return name.replace(/ (\w+)$/, ', $1');
    default:
      return `${name.slice(0, 3)}${name.slice(4)}`;
  }
};

async function seedEntities(db: TestDatabase, existing: number, fresh: number): Promise<void> {
  const pool = createPool(db.workerUrl, { max: 2 });
  const chunk = 50_000;
  const seen = new Set<string>();
  const unique = (names: string[]) =>
    names.map(normalizeEntityName).filter(({ nameKey }) => !seen.has(nameKey) && (seen.add(nameKey), true));
  try {
    for (let from = 0; from < existing; from += chunk) {
      const names = unique(
        Array.from({ length: Math.min(chunk, existing - from) }, (_, k) => companyName(from + k)),
      );
      await pool.query(
        `WITH r AS (INSERT INTO representatives (representative_name, name_key, total_instances)
                    SELECT n, k, 1 FROM unnest($1::varchar[], $2::varchar[]) AS u(n, k) RETURNING id, representative_name, name_key)
         INSERT INTO entities (name, name_key, representative_id, instances, grouping_role, grouped_instances)
         SELECT representative_name, name_key, id, 1, 'seed', 1 FROM r`,
        [names.map((n) => n.name), names.map((n) => n.nameKey)],
      );
    }
    const newcomers: string[] = [];
    for (let i = 0; i < fresh; i++) {
      // Half are variants of existing names; the rest are new names, some of them variants of each other.
      newcomers.push(
        i % 2 === 0
          ? variantOf(companyName((i * 7919) % existing), i)
          : i % 6 === 1
            ? variantOf(companyName(existing + i - 2), i)
            : companyName(existing + i),
      );
    }
    for (let from = 0; from < newcomers.length; from += chunk) {
      const names = unique(newcomers.slice(from, from + chunk));
      await pool.query(
        `INSERT INTO entities (name, name_key) SELECT * FROM unnest($1::varchar[], $2::varchar[])`,
        [names.map((n) => n.name), names.map((n) => n.nameKey)],
      );
    }
  } finally {
    await pool.end();
  }
  // As autovacuum leaves a live database (the worker role may not VACUUM or ANALYZE).
  await maintainAsSuperuser(db, 'VACUUM ANALYZE representatives', 'VACUUM ANALYZE entities');
}

async function main(): Promise<void> {
  const grantCounts = (argValue('--grants') ?? '4000,16000')
    .split(',')
    .map(Number)
    .filter((n) => n > 0);
  const existing = Number(argValue('--existing') ?? 1_000_000);
  const fresh = Number(argValue('--new') ?? 100_000);
  const dir = await mkdtemp(join(tmpdir(), 'pt-bench-biblio-'));
  try {
    for (const grants of grantCounts) {
      const path = join(dir, `ipgb${grants}.xml`);
      await writeWeeklyFile(path, grants);
      const bytes = (await stat(path)).size;
      const parse = await child(['parse', path]);
      const db = await createTestDatabase();
      let e2e: Figures;
      try {
        e2e = await child(['ingest', path, db.workerUrl]);
      } finally {
        await db.drop();
      }
      const rate = (f: Figures) => Math.round(f.count / (f.ms / 1000));
      process.stdout.write(
        `${grants} grants (${(bytes / MB).toFixed(1)} MB) | parse-only ${rate(parse)} documents/s, ` +
          `${(bytes / MB / (parse.ms / 1000)).toFixed(1)} MB/s, peak RSS ${parse.peakRssMb.toFixed(0)} MB | ` +
          `end-to-end ${rate(e2e)} documents/s (${(e2e.ms / 1000).toFixed(1)} s, ${String(e2e.detail)}), ` +
          `peak RSS ${e2e.peakRssMb.toFixed(0)} MB\n`,
      );
    }
    const db = await createTestDatabase();
    try {
      const seeding = performance.now();
      await seedEntities(db, existing, fresh);
      process.stdout.write(
        `seeded ${existing} representatives + ${fresh} pending entities in ${((performance.now() - seeding) / 1000).toFixed(0)} s\n`,
      );
      const run = await child(['group', db.workerUrl]);
      process.stdout.write(
        `entity grouping: ${run.count} new names against ${existing} representatives in ${(run.ms / 1000).toFixed(1)} s ` +
          `(peak RSS ${run.peakRssMb.toFixed(0)} MB) ${JSON.stringify(run.detail)}\n`,
      );
    } finally {
      await db.drop();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') {
  const [mode, a, b] = process.argv.slice(3);
  const figures =
    mode === 'parse' ? await parseOnly(a!) : mode === 'ingest' ? await endToEnd(a!, b!) : await grouping(a!);
  process.stdout.write(`${JSON.stringify(figures)}\n`);
} else {
  await main();
}
