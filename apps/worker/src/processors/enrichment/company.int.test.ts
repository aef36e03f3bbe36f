import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createPool } from '@patentrack/db';
import { createTestDatabase, type TestDatabase } from '@patentrack/db/testing';
import { createOrganization } from '@patentrack/pipeline';
import { EVENT_CHANNELS, LOCAL_DEFAULTS, orgCacheKeyPrefix } from '@patentrack/shared';
import { main } from '../../cli/main';
import { jobResult, startTestWorker } from '../../testing/runtime';
import { MAX_LOGO_BYTES } from './logo-image';
import { enrichmentCacheKeys } from './company';

/** An answer of the fake providers; a list of them is consumed one per request, the last one repeating. */
interface Answer {
  status?: number;
  type?: string;
  body?: unknown;
  /** Sent in chunks without Content-Length, so only the download's own cap can stop it. */
  chunked?: boolean;
}

/** Both providers and the image host on one local server, answering per `path?name=` / `path?domain=`. */
class FakeProviders {
  readonly requests: URL[] = [];
  private readonly answers = new Map<string, Answer[]>();
  private readonly server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    this.requests.push(url);
    if (url.pathname === '/clearbit/v1/domains/find' && req.headers.authorization !== 'Bearer test-key')
      return void res.writeHead(401).end();
    const queue = this.answers.get(FakeProviders.keyOf(url));
    const answer = (queue && queue.length > 1 ? queue.shift() : queue?.[0]) ?? { status: 404 };
    const body = Buffer.isBuffer(answer.body) ? answer.body : Buffer.from(JSON.stringify(answer.body ?? {}));
    const headers = { 'content-type': answer.type ?? 'application/json' };
    if (!answer.chunked) {
      res.writeHead(answer.status ?? 200, { ...headers, 'content-length': body.length }).end(body);
      return;
    }
    res.writeHead(answer.status ?? 200, headers);
    for (let at = 0; at < body.length; at += 64 * 1024) res.write(body.subarray(at, at + 64 * 1024));
    res.end();
  });
  base = '';

  static keyOf(url: URL): string {
    return `${url.pathname}?${url.searchParams.get('name') ?? url.searchParams.get('domain') ?? ''}`;
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.base;
  }

  domain(name: string, ...answers: Answer[]): void {
    this.answers.set(`/clearbit/v1/domains/find?${name}`, answers);
  }

  /** The logo provider points `domain` at `/img/{domain}`, which answers `image`. */
  logo(domain: string, image: Answer): void {
    this.answers.set(`/ritekit/v1/images/logo?${domain}`, [
      { body: { url: `${this.base}/img/${domain}`, permanentUrl: `${this.base}/img/${domain}` } },
    ]);
    this.answers.set(`/img/${domain}?`, [image]);
  }

  calls(pathname: string, query: string): number {
    return this.requests.filter((url) => FakeProviders.keyOf(url) === `${pathname}?${query}`).length;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const PNG_BYTES = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 7),
]);
const png = (bytes = PNG_BYTES): Answer => ({ type: 'image/png', body: bytes });

let database: TestDatabase;
let pool: Pool;
let redis: Redis;
let providers: FakeProviders;
let storageDir: string;
let worker: Awaited<ReturnType<typeof startTestWorker>>;
/** Per run, so the cross-tenant cache of an earlier run never answers for this one. */
const run = randomUUID().slice(0, 8);
const cacheKeys: string[] = [enrichmentCacheKeys.breaker('clearbit')];

beforeAll(async () => {
  database = await createTestDatabase();
  pool = createPool(database.workerUrl);
  redis = new Redis(LOCAL_DEFAULTS.REDIS_URL);
  storageDir = await mkdtemp(path.join(tmpdir(), 'pt-enrich-'));
  providers = new FakeProviders();
  const base = await providers.start();
  await redis.del(enrichmentCacheKeys.breaker('clearbit'));
  worker = await startTestWorker(database.workerUrl, undefined, undefined, {
    CLEARBIT_BASE_URL: `${base}/clearbit`,
    CLEARBIT_API_KEY: 'test-key',
    RITEKIT_BASE_URL: `${base}/ritekit`,
    RITEKIT_CLIENT_ID: 'test-client',
    STORAGE_DIR: storageDir,
  });
});

afterAll(async () => {
  await worker?.stop(5_000);
  await providers?.stop();
  if (redis) {
    if (cacheKeys.length) await redis.del(...cacheKeys);
    redis.disconnect();
  }
  await pool?.end();
  await database?.drop();
  if (storageDir) await rm(storageDir, { recursive: true, force: true });
});

/** An organization tracking one company, optionally with its domain already known. */
async function company(name: string, domain: string | null = null) {
  const org = await createOrganization(pool, { name: `${name} Org ${randomUUID()}`, companies: [name] });
  const companyId = org.companies[0]!.id;
  if (domain) await pool.query(`update companies set domain = $1 where id = $2`, [domain, companyId]);
  const { rows } = await pool.query<{ name_key: string }>(`select name_key from companies where id = $1`, [
    companyId,
  ]);
  cacheKeys.push(enrichmentCacheKeys.domain(rows[0]!.name_key));
  if (domain) cacheKeys.push(enrichmentCacheKeys.logo(domain));
  return { organizationId: org.id, companyId };
}

