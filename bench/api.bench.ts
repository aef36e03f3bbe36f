/**
 * API load benchmark (not a test): a generated database with background assignments and one tenant after its
 * pipeline run, the route handlers served in-process over node:http, and autocannon (in its own process,
 * bench/api-load.ts) against the hot endpoints. Between endpoints the server drains the requests still in flight,
 * so one endpoint's backlog never lands in the next one's figures.
 *   npm run bench:api                      # 1,000,000 background assignments, 10,000 assets, 50 connections × 30 s
 *   npm run bench:api -- --quick           # 50,000 / 1,000 / 10 s
 *   flags: --assets=N --background=N --duration=S --connections=N
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import Module, { createRequire } from 'node:module';
import { hash } from '@node-rs/bcrypt';
import { createOrganization, runPipelineInline } from '@patentrack/pipeline';
import { insertRecordedTransactions, syntheticPortfolio } from '@patentrack/pipeline/testing';
import { createPool } from '@patentrack/db';

const argument = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const quick = process.argv.includes('--quick');
const assets = Number(argument('assets') ?? (quick ? 1_000 : 10_000));
const background = Number(argument('background') ?? (quick ? 50_000 : 1_000_000));
const duration = Number(argument('duration') ?? (quick ? 10 : 30));
const connections = Number(argument('connections') ?? 50);
const log = (message: string) => process.stdout.write(`${message}\n`);

// The web modules guard against client bundles with `server-only`; this process is a server, so satisfy the guard.
const require = createRequire(import.meta.url);
const serverOnly = require.resolve('server-only', {
  paths: [new URL('../apps/web/', import.meta.url).pathname],
});
require.cache[serverOnly] = Object.assign(new Module(serverOnly), { loaded: true, exports: {} });

const { setupWebTestEnvironment, ApiTestClient, signIn, TEST_PASSWORD } =
  await import('../apps/web/src/server/http/testing');
const { ROLE_RATE_LIMITS } = await import('../apps/web/src/server/http/api-route');
const env = await setupWebTestEnvironment('bench');
const pool = createPool(env.database.adminUrl, { max: 8 });
pool.on('error', () => undefined);
let server: ReturnType<typeof createServer> | undefined;
try {
  let started = performance.now();
  const perPortfolio = 4;
  for (let done = 0, reel = 100_000; done < background; reel += 200) {
    const count = Math.min(20_000, background - done);
    const portfolio = syntheticPortfolio({
      company: `BACKGROUND CORP ${reel}`,
      assets: Math.ceil(count / perPortfolio),
      transactionsPerAsset: perPortfolio,
      firstReel: reel,
      firstAppno: 20_000_000 + done,
    });
    await insertRecordedTransactions(pool, portfolio.slice(0, count));
    done += count;
  }
  const tenant = syntheticPortfolio({
    company: 'BENCH HOLDINGS INC',
    assets,
    transactionsPerAsset: 4,
    firstReel: 700_000,
    firstAppno: 15_000_000,
  });
  for (let i = 0; i < tenant.length; i += 5_000)
    await insertRecordedTransactions(pool, tenant.slice(i, i + 5_000));
  await pool.query('analyze');
  log(
    `data: ${background + tenant.length} assignments in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  started = performance.now();
  const org = await createOrganization(pool, { name: 'Bench Holdings', companies: ['BENCH HOLDINGS INC'] });
  await runPipelineInline(pool, { orgId: org.id, jobType: 'full_rebuild', trigger: 'bench' });
  log(`pipeline for ${assets} assets in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const email = `bench-${randomUUID().slice(0, 8)}@example.test`;
  await pool.query(
    `insert into users (organization_id, email, password_hash, role, status, email_verified_at) values ($1, $2, $3, 'admin', 'active', now())`,
    [org.id, email, await hash(TEST_PASSWORD, 4)],
  );
  // The per-role request limit would answer 429 to a load test; raise it for this process only.
  ROLE_RATE_LIMITS.admin.limit = Number.MAX_SAFE_INTEGER;
  const client = new ApiTestClient(env.routes);
  await signIn(client, email);
  const cookie = client.cookieHeader('/api/v1/assets');

  let inFlight = 0;
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    const [urlPath] = url.split('?') as [string];
    let match;
    try {
      match = client.route(req.method as 'GET', urlPath);
    } catch {
      res.writeHead(404).end();
      return;
    }
    const request = new Request(`http://localhost${url}`, {
      method: req.method,
      headers: req.headers as Record<string, string>,
    });
    inFlight += 1;
    match.entry
      .handler(request, { params: Promise.resolve(match.params) })
      .then(async (response) => {
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(Buffer.from(await response.arrayBuffer()));
      })
      .catch((error: unknown) => {
        log(`handler failed: ${String(error)}`);
        res.writeHead(500).end();
      })
      .finally(() => {
        inFlight -= 1;
      });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;

  const { rows } = await pool.query(`select id from assets where organization_id = $1 order by id limit 1`, [
    org.id,
  ]);
  const assetId = rows[0].id as string;
  const deepPage = await (async () => {
    let cursor: string | null = null;
    for (let page = 0; page < Math.floor(assets / 100) - 1; page++) {
      const result = await client.get(`/api/v1/assets?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
      cursor = result.json.cursor.next;
    }
    return cursor;
  })();
  const targets: [string, string][] = [
    ['dashboard summary', '/api/v1/dashboards/summary'],
    ['asset list, first page', '/api/v1/assets'],
    ['asset list, deep page', `/api/v1/assets?limit=100&cursor=${deepPage}`],
    ['asset detail', `/api/v1/assets/${assetId}`],
    ['asset diagram', `/api/v1/assets/${assetId}/diagram`],
    ['party search', '/api/v1/assets/search?q=bench%20holdings&fields=assignee&limit=25'],
  ];
  log(
    `\n${connections} connections × ${duration} s per endpoint (handlers in-process behind node:http, no Next.js server; load from a separate process)`,
  );
  log('endpoint                    requests   p50 ms   p95 ms   p99 ms   errors   non-2xx');
  for (const [name, path] of targets) {
    const probe = await fetch(`http://127.0.0.1:${port}${path}`, { headers: { cookie } });
    await probe.arrayBuffer();
    if (probe.status !== 200) throw new Error(`${name}: ${path} answered ${probe.status}`);
    const driver = fork(
      new URL('./api-load.ts', import.meta.url).pathname,
      [JSON.stringify({ url: `http://127.0.0.1:${port}${path}`, cookie, connections, duration })],
      {
        execArgv: ['--import', 'tsx'],
      },
    );
    const [figures] = (await once(driver, 'message')) as [
      { requests: number; p50: number; p95: number; p99: number; errors: number; non2xx: number },
    ];
    while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 50));
    const cell = (value: number, width = 8) => String(Math.round(value)).padStart(width);
    log(
      `${name.padEnd(27)} ${cell(figures.requests)} ${cell(figures.p50)} ${cell(figures.p95)} ${cell(figures.p99)} ${cell(figures.errors, 8)} ${cell(figures.non2xx, 9)}`,
    );
  }
} finally {
  server?.close();
  await pool.end();
  await env.teardown();
}
