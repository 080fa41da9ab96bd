// Quick exit from every screen in the screens table, with the button and with Shift pressed three times:
// the page is blank before the browser can paint another frame, and Back does not return to the app.
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { browser, newPhone, server, serverAndBrowserPerFile } from './harness.ts';
import { SCREENS } from './screens.ts';
import { words } from './words.ts';

const EXIT_PAGE = 'https://www.bbc.co.uk/weather';

serverAndBrowserPerFile({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });

// The test never leaves for the real weather page: a stand-in answers for it.
async function standInForExitPage(context: BrowserContext): Promise<void> {
  await context.route('https://www.bbc.co.uk/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>Weather</title><p>Weather</p>' }));
}

type Seen = { coverCoversScreen: boolean; appHidden: boolean };

// Installed in every page: what would be painted next, looked at synchronously right after the exit was triggered.
const LOOK = `window.__lookBeforeNextFrame = () => {
  const cover = document.querySelector('.quick-exit-cover');
  const root = document.getElementById('root');
  return {
    coverCoversScreen: cover ? cover.getBoundingClientRect().height >= window.innerHeight && getComputedStyle(cover).visibility === 'visible' : false,
    appHidden: getComputedStyle(root).visibility === 'hidden',
  };
};`;
type Looking = { __lookBeforeNextFrame: () => Seen };

const exitWays: { way: string; exit: (page: Page) => Promise<Seen> }[] = [
  {
    way: 'the Exit button',
    exit: async (page) => {
      const name = `${words('en', 'exit.emergency')} ${words('en', 'exit.button')}`;
      // One Exit button on every screen, found by its role and name like a person would.
      expect(await page.getByRole('button', { name, exact: true }).count()).toBe(1);
      return page.evaluate((label) => {
        const button = [...document.querySelectorAll<HTMLElement>('a[role="button"]')].find((a) => a.textContent?.replace(/\s+/g, ' ').trim() === label)!;
        button.click();
        return (window as unknown as Looking).__lookBeforeNextFrame();
      }, name);
    },
  },
  {
    way: 'Shift pressed three times',
    exit: async (page) => {
      await page.keyboard.press('Shift');
      await page.keyboard.press('Shift');
      // The third press is sent from inside the page, so what it paints can be looked at before the next frame.
      return page.evaluate(() => {
        window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Shift', shiftKey: true }));
        return (window as unknown as Looking).__lookBeforeNextFrame();
      });
    },
  },
];

describe.each(exitWays)('quick exit with $way', ({ exit }) => {
  it.each(SCREENS)('works from $name', async ({ path, prepare }) => {
    const { page, context } = await newPhone(browser, server, { language: 'en' });
    try {
      await standInForExitPage(context);
      await context.addInitScript(LOOK);
      await page.goto(server.url(path));
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await prepare?.(page, 'en');

      expect(await exit(page)).toEqual({ coverCoversScreen: true, appHidden: true });
      await page.waitForURL(EXIT_PAGE, { timeout: 15_000 });
      // The app's page was replaced in history, not stacked under the weather: Back goes to where the phone was before.
      await page.goBack().catch(() => null);
      expect(page.url().startsWith(server.origin)).toBe(false);
    } finally {
      await context.close();
    }
  });
});
