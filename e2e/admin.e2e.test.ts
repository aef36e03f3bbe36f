// Admin panel (issue #10, pages): a super admin enrols TOTP, signs in through the MFA step, and the admin pages
// render their data and pass axe; cross-org transactions and fix items against their API.
import { hash } from '@node-rs/bcrypt';
import pg from 'pg';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base32Decode, totp } from '../apps/web/src/server/auth/totp';
import { launchBrowser, saveScreenshot } from './browser';
import { apiGet, csrfHeader, e2e, newPage, seriousAxeViolations } from './helpers';

const SUPER_ADMIN = { email: 'operations@patentrack.local', password: 'Operations-Desk-2026' };

let browser: Browser;
let secret: Buffer;
/** The signed-in super admin (after the code step), shared by the tests that follow the login. */
let admin: { context: BrowserContext; page: Page } | undefined;
/** The first admin named in the onboarding wizard. */
const adminEmail = 'owner@survivalink-watch.local';

const nowSeconds = () => Math.floor(Date.now() / 1000);

beforeAll(async () => {
  const client = new pg.Client({ connectionString: e2e().databaseUrl });
  await client.connect();
  try {
    await client.query(
      `insert into users (organization_id, email, password_hash, first_name, last_name, role, status, email_verified_at)
       values ($1, $2, $3, 'Operations', 'Desk', 'super_admin', 'active', now())`,
      [e2e().demo.orgId, SUPER_ADMIN.email, await hash(SUPER_ADMIN.password, 12)],
    );
  } finally {
    await client.end();
  }
  browser = await launchBrowser();
});

afterAll(async () => {
  await admin?.context.close();
  await browser?.close();
});

