// Issue #9: login → asset → ownership diagram, the break highlight, sharing and the public share viewer.
import { readFileSync } from 'node:fs';
import pg from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, saveScreenshot } from './browser';
import {
  apiGet,
  csrfHeader,
  e2e,
  hasHorizontalScroll,
  newPage,
  seriousAxeViolations,
  signIn,
} from './helpers';

/** business-rules §0.3 / product B5: the colour of each link category (`data-category`). */
const SPEC_COLOURS: Record<string, string> = {
  ownership: '#e60000',
  namechange: '#2493f2',
  security: '#ffaa00',
  release: '#70a800',
  license: '#e6e600',
  licenseend: '#e6e600',
  correct: '#e60000',
};

interface DiagramPayload {
  general: { patentNumber?: string | null };
  boxes: { id: string | number }[];
  connections: { id: string | number; rfId: string; category: string; color: string }[];
  brokenLink: { rfId: string; fromBoxIds: string[]; toBoxIds: string[] } | null;
}
interface AssetRow {
  id: string;
  grantNumber: string | null;
}
interface Page_<T> {
  data: T[];
  total: number;
}

let browser: Browser;
let owner: { context: BrowserContext; page: Page };
let assets: { id: string; diagram: DiagramPayload }[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  owner = await newPage(browser);
  await signIn(owner.page);
  const list = await apiGet<Page_<AssetRow>>(owner.context, '/assets?limit=100');
  for (const asset of list.data) {
    const response = await owner.context.request.get(`/api/v1/assets/${asset.id}/diagram`);
    if (!response.ok()) continue;
    const body = (await response.json()) as DiagramPayload | { data: DiagramPayload };
    assets.push({ id: asset.id, diagram: 'boxes' in body ? body : body.data });
  }
  // Richest diagrams first: the most distinct categories, then the most connections.
  assets = assets
    .filter((asset) => asset.diagram.connections.length > 0)
    .sort(
      (a, b) =>
        new Set(b.diagram.connections.map((c) => c.category)).size -
          new Set(a.diagram.connections.map((c) => c.category)).size ||
        b.diagram.connections.length - a.diagram.connections.length,
    );
});

afterAll(async () => {
  await browser?.close();
});

/** The asset table is virtualized: scroll it until the row is rendered. */
async function revealAssetRow(page: Page, assetId: string) {
  const row = page.locator(`[data-testid="asset-row"][data-asset-id="${assetId}"]`);
  const table = page.getByTestId('asset-table');
  await table.evaluate((element) => element.scrollTo(0, 0));
  for (let step = 0; step < 200 && (await row.count()) === 0; step++) {
    await table.evaluate((element) => element.scrollBy(0, 200));
    await page.evaluate(() => new Promise(requestAnimationFrame));
  }
  await row.scrollIntoViewIfNeeded();
  return row;
}

async function openDiagram(page: Page, path: string): Promise<number> {
  const started = Date.now();
  await page.goto(path);
  await page.getByTestId('diagram-svg').waitFor();
  await page.getByTestId('diagram-node').first().waitFor();
  return Date.now() - started;
}

