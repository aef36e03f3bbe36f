// B2.13 CPC word cloud and the Home card: words equal the API items, largest word = highest count, level and
// year in the URL, hover/focus details, table view, click through to the assets, empty state, axe.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, saveScreenshot } from './browser';
import { apiGet, newPage, seriousAxeViolations, signIn } from './helpers';

interface CloudItem {
  code: string;
  description: string | null;
  count: number;
  weight: number;
}

let browser: Browser;
let session: { context: BrowserContext; page: Page };

const items = async (query: string) =>
  (await apiGet<{ data: CloudItem[] }>(session.context, `/dashboards/cpc-wordcloud${query}`)).data;

/** The drawn words as `{code, count, fontSize}`. */
const words = (page: Page) =>
  page.getByTestId('cpc-word').evaluateAll((links) =>
    links.map((link) => ({
      code: link.getAttribute('data-code')!,
      count: Number(link.getAttribute('data-count')),
      fontSize: Number(link.querySelector('text')!.getAttribute('font-size')),
    })),
  );

beforeAll(async () => {
  browser = await launchBrowser();
  session = await newPage(browser);
  await signIn(session.page);
});

afterAll(async () => {
  await browser?.close();
});

describe('CPC cloud', () => {
  it('Home card shows the largest subclasses and links to /cpc', async () => {
    const { page } = session;
    await page.goto('/');
    await page.getByTestId('cpc-card').getByTestId('cpc-word').first().waitFor();
    const subclasses = await items('?level=subclass');
    expect(subclasses.length).toBeGreaterThan(1);
    expect((await words(page)).map((w) => w.code).sort()).toEqual(
      subclasses
        .slice(0, 30)
        .map((i) => i.code)
        .sort(),
    );
    await page.getByTestId('cpc-card-link').click();
    await page.waitForURL('**/cpc');
  });

  it('draws every item sized by count, with details on hover and keyboard focus', async () => {
    const { page } = session;
    await page.goto('/cpc');
    await page.getByTestId('cpc-word').first().waitFor();
    const expected = await items('?level=subclass');
    const drawn = await words(page);
    expect(
      drawn.map(({ code, count }) => ({ code, count })).sort((a, b) => a.code.localeCompare(b.code)),
    ).toEqual(
      expected.map(({ code, count }) => ({ code, count })).sort((a, b) => a.code.localeCompare(b.code)),
    );
    const largest = drawn.reduce((a, b) => (b.fontSize > a.fontSize ? b : a));
    expect(largest.count).toBe(Math.max(...expected.map((i) => i.count)));

    const top = expected[0]!;
    await page.locator(`[data-testid="cpc-word"][data-code="${top.code}"]`).hover();
    const tooltip = page.getByTestId('cpc-tooltip');
    expect(await tooltip.textContent()).toContain(top.code);
    expect(await tooltip.textContent()).toContain(`${top.count.toLocaleString('en-US')} assets`);
    if (top.description) expect(await tooltip.textContent()).toContain(top.description);

    await page.locator(`[data-testid="cpc-word"][data-code="${top.code}"]`).focus();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-code'))).toBe(top.code);
    await saveScreenshot(page, 'cpc-cloud');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('level and year live in the URL; the table holds the same items', async () => {
    const { page } = session;
    await page.goto('/cpc');
    await page.getByRole('button', { name: 'Section' }).click();
    await page.waitForURL('**/cpc?level=section');
    const sections = await items('?level=section');
    await page.locator(`[data-testid="cpc-word"][data-code="${sections[0]!.code}"]`).waitFor();
    expect((await words(page)).map((w) => w.code).sort()).toEqual(sections.map((i) => i.code).sort());

    await page.getByTestId('cpc-view-toggle').click();
    await page.waitForURL('**/cpc?level=section&view=table');
    const rows = await page.getByTestId('cpc-row').evaluateAll((trs) =>
      trs.map((tr) => ({
        code: tr.getAttribute('data-code'),
        count: Number(tr.getAttribute('data-count')),
      })),
    );
    expect(rows).toEqual(sections.map(({ code, count }) => ({ code, count })));
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.reload();
    await page.getByTestId('cpc-table').waitFor();
    await page.getByLabel('Application year').selectOption('1990');
    await page.waitForURL(/year=1990/);
    await page.getByTestId('empty-state').waitFor();
    expect(await items('?level=section&year=1990')).toEqual([]);
  });

  it('a word opens the assets with that code', async () => {
    const { page } = session;
    await page.goto('/cpc?level=class');
    const first = (await items('?level=class'))[0]!;
    await page.locator(`[data-testid="cpc-word"][data-code="${first.code}"]`).click();
    await page.waitForURL(`**/assets?cpcCode=${first.code}`);
    await page.getByTestId('asset-row').first().waitFor();
  });
});