describe('admin panel', () => {
  it('a super admin without TOTP enrols it, then signs in through the code step', async () => {
    const enrol = await newPage(browser);
    try {
      // Every write carries the double-submit CSRF token, which the first page view sets.
      await enrol.page.goto('/login');
      const login = await enrol.context.request.post('/api/v1/auth/login', {
        headers: await csrfHeader(enrol.context),
        data: SUPER_ADMIN,
      });
      expect(login.status()).toBe(200);
      const setup = await enrol.context.request.post('/api/v1/auth/mfa/setup', {
        headers: await csrfHeader(enrol.context),
      });
      expect(setup.status()).toBe(200);
      secret = base32Decode(((await setup.json()) as { data: { secret: string } }).data.secret);
      const confirm = await enrol.context.request.post('/api/v1/auth/mfa/verify', {
        headers: await csrfHeader(enrol.context),
        data: { code: totp(secret, nowSeconds()), isBackupCode: false },
      });
      expect(confirm.status()).toBe(200);
    } finally {
      await enrol.context.close();
    }
  });

  it('login asks for the code, and the admin overview, organizations, onboarding and ingestion pages pass axe', async () => {
    admin = await newPage(browser);
    const { page } = admin;
    await page.goto('/login?returnTo=%2Fadmin');
    await page.getByLabel('Email').fill(SUPER_ADMIN.email);
    await page.getByLabel('Password').fill(SUPER_ADMIN.password);
    await page.getByTestId('login-submit').click();
    await page.getByRole('heading', { name: 'Two-step verification' }).waitFor();
    // The next time step: the enrolment already used the current one, and replays are refused.
    await page.getByLabel('Code from your authenticator app').fill(totp(secret, nowSeconds() + 30));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.waitForURL('**/admin');
    await page.getByRole('heading', { name: 'Admin overview' }).waitFor();
    await page.getByRole('link', { name: /^active:?$/ }).waitFor();
    await saveScreenshot(page, 'admin-overview');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.goto('/admin/organizations');
    await page.getByTestId('org-row').first().waitFor();
    expect(await page.getByTestId('org-row').filter({ hasText: 'PatenTrack Demo' }).count()).toBe(1);
    await saveScreenshot(page, 'admin-organizations');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page
      .getByRole('table', { name: 'Organizations' })
      .getByRole('link', { name: 'PatenTrack Demo' })
      .click();
    await page.getByRole('tab', { name: 'Pipeline' }).click();
    await page.waitForURL(/tab=pipeline/);
    await page.getByTestId('pipeline-step-generate_json').waitFor();
    expect(await page.getByTestId('pipeline-step-generate_json').getAttribute('data-status')).toBe('success');
    await saveScreenshot(page, 'admin-organization-pipeline');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.goto('/admin/organizations/new');
    await page.getByLabel('Organization name').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.goto('/admin/ingestion');
    await page.getByTestId('source-row').first().waitFor();
    await saveScreenshot(page, 'admin-ingestion');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('cross-org transactions list the API rows, filter in the URL and open the transaction panel', async () => {
    const { context, page } = admin!;
    const all = await apiGet<{ data: { rfId: string }[]; total: number }>(context, '/admin/transactions');
    expect(all.total).toBeGreaterThan(0);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Transactions' }).click();
    await page.waitForURL('**/admin/transactions');
    const rows = page.getByTestId('admin-transaction-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(all.data.length);
    expect(Number(await page.getByTestId('list-count').getAttribute('data-total'))).toBe(all.total);
    await saveScreenshot(page, 'admin-transactions');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await rows.first().getByRole('button', { name: all.data[0]!.rfId }).click();
    await page.waitForURL(/rfId=/);
    await page.getByTestId('transaction-panel').getByText('Assignees').waitFor();
    await saveScreenshot(page, 'admin-transaction-panel');
    expect(await seriousAxeViolations(page)).toEqual([]);

    const flagged = await apiGet<{ data: unknown[]; total: number }>(
      context,
      '/admin/transactions?flagged=true',
    );
    await page.getByLabel('Inventor-match flag').selectOption('true');
    await page.waitForURL(/flagged=true/);
    if (flagged.total === 0) await page.getByTestId('empty-state').waitFor();
    else
      await expect
        .poll(() => page.getByTestId('list-count').getAttribute('data-total'))
        .toBe(String(flagged.total));
    expect(await page.getByTestId('transaction-panel').count()).toBe(0);
  });

  it("a fix item re-runs the chosen organization's pipeline, shown live in a job card until it is done", async () => {
    const { page } = admin!;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Fix items' }).click();
    await page.waitForURL('**/admin/fix-items');
    await page.getByRole('option', { name: 'PatenTrack Demo' }).waitFor({ state: 'attached' });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByTestId('fix-run').click();
    await page.getByRole('alert').filter({ hasText: 'Choose an organization' }).waitFor();
    expect(await page.getByTestId('job-card').count()).toBe(0);

    await page.getByLabel('Organization').selectOption({ label: 'PatenTrack Demo' });
    await page.getByLabel('Fix', { exact: true }).selectOption('rebuild_dashboard');
    await page.getByTestId('fix-run').click();
    const card = page.getByTestId('job-card');
    await card.waitFor();
    await expect
      .poll(() => card.getAttribute('data-status'), { timeout: 90_000, interval: 500 })
      .toBe('success');
    await page.getByText('The fix finished.').waitFor();
    await saveScreenshot(page, 'admin-fix-items');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('onboarding creates an organization whose 8 pipeline steps finish and which becomes active', async () => {
    const { page } = admin!;
    await page.goto('/admin/organizations/new');
    await page.getByLabel('Organization name').fill('Survivalink Watch');
    await page.getByLabel("First admin's name").fill('Olivia Owner');
    await page.getByLabel("First admin's email").fill(adminEmail);
    await page.getByLabel('Companies to monitor (one per line)').fill('SURVIVALINK CORPORATION');
    await page.getByRole('button', { name: 'Review' }).click();
    await page.getByTestId('onboard-create').click();
    await page.waitForURL(/\/admin\/organizations\/[0-9a-f-]{36}\?tab=pipeline/);
    const orgId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByTestId('pipeline-step-classify').waitFor();
    const last = page.getByTestId('pipeline-step-generate_json');
    await expect
      .poll(() => last.getAttribute('data-status'), { timeout: 90_000, interval: 500 })
      .toBe('success');
    for (const step of [
      'classify',
      'flag',
      'tree',
      'timeline',
      'broken_title',
      'dashboard',
      'summary',
      'generate_json',
    ]) {
      expect(await page.getByTestId(`pipeline-step-${step}`).getAttribute('data-status'), step).toBe(
        'success',
      );
    }
    await saveScreenshot(page, 'admin-onboarding-pipeline');
    await expect
      .poll(
        async () =>
          (
            (await (await admin!.context.request.get(`/api/v1/organizations/${orgId}`)).json()) as {
              data: { status: string };
            }
          ).data.status,
        { timeout: 30_000 },
      )
      .toBe('active');
  });

  it('the invited admin of the onboarded organization accepts the invitation and lands on Home with assets', async () => {
    const invitation = readdirSync(e2e().outboxDir)
      .map(
        (file) =>
          JSON.parse(readFileSync(path.join(e2e().outboxDir, file), 'utf8')) as {
            to: string;
            template: string;
            data: { link: string };
          },
      )
      .find((message) => message.to === adminEmail && message.template === 'invitation');
    expect(invitation, 'the invitation mail').toBeDefined();
    const invitee = await newPage(browser);
    try {
      await invitee.page.goto(
        new URL(invitation!.data.link).pathname + new URL(invitation!.data.link).search,
      );
      await invitee.page.getByLabel('Your name').fill('Olivia Owner');
      await invitee.page.getByLabel('New password').fill('Survivalink-Watch-2026');
      await invitee.page.getByRole('button', { name: 'Set password and sign in' }).click();
      await invitee.page.waitForURL((url) => url.pathname === '/');
      const totalAssets = invitee.page.getByTestId('metric-totalAssets').locator('[data-value]');
      await totalAssets.waitFor();
      expect(Number(await totalAssets.getAttribute('data-value'))).toBeGreaterThan(0);
      await saveScreenshot(invitee.page, 'invitee-home');
    } finally {
      await invitee.context.close();
    }
  });

  it('"Run now" polls the sample product; the new job appears and finishes live with its counters', async () => {
    const { context, page } = admin!;
    await page.goto('/admin/ingestion');
    const job = page.locator('[data-testid="recent-job"][data-file="ad20160101.zip"]');
    await page.getByTestId('recent-job').first().waitFor();
    expect(await job.count()).toBe(0);
    await page
      .getByTestId('source-row')
      .filter({ hasText: 'uspto_assignments_daily' })
      .getByRole('button', { name: 'Run now' })
      .click();
    await page.getByText(/queued for uspto_assignments_daily/).waitFor();
    // No reload from here on: the row and its counters arrive through the page's own refreshes.
    await job.waitFor({ timeout: 30_000 });
    await expect
      .poll(() => job.getAttribute('data-status'), { timeout: 60_000, interval: 250 })
      .toBe('success');
    const jobId = await job.getAttribute('data-job-id');
    const jobs = await apiGet<{ data: { id: string; recordsProcessed: number }[] }>(
      context,
      '/admin/ingestion/jobs?limit=10',
    );
    const loaded = jobs.data.find((row) => row.id === jobId);
    expect(loaded?.recordsProcessed).toBeGreaterThan(0);
    await expect
      .poll(() => job.getByTestId('recent-job-records').getAttribute('data-value'))
      .toBe(String(loaded!.recordsProcessed));
    await saveScreenshot(page, 'admin-ingestion-run-now');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('an org admin is sent away from /admin', async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto('/login?returnTo=%2Fadmin');
      await page.getByLabel('Email').fill(e2e().chainExamples.email);
      await page.getByLabel('Password').fill(e2e().chainExamples.password);
      await page.getByTestId('login-submit').click();
      await page.waitForURL((url) => url.pathname === '/');
      await page.getByTestId('metric-totalAssets').waitFor();
    } finally {
      await context.close();
    }
  });
});