describe('asset ownership diagram', () => {
  it('the demo data has diagrams with connections', () => {
    expect(assets.length).toBeGreaterThanOrEqual(3);
  });

  it('draws one node per box and one link per connection, each in its category colour', async () => {
    const { page } = owner;
    const asset = assets[0]!;
    const renderMs = await openDiagram(page, `/assets/${asset.id}/diagram`);
    await expect.poll(() => page.getByTestId('diagram-node').count()).toBe(asset.diagram.boxes.length);
    expect(await page.getByTestId('diagram-link').count()).toBe(asset.diagram.connections.length);

    const links = await page.getByTestId('diagram-link').evaluateAll((elements) =>
      elements.map((element) => ({
        id: element.getAttribute('data-connection-id'),
        category: element.getAttribute('data-category'),
        stroke: element.querySelector('.ptd-line')?.getAttribute('stroke')?.toLowerCase() ?? null,
      })),
    );
    expect(new Set(links.map((link) => link.id))).toEqual(
      new Set(asset.diagram.connections.map((c) => String(c.id))),
    );
    for (const link of links) {
      expect(SPEC_COLOURS[link.category!], `category ${link.category}`).toBeDefined();
      expect(link.stroke, `link ${link.id} (${link.category})`).toBe(SPEC_COLOURS[link.category!]);
    }

    const lcp = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          new PerformanceObserver((list) => {
            const entries = list.getEntries();
            resolve(entries[entries.length - 1]!.startTime);
          }).observe({ type: 'largest-contentful-paint', buffered: true });
          setTimeout(() => resolve(-1), 3000);
        }),
    );
    process.stdout.write(
      `[e2e] asset diagram: ${asset.diagram.boxes.length} boxes, ${asset.diagram.connections.length} links; navigation to rendered diagram ${renderMs} ms; LCP ${lcp.toFixed(0)} ms\n`,
    );
    await saveScreenshot(page, 'asset-diagram');
  });

  it('clicking a link opens the transaction panel with its reel/frame', async () => {
    const { page } = owner;
    const link = page.getByTestId('diagram-link').first();
    const rfId = await link.getAttribute('data-rf-id');
    await link.dispatchEvent('click');
    const panel = page.getByTestId('connection-panel');
    await panel.waitFor();
    expect(await panel.textContent()).toContain(rfId!);
    await page.keyboard.press('Escape');
  });

  it('zoom changes the transform and fit restores it', async () => {
    const { page } = owner;
    const layer = page.getByTestId('diagram-zoom-layer');
    const before = await layer.getAttribute('transform');
    await page.getByTestId('diagram-zoom-in').click();
    await expect.poll(() => layer.getAttribute('transform')).not.toBe(before);
    await page.getByTestId('diagram-zoom-fit').click();
    await expect.poll(() => layer.getAttribute('transform')).toBe(before);
  });

  it('SVG export downloads a file with the same nodes', async () => {
    const { page } = owner;
    const asset = assets[0]!;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('diagram-export-svg').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/-ownership-\d{4}-\d{2}-\d{2}\.svg$/);
    const svg = readFileSync((await download.path())!, 'utf8');
    const exported = new Set([...svg.matchAll(/data-box-id="([^"]+)"/g)].map((match) => match[1]));
    expect(exported).toEqual(new Set(asset.diagram.boxes.map((box) => String(box.id))));
  });

  it('axe finds no serious violations on the asset diagram page', async () => {
    expect(await seriousAxeViolations(owner.page)).toEqual([]);
  });

  it('"View chain" of a chain gap opens the diagram with the break highlighted', async () => {
    // The worked examples (BT-2, BT-8) hold the chain gaps; the demo samples have none.
    const { context, page } = await newPage(browser);
    try {
      await signIn(page, e2e().chainExamples);
      const broken = await apiGet<Page_<{ assetId: string; reason: string | null }>>(
        context,
        '/dashboards/broken-titles?limit=100',
      );
      const gap = broken.data.find((row) => row.reason === 'chain_gap');
      expect(gap, 'a broken title with a chain gap').toBeDefined();
      const body = await apiGet<DiagramPayload | { data: DiagramPayload }>(
        context,
        `/assets/${gap!.assetId}/diagram`,
      );
      const brokenLink = ('boxes' in body ? body : body.data).brokenLink;
      expect(brokenLink).not.toBeNull();

      await page.goto('/broken-titles');
      const row = page
        .getByTestId('broken-row')
        .filter({ has: page.locator(`a[href="/assets/${gap!.assetId}"]`) });
      await row.getByRole('link', { name: 'View chain' }).click();
      await page.waitForURL(`**/assets/${gap!.assetId}/diagram?highlight=break`);
      await page.getByTestId('diagram-broken-badge').waitFor();
      await page.getByTestId('diagram-break').first().waitFor();
      const outlined = await page
        .locator('[data-testid="diagram-node"][data-break="true"]')
        .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-box-id')));
      expect(new Set(outlined)).toEqual(
        new Set([...brokenLink!.fromBoxIds, ...brokenLink!.toBoxIds].map(String)),
      );
      await saveScreenshot(page, 'asset-diagram-break');
    } finally {
      await context.close();
    }
  });

  it('an unknown asset id shows the not-found page', async () => {
    const { page } = owner;
    await page.goto('/assets/00000000-0000-4000-8000-000000000000');
    const error = page.getByTestId('error-page');
    await error.waitFor();
    expect(await error.getAttribute('data-status')).toBe('404');
  });
});

