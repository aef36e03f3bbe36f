/**
 * Assignment ingestion benchmark (`npm run bench:ingest [-- --sizes 50,200,500] [--batch-size 500]`).
 * For each size it generates a daily file of about that many MB, then measures in separate child processes
 * (so each peak RSS is that of one run): parse-only throughput (stream + SAX + mapping) and end-to-end
 * throughput into a fresh migrated database as the worker role. Prints figures; asserts nothing.
 */
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPool } from '@patentrack/db';
import { createTestDatabase } from '@patentrack/db/testing';
import {
  AssignmentCorpus,
  AssignmentXmlParser,
  AssignmentXmlWriter,
  ingestAssignmentFile,
  mapAssignment,
} from '@patentrack/ingestion';

interface RunFigures {
  ms: number;
  records: number;
  peakRssMb: number;
  status?: string;
}

const MB = 1024 * 1024;

function argValue(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function generate(path: string, targetBytes: number): Promise<number> {
  const corpus = new AssignmentCorpus({ seed: 20240101 });
  const writer = new AssignmentXmlWriter(createWriteStream(path), '2024-01-02');
  await writer.start();
  while (writer.bytesWritten < targetBytes) {
    for (const record of corpus.records(1000, '2024-01-01')) await writer.writeAssignment(record);
  }
  await writer.end();
  return writer.recordsWritten;
}

async function parseOnly(path: string): Promise<RunFigures> {
  const started = performance.now();
  const parser = new AssignmentXmlParser();
  const decoder = new TextDecoder('utf-8');
  let records = 0;
  const drain = () => {
    for (const raw of parser.records.splice(0)) if (mapAssignment(raw).ok) records += 1;
  };
  for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
    parser.write(decoder.decode(chunk as Buffer, { stream: true }));
    drain();
  }
  parser.close();
  drain();
  return { ms: performance.now() - started, records, peakRssMb: process.resourceUsage().maxRSS / 1024 };
}

async function endToEnd(path: string, workerUrl: string, batchSize: number): Promise<RunFigures> {
  const pool = createPool(workerUrl, { max: 4 });
  const started = performance.now();
  const result = await ingestAssignmentFile({ pool, source: path, batchSize });
  const ms = performance.now() - started;
  await pool.end();
  const records = result.status === 'skipped' ? 0 : result.processed;
  return { ms, records, peakRssMb: process.resourceUsage().maxRSS / 1024, status: result.status };
}

/** Runs one measurement in a fresh process so peak RSS belongs to that run alone. */
function child(args: string[]): Promise<RunFigures> {
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
        ? resolve(JSON.parse(out.trim().split('\n').at(-1)!) as RunFigures)
        : reject(new Error(`child exited ${code}`)),
    );
  });
}

async function main(): Promise<void> {
  const sizes = (argValue('--sizes') ?? '50,200,500').split(',').map(Number);
  const batchSize = Number(argValue('--batch-size') ?? 500);
  const dir = await mkdtemp(join(tmpdir(), 'pt-bench-ingest-'));
  const rows: string[] = [];
  const rssBySize = new Map<number, number>();
  try {
    for (const sizeMb of sizes) {
      const path = join(dir, `ad${sizeMb}.xml`);
      const generated = await generate(path, sizeMb * MB);
      const bytes = (await stat(path)).size;
      const parse = await child(['parse', path]);
      const db = await createTestDatabase();
      let e2e: RunFigures;
      try {
        e2e = await child(['ingest', path, db.workerUrl, String(batchSize)]);
      } finally {
        await db.drop();
      }
      await rm(path, { force: true });
      const mbps = (figures: RunFigures) => bytes / MB / (figures.ms / 1000);
      rssBySize.set(sizeMb, e2e.peakRssMb);
      rows.push(
        [
          `${(bytes / MB).toFixed(0)} MB`,
          `${generated} records`,
          `parse-only ${mbps(parse).toFixed(1)} MB/s (peak RSS ${parse.peakRssMb.toFixed(0)} MB)`,
          `end-to-end ${mbps(e2e).toFixed(1)} MB/s, ${Math.round(e2e.records / (e2e.ms / 1000))} records/s, ` +
            `${(e2e.ms / 1000).toFixed(1)} s, ${e2e.status}`,
          `ratio ${((mbps(e2e) / mbps(parse)) * 100).toFixed(0)} %`,
          `peak RSS ${e2e.peakRssMb.toFixed(0)} MB`,
        ].join(' | '),
      );
      process.stdout.write(`${rows.at(-1)}\n`);
    }
    const smallest = rssBySize.get(Math.min(...sizes));
    const largest = rssBySize.get(Math.max(...sizes));
    if (sizes.length > 1 && smallest && largest) {
      process.stdout.write(`peak RSS largest/smallest file: ${(largest / smallest).toFixed(2)}\n`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') {
  const [mode, path, workerUrl, batchSize] = process.argv.slice(3);
  const figures =
    mode === 'parse' ? await parseOnly(path!) : await endToEnd(path!, workerUrl!, Number(batchSize));
  process.stdout.write(`${JSON.stringify(figures)}\n`);
} else {
  await main();
}
