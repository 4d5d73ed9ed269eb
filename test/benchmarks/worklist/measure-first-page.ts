import type { Browser, Page } from 'playwright-core';

export interface FirstPageSample {
  firstRowMs: number;
  domContentLoadedMs: number;
  refreshApiMs: number;
  worklistChunkEndMs: number;
  listRequestStartMs: number;
  listResponseEndMs: number;
  listApiMs: number;
  /** GET /api/cases requests made before the first row showed (more than 1: the page asked twice). */
  listRequests: number;
}

/**
 * A browser context signed in as `account` through the sign-in screen, on its first screen.
 * `cold`: the HTTP cache (and with it V8's code cache) is off, so every navigation downloads
 * and compiles the scripts again, like the first visit after a release.
 */
export async function signedInPage(browser: Browser, baseUrl: string, account: { email: string; password: string }, cold = false): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  if (cold) await (await context.newCDPSession(page)).send('Network.setCacheDisabled', { cacheDisabled: true });
  await page.goto(baseUrl);
  await page.getByLabel('Email').fill(account.email);
  await page.locator('input[autocomplete="current-password"]').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('table', { name: 'Cases' }).getByRole('row').nth(1).waitFor({ timeout: 60_000 });
  // A coordinator's first screen is every case, unfiltered: the heading says so.
  await page.getByRole('heading', { name: 'Worklist' }).waitFor();
  return page;
}

/**
 * One fresh navigation to `/`: the session comes back through the refresh cookie, as on a
 * reload. The figure is `performance.now()` when the first row of the first page is in the
 * DOM, read in the page itself.
 */
export async function measureFirstPage(page: Page, baseUrl: string): Promise<FirstPageSample> {
  await page.goto(`${baseUrl}/`, { waitUntil: 'commit' });
  const firstRowMs = await page
    .waitForFunction(() => document.querySelector('table[aria-label="Cases"] tbody tr') && performance.now(), undefined, { polling: 'raf', timeout: 60_000 })
    .then((handle) => handle.jsonValue() as Promise<number>);
  return page.evaluate(
    (firstRow) => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const resources = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((entry) => entry.startTime <= firstRow);
      const find = (match: RegExp) => resources.find((entry) => match.test(entry.name));
      const lists = resources.filter((entry) => /\/api\/cases\?/.test(entry.name));
      return {
        firstRowMs: firstRow,
        domContentLoadedMs: nav.domContentLoadedEventEnd,
        refreshApiMs: find(/\/api\/auth\/refresh/)?.duration ?? 0,
        worklistChunkEndMs: find(/\/WorklistPage-[^/]+\.js$/)?.responseEnd ?? 0,
        listRequestStartMs: lists[0]?.startTime ?? 0,
        listResponseEndMs: lists[0]?.responseEnd ?? 0,
        listApiMs: lists[0]?.duration ?? 0,
        listRequests: lists.length,
      };
    },
    firstRowMs,
  );
}
