// Issue #10 (pages): entity merge with its preview re-running the organization's pipeline live (B4), and the
// access log of a share link (B2.17, product.md #61).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, saveScreenshot } from './browser';
import { apiGet, csrfHeader, e2e, newPage, seriousAxeViolations, signIn } from './helpers';

let browser: Browser;
let session: { context: BrowserContext; page: Page };

beforeAll(async () => {
  browser = await launchBrowser();
  session = await newPage(browser);
  await signIn(session.page);
});

afterAll(async () => {
  await browser?.close();
});

interface EntityRow {
  id: string;
  canonicalName: string;
  aliasCount: number;
}

describe('entity normalization', () => {
  // Two spellings of one inventor in the demo's sample assignments, each its own entity so far.
  const target = 'Brewer, James F.';
  const source = 'Brewer, James E.';

  it('preview → merge: the pipeline re-runs while the page is open, and the list shows one entity', async () => {
    const { context, page } = session;
    const orgId = e2e().demo.orgId;
    const entities = () =>
      apiGet<{ data: EntityRow[] }>(context, `/organizations/${orgId}/entities?search=Brewer`);
    expect((await entities()).data.map((row) => [row.canonicalName, row.aliasCount])).toEqual([
      [source, 1],
      [target, 1],
    ]);
    const before = await apiGet<{ data: { run: { id: string } | null } }>(
      context,
      `/organizations/${orgId}/pipeline`,
    );

    await page.goto('/entities?search=Brewer');
    await page.getByRole('table', { name: 'Entities' }).getByRole('link', { name: target }).click();
    await page.getByRole('heading', { level: 1, name: target }).waitFor();
    await page.getByLabel('Merge another entity into this one').fill(source);
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByRole('button', { name: `Preview merge of ${source}` }).click();
    const preview = page.getByTestId('merge-preview');
    await preview.waitFor();
    expect(await preview.getByRole('listitem').allTextContents()).toEqual([source]);
    expect(await page.getByTestId('merge-preview-aliases').textContent()).toBe('2');
    await saveScreenshot(page, 'entity-merge-preview');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await preview.getByRole('button', { name: 'Merge', exact: true }).click();
    // No reload: the run the merge queued is followed by the page's live status line until it is done.
    const status = page.getByTestId('recompute-status');
    await expect
      .poll(
        async () => [
          (await status.getAttribute('data-run-id')) !== (before.data.run?.id ?? ''),
          await status.getAttribute('data-status'),
        ],
        { timeout: 90_000, interval: 250 },
      )
      .toEqual([true, 'success']);
    const run = await apiGet<{ data: { run: { id: string; trigger: string } } }>(
      context,
      `/organizations/${orgId}/pipeline`,
    );
    expect(run.data.run.id).toBe(await status.getAttribute('data-run-id'));
    await saveScreenshot(page, 'entity-merged');
    expect(await seriousAxeViolations(page)).toEqual([]);

    const merged = (await entities()).data;
    expect(merged.map((row) => [row.canonicalName, row.aliasCount])).toEqual([[target, 2]]);
    await page.goto('/entities?search=Brewer');
    const rows = page.getByRole('table', { name: 'Entities' }).locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain(target);
  });
});

describe('share link access log', () => {
  it('an org admin sees each visit of a link with its time, masked IP, user agent and outcome', async () => {
    const { context, page } = session;
    const assets = await apiGet<{ data: { id: string }[] }>(context, '/assets?limit=1');
    const created = await context.request.post('/api/v1/shares', {
      headers: await csrfHeader(context),
      data: { name: 'access-log link', assetIds: [assets.data[0]!.id] },
    });
    expect(created.status()).toBe(201);
    const link = ((await created.json()) as { data: { id: string; url: string } }).data;

    const userAgent = 'PatenTrack-e2e-viewer/1.0';
    const viewer = await newPage(browser, { userAgent });
    try {
      const visit = await viewer.page.goto(new URL(link.url).pathname);
      expect(visit?.status()).toBe(200);
      // The viewer's page redeems the link (and so logs the visit) from the browser once it has loaded.
      await viewer.page.waitForLoadState('networkidle');
    } finally {
      await viewer.context.close();
    }

    await page.goto('/settings/shares');
    await page.getByRole('link', { name: 'Access log of access-log link' }).click();
    await page.waitForURL(`**/settings/shares/${link.id}`);
    const row = page.getByTestId('access-row').first();
    await row.waitFor();
    const log = await apiGet<{
      data: { ipMasked: string; userAgent: string; outcome: string }[];
    }>(context, `/shares/${link.id}/access-log`);
    expect(log.data.length).toBeGreaterThan(0);
    expect(log.data[0]).toMatchObject({ userAgent });
    // Only the masked address leaves the server (the last IPv4 octet or the IPv6 interface id is dropped).
    expect(log.data[0]!.ipMasked).toMatch(/x$|::$/);
    expect(await page.getByTestId('access-row').count()).toBe(log.data.length);
    const text = await row.textContent();
    expect(text).toContain(userAgent);
    expect(text).toContain(log.data[0]!.ipMasked);
    expect(text).toContain(log.data[0]!.outcome);
    await saveScreenshot(page, 'share-access-log');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
