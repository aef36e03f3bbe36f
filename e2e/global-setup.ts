/**
 * Vitest globalSetup of the browser tests: one seeded database, one production build, one web server
 * for the whole run; the tests get its URL and the demo login through `inject`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { hash } from '@node-rs/bcrypt';
import type { Pool } from 'pg';
import { createPool } from '@patentrack/db';
import { createOrganization, runPipelineInline } from '@patentrack/pipeline';
import { LOCAL_DEFAULTS } from '@patentrack/shared';
import { createTestDatabase, type TestDatabase } from '@patentrack/db/testing';
import { TestFileServer } from '@patentrack/ingestion/testing';
import { seedDemo } from '../apps/worker/src/seed/demo';
import { startTestWorker } from '../apps/worker/src/testing/runtime';
import { serveSampleProducts } from '../apps/worker/src/testing/sample-products';
// @ts-expect-error plain ESM helper shared with `npm start`, no type declarations
import { buildWebIfStale, webDir } from '../scripts/lib/web-build.mjs';

export interface Login {
  email: string;
  password: string;
  orgId: string;
}

export interface E2eContext {
  baseUrl: string;
  demo: Login;
  /** An organization monitoring BETA, whose examples of business-rules §4.2 include chain gaps (BT-2, BT-8). */
  chainExamples: Login;
  /** Where the server writes mail (one JSON file per message), e.g. the onboarding invitation. */
  outboxDir: string;
  databaseUrl: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: E2eContext;
  }
}

const WEB_SERVER = path.join(webDir, 'server.mjs');

const log = (message: string) => process.stderr.write(`[e2e] ${message}\n`);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function waitForHealth(baseUrl: string, server: ChildProcess, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the web server exited with code ${server.exitCode}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the web server did not become healthy within ${timeoutMs} ms`);
}

/**
 * An organization monitoring only BETA, the company of the worked title-chain examples (business-rules §4.2)
 * that the demo seed loaded as real daily assignment and weekly grant XML: the examples without the samples.
 */
async function seedChainExamples(pool: Pool): Promise<Login> {
  const { id: orgId } = await createOrganization(pool, { name: 'Beta Holdings', companies: ['BETA'] });
  const login = {
    email: 'beta-admin@patentrack.local',
    password: `${randomBytes(12).toString('base64url')}Bt7`,
    orgId,
  };
  await pool.query(
    `insert into users (organization_id, email, password_hash, first_name, last_name, role, status, email_verified_at)
     values ($1, $2, $3, 'Beta', 'Admin', 'admin', 'active', now())`,
    [orgId, login.email, await hash(login.password, 12)],
  );
  const run = await runPipelineInline(pool, { orgId, jobType: 'full_rebuild', trigger: 'seed' });
  if (run.status !== 'success') throw new Error(`the chain-examples pipeline ended with ${run.status}`);
  return login;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now();
  let database: TestDatabase | undefined;
  let server: ChildProcess | undefined;
  let worker: Awaited<ReturnType<typeof startTestWorker>> | undefined;
  const products = new TestFileServer();
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'pt-e2e-'));
  const teardown = async () => {
    await worker?.stop(5_000);
    await products.stop();
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    await database?.drop();
    rmSync(scratch, { recursive: true, force: true });
  };
  try {
    database = await createTestDatabase();
    log(`database ${database.name}; seeding the demo organization`);
    const pool = createPool(database.workerUrl);
    const { seeded, chainExamples } = await (async () => {
      // The demo password goes to a scratch file, never into the developer's .env.local.
      const demo = await seedDemo(pool, { envFile: path.join(scratch, 'env'), log: () => undefined });
      return { seeded: demo, chainExamples: await seedChainExamples(pool) };
    })().finally(() => pool.end());
    if (!seeded.admin.password) throw new Error('the demo seed did not create the admin login');
    if (seeded.run?.status !== 'success')
      throw new Error(`the demo pipeline ended with ${seeded.run?.status}`);
    log(`seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    buildWebIfStale(log);
    const port = await freePort();
    // localhost (not 127.0.0.1) is a secure context, so the browser keeps the production server's Secure cookies.
    const baseUrl = `http://localhost:${port}`;
    const suffix = randomBytes(4).toString('hex');
    const queuePrefix = `pt-e2e-${suffix}`;
    const outboxDir = path.join(scratch, 'outbox');
    // Node runs the server directly (no npx wrapper), so stopping this one process stops it.
    server = spawn(process.execPath, [WEB_SERVER, '-p', String(port), '-H', 'localhost'], {
      cwd: webDir,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        DATABASE_URL: database.adminUrl,
        DATABASE_URL_APP: database.appUrl,
        APP_URL: baseUrl,
        REDIS_URL: process.env.REDIS_URL ?? LOCAL_DEFAULTS.REDIS_URL,
        JWT_SECRET: randomBytes(32).toString('hex'),
        SHARE_TOKEN_SECRET: randomBytes(32).toString('hex'),
        ENCRYPTION_KEY: randomBytes(32).toString('hex'),
        STORAGE_SIGNING_SECRET: randomBytes(32).toString('hex'),
        STORAGE_DIR: path.join(scratch, 'storage'),
        QUEUE_PREFIX: queuePrefix,
        REDIS_KEY_PREFIX: queuePrefix,
        MAIL_OUTBOX_DIR: outboxDir,
        LOG_LEVEL: 'warn',
        // The tests play the reverse proxy: each client's X-Forwarded-For is the address it appended.
        TRUSTED_PROXY_HOPS: '1',
      },
    });
    await waitForHealth(baseUrl, server);
    // "Run now" of the assignments source polls this stand-in of the ODP API: the daily sample file under a
    // published name (the seed loaded it from disk under its own), so a poll finds one new file.
    const productsUrl = await products.start();
    await serveSampleProducts(
      products,
      { PASDL: [{ name: 'ad20160101.zip', sample: 'uspto-assignments/ad20160101_records001-133.xml' }] },
      scratch,
    );
    // The worker consumes what the server queues (onboarding pipelines, "run now", exports) on the same prefix and
    // writes exports into the server's storage; no cron schedules.
    worker = await startTestWorker(database.workerUrl, undefined, queuePrefix, {
      USPTO_ODP_BASE_URL: productsUrl,
      STORAGE_DIR: path.join(scratch, 'storage'),
    });
    log(`server ready at ${baseUrl} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    project.provide('e2e', {
      baseUrl,
      demo: { email: seeded.admin.email, password: seeded.admin.password, orgId: seeded.orgId },
      chainExamples,
      outboxDir,
      databaseUrl: database.adminUrl,
    });
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
