import { randomUUID } from 'node:crypto';
import { hash } from '@node-rs/bcrypt';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createOrganization, runPipelineInline } from '@patentrack/pipeline';
import { insertRecordedTransactions, syntheticPortfolio } from '@patentrack/pipeline/testing';
import {
  ApiTestClient,
  seedTenant,
  setupWebTestEnvironment,
  signIn,
  TEST_PASSWORD,
  type SeededTenant,
  type WebTestEnvironment,
} from '../http/testing';
import { fillPath, pathParamNames, type RouteEntry } from '../http/route-table';
import { grantFor } from '../auth/permissions';
import { closePipelineQueue } from '../jobs/pipeline-queue';
import { closeQueueReaders } from '../metrics/queues';
import { buildOpenApiDocument, documentedRoutes } from './openapi';
import { createPool } from '@patentrack/db';

vi.mock('server-only', () => ({}));

const COMPANY = 'CONTRACT HOLDINGS INC';
const ASSETS = 24;

let env: WebTestEnvironment;
let pool: pg.Pool;
let orgId: string;
let admin: ApiTestClient;
let other: SeededTenant;
let routes: RouteEntry[];
const params: Record<string, string> = {};

const label = (r: { method: string; path: string }) => `${r.method} ${r.path}`;

/** The per-user limits would turn a long test run into 429s; the limits themselves are the auth layer's tests. */
async function resetRateLimits() {
  const keys = await env.redis.keys(`${env.redisPrefix}:auth:rl:*`);
  if (keys.length) await env.redis.del(...keys);
}

beforeAll(async () => {
  env = await setupWebTestEnvironment('api-contract');
  pool = createPool(env.database.adminUrl, { max: 4 });
  // Dropping the test database at teardown terminates idle sessions; that is expected, not a failure.
  pool.on('error', () => undefined);
  await insertRecordedTransactions(
    pool,
    syntheticPortfolio({
      company: COMPANY,
      assets: ASSETS,
      transactionsPerAsset: 4,
      firstReel: 700_000,
      firstAppno: 15_000_000,
    }),
  );
  const org = await createOrganization(pool, { name: 'Contract Holdings', companies: [COMPANY] });
  orgId = org.id;
  await runPipelineInline(pool, { orgId, jobType: 'full_rebuild', trigger: 'test' });
  const passwordHash = await hash(TEST_PASSWORD, 4);
  const email = `admin-${randomUUID().slice(0, 8)}@example.test`;
  await pool.query(
    `insert into users (organization_id, email, password_hash, role, status, email_verified_at, first_name) values ($1, $2, $3, 'admin', 'active', now(), 'Ada')`,
    [orgId, email, passwordHash],
  );
  other = await seedTenant(env.admin, 'other', passwordHash);
  admin = new ApiTestClient(env.routes);
  await signIn(admin, email);
  routes = env.routes.filter((r) => r.path.startsWith('/api/v1/'));
  const one = async (query: string) => (await pool.query(query, [orgId])).rows[0] as Record<string, string>;
  Object.assign(params, {
    orgId,
    assetId: (await one(`select id from assets where organization_id = $1 order by id limit 1`)).id,
    treeId: (await one(`select id from ownership_tree_nodes where organization_id = $1 order by id limit 1`))
      .id,
    companyId: (await one(`select id from companies where organization_id = $1 limit 1`)).id,
    userId: other.member.id,
  });
  await resetRateLimits();
  params.entityId = (await admin.get(`/api/v1/organizations/${orgId}/entities?limit=1`)).json.data[0].id;
  // A transaction of the probed asset with a recorded document, delivered through a local publisher URL.
  const { rows } = await pool.query(
    `select d.rf_id from assets a join document_ids d on d.appno_doc_num = a.appno_doc_num where a.id = $1 order by d.rf_id limit 1`,
    [params.assetId],
  );
  params.rfId = rows[0].rf_id;
  await pool.query(`update assignments set page_count = 2 where rf_id = $1`, [params.rfId]);
  process.env.ASSIGNMENT_DOCUMENT_URL_TEMPLATE = 'http://127.0.0.1:9/documents/{reel}-{frame}.pdf';
});