describe('share links and the public share viewer', () => {
  let shareUrl = '';

  it('creates a link for two selected assets from the asset list', async () => {
    const { page } = owner;
    const [first, second] = assets;
    await page.goto('/assets?limit=100');
    await page.getByTestId('asset-row').first().waitFor();
    for (const asset of [first!, second!])
      await (await revealAssetRow(page, asset.id)).getByRole('checkbox').check();
    expect(await page.getByTestId('selection-count').textContent()).toBe('2 selected');
    await page.getByTestId('share-selected').click();
    await page.getByTestId('share-create').click();
    shareUrl = await page.getByTestId('share-url').inputValue();
    expect(shareUrl).toMatch(/\/shared\/[a-z][a-z0-9]{23,31}$/);
    await saveScreenshot(page, 'share-dialog');
  });

  it('a fresh browser sees both diagrams, nothing else, and cannot change anything', async () => {
    const [first, second, third] = assets;
    const { context, page } = await newPage(browser);
    try {
      expect((await page.goto(shareUrl))!.status()).toBe(200);
      await page.getByTestId('shared-asset').first().waitFor();
      const shared = await page
        .getByTestId('shared-asset')
        .evaluateAll((items) => items.map((item) => item.getAttribute('data-asset-id')));
      expect(new Set(shared)).toEqual(new Set([first!.id, second!.id]));
      await saveScreenshot(page, 'share-viewer');
      expect(await seriousAxeViolations(page)).toEqual([]);

      const code = new URL(shareUrl).pathname.split('/').pop()!;
      for (const asset of [first!, second!]) {
        await openDiagram(page, `/shared/${code}/assets/${asset.id}/diagram`);
        expect(await page.getByTestId('diagram-node').count()).toBe(asset.diagram.boxes.length);
        expect(await page.getByTestId('diagram-share').count()).toBe(0);
      }
      await saveScreenshot(page, 'share-viewer-diagram');

      await page.goto(`/shared/${code}/assets/${third!.id}/diagram`);
      const notFound = page.getByTestId('error-page');
      await notFound.waitFor();
      expect(await notFound.getAttribute('data-status')).toBe('404');

      // The share cookie reads; it never writes: every mutation is refused.
      const headers = await csrfHeader(context);
      const attempts = [
        context.request.post('/api/v1/shares', { headers, data: { name: 'x', assetIds: [third!.id] } }),
        context.request.patch('/api/v1/me', { headers, data: { name: 'Intruder' } }),
        context.request.post(`/api/v1/shared/${code}/assets`, { headers, data: {} }),
        context.request.delete(`/api/v1/shared/${code}`, { headers }),
      ];
      for (const response of await Promise.all(attempts)) {
        expect(response.status(), response.url()).toBeGreaterThanOrEqual(400);
        expect(response.status(), response.url()).toBeLessThan(500);
      }
    } finally {
      await context.close();
    }
  });

  it('axe finds no serious violations on the shared diagram page', async () => {
    const code = new URL(shareUrl).pathname.split('/').pop()!;
    const { context, page } = await newPage(browser);
    try {
      await openDiagram(page, `/shared/${code}/assets/${assets[0]!.id}/diagram`);
      expect(await seriousAxeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('at 390×844 the shared diagram has no horizontal page scroll and pans', async () => {
    const code = new URL(shareUrl).pathname.split('/').pop()!;
    const { context, page } = await newPage(browser, {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    });
    try {
      await openDiagram(page, `/shared/${code}/assets/${assets[0]!.id}/diagram`);
      expect(await hasHorizontalScroll(page)).toBe(false);
      const layer = page.getByTestId('diagram-zoom-layer');
      const before = await layer.getAttribute('transform');
      const box = (await page.getByTestId('diagram-svg').boundingBox())!;
      const x = box.x + box.width / 2;
      const y = box.y + Math.min(box.height / 2, 200);
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.move(x - 60, y - 40, { steps: 8 });
      await page.mouse.up();
      await expect.poll(() => layer.getAttribute('transform')).not.toBe(before);
      expect(await hasHorizontalScroll(page)).toBe(false);
      await saveScreenshot(page, 'share-viewer-mobile');
    } finally {
      await context.close();
    }
  });

  /** Opens `url` in a fresh browser: the document's HTTP status and the error page shown, if any. */
  async function visitAsStranger(url: string, screenshot?: string) {
    const { context, page } = await newPage(browser);
    try {
      const status = (await page.goto(url))!.status();
      const error = page.getByTestId('error-page');
      await page.locator('[data-testid="error-page"], [data-testid="shared-asset"]').first().waitFor();
      if ((await error.count()) === 0) return { status, error: null };
      if (screenshot) await saveScreenshot(page, screenshot);
      return {
        status,
        error: {
          status: await error.getAttribute('data-status'),
          reason: await error.getAttribute('data-reason'),
          heading: await error.getByRole('heading', { level: 1 }).textContent(),
          text: await error.textContent(),
          axe: await seriousAxeViolations(page),
        },
      };
    } finally {
      await context.close();
    }
  }

  async function createShare(body: Record<string, unknown>): Promise<{ id: string; path: string }> {
    const response = await owner.context.request.post('/api/v1/shares', {
      headers: await csrfHeader(owner.context),
      data: { name: 'e2e link', assetIds: [assets[0]!.id, assets[1]!.id], ...body },
    });
    expect(response.status()).toBe(201);
    const { id, url } = ((await response.json()) as { data: { id: string; url: string } }).data;
    return { id, path: new URL(url).pathname };
  }

  it('a revoked link answers 410 with the revoked page', async () => {
    const code = new URL(shareUrl).pathname.split('/').pop()!;
    const shares = await apiGet<{ data: { id: string; code: string }[] }>(owner.context, '/shares');
    const share = shares.data.find((item) => item.code === code);
    expect(share).toBeDefined();
    const revoked = await owner.context.request.delete(`/api/v1/shares/${share!.id}`, {
      headers: await csrfHeader(owner.context),
    });
    expect(revoked.status()).toBe(200);

    for (const url of [shareUrl, `${shareUrl}/assets/${assets[0]!.id}/diagram`]) {
      const visit = await visitAsStranger(url, 'share-viewer-revoked');
      expect(visit.status, url).toBe(410);
      expect(visit.error).toMatchObject({
        status: '410',
        reason: 'revoked',
        heading: 'This link was withdrawn',
        axe: [],
      });
      expect(visit.error!.text).toContain('This link was withdrawn by its owner.');
    }
  });

  it('an expired link answers 410 with the expiry date', async () => {
    const link = await createShare({ expiresIn: '1h' });
    const client = new pg.Client({ connectionString: e2e().databaseUrl });
    await client.connect();
    try {
      await client.query(`update share_links set expires_at = '2025-01-08T00:00:00Z' where id = $1`, [
        link.id,
      ]);
    } finally {
      await client.end();
    }
    const visit = await visitAsStranger(link.path, 'share-viewer-expired');
    expect(visit.status).toBe(410);
    expect(visit.error).toMatchObject({
      status: '410',
      reason: 'expired',
      heading: 'This link has expired',
      axe: [],
    });
    expect(visit.error!.text).toContain('This link expired on Jan 8, 2025 — ask the sender for a new one.');
  });

  it('a used-up link answers 410 after its last use, and checking it spends no use', async () => {
    const link = await createShare({ maxUses: 1 });
    // The page's own check must not count: the one allowed use is the viewer's entry call.
    expect(await visitAsStranger(link.path)).toEqual({ status: 200, error: null });
    const visit = await visitAsStranger(link.path, 'share-viewer-used-up');
    expect(visit.status).toBe(410);
    expect(visit.error).toMatchObject({
      status: '410',
      reason: 'max_uses',
      heading: 'This link has been used up',
      axe: [],
    });
    expect(visit.error!.text).toContain('opened the maximum number of times');
  });

  it('an unknown or malformed code answers 404 with the invalid-link page', async () => {
    for (const path of [
      '/shared/zzzzzzzzzzzzzzzzzzzzzzzzzz',
      '/shared/Not-A-Code',
      '/shared/zzzzzzzzzzzzzzzzzzzzzzzzzz/assets',
    ]) {
      const visit = await visitAsStranger(path, 'share-viewer-unknown');
      expect(visit.status, path).toBe(404);
      expect(visit.error, path).toMatchObject({
        status: '404',
        reason: 'not_found',
        heading: 'This link is not valid',
        axe: [],
      });
    }
  });
});
