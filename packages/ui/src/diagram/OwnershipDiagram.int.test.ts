import { mkdir, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiagramPayload } from '@patentrack/shared';

const ARTIFACTS = fileURLToPath(new URL('../../../../test-artifacts/ui/', import.meta.url));
const HARNESS = fileURLToPath(new URL('./testing/harness.tsx', import.meta.url));

let server: Server;
let baseUrl: string;
let browser: Browser;

beforeAll(async () => {
  const bundle = await build({
    entryPoints: [HARNESS],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  const script = bundle.outputFiles[0]!.contents;
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Ownership diagram harness</title>
<style>body{margin:0;padding:8px;font-family:sans-serif}</style></head>
<body><main><div id="root"></div></main><script type="module" src="/harness.js"></script></body></html>`;
  server = createServer((req, res) => {
    if (req.url?.startsWith('/harness.js')) {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    } else {
      res.writeHead(200, { 'content-type': 'text/html' }).end(page);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  await mkdir(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

async function open(
  query: string,
  context?: BrowserContext,
): Promise<{ page: Page; payload: DiagramPayload; renderMs: number }> {
  const page = await (
    context ?? (await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true }))
  ).newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${baseUrl}/?${query}`);
  await page.waitForFunction(() => 'diagramHarness' in window);
  expect(errors).toEqual([]);
  const { payload, renderMs } = await page.evaluate(() => window.diagramHarness);
  return { page, payload, renderMs };
}

/** A viewport point on the link's visible line that is not covered by another element. */
async function pointOnLink(page: Page, connectionId: number): Promise<{ x: number; y: number }> {
  const point = await page.evaluate((id) => {
    const group = document.querySelector(`[data-testid="diagram-link"][data-connection-id="${id}"]`)!;
    const path = group.querySelector('.ptd-line') as SVGPathElement;
    const matrix = path.getScreenCTM()!;
    const length = path.getTotalLength();
    for (const fraction of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.1, 0.9]) {
      const p = path.getPointAtLength(length * fraction);
      const x = p.x * matrix.a + p.y * matrix.c + matrix.e;
      const y = p.x * matrix.b + p.y * matrix.d + matrix.f;
      if (document.elementFromPoint(x, y)?.closest('[data-testid="diagram-link"]') === group) return { x, y };
    }
    return null;
  }, connectionId);
  expect(point, `link ${connectionId} has an uncovered point`).not.toBeNull();
  return point!;
}

const strokes = (page: Page) =>
  page.$$eval('[data-testid="diagram-link"]', (links) =>
    links.map((l) => ({
      id: Number(l.getAttribute('data-connection-id')),
      category: l.getAttribute('data-category'),
      stroke: l.querySelector('.ptd-line')?.getAttribute('stroke'),
    })),
  );

const zoomTransform = (page: Page) => page.getByTestId('diagram-zoom-layer').getAttribute('transform');

describe('OwnershipDiagram in Chromium — business-rules §5.8 worked example', () => {
  it('renders one node per box and one link per connection in its connection colour', async () => {
    const { page, payload } = await open('fixture=worked');
    await expect(page.getByTestId('diagram-node').count()).resolves.toBe(payload.boxes.length);
    await expect(page.getByTestId('diagram-link').count()).resolves.toBe(payload.connections.length);
    const rendered = await strokes(page);
    for (const c of payload.connections) {
      expect(rendered.find((r) => r.id === c.id)).toEqual({
        id: c.id,
        category: c.category.toLowerCase(),
        stroke: c.color,
      });
    }
    await expect(page.locator('[data-role="inventor"]').count()).resolves.toBe(1);
    await expect(page.getByTestId('diagram-svg').getAttribute('aria-label')).resolves.toBe(
      '3 parties, 3 transactions, complete title',
    );
    await expect(page.getByTestId('diagram-svg').getAttribute('role')).resolves.toBe('img');
    await page.screenshot({ path: `${ARTIFACTS}worked-example.png`, fullPage: true });
    await page.context().close();
  });

  it('shows the category on hover and opens the connection panel with reel/frame on click', async () => {
    const { page } = await open('fixture=worked');
    const security = await pointOnLink(page, 2);
    await page.mouse.move(security.x, security.y);
    await expect(page.getByTestId('diagram-tooltip').textContent()).resolves.toContain('Security');
    await page.mouse.click(security.x, security.y);
    const panel = page.getByTestId('connection-panel');
    await panel.waitFor();
    const text = await panel.textContent();
    expect(text).toContain('000400-0001');
    expect(text).toContain('400/1');
    expect(text).toContain('06/01/2015');
    expect(text).toContain('FIRST BANK');
    await expect(panel.getAttribute('data-layout')).resolves.toBe('side-sheet');
    await expect(page.getByTestId('connection-document-link').getAttribute('href')).resolves.toBe(
      '/documents/assignments/000400-0001',
    );
    expect(new URL(page.url()).searchParams.get('rf')).toBe('000400-0001');
    await page.screenshot({ path: `${ARTIFACTS}connection-panel.png` });
    await page.keyboard.press('Escape');
    await expect(panel.count()).resolves.toBe(0);
    await page.context().close();
  });

  it('zooms with the buttons and the keyboard, and fit restores the first transform', async () => {
    const { page } = await open('fixture=worked');
    const fitted = await zoomTransform(page);
    expect(fitted).toMatch(/scale\(1\)$/);
    await page.getByTestId('diagram-zoom-in').click();
    const zoomed = await zoomTransform(page);
    expect(zoomed).not.toBe(fitted);
    expect(zoomed).toContain('scale(1.25)');
    await page.getByTestId('diagram-svg').focus();
    await page.keyboard.press('-');
    await page.keyboard.press('-');
    expect(Number(/scale\(([\d.]+)\)/.exec((await zoomTransform(page))!)![1])).toBeLessThan(1);
    await page.getByTestId('diagram-zoom-fit').click();
    await expect(zoomTransform(page)).resolves.toBe(fitted);
    await page.context().close();
  });

  it('plays back from the inventors and filters categories, keeping the state in the URL', async () => {
    const { page } = await open('fixture=worked');
    await expect(page.getByTestId('diagram-step-counter').textContent()).resolves.toBe('3 / 3');
    await page.getByTestId('diagram-playback-start').click();
    await expect(page.getByTestId('diagram-step-counter').textContent()).resolves.toBe('0 / 3');
    const visibleRoles = () =>
      page.$$eval('[data-testid="diagram-node"]:not([display="none"])', (nodes) =>
        nodes.map((n) => n.getAttribute('data-role')),
      );
    await expect(visibleRoles()).resolves.toEqual(['inventor']);
    await page.getByTestId('diagram-playback-next').click();
    await page.getByTestId('diagram-playback-next').click();
    await expect(page.getByTestId('diagram-step-counter').textContent()).resolves.toBe('2 / 3');
    expect(new URL(page.url()).searchParams.get('step')).toBe('2');
    await expect(page.locator('[data-testid="diagram-link"]:visible').count()).resolves.toBe(2);
    await page.getByTestId('diagram-playback-end').click();
    await page.getByTestId('diagram-filter-security').uncheck();
    await expect(page.locator('[data-category="security"]').isVisible()).resolves.toBe(false);
    await expect(page.locator('[data-category="release"]').isVisible()).resolves.toBe(true);
    expect(new URL(page.url()).searchParams.get('hide')).toBe('security');
    expect(new URL(page.url()).searchParams.has('step')).toBe(false);
    await page.context().close();
  });

  it('plays the history forward on its own and stops at the end', async () => {
    const { page } = await open('fixture=worked&interval=40');
    await page.getByTestId('diagram-playback-start').click();
    await page.getByTestId('diagram-playback-toggle').click();
    await expect(page.getByTestId('diagram-playback-toggle').getAttribute('aria-pressed')).resolves.toBe(
      'true',
    );
    await page.waitForFunction(
      () => document.querySelector('[data-testid="diagram-step-counter"]')?.textContent === '3 / 3',
    );
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="diagram-playback-toggle"]')?.getAttribute('aria-pressed') ===
        'false',
    );
    await expect(page.locator('[data-testid="diagram-link"]:visible').count()).resolves.toBe(3);
    await page.context().close();
  });

  it('highlights the links of a clicked box and dims the rest until Esc', async () => {
    const { page } = await open('fixture=worked');
    await page.locator('[data-testid="diagram-node"][data-box-id="1"] rect').first().click();
    const dimmed = () =>
      page.$$eval('[data-testid="diagram-link"].ptd-dim', (links) =>
        links.map((l) => l.getAttribute('data-connection-id')),
      );
    await expect(dimmed()).resolves.toEqual(['2', '3']);
    await page.keyboard.press('Escape');
    await expect(dimmed()).resolves.toEqual([]);
    await page.context().close();
  });

  it('walks filter changes with the browser history', async () => {
    const { page } = await open('fixture=worked');
    await page.getByTestId('diagram-filter-security').uncheck();
    await page.getByTestId('diagram-filter-release').uncheck();
    expect(new URL(page.url()).searchParams.get('hide')).toBe('security,release');
    await page.goBack();
    await expect(page.getByTestId('diagram-filter-release').isChecked()).resolves.toBe(true);
    await expect(page.getByTestId('diagram-filter-security').isChecked()).resolves.toBe(false);
    await page.goForward();
    await expect(page.getByTestId('diagram-filter-release').isChecked()).resolves.toBe(false);
    await page.context().close();
  });

  it('restores playback and filters from a pasted URL', async () => {
    const { page } = await open('fixture=worked&step=1&hide=release');
    await expect(page.getByTestId('diagram-step-counter').textContent()).resolves.toBe('1 / 3');
    await expect(page.getByTestId('diagram-filter-release').isChecked()).resolves.toBe(false);
    await expect(page.locator('[data-testid="diagram-link"]:visible').count()).resolves.toBe(1);
    await page.context().close();
  });

  it('exports the current view as SVG and PNG downloads', async () => {
    const { page, payload } = await open('fixture=worked');
    const [svgDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('diagram-export-svg').click(),
    ]);
    expect(svgDownload.suggestedFilename()).toMatch(/^7654321-ownership-\d{4}-\d{2}-\d{2}\.svg$/);
    const svg = await readFile((await svgDownload.path())!, 'utf8');
    expect(svg.match(/data-testid="diagram-node"/g)).toHaveLength(payload.boxes.length);
    expect(svg.match(/data-testid="diagram-link"/g)).toHaveLength(payload.connections.length);
    for (const name of ['SMITH, JOHN', 'BETA CORP', 'FIRST BANK']) expect(svg).toContain(name);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg).not.toMatch(/<g[^>]*data-testid="diagram-zoom-layer"[^>]*transform=/);

    const [pngDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('diagram-export-png').click(),
    ]);
    expect(pngDownload.suggestedFilename()).toMatch(/^7654321-ownership-\d{4}-\d{2}-\d{2}\.png$/);
    const png = await readFile((await pngDownload.path())!);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(2 * Math.ceil(Number(/width="(\d+(?:\.\d+)?)"/.exec(svg)![1])));
    await page.context().close();
  });

  it('walks boxes and links from the keyboard in order of time, showing focus in the drawing', async () => {
    const { page, payload } = await open('fixture=worked');
    // Nothing inside the role="img" picture is focusable (axe nested-interactive); the keyboard list is.
    await expect(
      page.locator('[data-testid="diagram-svg"] [tabindex], [data-testid="diagram-svg"] a').count(),
    ).resolves.toBe(0);
    const items = page.getByTestId('diagram-keyboard-item');
    const order = await items.evaluateAll((buttons) =>
      buttons.map((b) => `${b.getAttribute('data-kind')}:${b.getAttribute('data-id')}`),
    );
    expect(order).toHaveLength(payload.boxes.length + payload.connections.length);
    const stepOf = (entry: string) => {
      const [kind, id] = entry.split(':');
      const list = kind === 'box' ? payload.boxes : payload.connections;
      return list.find((x) => String(x.id) === id)!.assignmentNo;
    };
    const steps = order.map(stepOf);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));

    await page.getByTestId('diagram-svg').focus();
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-id'))).resolves.toBe(
      order[0]!.split(':')[1],
    );
    const link3 = page.locator('[data-testid="diagram-keyboard-item"][data-kind="link"][data-id="3"]');
    await link3.focus();
    await expect(
      page.locator('[data-testid="diagram-link"][data-connection-id="3"]').getAttribute('class'),
    ).resolves.toContain('ptd-focused');
    await expect(page.getByTestId('diagram-tooltip').textContent()).resolves.toContain('000500-0001');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('connection-panel').textContent()).resolves.toContain('000500-0001');
    await page.keyboard.press('Escape');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-id'))).resolves.toBe('3');
    await page.getByTestId('diagram-view-table').click();
    const rows = page.locator('[data-testid="diagram-table"] tbody tr');
    await expect(rows.count()).resolves.toBe(payload.connections.length);
    await expect(rows.nth(1).textContent()).resolves.toContain('BETA CORP → FIRST BANK');
    await page.context().close();
  });

  it('renders the same SVG for the same JSON', async () => {
    const markup = async () => {
      const { page } = await open('fixture=generated');
      const html = await page.getByTestId('diagram-zoom-layer').innerHTML();
      await page.context().close();
      return html;
    };
    expect(await markup()).toBe(await markup());
  });
});