/** The route's example query, pointed at this test's own transaction where it names one. */
const queryOf = (route: RouteEntry) => {
  const example = route.spec!.example?.query;
  if (!example) return '';
  return `?${new URLSearchParams('rfId' in example ? { ...example, rfId: params.rfId! } : example)}`;
};

afterAll(async () => {
  await closePipelineQueue();
  await closeQueueReaders();
  await pool.end();
  await env.teardown();
});

describe('OpenAPI document', () => {
  it('the static route manifest lists exactly the routes found on the file system', () => {
    const documented = documentedRoutes().map(label).sort();
    expect(documented).toEqual(routes.map(label).sort());
  });

  it('has an operation for every route of the route table, with its summary', () => {
    const document = buildOpenApiDocument();
    expect(document.openapi).toBe('3.1.0');
    for (const route of routes) {
      const operation =
        document.paths?.[route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')]?.[
          route.method.toLowerCase() as 'get'
        ];
      expect(operation, `${label(route)} is undocumented`).toBeDefined();
      expect(operation!.summary).toBe(route.spec!.summary);
    }
  });
});

/** Routes an org admin may call with this test's own objects, answering JSON. */
const ownReadRoutes = () =>
  routes.filter(
    (r) =>
      r.method === 'GET' &&
      r.spec?.auth === 'user' &&
      grantFor('admin', r.spec.permission!) !== null &&
      (r.spec.response?.contentType ?? 'application/json') === 'application/json' &&
      pathParamNames(r.path).every((name) => name in params),
  );

describe('contract', () => {
  it('every readable route answers 200 with a body that validates against its documented schema', async () => {
    const checked: string[] = [];
    for (const route of ownReadRoutes()) {
      await resetRateLimits();
      const result = await admin.get(`${fillPath(route.path, params)}${queryOf(route)}`);
      expect(result.status, `${label(route)} ${JSON.stringify(result.json)}`).toBe(200);
      const schema = route.spec!.response?.schema;
      // The sign-in, own-account and share routes document a generic JSON object; every catalogue route has its schema.
      if (!schema && /^\/api\/v1\/(auth|me|shares|shared)(\/|$)/.test(route.path)) continue;
      expect(schema, `${label(route)} documents no response schema`).toBeDefined();
      const parsed = (schema as z.ZodType).safeParse(result.json);
      expect(parsed.success, `${label(route)}: ${parsed.success ? '' : z.prettifyError(parsed.error)}`).toBe(
        true,
      );
      checked.push(label(route));
    }
    expect(checked).toEqual(
      expect.arrayContaining([
        'GET /api/v1/assets',
        'GET /api/v1/dashboards/summary',
        'GET /api/v1/assets/:assetId/diagram',
      ]),
    );
  });

  it('another tenant asking for these objects gets 404', async () => {
    const prober = new ApiTestClient(env.routes);
    await signIn(prober, other.admin.email);
    for (const route of ownReadRoutes().filter((r) => pathParamNames(r.path).some((n) => n !== 'userId'))) {
      await resetRateLimits();
      const result = await prober.get(`${fillPath(route.path, params)}${queryOf(route)}`);
      expect(result.status, label(route)).toBe(404);
      expect(Object.keys(result.json)).toEqual(['error']);
    }
  });
});

