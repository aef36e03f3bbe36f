import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@patentrack/db/testing';

const BIN = path.resolve(import.meta.dirname, '../../../bin/patentrack.mjs');
const SAMPLES = path.resolve(import.meta.dirname, '../../../../../data/samples/uspto-cpc');

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.drop();
});

function patentrack(...args: string[]) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL_WORKER: database.workerUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npx patentrack ingest cpc | cpc-scheme', () => {
  it('loads a master file and a scheme file, one JSON summary line each', async () => {
    const master = await patentrack(
      'ingest',
      'cpc',
      path.join(SAMPLES, 'US_Grant_CPC_MCF_XML_sample_US9400000.xml'),
      '--json',
    );
    expect(master.code, master.stderr).toBe(0);
    expect(JSON.parse(master.stdout)).toMatchObject({
      status: 'success',
      processed: 1,
      inserted: 1,
      failed: 0,
    });

    const scheme = await patentrack('ingest', 'cpc-scheme', path.join(SAMPLES, 'cpc-scheme-A01L.xml'));
    expect(scheme.code, scheme.stderr).toBe(0);
    expect(scheme.stdout).toMatch(
      /cpc-scheme-A01L\.xml: success \(job [0-9a-f-]+\) processed 19: inserted 19/,
    );
  });

  it('exits 1 when a file fails, and names the doc type it needs', async () => {
    const result = await patentrack('ingest', 'cpc', path.join(SAMPLES, 'cpc-scheme-A01L.xml'), '--json');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/doc type/);
  });
});
