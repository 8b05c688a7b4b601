import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { packageRoot } from '../config/paths.js';

/**
 * Browser tests drive Debian's Chromium (`apt-get install chromium`; `.ci/run` installs it) through
 * playwright-core — never a browser download. Without it they are skipped, and say so.
 */
export const CHROMIUM = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const chromiumSkipReason = hasChromium ? '' : ` (skipped: no Chromium at ${CHROMIUM}; install Debian's chromium or set CHROMIUM_PATH)`;

/** Where the browser tests leave their screenshots: test-output/screenshots/<name>.png. */
export const SCREENSHOTS = join(packageRoot(), 'test-output', 'screenshots');

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/** A fresh browser profile at a laptop's size (1366×768), in a language. */
export async function newContext(browser: Browser, baseURL: string, locale = 'id-ID'): Promise<BrowserContext> {
  // The console's CSP forbids inline scripts; the accessibility check injects axe-core as one.
  const context = await browser.newContext({ baseURL, viewport: { width: 1366, height: 768 }, locale, timezoneId: 'Asia/Jakarta', bypassCSP: true });
  // Long enough for a busy 2-core machine, short enough that a missing element fails fast.
  context.setDefaultTimeout(15_000);
  return context;
}

/**
 * A new page of `context` signed in as `login` through the Indonesian form (the caller waits for
 * where that person lands). Browser console errors and page errors are collected on `page.errors`,
 * except failed requests with the statuses the test expects (401: who-am-I before signing in).
 */
export async function signIn(context: BrowserContext, login: string, password: string, expectedStatuses: readonly number[] = [401]): Promise<Page & { errors: string[] }> {
  const page = (await context.newPage()) as Page & { errors: string[] };
  page.errors = [];
  const expected = new RegExp(`status of (${expectedStatuses.join('|')})`);
  page.on('console', (m) => m.type() === 'error' && !expected.test(m.text()) && page.errors.push(m.text()));
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.goto('/console/');
  await page.getByLabel('Nama login').fill(login);
  await page.getByLabel(/^Kata sandi( \*)?$/).fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  return page;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/**
 * The axe-core violations of the page as it is now (WCAG 2.1 A and AA rules), as `rule: target` lines.
 * It first lets running transitions end (up to 5 s): a notification fading out or a dialog
 * fading in is half-transparent, and axe would judge its contrast mid-way.
 */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  // These functions run in the page (globalThis is the window there).
  await page
    .waitForFunction(
      () =>
        (globalThis as unknown as { document: { getAnimations(): { effect: { getComputedTiming(): { iterations?: number } } | null }[] } }).document
          .getAnimations()
          .every((a) => a.effect?.getComputedTiming().iterations === Infinity),
      undefined,
      { timeout: 5_000 },
    )
    .catch(() => {});
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.addScriptTag({ path: axeSource });
  const result = await page.evaluate(async () => {
    const page = globalThis as unknown as { document: unknown; axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } };
    return page.axe.run(page.document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
  });
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}`));
}

/**
 * A page as a reader sees it: once the network is quiet, scrolled to `show` (when given) with the
 * pointer off the last button clicked, saved as screenshot `name`, and with no axe violation (a
 * failure names each failing element's HTML).
 */
export async function checkPage(page: Page, name: string, show?: Locator): Promise<void> {
  await page.waitForLoadState('networkidle');
  await show?.scrollIntoViewIfNeeded();
  // A hovered button is not what a reader sees.
  await page.mouse.move(0, 700);
  await screenshot(page, name);
  const violations = await accessibilityViolations(page);
  const where = await Promise.all(violations.map((v) => page.locator(v.split(': ').slice(1).join(': ')).first().evaluate((e) => (e as unknown as { outerHTML: string }).outerHTML.slice(0, 300)).catch(() => '')));
  expect(violations, `${name}\n${where.join('\n')}`).toEqual([]);
}
