// Find help and quick exit in the real built app, in Chromium at phone size.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';

import { browser, copyOfBuiltApp, goOffline, newPhone, ROOT, server, serverAndBrowserPerFile, waitForServiceWorker } from './harness.ts';
import { words, wordsPattern } from './words.ts';

// Wednesday 15 January 2025, 12:00 in London: the day-time drop-ins are open, the evening café is not.
const WEDNESDAY_NOON = new Date('2025-01-15T12:00:00Z');
const EXIT_PAGE = 'https://www.bbc.co.uk/weather';

function importServices(file: string): void {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/admin.ts', 'import-services', file], {
    cwd: ROOT, env: { ...process.env, DATA_DIR: server.dataDir, DATABASE_URL: '' }, encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`import failed: ${result.stdout} ${result.stderr}`);
}

// The neutral page is stood in for locally: tests never reach the real internet.
async function standInForExitPage(context: BrowserContext): Promise<void> {
  await context.route('https://www.bbc.co.uk/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>Weather</title><p>Weather</p>' }));
}

async function dismissExitExplanation(page: Page): Promise<void> {
  const ok = page.getByRole('button', { name: words('en', 'exit.explainOk') });
  if (await ok.isVisible()) await ok.click();
}

// A private copy of dist/, so another build running meanwhile can't swap files under the test.
// Many fresh phones from one address in a minute would trip the per-address rate limit meant for the API.
serverAndBrowserPerFile(() => ({ staticDir: copyOfBuiltApp(), env: { RATE_LIMIT_PER_MINUTE: '100000' } }));
beforeAll(async () => {
  importServices(path.join(ROOT, 'tests/fixtures/oruk/e2e-near-sk1.json'));
});

