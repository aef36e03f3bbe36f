// Issue #10 (pages): Home metrics against the API, broken titles, asset filters in the URL, CSV export, dark mode,
// accessibility of the dashboard pages.
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, saveScreenshot } from './browser';
import { apiGet, hasHorizontalScroll, newPage, seriousAxeViolations, signIn } from './helpers';

const METRICS = [
  'totalAssets',
  'completeChains',
  'brokenChains',
  'divested',
  'encumbrances',
  'bankInvolved',
  'lawFirmInvolved',
  'totalTransactions',
  'totalEntities',
  'totalCompanies',
  'totalEmployees',
  'totalParties',
] as const;

let browser: Browser;
let session: { context: BrowserContext; page: Page };
let summary: Record<(typeof METRICS)[number], number>;

beforeAll(async () => {
  browser = await launchBrowser();
  session = await newPage(browser);
  await signIn(session.page);
  summary = (await apiGet<{ data: typeof summary }>(session.context, '/dashboards/summary')).data;
});

afterAll(async () => {
  await browser?.close();
});

/** Lines of a downloaded CSV without the BOM and the final line break. */
function csvLines(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter((line) => line !== '');
}

describe('Home', () => {
  it('shows every metric card with the value of the summary endpoint', async () => {
    const { page } = session;
    await page.goto('/');
    await page.getByTestId('metric-totalAssets').waitFor();
    expect(summary.totalAssets).toBeGreaterThan(0);
    for (const key of METRICS) {
      const value = await page
        .getByTestId(`metric-${key}`)
        .locator('[data-value]')
        .getAttribute('data-value');
      expect(Number(value), key).toBe(summary[key]);
      expect(await page.getByTestId(`metric-${key}`).textContent(), key).toContain(
        summary[key].toLocaleString('en-US'),
      );
    }
    await saveScreenshot(page, 'home');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('the broken-titles card lands on the list with the same total', async () => {
    const { page } = session;
    await page.getByTestId('metric-brokenChains').click();
    await page.waitForURL('**/broken-titles');
    const total = page.getByTestId('broken-total');
    await expect.poll(() => total.getAttribute('data-total')).not.toBeNull();
    await saveScreenshot(page, 'broken-titles');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(Number(await total.getAttribute('data-total'))).toBe(summary.brokenChains);
  });
});

describe('Assets', () => {
  it('filters and sort live in the URL and survive a reload', async () => {
    const { page } = session;
    await page.goto('/assets');
    await page.getByTestId('asset-row').first().waitFor();
    await page.getByLabel('Sort by').selectOption('title');
    await page.waitForURL(/sort=title/);
    // The demo samples' verdicts are all "broken" (no inventor start), so that filter has rows.
    await page.getByLabel('Status').selectOption('broken');
    await page.waitForURL(/status=broken/);
    await page.getByTestId('asset-row').first().waitFor();
    const before = await page
      .getByTestId('asset-row')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-asset-id')));
    await page.reload();
    await page.getByTestId('asset-row').first().waitFor();
    expect(await page.getByLabel('Status').inputValue()).toBe('broken');
    expect(await page.getByLabel('Sort by').inputValue()).toBe('title');
    const after = await page
      .getByTestId('asset-row')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-asset-id')));
    expect(after).toEqual(before);
    expect(after.length).toBeGreaterThan(0);
    expect(Number(await page.getByTestId('asset-total').getAttribute('data-total'))).toBe(
      summary.brokenChains,
    );
  });

  it('CSV export (direct, up to 5,000 rows) contains every row of the list, not only the loaded page', async () => {
    const { page } = session;
    await page.goto('/assets?limit=25');
    await page.getByTestId('asset-row').first().waitFor();
    const total = Number(await page.getByTestId('asset-total').getAttribute('data-total'));
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-csv').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/-assets-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = csvLines(readFileSync((await download.path())!, 'utf8'));
    expect(lines[0]).toBe(
      'Grant number,Application number,Title,Current assignee,Status,Assignments,Last activity',
    );
    expect(lines.length - 1).toBe(total);
    const firstRow = page.getByTestId('asset-row').first();
    const grant = (await firstRow.locator('td').nth(1).textContent())!.replace(/,/g, '');
    expect(lines[1]!.startsWith(grant === '—' ? ',' : `${grant},`)).toBe(true);
    await saveScreenshot(page, 'assets');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});

describe('phones (390×844)', () => {
  it('Assets and Broken titles show their rows as cards without horizontal page scroll', async () => {
    const phone = await newPage(browser, {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    try {
      await signIn(phone.page);
      await phone.page.goto('/assets');
      const row = phone.page.getByTestId('asset-row').first();
      await row.waitFor();
      // A card: the row is a block with its cells labelled, and the column header row is not shown.
      expect(await row.evaluate((element) => getComputedStyle(element).display)).toBe('block');
      expect(
        await row
          .locator('td[data-label="Title"]')
          .evaluate((cell) => getComputedStyle(cell, '::before').content),
      ).toBe('"Title"');
      expect(
        await phone.page
          .locator('[data-testid="asset-table"] thead')
          .evaluate((head) => head.getBoundingClientRect().height),
      ).toBeLessThanOrEqual(1);
      expect(await hasHorizontalScroll(phone.page)).toBe(false);
      await saveScreenshot(phone.page, 'phone-assets');

      await phone.page.goto('/broken-titles');
      const broken = phone.page.getByTestId('broken-row').first();
      await broken.waitFor();
      expect(await broken.evaluate((element) => getComputedStyle(element).display)).toBe('block');
      expect(await hasHorizontalScroll(phone.page)).toBe(false);
      await saveScreenshot(phone.page, 'phone-broken-titles');
    } finally {
      await phone.context.close();
    }
  });
});

describe('Timeline', () => {
  it('draws the swim lanes and passes axe', async () => {
    const { page } = session;
    await page.goto('/timeline');
    await page.getByTestId('timeline-chart').waitFor();
    expect(await page.getByTestId('timeline-dot').count()).toBeGreaterThan(0);
    await saveScreenshot(page, 'timeline');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});

describe('dark mode', () => {
  it('is saved on the account and rendered by the server on reload and on another device', async () => {
    const { page } = session;
    await page.goto('/settings/security');
    await page.getByTestId('theme-select').first().selectOption('dark');
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await expect
      .poll(
        async () =>
          (
            await apiGet<{ data: { user: { preferences: { darkMode: boolean | null } } } }>(
              session.context,
              '/me',
            )
          ).data.user.preferences.darkMode,
      )
      .toBe(true);

    // The server renders the theme: the first HTML already says dark, so there is no light flash.
    const response = await page.goto('/');
    expect(await response!.text()).toMatch(/<html[^>]*data-theme="dark"/);
    await page.getByTestId('metric-totalAssets').waitFor();
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).not.toBe('rgb(255, 255, 255)');
    await saveScreenshot(page, 'home-dark');
    expect(await seriousAxeViolations(page)).toEqual([]);

    const other = await newPage(browser);
    try {
      await signIn(other.page);
      await expect.poll(() => other.page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    } finally {
      await other.context.close();
    }

    await page.goto('/settings/security');
    await page.getByTestId('theme-select').first().selectOption('system');
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('system');
  });
});
