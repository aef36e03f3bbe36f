// Auth screens (B1): one generic message for bad credentials, a countdown on 429, the live password checklist,
// the neutral reset-request answer, and a signed-out visitor sent to the login with the page they asked for.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, saveScreenshot } from './browser';
import { e2e, newPage, seriousAxeViolations } from './helpers';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('auth screens', () => {
  it('a wrong password and an unknown email get the same message; the sixth try in a minute counts down', async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto('/login');
      const attempt = async (email: string) => {
        await page.getByLabel('Email').fill(email);
        await page.getByLabel('Password').fill('Not-the-password-1');
        await page.getByTestId('login-submit').click();
        await page.getByTestId('login-error').waitFor();
        await expect.poll(() => page.getByTestId('login-submit').isEnabled()).toBe(true);
        return page.getByTestId('login-error').textContent();
      };
      const wrongPassword = await attempt(e2e().demo.email);
      const unknownEmail = await attempt('nobody@patentrack.local');
      expect(wrongPassword).toBe('Email or password is incorrect.');
      expect(unknownEmail).toBe(wrongPassword);
      expect(await seriousAxeViolations(page)).toEqual([]);

      // Five attempts per minute per address and IP; the next one is refused with Retry-After.
      const limited = 'rate-limited@patentrack.local';
      for (let index = 0; index < 5; index++) await attempt(limited);
      await page.getByLabel('Email').fill(limited);
      await page.getByTestId('login-submit').click();
      const countdown = page.getByTestId('retry-countdown');
      await countdown.waitFor();
      expect(await countdown.textContent()).toMatch(/Try again in \d+ s/);
      expect(await page.getByTestId('login-submit').isDisabled()).toBe(true);
      await saveScreenshot(page, 'login-rate-limited');
    } finally {
      await context.close();
    }
  });

  it('registration lists the failed password rules live and blocks a weak password', async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto('/register');
      const submit = page.getByRole('button', { name: 'Create account' });
      const password = page.getByLabel('Password', { exact: true });
      await password.fill('short');
      const failed = () =>
        page
          .locator('[data-testid="password-rules"] [data-ok="false"]')
          .evaluateAll((items) => items.map((item) => item.getAttribute('data-rule')));
      expect(await failed()).toEqual(['length', 'upper', 'digit']);
      expect(await submit.isDisabled()).toBe(true);
      await password.fill('Long-enough-passw0rd');
      expect(await failed()).toEqual([]);
      expect(await submit.isEnabled()).toBe(true);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, 'register');
    } finally {
      await context.close();
    }
  });

  it('a reset request always gets the same neutral answer', async () => {
    const { context, page } = await newPage(browser);
    try {
      const answer = async (email: string) => {
        await page.goto('/forgot-password');
        await page.getByLabel('Email').fill(email);
        await page.getByRole('button', { name: 'Send reset link' }).click();
        return page.getByRole('status').textContent();
      };
      expect(await answer(e2e().demo.email)).toBe(await answer('nobody@patentrack.local'));
    } finally {
      await context.close();
    }
  });

  it('a signed-out visitor of a filtered page returns to it after signing in', async () => {
    const { context, page } = await newPage(browser);
    try {
      await page.goto('/assets?status=broken&sort=title');
      await page.waitForURL('**/login?returnTo=*');
      expect(new URL(page.url()).searchParams.get('returnTo')).toBe('/assets?status=broken&sort=title');
      // Logins are limited per address and IP; this user signs in less often than the demo admin in this run.
      await page.getByLabel('Email').fill(e2e().chainExamples.email);
      await page.getByLabel('Password').fill(e2e().chainExamples.password);
      await page.getByTestId('login-submit').click();
      await page.waitForURL('**/assets?status=broken&sort=title');
      await page.getByTestId('asset-row').first().waitFor();
      expect(await page.getByLabel('Status').inputValue()).toBe('broken');
    } finally {
      await context.close();
    }
  });
});