describe('finding help near a postcode with no signal', () => {
  it('sorts by distance from SK1 offline, filters by open now, and opens a service with a tel: link', async () => {
    const { page, context } = await newPhone(browser, server);
    await page.clock.setFixedTime(WEDNESDAY_NOON);
    await page.goto(server.url('/directory'));
    await waitForServiceWorker(page);
    // The first sync brings the invented services down with the rest of the directory.
    await page.getByRole('link', { name: 'Example Near Drop-in 0001' }).waitFor({ timeout: 30_000 });

    await goOffline(context);
    await page.reload();
    await dismissExitExplanation(page);
    await page.getByRole('textbox', { name: words('en', 'directory.place.postcode') }).fill('sk1');
    await page.getByRole('button', { name: words('en', 'directory.place.usePostcode') }).click();
    // Results first: the place, search and filters fold into one line at the top.
    await expect.poll(() => page.locator('.dir-controls__summary').textContent()).toContain(words('en', 'directory.place.near', { place: 'SK1' }));
    expect(await page.locator('.dir-controls').getAttribute('open')).toBeNull();

    const examples = async () => (await page.locator('.dir-result__name').allTextContents()).filter((n) => n.startsWith('Example'));
    expect(await examples()).toEqual(['Example Near Drop-in 0001', 'Example Evening Café 0002', 'Example Far Drop-in 0003']);
    const whereOf = (name: string) => page.locator('.dir-result').filter({ hasText: name }).locator('.dir-result__where').textContent();
    expect(await whereOf('Example Near Drop-in 0001')).toBe(words('en', 'directory.results.away', { distance: '0.1 miles' }));
    // A service known only by its area comes near the top in its own area, said as the distance to its middle.
    expect(await page.locator('.dir-result__name').first().textContent()).toBe('Pure Insight');
    expect(await whereOf('Pure Insight')).toBe(words('en', 'directory.results.inAreaAway', { area: 'Stockport', distance: '0.1 miles' }));
    // Leeds is 40 miles away: not near SK1.
    expect(await page.getByRole('link', { name: 'Example Leeds Drop-in 0004' }).count()).toBe(0);

    await page.locator('.dir-controls__summary').click();
    await page.locator('summary').filter({ hasText: words('en', 'directory.filters.title') }).click();
    await page.getByRole('checkbox', { name: words('en', 'directory.filters.openNow') }).check();
    // Open now at noon: the two day-time drop-ins and the 24-hour crisis lines; not the evening café.
    const open = await page.locator('.dir-result__name').allTextContents();
    expect(open.filter((n) => n.startsWith('Example'))).toEqual(['Example Near Drop-in 0001', 'Example Far Drop-in 0003']);
    expect(open).not.toContain('Example Evening Café 0002');
    expect(open).toContain('Samaritans');

    await page.getByRole('link', { name: 'Example Near Drop-in 0001' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Example Near Drop-in 0001');
    expect(await page.getByText(words('en', 'directory.hours.openCloses', { time: '17:00' }), { exact: false }).count()).toBe(1);
    const call = page.getByRole('link', { name: wordsPattern('en', 'directory.actions.callLabel', { number: '0161 496 0001' }, { whole: true }) });
    expect(await call.getAttribute('href')).toBe('tel:01614960001');
    await context.close();
  });
});

describe('near me that means near', () => {
  it('near LS1 puts the Leeds place first with its distance, never a Stockport care-leaver-only service; with nothing near, national help fills the list', async () => {
    const { page, context } = await newPhone(browser, server);
    await page.goto(server.url('/directory'));
    await page.getByRole('link', { name: 'Example Leeds Drop-in 0004' }).waitFor({ timeout: 30_000 });
    await dismissExitExplanation(page);
    await page.getByRole('textbox', { name: words('en', 'directory.place.postcode') }).fill('LS1');
    await page.getByRole('button', { name: words('en', 'directory.place.usePostcode') }).click();
    await expect.poll(() => page.locator('.dir-controls__summary').textContent()).toContain(words('en', 'directory.place.near', { place: 'LS1' }));

    const local = page.locator('.directory > .dir-results .dir-result');
    await expect.poll(() => local.count()).toBe(1);
    expect(await local.first().locator('.dir-result__name').textContent()).toBe('Example Leeds Drop-in 0004');
    expect(await local.first().locator('.dir-result__where').textContent()).toMatch(wordsPattern('en', 'directory.results.away', { distance: '0\\.\\d miles' }, { whole: true }));
    // National help follows, each saying where it helps; the care-leaver-only Stockport services are 40 miles away.
    expect(await page.getByRole('heading', { name: words('en', 'directory.results.nationalTitle') }).count()).toBe(1);
    const names = await page.locator('.dir-result__name').allTextContents();
    expect(names).not.toContain('Pure Insight');
    expect(names).toContain('Become – Care Advice Line');
    expect(await page.locator('.dir-national .dir-result').first().locator('.dir-checked').textContent()).toBe(words('en', 'directory.service.checked', { month: 'December 2026' }));

    // Further out, every local result shows its distance, nearest first.
    await page.locator('.dir-controls__summary').click();
    await page.getByRole('combobox', { name: words('en', 'directory.place.radius') }).selectOption('50');
    await expect.poll(() => local.count()).toBeGreaterThan(1);
    const wheres = await local.locator('.dir-result__where').allTextContents();
    const miles = { distance: '[\\d.]+ miles' };
    const withDistance = [wordsPattern('en', 'directory.results.away', miles, { whole: true }), wordsPattern('en', 'directory.results.inAreaAway', miles, { whole: true })];
    for (const where of wheres) expect(withDistance.some((pattern) => pattern.test(where)), where).toBe(true);
    expect(await local.first().locator('.dir-result__name').textContent()).toBe('Example Leeds Drop-in 0004');

    // Nothing near Truro within 2 miles: national services fill the list.
    await page.getByRole('combobox', { name: words('en', 'directory.place.radius') }).selectOption('2');
    await page.getByRole('textbox', { name: words('en', 'directory.place.postcode') }).fill('TR1');
    await page.getByRole('button', { name: words('en', 'directory.place.usePostcode') }).click();
    await expect.poll(() => page.locator('.dir-controls__summary').textContent()).toContain(words('en', 'directory.place.near', { place: 'TR1' }));
    await expect.poll(() => local.count()).toBe(0);
    expect(await page.locator('.dir-none-near').count()).toBe(1);
    expect(await page.locator('.dir-national .dir-result').count()).toBeGreaterThan(10);
    await context.close();
  });
});

describe('quick exit', () => {
  it('blanks the screen in the same frame as the press, then leaves for the weather page', async () => {
    const { page, context } = await newPhone(browser, server);
    await standInForExitPage(context);
    await page.goto(server.url('/help'));
    await page.getByRole('heading', { level: 1, name: words('en', 'help.title') }).waitFor();
    // Press Exit and, before the browser can paint another frame, look at what would be painted.
    const seen = await page.evaluate((exit) => {
      const button = [...document.querySelectorAll('a[role="button"]')].find((a) => a.textContent?.includes(exit)) as HTMLElement;
      button.click();
      const cover = document.querySelector('.quick-exit-cover');
      const root = document.getElementById('root')!;
      return {
        coverCoversScreen: cover ? cover.getBoundingClientRect().height >= window.innerHeight && getComputedStyle(cover).visibility === 'visible' : false,
        appHidden: getComputedStyle(root).visibility === 'hidden',
      };
    }, words('en', 'exit.button'));
    expect(seen).toEqual({ coverCoversScreen: true, appHidden: true });
    await page.waitForURL(EXIT_PAGE, { timeout: 10_000 });
    await context.close();
  });

  it('leaves when Shift is pressed three times', async () => {
    const { page, context } = await newPhone(browser, server);
    await standInForExitPage(context);
    await page.goto(server.url('/safety-plan'));
    await page.getByRole('heading', { level: 1, name: words('en', 'safetyPlan.title') }).waitFor();
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    expect(page.url()).toBe(server.url('/safety-plan'));
    await page.keyboard.press('Shift');
    await page.waitForURL(EXIT_PAGE, { timeout: 10_000 });
    await context.close();
  });
});
