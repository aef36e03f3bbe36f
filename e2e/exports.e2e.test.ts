// Server exports (#55, #56) from the pages: beyond 5,000 rows "Export CSV" runs a job, shows its progress and, on
// `job-complete`, a download link whose file holds every row of the list; the PDF dashboard report.
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS, toCsv, type CsvColumn } from '@patentrack/shared';
import { launchBrowser, saveScreenshot } from './browser';
import { apiGet, newPage, seriousAxeViolations, signIn } from './helpers';

let browser: Browser;
let session: { context: BrowserContext; page: Page };

/** Every row of a list endpoint, page by page. */
async function listRows(context: BrowserContext, path: string): Promise<unknown[]> {
  const rows: unknown[] = [];
  let cursor: string | null = null;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const page: { data: unknown[]; cursor: { next: string | null; hasMore: boolean } } = await apiGet(
      context,
      `${path}${separator}limit=100${cursor ? `&cursor=${cursor}` : ''}`,
    );
    rows.push(...page.data);
    cursor = page.cursor.hasMore ? page.cursor.next : null;
  } while (cursor);
  return rows;
}

/** Makes the page believe its list has more rows than a direct download takes (the demo has far fewer). */
async function pretendLarge(page: Page, listPath: string) {
  await page.route(
    (url) => url.pathname === `/api/v1${listPath}`,
    async (route) => {
      // Without the ETag the server answers 200 with a body to change, never 304.
      const { 'if-none-match': _etag, ...headers } = route.request().headers();
      const response = await route.fetch({ headers });
      await route.fulfill({ response, json: { ...(await response.json()), total: 6_000 } });
    },
  );
}

/** Records every text the export status line shows, however briefly (a small export finishes fast). */
async function recordStatusTexts(page: Page) {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { exportTexts: string[] }).exportTexts = seen;
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="export-status"]')?.textContent;
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

beforeAll(async () => {
  browser = await launchBrowser();
  session = await newPage(browser);
  await signIn(session.page);
});

afterAll(async () => {
  await browser?.close();
});

describe('server CSV exports beyond 5,000 rows', () => {
  it.each([
    ['assets', '/assets', '/assets?status=broken&sort=title', '/assets?status=broken&sort=title'],
    ['broken_titles', '/dashboards/broken-titles', '/broken-titles', '/dashboards/broken-titles'],
  ] as const)(
    '%s: progress, then a link to a file with every row of the list',
    async (type, listPath, url, api) => {
      const { page, context } = session;
      await pretendLarge(page, listPath);
      try {
        await page.goto(url);
        await page.getByTestId('export-csv').waitFor();
        await page.waitForFunction(() => document.querySelector('[data-total="6000"]') !== null);
        await recordStatusTexts(page);
        const [request] = await Promise.all([
          page.waitForRequest((r) => r.url().endsWith('/api/v1/exports') && r.method() === 'POST'),
          page.getByTestId('export-csv').click(),
        ]);
        expect(request.postDataJSON()).toMatchObject({ type, format: 'csv' });
        const link = page.getByTestId('export-download');
        // On a timeout, say what the page showed instead of the link (status line, error).
        await link.waitFor({ timeout: 30_000 }).catch(async (error: unknown) => {
          const shown = await page.locator('main').innerText();
          throw new Error(`no download link: ${String(error)}\npage: ${shown.slice(0, 1500)}`);
        });
        const texts = await page.evaluate(() => (window as unknown as { exportTexts: string[] }).exportTexts);
        expect(texts[0]).toMatch(/Preparing the export of 6,000 rows/);
        await saveScreenshot(page, `export-${type}`);
        expect(await seriousAxeViolations(page)).toEqual([]);
        const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
        expect(download.suggestedFilename()).toMatch(
          new RegExp(`-${type.replace('_', '-')}-\\d{4}-\\d{2}-\\d{2}\\.csv$`),
        );
        const file = readFileSync((await download.path())!, 'utf8');
        const rows = await listRows(context, api);
        expect(rows.length).toBeGreaterThan(0);
        expect(file).toBe(toCsv(rows, CSV_COLUMNS[type] as CsvColumn<unknown>[]));
        expect(await link.textContent()).toContain(`(${rows.length.toLocaleString('en-US')} rows)`);
      } finally {
        await page.unrouteAll();
      }
    },
  );
});

describe('PDF dashboard report', () => {
  it('Home "Download report (PDF)": the worker writes it, the page links it through a signed URL', async () => {
    const { context, page } = session;
    await page.goto('/');
    await page.getByTestId('export-report').click();
    const link = page.getByTestId('export-report-download');
    await link.waitFor({ timeout: 60_000 });
    const pdf = await context.request.get((await link.getAttribute('href'))!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
