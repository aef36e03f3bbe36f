import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@patentrack/db/testing';
import { HttpClient } from '../common/http-client';
import { TestFileServer } from '../common/test-file-server';
import { grantDocumentXml, syntheticGrant } from './generator';
import { ingestBibliographicFile } from './ingest';
import { createPool } from '@patentrack/db';

const CLI = join(import.meta.dirname, '../../../../apps/worker/bin/patentrack.mjs');
const GRANTS = 600;

// Public-data content independent of job ids, timestamps and generated uuids.
const CONTENT_SQL = `
  SELECT md5(coalesce(string_agg(concat_ws('|', p.appno_doc_num, p.appno_date, p.application_type, p.grant_doc_num,
           p.grant_date, p.grant_kind, p.title, p.claims_count,
           (SELECT string_agg(e.name_key, ';' ORDER BY k) FROM unnest(p.assignee_entity_ids) WITH ORDINALITY a(id, k)
              JOIN entities e ON e.id = a.id)), E'\\n' ORDER BY p.appno_doc_num), '')) AS patents,
         (SELECT md5(string_agg(concat_ws('|', doc_type, doc_num, sequence, name, given_name, family_name, city, state,
            country), E'\\n' ORDER BY doc_type, doc_num, sequence)) FROM inventors) AS inventors,
         (SELECT count(*)::int FROM entities) AS entities, count(*)::int AS n
    FROM patents p`;

let clean: TestDatabase;
let crashed: TestDatabase;
let workDir: string;
let file: string;

beforeAll(async () => {
  [clean, crashed] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  workDir = await mkdtemp(join(tmpdir(), 'biblio-resilience-'));
  file = join(workDir, 'ipgb20240305.xml');
  const out = createWriteStream(file);
  for (let i = 0; i < GRANTS; i++) out.write(grantDocumentXml(syntheticGrant(i), i));
  out.end();
  await once(out, 'finish');
});

afterAll(async () => {
  await Promise.all([clean.drop(), crashed.drop()]);
  await rm(workDir, { recursive: true, force: true });
});

async function content(url: string) {
  const pool = createPool(url, { max: 1 });
  try {
    return (await pool.query(CONTENT_SQL)).rows[0];
  } finally {
    await pool.end();
  }
}

/** Runs `patentrack ingest grants` in a child process; kills it with SIGKILL once `killAt` patents are stored. */
function runCli(workerUrl: string, killAt?: number) {
  return new Promise<{ signal: NodeJS.Signals | null; stdout: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'ingest', 'grants', file, '--json'], {
      env: { ...process.env, DATABASE_URL_WORKER: workerUrl, INGEST_BATCH_SIZE: '50', LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const probe = killAt === undefined ? undefined : createPool(workerUrl, { max: 1 });
    let timer: NodeJS.Timeout | undefined;
    const poll = async () => {
      const { rows } = await probe!.query<{ n: number }>('SELECT count(*)::int AS n FROM patents');
      if (rows[0]!.n >= killAt!) child.kill('SIGKILL');
      else timer = setTimeout(() => void poll().catch(reject), 10);
    };
    if (probe) timer = setTimeout(() => void poll().catch(reject), 10);
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      void (probe?.end() ?? Promise.resolve()).then(() => resolve({ signal, stdout }));
    });
  });
}

describe('bibliographic ingestion resilience', () => {
  it('a run killed mid-file and re-run leaves exactly the content of one clean run', async () => {
    const reference = await runCli(clean.workerUrl);
    expect(JSON.parse(reference.stdout.trim().split('\n').at(-1)!)).toMatchObject({
      status: 'success',
      inserted: GRANTS,
    });
    const killed = await runCli(crashed.workerUrl, GRANTS / 3);
    expect(killed.signal).toBe('SIGKILL');
    const rerun = JSON.parse((await runCli(crashed.workerUrl)).stdout.trim().split('\n').at(-1)!);
    expect(rerun).toMatchObject({ status: 'success', processed: GRANTS, failed: 0 });
    expect(rerun.inserted + rerun.unchanged).toBe(GRANTS);
    expect(rerun.unchanged).toBeGreaterThanOrEqual(GRANTS / 3);
    expect(await content(crashed.workerUrl)).toEqual(await content(clean.workerUrl));
    const pool = createPool(crashed.workerUrl, { max: 1 });
    try {
      const { rows } = await pool.query<{ status: string }>(
        `SELECT status::text FROM ingestion_jobs ORDER BY created_at`,
      );
      expect(rows.map((row) => row.status)).toEqual(['failed', 'success']);
    } finally {
      await pool.end();
    }
  });

  it('downloads a URL source through the retry matrix (503 twice, then the file)', async () => {
    const server = new TestFileServer();
    await server.start();
    const db = await createTestDatabase();
    const pool = createPool(db.workerUrl, { max: 4 });
    try {
      server.route(
        '/files/ipgb20240312.xml',
        { kind: 'status', status: 503 },
        { kind: 'status', status: 503 },
        { kind: 'ok', body: await readFile(file) },
      );
      const http = new HttpClient({
        maxRetries: 5,
        backoffBaseMs: 1,
        connectTimeoutMs: 5000,
        idleTimeoutMs: 5000,
      });
      const result = await ingestBibliographicFile({
        pool,
        source: server.url('/files/ipgb20240312.xml'),
        feed: 'grants',
        http,
        workDir,
      });
      expect(result).toMatchObject({ status: 'success', inserted: GRANTS });
      expect(server.hits('/files/ipgb20240312.xml')).toHaveLength(3);
      expect(await content(db.workerUrl)).toEqual(await content(clean.workerUrl));
    } finally {
      await pool.end();
      await db.drop();
      await server.stop();
    }
  });
});