async function enrich(ids: { organizationId: string; companyId: string }, queue = worker.queues.enrichment) {
  const job = await queue.add('enrich:company', ids);
  return { job, result: await jobResult(queue, job) };
}

async function row(companyId: string) {
  const { rows } = await pool.query(
    `select domain, logo_object_key, enrichment_status, enriched_at, enrichment_data from companies where id = $1`,
    [companyId],
  );
  return rows[0];
}

describe('enrich:company (ingestion.md §3.7)', () => {
  const name = `Acme Widgets ${run}`;
  const domain = `acme-${run}.example`;

  it('finds the domain by name and the logo by domain, stores the logo privately and updates the company', async () => {
    providers.domain(name, { body: { domain, name: 'Acme Widgets', logo: 'ignored' } });
    providers.logo(domain, png());
    cacheKeys.push(enrichmentCacheKeys.logo(domain));
    const ids = await company(name);
    const bystander = await company(`Bystander ${run}`);
    await redis.set(`${orgCacheKeyPrefix(ids.organizationId)}detail`, 'stale');
    const subscriber = new Redis(LOCAL_DEFAULTS.REDIS_URL);
    const events: unknown[] = [];
    subscriber.on('message', (_channel, message: string) => events.push(JSON.parse(message)));
    await subscriber.subscribe(EVENT_CHANNELS.org(ids.organizationId));

    const key = `logos/${ids.organizationId}/${ids.companyId}.png`;
    const { job, result } = await enrich(ids);
    expect(result).toEqual({ status: 'enriched', domain, logoObjectKey: key });
    await vi.waitFor(() =>
      expect(events).toEqual([
        { type: 'job-complete', data: { jobId: job.id, kind: 'enrichment', status: 'success' } },
      ]),
    );
    subscriber.disconnect();
    expect(await readFile(path.join(storageDir, key))).toEqual(PNG_BYTES);
    expect(await row(ids.companyId)).toMatchObject({
      domain,
      logo_object_key: key,
      enrichment_status: 'enriched',
      enriched_at: expect.any(Date),
      enrichment_data: {
        domain: { provider: 'clearbit', name: 'Acme Widgets' },
        logo: {
          provider: 'ritekit',
          url: `${providers.base}/img/${domain}`,
          mediaType: 'image/png',
          bytes: 72,
        },
      },
    });
    expect(await redis.exists(`${orgCacheKeyPrefix(ids.organizationId)}detail`)).toBe(0);
    // Only the company of the job is touched.
    expect(await row(bystander.companyId)).toMatchObject({ domain: null, enrichment_status: 'pending' });
    expect(await redis.ttl(enrichmentCacheKeys.logo(domain))).toBeGreaterThan(29 * 24 * 3600);
  });

  it('a company of another tenant with the same name key is served from the cross-tenant cache', async () => {
    const domainCalls = providers.calls('/clearbit/v1/domains/find', name);
    const logoCalls = providers.calls('/ritekit/v1/images/logo', domain);
    const ids = await company(name.toUpperCase());

    expect((await enrich(ids)).result).toMatchObject({ status: 'enriched', domain });
    expect(providers.calls('/clearbit/v1/domains/find', name.toUpperCase())).toBe(0);
    expect(providers.calls('/clearbit/v1/domains/find', name)).toBe(domainCalls);
    expect(providers.calls('/ritekit/v1/images/logo', domain)).toBe(logoCalls);
  });

  it('no match (404) is skipped, not failed', async () => {
    const ids = await company(`Nobody Knows ${run}`);
    expect((await enrich(ids)).result).toMatchObject({ status: 'skipped', reason: 'no_match' });
    expect(await row(ids.companyId)).toMatchObject({
      domain: null,
      logo_object_key: null,
      enrichment_status: 'skipped',
      enriched_at: null,
      enrichment_data: { reason: 'no_match' },
    });
  });

  it('a 429 is retried with back-off until the provider answers', async () => {
    const busy = `Busy Provider ${run}`;
    providers.domain(busy, { status: 429 }, { body: { domain: `busy-${run}.example` } });
    providers.logo(`busy-${run}.example`, png());
    cacheKeys.push(enrichmentCacheKeys.logo(`busy-${run}.example`));
    const { job, result } = await enrich(await company(busy));
    expect(result).toMatchObject({ status: 'enriched', domain: `busy-${run}.example` });
    expect(providers.calls('/clearbit/v1/domains/find', busy)).toBe(2);
    // Two attempts of one job: the rate-limited one and the one that succeeded.
    expect((await worker.queues.enrichment.getJob(job.id!))?.attemptsMade).toBe(2);
  });

  it('a provider that keeps failing leaves the company failed once the last attempt is spent', async () => {
    const down = `Provider Down ${run}`;
    providers.domain(down, { status: 503 });
    const ids = await company(down);
    await expect(enrich(ids)).rejects.toThrow('clearbit answered HTTP 503');
    expect(providers.calls('/clearbit/v1/domains/find', down)).toBe(5);
    expect(await row(ids.companyId)).toMatchObject({
      enrichment_status: 'failed',
      enrichment_data: { reason: 'provider_unavailable' },
    });
  });

  it('rejects a logo over 1 MB and bytes or answers that are no image, keeping the known domain', async () => {
    const large = `large-${run}.example`;
    const fake = `fake-${run}.example`;
    const page = `page-${run}.example`;
    providers.logo(large, {
      ...png(Buffer.concat([PNG_BYTES, Buffer.alloc(MAX_LOGO_BYTES)])),
      chunked: true,
    });
    providers.logo(fake, { type: 'image/png', body: Buffer.from('<html><script>alert(1)</script></html>') });
    const tooLarge = await company(`Large Logo ${run}`, large);
    const notImage = await company(`Fake Logo ${run}`, fake);
    // A real PNG declared as a web page is not even downloaded.
    providers.logo(page, { type: 'text/html', body: PNG_BYTES });
    const declaredPage = await company(`Page Logo ${run}`, page);

    expect((await enrich(tooLarge)).result).toEqual({
      status: 'failed',
      reason: 'too_large',
      domain: large,
      logoObjectKey: null,
    });
    expect((await enrich(notImage)).result).toMatchObject({ status: 'failed', reason: 'not_an_image' });
    expect(await row(notImage.companyId)).toMatchObject({
      domain: fake,
      logo_object_key: null,
      enrichment_status: 'failed',
      enrichment_data: { reason: 'not_an_image' },
    });
    expect((await enrich(declaredPage)).result).toMatchObject({ status: 'failed', reason: 'not_an_image' });
    // A company with a domain never asks the name-to-domain provider.
    expect(providers.calls('/clearbit/v1/domains/find', `Large Logo ${run}`)).toBe(0);
  });

  it('a provider without its key is disabled: skipped, and nothing is called', async () => {
    const keyless = await startTestWorker(database.workerUrl, undefined, undefined, {
      STORAGE_DIR: storageDir,
    });
    try {
      const before = providers.requests.length;
      const ids = await company(`No Key ${run}`);
      expect((await enrich(ids, keyless.queues.enrichment)).result).toMatchObject({
        status: 'skipped',
        reason: 'provider_disabled',
      });
      expect(await row(ids.companyId)).toMatchObject({ enrichment_status: 'skipped' });
      expect(providers.requests.length).toBe(before);
    } finally {
      await keyless.stop(5_000);
    }
  });

  it('npx patentrack enrich company queues the job for the running worker', async () => {
    const cli = `cli-${run}.example`;
    providers.logo(cli, png());
    const ids = await company(`Cli Company ${run}`, cli);
    vi.stubEnv('DATABASE_URL_WORKER', database.workerUrl);
    vi.stubEnv('QUEUE_PREFIX', worker.prefix);
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const argv = (org: string, company: string) => [
        'node',
        'patentrack',
        'enrich',
        'company',
        '--org',
        org,
        '--company',
        company,
        '--json',
      ];
      expect(await main(argv(ids.organizationId, ids.companyId))).toBe(0);
      const queued = JSON.parse(String(stdout.mock.calls[0]![0])) as { queue: string; jobId: string };
      expect(queued).toMatchObject({ queue: 'enrichment', name: 'enrich:company' });
      const job = (await worker.queues.enrichment.getJob(queued.jobId))!;
      expect(await jobResult(worker.queues.enrichment, job)).toMatchObject({
        status: 'enriched',
        domain: cli,
      });

      // Another org's company, or no UUID at all: refused before anything is queued.
      expect(await main(argv(randomUUID(), ids.companyId))).toBe(1);
      expect(await main(argv('x', ids.companyId))).toBe(1);
      expect(stderr.mock.calls.map(([text]) => String(text))).toEqual([
        expect.stringMatching(/Company not found/),
        expect.stringMatching(/--org and --company must be UUIDs/),
      ]);
      expect(stdout).toHaveBeenCalledTimes(1);
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
      vi.unstubAllEnvs();
    }
  });

  // Last: the open breaker holds the name-to-domain provider for an hour (the key is removed after the run).
  it('401 opens the provider breaker: the next company is skipped without calling it', async () => {
    const refused = `Refused Key ${run}`;
    providers.domain(refused, { status: 401 });
    expect((await enrich(await company(refused))).result).toMatchObject({
      status: 'skipped',
      reason: 'circuit_open',
    });
    const ttl = await redis.ttl(enrichmentCacheKeys.breaker('clearbit'));
    expect(ttl).toBeGreaterThan(3500);
    expect(ttl).toBeLessThanOrEqual(3600);

    const before = providers.requests.length;
    const next = await company(`After Breaker ${run}`);
    expect((await enrich(next)).result).toMatchObject({ status: 'skipped', reason: 'circuit_open' });
    expect(providers.requests.length).toBe(before);
  });
});