describe('values computed by the pipeline', () => {
  it('dashboard summary equals summary_metrics and the title verdicts', async () => {
    await resetRateLimits();
    const summary = (await admin.get('/api/v1/dashboards/summary')).json.data;
    const { rows: metrics } = await pool.query(
      `select * from summary_metrics where organization_id = $1 and company_id is null`,
      [orgId],
    );
    const { rows: verdicts } = await pool.query(
      `select count(distinct asset_id) filter (where status = 'broken')::int as broken, count(distinct asset_id) filter (where status = 'complete')::int as complete
         from asset_title_status where organization_id = $1`,
      [orgId],
    );
    expect(summary.totalAssets).toBe(metrics[0].asset_count);
    expect(summary.totalAssets).toBeGreaterThan(0);
    expect(summary.brokenChains).toBe(metrics[0].broken_chain_count);
    expect(summary.completeChains).toBe(metrics[0].complete_chain_count);
    expect(summary.brokenChains + summary.completeChains).toBe(verdicts[0].broken + verdicts[0].complete);
    expect(summary.totalTransactions).toBe(metrics[0].transaction_count);
    const brokenList = (await admin.get('/api/v1/dashboards/broken-titles')).json;
    // One row per broken asset, whatever the number of companies it is broken for: the list total is Home's.
    expect(brokenList.total).toBe(summary.brokenChains);
    expect(brokenList.total).toBe(
      (
        await pool.query(
          `select count(distinct asset_id)::int as n from asset_title_status where organization_id = $1 and status = 'broken'`,
          [orgId],
        )
      ).rows[0].n,
    );
  });

  it('asset list total and filters follow assets and asset_title_status; detail and diagram are the stored rows', async () => {
    await resetRateLimits();
    const list = (await admin.get('/api/v1/assets?limit=100')).json;
    expect(list.total).toBe(ASSETS);
    const encumbered = (
      await pool.query(
        `select count(distinct asset_id)::int as n from asset_title_status where organization_id = $1 and encumbered`,
        [orgId],
      )
    ).rows[0].n;
    expect((await admin.get('/api/v1/assets?status=encumbered')).json.total).toBe(encumbered);
    const diagram = (await admin.get(`/api/v1/assets/${params.assetId}/diagram`)).json;
    const stored = (
      await pool.query(`select diagram from asset_diagrams where organization_id = $1 and asset_id = $2`, [
        orgId,
        params.assetId,
      ])
    ).rows[0].diagram;
    expect(diagram.boxes).toEqual(stored.boxes);
    const detail = (await admin.get(`/api/v1/assets/${params.assetId}`)).json.data;
    expect(detail.counts.transactions).toBe(4);
  });

  it('search finds an asset by its number in common notations, by title-less party name and by conveyance text', async () => {
    await resetRateLimits();
    const { rows } = await pool.query(`select id, grant_doc_num, appno_doc_num from assets where id = $1`, [
      params.assetId,
    ]);
    const grant: string = rows[0].grant_doc_num;
    const formatted = `US ${Number(grant).toLocaleString('en-US')} B2`;
    const byNumber = (await admin.get(`/api/v1/assets/search?q=${encodeURIComponent(formatted)}`)).json;
    expect(byNumber.data[0]).toMatchObject({ id: params.assetId, matchField: 'number' });
    const appno: string = rows[0].appno_doc_num;
    const slashed = `${appno.slice(0, 2)}/${appno.slice(2, 5)},${appno.slice(5)}`;
    expect(
      (await admin.get(`/api/v1/assets/search?q=${encodeURIComponent(slashed)}&fields=number`)).json.data[0]
        .id,
    ).toBe(params.assetId);
    const byParty = (
      await admin.get(`/api/v1/assets/search?q=${encodeURIComponent('Contract Holdings')}&fields=assignee`)
    ).json;
    expect(byParty.total).toBe(ASSETS);
    const byText = (await admin.get(`/api/v1/assets/search?q=SECURITY&fields=conveyance`)).json;
    expect(byText.total).toBeGreaterThan(0);
    expect(byText.data.every((hit: { matchField: string }) => hit.matchField === 'conveyance')).toBe(true);
  });
});

