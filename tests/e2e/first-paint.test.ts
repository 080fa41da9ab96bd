// The first screen before (or without) JavaScript: the prerendered shell in index.html and help.html (src/app/shell/).
import path from 'node:path';

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { PIN_LOCK_MARK_KEY } from '../../src/app/data/lock/pinLockMark.ts';
import { EXIT_EXPLAINED_KEY } from '../../src/app/features/help/quickExitKey.ts';
import { LANGUAGES } from '../../src/shared/languages.ts';
import { withStaticImports } from '../bench/sizes.ts';
import { eventually, expectNoAxeViolations, newPhone, PHONE_VIEWPORT, type RunningServer, screenshot, startBrowser, startServer } from './harness.ts';
import { words } from './words.ts';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await startBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/**
 * A phone that has used the app before, the way the prerendered Today stands for: its language chosen (in the app),
 * the quick-exit note read, and no PIN (as the app itself marks at start). Its storage, to open again in a new context.
 */
async function phoneThatUsedTheApp(language: string): Promise<Awaited<ReturnType<BrowserContext['storageState']>>> {
  const { page, context } = await newPhone(browser, server, { language });
  try {
    await page.goto(server.url('/'));
    await page.getByRole('button', { name: words(language, 'exit.explainOk') }).click();
    // The app copies the chosen language into its cookie, and marks "no PIN", at start.
    await eventually(() => context.cookies(), (cookies) => cookies.some((c) => c.name === 'language' && c.value === language), 'the language cookie');
    await eventually(() => page.evaluate((key) => localStorage.getItem(key), PIN_LOCK_MARK_KEY), (mark) => mark === 'no', 'the no-PIN mark');
    return await context.storageState();
  } finally {
    await context.close();
  }
}

async function phoneWithoutJavaScript(storageState?: Awaited<ReturnType<BrowserContext['storageState']>>): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext({ viewport: PHONE_VIEWPORT, isMobile: true, hasTouch: true, javaScriptEnabled: false, storageState });
  return { context, page: await context.newPage() };
}

describe('with JavaScript off', () => {
  for (const language of ['en', 'ar']) {
    it(`shows Today and the Help now bar, and Help now with its tel: and sms: links (${language})`, async () => {
      const { page, context } = await phoneWithoutJavaScript(language === 'en' ? undefined : await phoneThatUsedTheApp(language));
      try {
        await page.goto(server.url('/'));
        expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(
          [language === 'en' ? 'en-GB' : language, language === 'en' ? 'ltr' : 'rtl']);
        await expect(page.getByRole('heading', { level: 1, name: words(language, 'nav.today') }).isVisible()).resolves.toBe(true);
        expect(await page.getByRole('button', { name: words(language, 'checkin.mood.4'), exact: true }).count()).toBe(1);
        const helpNow = page.getByRole('link', { name: words(language, 'helpNow.link') });
        await expect(helpNow.isVisible()).resolves.toBe(true);
        await screenshot(page, `first-paint-no-js-today-${language}`);

        await helpNow.click();
        await page.waitForURL('**/help');
        await expect(page.getByRole('heading', { level: 1, name: words(language, 'help.title') }).isVisible()).resolves.toBe(true);
        const hrefs = await page.locator('a[href^="tel:"], a[href^="sms:"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
        expect(hrefs).toContain('tel:999');
        expect(hrefs).toContain('tel:116123');
        expect(hrefs.some((href) => href!.startsWith('sms:'))).toBe(true);
        await screenshot(page, `first-paint-no-js-help-${language}`);
      } finally {
        await context.close();
      }
    });

    it(`passes axe as a browser without JavaScript shows it (${language})`, async () => {
      const state = language === 'en' ? undefined : await phoneThatUsedTheApp(language);
      // axe needs JavaScript to run, so this page gets the document as the server sends it with its scripts taken out
      // and its <noscript> part made ordinary markup: what a browser with JavaScript off draws.
      const context = await browser.newContext({ viewport: PHONE_VIEWPORT, isMobile: true, hasTouch: true, storageState: state });
      try {
        const page = await context.newPage();
        await page.route((url) => url.pathname === '/' || url.pathname === '/help', async (route) => {
          const response = await route.fetch();
          const body = (await response.text()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '').replace(/<\/?noscript>/g, '');
          await route.fulfill({ response, body });
        });
        for (const [address, heading] of [['/', 'nav.today'], ['/help', 'help.title']]) {
          await page.goto(server.url(address));
          await page.getByRole('heading', { level: 1, name: words(language, heading) }).waitFor();
          await expectNoAxeViolations(page, `${address} without JavaScript (${language})`);
        }
      } finally {
        await context.close();
      }
    });
  }
});

/** The app's script held back, as on a slow phone, until the returned function lets it through. */
async function holdTheAppScript(page: Page): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => { release = resolve; });
  await page.route(/\/assets\/app-[\w-]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** A phone as phoneThatUsedTheApp leaves it, set up directly (the marks the app writes), with its console watched. */
async function returningPhone(language: string): Promise<{ page: Page; context: BrowserContext; reactErrors: string[]; replaced: () => Promise<boolean> }> {
  const { page, context } = await newPhone(browser, server, { language });
  await context.addInitScript(({ exitKey, pinKey, code }) => {
    localStorage.setItem('language', code);
    localStorage.setItem(exitKey, 'yes');
    localStorage.setItem(pinKey, 'no');
    // Whether React ever threw the painted shell away (createRoot clears #root; hydrating keeps it).
    new MutationObserver((changes) => {
      for (const change of changes) {
        for (const node of change.removedNodes) if (node instanceof HTMLElement && node.classList.contains('shell')) (window as unknown as { shellReplaced: boolean }).shellReplaced = true;
      }
    }).observe(document, { childList: true, subtree: true });
  }, { exitKey: EXIT_EXPLAINED_KEY, pinKey: PIN_LOCK_MARK_KEY, code: language });
  const reactErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') reactErrors.push(message.text());
  });
  page.on('pageerror', (error) => reactErrors.push(String(error)));
  const replaced = () => page.evaluate(() => (window as unknown as { shellReplaced?: boolean }).shellReplaced === true);
  return { page, context, reactErrors, replaced };
}