describe('OwnershipDiagram in Chromium — chain break (BT-2)', () => {
  it('draws the dashed red break connector and outlines the holder and the actual assignor', async () => {
    const { page, payload } = await open('fixture=broken&highlight=break');
    await expect(page.getByTestId('diagram-break').isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('diagram-break').getAttribute('data-rf-id')).resolves.toBe('000200-0001');
    const outlined = await page.$$eval('[data-testid="diagram-node"][data-break="true"]', (nodes) =>
      nodes.map((n) => ({
        id: Number(n.getAttribute('data-box-id')),
        stroke: n.querySelector('rect')?.getAttribute('stroke'),
      })),
    );
    const expected = [...payload.brokenLink!.fromBoxIds, ...payload.brokenLink!.toBoxIds].sort();
    expect(outlined.map((o) => o.id).sort()).toEqual(expected);
    expect(outlined.every((o) => o.stroke === '#E60000')).toBe(true);
    await expect(page.getByTestId('diagram-broken-badge').textContent()).resolves.toBe(
      'Broken chain of title',
    );
    await page.screenshot({ path: `${ARTIFACTS}chain-break.png` });
    await page.context().close();
  });

  it('draws no break connector without ?highlight=break', async () => {
    const { page } = await open('fixture=broken');
    await expect(page.getByTestId('diagram-break').count()).resolves.toBe(0);
    await page.context().close();
  });
});

