import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { inject } from 'vitest';
import type { E2eContext } from './global-setup';

export function e2e(): E2eContext {
  return inject('e2e');
}

/**
 * The tests play the reverse proxy in front of the e2e server (TRUSTED_PROXY_HOPS=1): the X-Forwarded-For a client
 * sends is the entry that proxy appended, its address. Giving each client its own address keeps the per-address rate
 * limits of one test (five sign-ins a minute per address and email) from spending another test's budget.
 */
export function freshAddress(): string {
  const [a, b, c] = randomBytes(3);
  return `10.${a}.${b}.${Math.max(1, c! % 255)}`;
}

/** A browser context of its own client address (see `freshAddress`) and its first page. */
export async function newPage(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: e2e().baseUrl,
    acceptDownloads: true,
    ...options,
    extraHTTPHeaders: { 'x-forwarded-for': freshAddress(), ...options.extraHTTPHeaders },
  });
  return { context, page: await context.newPage() };
}

/** Signs in through the login form, as a user would, and waits for the signed-in shell. */
export async function signIn(page: Page, credentials = e2e().demo): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(credentials.email);
  await page.getByLabel('Password').fill(credentials.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('org-name').waitFor();
}

/** The double-submit token the browser holds, for API writes made through the context. */
export async function csrfHeader(context: BrowserContext): Promise<Record<string, string>> {
  const token = (await context.cookies()).find((cookie) => cookie.name === 'csrf_token')?.value;
  return token ? { 'X-CSRF-Token': token } : {};
}

/** GET `/api/v1{path}` with the context's cookies; returns the JSON body. */
export async function apiGet<T>(context: BrowserContext, path: string): Promise<T> {
  const response = await context.request.get(`/api/v1${path}`);
  if (!response.ok()) throw new Error(`GET ${path} → ${response.status()}: ${await response.text()}`);
  return (await response.json()) as T;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe-core (WCAG 2.1 A/AA rules) in the page and returns the serious and critical violations. The script is
 * evaluated over the DevTools protocol, so the page's CSP stays as strict as in production.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  // The App Router sets the title of a client-side navigation just after the content; audit the settled page.
  await page.waitForFunction(() => document.title.trim().length > 0, undefined, { timeout: 10_000 });
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations;
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.slice(0, 5).map((node) => ({ target: node.target })),
    }));
}

/** The page scrolls sideways when its content is wider than the viewport. */
export function hasHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
}