describe('with JavaScript on', () => {
  for (const [locale, code] of [['en-GB', 'en'], ['fa-IR', 'fa']]) {
    it(`paints the first-start language list before the app starts, and takes it over (${code})`, async () => {
      const { page, context } = await newPhone(browser, server, { language: locale, firstStart: true });
      const reactErrors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') reactErrors.push(message.text());
      });
      await context.addInitScript(() => {
        new MutationObserver((changes) => {
          for (const change of changes) {
            for (const node of change.removedNodes) if (node instanceof HTMLElement && node.classList.contains('first-start')) (window as unknown as { listReplaced: boolean }).listReplaced = true;
          }
        }).observe(document, { childList: true, subtree: true });
      });
      try {
        await page.goto(server.url('/'));
        expect(await page.evaluate(() => [document.getElementById('root')!.dataset.painted, document.documentElement.dir])).toEqual(['first-start', code === 'fa' ? 'rtl' : 'ltr']);
        await page.getByRole('heading', { level: 1, name: words(code, 'language.choose') }).waitFor();
        // The phone's language first, already pressed, as the app draws it.
        const first = page.getByRole('listitem').first().getByRole('button');
        expect(await first.getAttribute('aria-pressed')).toBe('true');
        // React has it once the heading has focus (FirstStartLanguage's effect).
        await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
        expect(await page.evaluate(() => (window as unknown as { listReplaced?: boolean }).listReplaced === true)).toBe(false);
        await first.click();
        await page.getByRole('link', { name: words(code, 'helpNow.link') }).waitFor();
        expect(reactErrors.filter((text) => /hydrat|Minified React error|did not match|#418|#423|#425/i.test(text))).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it('builds only the painted screen before the first paint, not every language\'s', async () => {
    const { page, context } = await newPhone(browser, server, { language: 'en-GB', firstStart: true });
    try {
      // JavaScript on, the app not started: what the page's parser and its inline script alone have built.
      await page.route(/\/assets\/.*\.js$/, (route) => route.abort());
      await page.goto(server.url('/'));
      expect(await page.evaluate(() => document.getElementById('root')!.dataset.painted)).toBe('first-start');
      const built = await page.evaluate(() => {
        const inTemplates = [...document.querySelectorAll('template')].reduce((n, t) => n + t.content.querySelectorAll('*').length, 0);
        return { painted: document.querySelectorAll('#root *').length, all: document.querySelectorAll('*').length + inTemplates };
      });
      // The list itself and the page around it; fourteen languages' Today (about 150 elements each) would be far more.
      expect(built.painted).toBeGreaterThan(30);
      expect(built.all).toBeLessThan(built.painted + 100);
    } finally {
      await context.close();
    }
  });

  it('takes over the painted Today without a hydration warning, in every language', async () => {
    for (const { code } of LANGUAGES) {
      const { page, context, reactErrors, replaced } = await returningPhone(code);
      try {
        await page.goto(server.url('/'));
        expect(await page.evaluate(() => document.getElementById('root')!.dataset.painted), code).toBe('today');
        // The app starts after the first paint; from hydrateRoot on (it ends the inline script's noting of taps) React
        // listens, and the language list opens from the painted button.
        await page.waitForFunction(() => !('firstPaintTaps' in window));
        await page.getByRole('button', { name: words(code, 'language.button') }).click();
        await page.getByRole('group', { name: words(code, 'language.choose') }).waitFor();
        expect(reactErrors.filter((text) => /hydrat|Minified React error|did not match|#418|#423|#425/i.test(text)), code).toEqual([]);
        expect(await replaced(), `${code}: the painted shell was replaced instead of hydrated`).toBe(false);
      } finally {
        await context.close();
      }
    }
  });

  it('sends the first screen\'s script with the hint to compile it while it downloads, and no lazy screen with it', async () => {
    const { page, context } = await newPhone(browser, server, { language: 'en-GB' });
    try {
      const scripts: string[] = [];
      page.on('response', (response) => {
        if (response.request().resourceType() === 'script') scripts.push(response.url());
      });
      await page.goto(server.url('/'));
      const [first, ...rest] = (await page.locator('#root').getAttribute('data-app'))!.split(' ');
      // React, React DOM and the rest of the app the first file imports at start (src/app/wholeApp.tsx) open with it too.
      const [whole] = (await page.locator('#root').getAttribute('data-app-rest'))!.split(' ');
      // As the phone gets it (compressed, from the server): the hint only counts as the file's first line.
      const react = rest.find((file) => /^\/assets\/react-(?!dom-)/.test(file))!;
      const reactDom = rest.find((file) => file.startsWith('/assets/react-dom-'))!;
      for (const file of [first, react, reactDom, whole]) expect((await (await page.request.get(server.url(file))).text()).split('\n')[0], file).toBe('//# allFunctionsCalledOnLoad');
      // React DOM is evaluated in a task of its own, after the entry's: the entry and what it statically imports never
      // include it (it is preloaded beside them, above).
      const staticallyRun = withStaticImports(path.resolve(import.meta.dirname, '../../dist'), [first.slice(1)]);
      expect(staticallyRun.length).toBeGreaterThan(1);
      expect(staticallyRun).not.toContain(reactDom.slice(1));
      // A screen loaded later compiles as it is used: most of its functions never run at start.
      await page.goto(server.url('/settings'));
      await page.getByRole('heading', { level: 1, name: words('en', 'settings.title') }).waitFor();
      const lazy = scripts.filter((url) => ![first, whole, ...rest].some((file) => url.endsWith(file)));
      expect(lazy.length).toBeGreaterThan(0);
      for (const url of lazy) expect(await (await page.request.get(url)).text()).not.toContain('allFunctionsCalledOnLoad');
    } finally {
      await context.close();
    }
  });

  it('makes no database while the first-start list shows, and opens it once a language is chosen', async () => {
    const { page, context } = await newPhone(browser, server, { language: 'en-GB', firstStart: true });
    const databases = () => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    try {
      await page.goto(server.url('/'));
      // React has the list (its heading has focus), and start-up has had time to do anything it was going to do.
      await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
      await page.waitForLoadState('load');
      await page.waitForTimeout(1_000);
      expect(await databases()).toEqual([]);
      await page.getByRole('listitem').first().getByRole('button').click();
      await page.getByRole('link', { name: words('en', 'helpNow.link') }).waitFor();
      await eventually(databases, (names) => names.includes('care-leaver-app'), 'the database');
    } finally {
      await context.close();
    }
  });

  it('on a first start runs only the start of the app until the first touch, with the rest already downloaded', async () => {
    const { page, context } = await newPhone(browser, server, { language: 'en-GB', firstStart: true });
    try {
      // What V8 compiles is what the phone runs: a fetched file it never runs is never parsed.
      const cdp = await context.newCDPSession(page);
      const parsed: string[] = [];
      cdp.on('Debugger.scriptParsed', (script) => parsed.push(new URL(script.url || 'about:blank').pathname));
      await cdp.send('Debugger.enable');
      await page.goto(server.url('/'));
      const [whole] = (await page.locator('#root').getAttribute('data-app-rest'))!.split(' ');
      const [entry] = (await page.locator('#root').getAttribute('data-app'))!.split(' ');
      await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
      await page.waitForLoadState('load');
      const fetched = () => page.evaluate((file) => performance.getEntriesByType('resource').some((e) => new URL(e.name).pathname === file), whole);
      await eventually(fetched, (yes) => yes, 'the rest of the app downloaded');
      await page.waitForTimeout(1_000);
      expect(parsed).toContain(entry);
      expect(parsed).not.toContain(whole);
      // A touch anywhere (here on the heading) starts it, before a language is chosen.
      await page.getByRole('heading', { level: 1 }).dispatchEvent('pointerdown');
      await eventually(async () => parsed, (files) => files.includes(whole), 'the rest of the app running');
      await page.getByRole('listitem').first().getByRole('button').click();
      await page.getByRole('link', { name: words('en', 'helpNow.link') }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('takes a language tapped on the painted first-start list before the app started as the choice', async () => {
    const { page, context } = await newPhone(browser, server, { language: 'en-GB', firstStart: true });
    try {
      const release = await holdTheAppScript(page);
      await page.goto(server.url('/'), { waitUntil: 'commit' });
      const arabic = LANGUAGES.find((l) => l.code === 'ar')!.nativeName;
      await page.getByRole('button', { name: new RegExp(arabic) }).click();
      release();
      await page.getByRole('link', { name: words('ar', 'helpNow.link') }).waitFor();
      expect(await page.evaluate(() => [localStorage.getItem('language'), document.documentElement.dir])).toEqual(['ar', 'rtl']);
    } finally {
      await context.close();
    }
  });

  it('leaves the painted first-start list where the person scrolled it when the app takes over', async () => {
    const { page, context } = await newPhone(browser, server, { language: 'en', firstStart: true });
    try {
      const release = await holdTheAppScript(page);
      await page.goto(server.url('/'), { waitUntil: 'commit' });
      const privacy = page.getByRole('link', { name: words('en', 'privacy.title') });
      // On a slow phone the person scrolls down to the privacy link before the app has started.
      await privacy.scrollIntoViewIfNeeded();
      const scrolled = await page.evaluate(() => window.scrollY);
      expect(scrolled).toBeGreaterThan(0);
      release();
      await page.waitForFunction(() => !('firstPaintTaps' in window));
      // The app has taken over: its heading has focus for a screen reader, and the page has not jumped to it.
      await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
      expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
      await privacy.click();
      await page.waitForURL((url) => url.pathname === '/privacy');
    } finally {
      await context.close();
    }
  });

  it('saves a face tapped 100 ms after the first paint once, not lost, not doubled', async () => {
    const { page, context } = await returningPhone('en');
    try {
      // The app's script arrives late, as on a slow phone: the tap lands before React listens.
      const release = await holdTheAppScript(page);
      await page.goto(server.url('/'), { waitUntil: 'commit' });
      const good = page.getByRole('button', { name: words('en', 'checkin.mood.4'), exact: true });
      await good.waitFor();
      await page.waitForTimeout(100);
      await good.click();
      expect(await page.evaluate(() => (window as unknown as { firstPaintTaps?: { taps: unknown[] } }).firstPaintTaps?.taps)).toEqual([{ kind: 'mood', value: '4' }]);
      release();
      await page.getByText(words('en', 'checkin.saved')).waitFor();
      const saved = await eventually(() => server.records('checkin'), (records) => records.length >= 1, 'the check-in on the server');
      expect(saved.map((c) => c.mood)).toEqual([4]);
      // A moment later there is still just the one.
      await page.waitForTimeout(3_000);
      expect(server.records('checkin')).toHaveLength(1);
    } finally {
      await context.close();
    }
  });

  it('keeps the painted Help now on screen until the app has drawn its own, and opens the Language list tapped before', async () => {
    const { page, context } = await returningPhone('en');
    try {
      // The app's script arrives late: the person taps Language on the painted Help now before React listens.
      const release = await holdTheAppScript(page);
      await page.goto(server.url('/help'), { waitUntil: 'commit' });
      await page.getByRole('heading', { level: 1, name: words('en', 'help.title') }).waitFor();
      await page.getByRole('button', { name: words('en', 'language.button') }).click();
      // Watch every frame from here: the crisis numbers never leave the screen while the app takes over.
      await page.evaluate(() => {
        const frames: number[] = [];
        (window as unknown as { contactFrames: number[] }).contactFrames = frames;
        const look = () => { frames.push(document.querySelectorAll('.contact-links').length); if (frames.length < 600) requestAnimationFrame(look); };
        requestAnimationFrame(look);
      });
      release();
      // The tap was not lost: the app opens the language list it asked for.
      await page.getByRole('button', { name: /فارسی/ }).waitFor();
      const frames = await page.evaluate(() => (window as unknown as { contactFrames: number[] }).contactFrames);
      expect(frames.length).toBeGreaterThan(0);
      expect(frames.filter((n) => n === 0)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
