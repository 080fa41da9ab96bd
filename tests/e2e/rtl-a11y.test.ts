// In Arabic the page reads right-to-left and the layout mirrors (every screen in every language: ./languages.test.ts).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { browser, newPhone, server, serverAndBrowserPerFile } from './harness.ts';
import { words } from './words.ts';

serverAndBrowserPerFile();

async function openScreen(page: Page, path: string): Promise<void> {
  await page.goto(server.url(path));
  await page.getByRole('heading', { level: 1 }).first().waitFor();
}

describe('in Arabic the app reads right-to-left', () => {
  it('sets <html dir="rtl" lang="ar"> and mirrors the layout', async () => {
    const { page, context } = await newPhone(browser, server, { language: 'ar' });
    try {
      await openScreen(page, '/');
      expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(['rtl', 'ar']);

      // The first place in the bottom navigation (Today) sits at the right-hand edge, the last (More) at the left.
      const nav = page.getByRole('navigation', { name: words('ar', 'nav.label') });
      const today = await nav.getByRole('link', { name: words('ar', 'nav.today') }).boundingBox();
      const more = await nav.getByRole('link', { name: words('ar', 'nav.more') }).boundingBox();
      expect(today!.x).toBeGreaterThan(more!.x);
      expect(today!.x + today!.width).toBeGreaterThan(360 - 80);

      // Headings start at the right, as Arabic text does.
      const heading = await page.getByRole('heading', { level: 1 }).boundingBox();
      expect(heading!.x + heading!.width).toBeGreaterThan(360 - 40);
    } finally {
      await context.close();
    }
  });

  it('reads left-to-right in English, so the mirroring above is real', async () => {
    const { page, context } = await newPhone(browser, server, { language: 'en' });
    try {
      await openScreen(page, '/');
      expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(['ltr', 'en-GB']);
      const nav = page.getByRole('navigation', { name: words('en', 'nav.label') });
      const today = await nav.getByRole('link', { name: words('en', 'nav.today') }).boundingBox();
      const more = await nav.getByRole('link', { name: words('en', 'nav.more') }).boundingBox();
      expect(today!.x).toBeLessThan(more!.x);
    } finally {
      await context.close();
    }
  });
});

// Every screen in every language (axe-core, 360 px, <html lang dir>) is checked in ./languages.test.ts.
