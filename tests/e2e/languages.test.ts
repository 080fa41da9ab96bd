// Every language in the table, in real Chromium: each screen of ./screens.ts renders with no missing-key text, the
// right <html lang dir>, nothing wider than a 360 px phone, and axe-core clean. Ethiopic draws with a real Ethiopic
// font; phone numbers on Help now read in dialling order in every right-to-left language; first start asks for the
// language; switching works offline. One server and one browser for all of it, to stay quick.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { htmlLang, LANGUAGES } from '../../src/shared/languages.ts';
import { browser, expectNoAxeViolations, expectNoHorizontalOverflow, goOffline, newPhone, server, serverAndBrowserPerFile, waitForServiceWorker } from './harness.ts';
import { SCREENS } from './screens.ts';
import { words } from './words.ts';

serverAndBrowserPerFile();

async function openScreen(page: Page, path: string): Promise<void> {
  await page.goto(server.url(path));
  await page.getByRole('heading', { level: 1 }).first().waitFor();
}

/** i18next shows the key itself ("help.linesTitle") when a word is missing everywhere. */
async function missingKeyText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const text = `${document.body.innerText}\n${[...document.querySelectorAll('[aria-label],[placeholder],[title]')].map((e) => `${e.getAttribute('aria-label') ?? ''} ${e.getAttribute('placeholder') ?? ''} ${e.getAttribute('title') ?? ''}`).join('\n')}`;
    return [...text.matchAll(/\b[a-z][a-zA-Z0-9]+(?:\.[a-zA-Z0-9_-]+){1,5}\b/g)].map((m) => m[0]).filter((t) => !/^(www|bbc|nhs|gov)\.|\.(uk|com|org|net)$/.test(t));
  });
}

/** The fonts Chromium really drew an element's text with (not what CSS asked for): finds boxes (no font) too. */
async function fontsUsedFor(page: Page, selector: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    return fonts.map((f) => `${f.familyName}:${f.glyphCount}`);
  } finally {
    await cdp.detach();
  }
}

// Languages run two at a time (each its own phone; maxConcurrency in vitest.config.ts), so fourteen stay quick.
describe.concurrent('every language', () => {
  for (const language of LANGUAGES) {
    it(`${language.englishName} (${language.code}): every screen right, Help now numbers in dialling order`, async () => {
      const { page, context } = await newPhone(browser, server, { language: language.code });
      try {
        for (const screen of SCREENS) {
          await openScreen(page, screen.path);
          await screen.prepare?.(page, language.code);
          const where = `${screen.name} (${screen.path}, ${language.code})`;
          expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), where).toEqual([htmlLang(language.code), language.dir]);
          expect(await missingKeyText(page), where).toEqual([]);
          await expectNoHorizontalOverflow(page, where);
          await expectNoAxeViolations(page, where);
        }

        await openScreen(page, '/help');
        expect(await page.getByRole('heading', { level: 1 }).first().textContent()).toBe(words(language.code, 'help.title'));
        const numbers = await page.evaluate(() =>
          [...document.querySelectorAll('.contact-links bdi')].map((bdi) => {
            // Where the first and last characters are drawn: in dialling order the first is left of the last.
            const text = bdi.firstChild!;
            const range = document.createRange();
            range.setStart(text, 0);
            range.setEnd(text, 1);
            const first = range.getBoundingClientRect().left;
            range.setStart(text, text.textContent!.length - 1);
            range.setEnd(text, text.textContent!.length);
            return { number: bdi.textContent, inOrder: first < range.getBoundingClientRect().left };
          }),
        );
        expect(numbers.length).toBeGreaterThan(3);
        expect(numbers.filter((n) => n.number.length > 1 && !n.inOrder)).toEqual([]);
      } finally {
        await context.close();
      }
    }, 240_000);
  }
});

describe('Ethiopic script', () => {
  for (const code of ['ti', 'am']) {
    it(`draws ${code} with a real Ethiopic font, not boxes`, async () => {
      const { page, context } = await newPhone(browser, server, { language: code });
      try {
        await openScreen(page, '/help');
        // The app's own Help now, not the painted one it replaces (a node looked at as it is swapped out has no fonts).
        await page.waitForFunction(() => document.getElementById('root')?.dataset.painted === undefined);
        const fonts = await fontsUsedFor(page, 'h1');
        expect(fonts.some((f) => /Ethiopic/i.test(f)), fonts.join(', ')).toBe(true);
      } finally {
        await context.close();
      }
    });
  }
});

describe('choosing a language', () => {
  it("asks on first start, before anything else, with the phone's language preselected", async () => {
    const { page, context } = await newPhone(browser, server, { language: 'fa-IR', firstStart: true });
    try {
      await page.goto(server.url('/'));
      await page.getByRole('heading', { level: 1, name: words('fa', 'language.choose') }).waitFor();
      expect(await page.getByRole('navigation').count()).toBe(0);
      const options = page.getByRole('button', { pressed: true });
      await expect.poll(() => options.textContent()).toContain('فارسی');
      await expectNoAxeViolations(page, 'first start (fa)');
      await page.getByRole('button', { name: /Tiếng Việt/ }).click();
      await page.getByRole('navigation', { name: words('vi', 'nav.label') }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
      await page.reload();
      await page.getByRole('navigation', { name: words('vi', 'nav.label') }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('switches offline: Help now in every language, the whole app in one chosen before', async () => {
    const { page, context } = await newPhone(browser, server, { language: 'en' });
    try {
      await openScreen(page, '/help');
      await waitForServiceWorker(page);
      // Chosen once with signal, so kept on the phone.
      await page.getByRole('button', { name: words('en', 'language.button') }).click();
      await page.getByRole('button', { name: /فارسی/ }).click();
      await page.getByRole('heading', { level: 1, name: words('fa', 'help.title') }).waitFor();
      await goOffline(context);
      await page.reload();
      let shown = 'fa';
      for (const language of LANGUAGES) {
        await page.getByRole('button', { name: words(shown, 'language.button') }).click();
        await page.getByRole('button', { name: new RegExp(language.nativeName) }).click();
        await page.getByRole('heading', { level: 1, name: words(language.code, 'help.title') }).waitFor();
        expect(await page.evaluate(() => document.documentElement.dir)).toBe(language.dir);
        shown = language.code;
      }
      // The one chosen with signal has every screen's words, offline.
      await page.getByRole('button', { name: words(shown, 'language.button') }).click();
      await page.getByRole('button', { name: /فارسی/ }).click();
      await page.getByRole('link', { name: words('fa', 'nav.history') }).click();
      await page.getByRole('heading', { level: 1, name: words('fa', 'history.title') }).waitFor();
    } finally {
      await context.close();
    }
  });
});