describe('OwnershipDiagram in Chromium — generated 100-transaction asset', () => {
  it('renders every box and connection in its colour and reports the render time', async () => {
    const { page, payload, renderMs } = await open('fixture=generated&transactions=100');
    await expect(page.getByTestId('diagram-node').count()).resolves.toBe(payload.boxes.length);
    await expect(page.getByTestId('diagram-link').count()).resolves.toBe(payload.connections.length);
    const rendered = new Map((await strokes(page)).map((r) => [r.id, r.stroke]));
    for (const c of payload.connections) expect(rendered.get(c.id)).toBe(c.color);
    // A figure for the report, not an assertion: timings vary with the machine.
    process.stdout.write(
      `[ui] OwnershipDiagram first render, 100 transactions (${payload.boxes.length} boxes, ${payload.connections.length} connections): ${renderMs.toFixed(1)} ms\n`,
    );
    await page.screenshot({ path: `${ARTIFACTS}generated-100.png` });
    await page.context().close();
  });
});

describe('OwnershipDiagram in Chromium — phone 390 × 844', () => {
  it('has no horizontal page scroll, opens the panel as a bottom sheet and pans by touch', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
      deviceScaleFactor: 2,
    });
    const { page } = await open('fixture=generated&transactions=100', context);
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    expect(Number(/scale\(([\d.]+)\)/.exec((await zoomTransform(page))!)![1])).toBeLessThan(1);
    const before = await zoomTransform(page);
    const box = (await page.getByTestId('diagram-svg').boundingBox())!;
    await page.evaluate(
      async ({ x, y }) => {
        const svg = document.querySelector('[data-testid="diagram-svg"]')!;
        const touch = (clientY: number) => new Touch({ identifier: 1, target: svg, clientX: x, clientY });
        const fire = (type: string, clientY: number) =>
          svg.dispatchEvent(
            new TouchEvent(type, {
              bubbles: true,
              cancelable: true,
              touches: type === 'touchend' ? [] : [touch(clientY)],
              changedTouches: [touch(clientY)],
            }),
          );
        fire('touchstart', y);
        fire('touchmove', y - 40);
        fire('touchmove', y - 80);
        fire('touchend', y - 80);
      },
      { x: box.x + box.width / 2, y: box.y + box.height / 2 },
    );
    expect(await zoomTransform(page)).not.toBe(before);
    await page.getByTestId('diagram-zoom-fit').count();
    const point = await pointOnLink(page, 1);
    await page.touchscreen.tap(point.x, point.y);
    const panel = page.getByTestId('connection-panel');
    await panel.waitFor();
    await expect(panel.getAttribute('data-layout')).resolves.toBe('bottom-sheet');
    const sheet = (await panel.boundingBox())!;
    expect(sheet.x).toBeGreaterThanOrEqual(0);
    expect(sheet.x + sheet.width).toBeLessThanOrEqual(390.5);
    await page.screenshot({ path: `${ARTIFACTS}phone-390x844.png` });
    const after = await page.evaluate(
      () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
    );
    expect(after).toBe(true);
    await context.close();
  });
});

