// axe-core on every Find help, Help now and safety-plan screen, in English and Arabic (right-to-left), at 360×740.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';

import { browser, copyOfBuiltApp, expectNoAxeViolations, expectNoHorizontalOverflow, newPhone, ROOT, screenshot, server, serverAndBrowserPerFile } from './harness.ts';

// A private copy of dist/, so another build running meanwhile can't swap files under the test.
// Many fresh phones from one address in a minute would trip the per-address rate limit meant for the API.
serverAndBrowserPerFile(() => ({ staticDir: copyOfBuiltApp(), env: { RATE_LIMIT_PER_MINUTE: '100000' } }));
beforeAll(async () => {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/admin.ts', 'import-services', path.join(ROOT, 'tests/fixtures/oruk/v3-example.json')], {
    cwd: ROOT, env: { ...process.env, DATA_DIR: server.dataDir, DATABASE_URL: '' }, encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`import failed: ${result.stdout} ${result.stderr}`);
});

type Screen = { name: string; path: string; prepare?: (page: Page) => Promise<void> };

const SCREENS: Screen[] = [
  { name: 'help-now-first-visit', path: '/help' },
  { name: 'help-now', path: '/help', prepare: async (page) => {
    await page.locator('.quick-exit__explain button').click();
  } },
  { name: 'safety-plan', path: '/safety-plan' },
  { name: 'directory-search', path: '/directory?q=&open=1', prepare: async (page) => {
    await page.locator('.dir-result').first().waitFor();
  } },
  { name: 'directory-near-postcode', path: '/directory', prepare: async (page) => {
    await page.locator('.place-picker input').fill('nonsense!');
    await page.locator('.place-picker button[type="submit"]').click();
    await page.locator('.dir-error').waitFor();
    await page.locator('.place-picker input').fill('SK1');
    await page.locator('.place-picker button[type="submit"]').click();
    await page.locator('.dir-controls:not([open])').waitFor({ state: 'attached' });
    await page.locator('.dir-result').first().waitFor();
  } },
  { name: 'service-page', path: '/directory/service/example-v3-0001', prepare: async (page) => {
    await page.locator('.report-form summary').click();
  } },
  { name: 'service-page-crisis-line', path: '/directory/service/crisis-samaritans' },
  { name: 'council-offers', path: '/directory/council', prepare: async (page) => {
    await page.locator('select').selectOption({ index: 5 });
    await page.locator('.council-offers').waitFor();
  } },
];

describe.each(['en', 'ar'])('Find help screens in %s', (language) => {
  it.each(SCREENS)('$name has no accessibility problems and fits the screen', async ({ name, path: at, prepare }) => {
    const { page, context } = await newPhone(browser, server, { language });
    await page.goto(server.url(at));
    await page.locator('h1').first().waitFor();
    // The synced example service must have arrived before its page can show.
    if (at.includes('example-v3')) await page.getByRole('heading', { level: 1, name: 'Example Youth Counselling 0001' }).waitFor({ timeout: 30_000 });
    await prepare?.(page);
    expect(await page.locator('html').getAttribute('dir')).toBe(language === 'ar' ? 'rtl' : 'ltr');
    expect(await page.locator('h1').count()).toBe(1);
    await screenshot(page, `directory-${name}-${language}`);
    await expectNoAxeViolations(page, `${name} (${language})`);
    await expectNoHorizontalOverflow(page, `${name} (${language})`);
    await context.close();
  });
});