describe('cursor pagination', () => {
  it('walking every page returns each asset exactly once while new assets are inserted between pages', async () => {
    await resetRateLimits();
    const before = new Set<string>(
      (await pool.query(`select id from assets where organization_id = $1`, [orgId])).rows.map((r) => r.id),
    );
    for (const sort of ['lastActivity', 'title', 'grantDate']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let inserted = 0;
      do {
        const url: string = `/api/v1/assets?limit=5&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`;
        const page = (await admin.get(url)).json;
        seen.push(...page.data.map((a: { id: string }) => a.id));
        cursor = page.cursor.next;
        expect(page.cursor.hasMore).toBe(cursor !== null);
        // A concurrent writer: new assets land on both sides of the cursor.
        inserted += 1;
        await pool.query(`insert into assets (organization_id, appno_doc_num) values ($1, $2)`, [
          orgId,
          String(80_000_000 + Math.floor(Math.random() * 9_999_999)),
        ]);
      } while (cursor);
      expect(new Set(seen).size, `${sort}: a row repeated`).toBe(seen.length);
      for (const id of before) expect(seen, `${sort}: ${id} missing`).toContain(id);
      expect(inserted).toBeGreaterThan(1);
    }
    await pool.query(
      `delete from assets where organization_id = $1 and appno_doc_num >= '80000000' and patent_id is null and grant_doc_num is null`,
      [orgId],
    );
  });

  it('a tampered cursor is a 400 with the envelope', async () => {
    await resetRateLimits();
    const result = await admin.get('/api/v1/assets?cursor=eyJub3QiOiJhIGN1cnNvciJ9');
    expect(result.status).toBe(400);
    expect(result.json.error.code).toBe('VALIDATION_ERROR');
  });
});

const hostile = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    "' OR 1=1 --",
    '"; drop table assets; --',
    '%',
    '_',
    '\\',
    '\u0000',
    '9'.repeat(400),
    'x'.repeat(5000),
    '-1',
    '1e309',
    'NaN',
    '2024-02-30',
    '../../etc',
    '{}',
    '[]',
    'null',
  ),
  fc.integer().map(String),
);
const hostileJson = fc.oneof(
  hostile,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostile, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), hostile, { maxKeys: 3 }),
);

describe('fuzz', () => {
  it('hostile query strings, path parameters and bodies on every route answer 4xx (or 2xx) with the envelope, never 5xx', async () => {
    const fuzzed = routes.filter(
      (r) =>
        r.spec?.auth === 'user' &&
        grantFor('admin', r.spec.permission!) !== null &&
        r.spec.response?.contentType !== 'text/event-stream',
    );
    for (const route of fuzzed) {
      const shape = (route.spec!.query as { shape?: Record<string, unknown> } | undefined)?.shape ?? {};
      const bodyShape = (route.spec!.body as { shape?: Record<string, unknown> } | undefined)?.shape ?? {};
      const names = pathParamNames(route.path);
      await fc.assert(
        fc.asyncProperty(
          fc.dictionary(fc.constantFrom(...Object.keys(shape), 'unexpected'), hostile, { maxKeys: 4 }),
          fc.array(hostile, { minLength: names.length, maxLength: names.length }),
          fc.oneof(
            fc.dictionary(fc.constantFrom(...Object.keys(bodyShape), 'extra'), hostileJson, { maxKeys: 4 }),
            hostileJson,
          ),
          async (query, pathValues, body) => {
            await resetRateLimits();
            const filled = Object.fromEntries(
              names.map((n, i) => [n, n === 'orgId' ? orgId : pathValues[i]! || 'x']),
            );
            const url = `${fillPath(route.path, filled)}?${new URLSearchParams(query)}`;
            let result;
            try {
              result = await admin.request(route.method, url, {
                body: route.method === 'GET' ? undefined : body,
              });
            } catch (error) {
              // The test client itself refuses a path that no route matches (e.g. a value with a slash): not a server answer.
              if (String(error).includes('No route for')) return;
              throw error;
            }
            expect(result.status, `${label(route)} ${url} ${JSON.stringify(body)}`).toBeLessThan(500);
            if (result.status >= 400) expect(Object.keys(result.json)).toEqual(['error']);
          },
        ),
        { numRuns: 12 },
      );
    }
  });
});