describe('OwnershipDiagram in Chromium — share mode', () => {
  it('has no export or share controls and, without the connections grant, links only show the tooltip', async () => {
    const { page } = await open('fixture=worked&mode=share&connections=0');
    await expect(page.getByTestId('diagram-export-svg').count()).resolves.toBe(0);
    await expect(page.getByTestId('diagram-export-png').count()).resolves.toBe(0);
    await expect(page.getByTestId('diagram-share').count()).resolves.toBe(0);
    await expect(page.getByTestId('diagram-document-link').count()).resolves.toBe(0);
    const point = await pointOnLink(page, 1);
    await page.mouse.move(point.x, point.y);
    await expect(page.getByTestId('diagram-tooltip').textContent()).resolves.toContain('Ownership');
    await page.mouse.click(point.x, point.y);
    await expect(page.getByTestId('connection-panel').count()).resolves.toBe(0);
    await page.getByTestId('diagram-playback-start').click();
    await expect(page.getByTestId('diagram-step-counter').textContent()).resolves.toBe('0 / 3');
    await expect(page.getByTestId('diagram-footer').textContent()).resolves.toContain('©');
    await page.context().close();
  });

  it('with the connections grant opens the panel without a document link', async () => {
    const { page } = await open('fixture=worked&mode=share');
    const point = await pointOnLink(page, 1);
    await page.mouse.click(point.x, point.y);
    await expect(page.getByTestId('connection-panel').textContent()).resolves.toContain('000100-0001');
    await expect(page.getByTestId('connection-document-link').count()).resolves.toBe(0);
    await page.context().close();
  });

  it('shows the Share button in app mode', async () => {
    const { page } = await open('fixture=worked');
    await page.getByTestId('diagram-share').click();
    await expect(page.locator('body').getAttribute('data-shared')).resolves.toBe('true');
    await page.context().close();
  });
});
