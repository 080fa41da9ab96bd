// End-to-end harness: the real server serving the BUILT app (dist/), driven by the system Chromium at phone size.
//
// How to write an e2e test for your screen (tests/e2e/<feature>.test.ts):
//
//   import { expect, it } from 'vitest';
//   import { browser, expectNoAxeViolations, expectNoHorizontalOverflow, newPhone, server, serverAndBrowserPerFile } from './harness.ts';
//   import { words } from './words.ts';
//   serverAndBrowserPerFile();                   // one server and one Chromium for this file's tests
//   it('finds a drop-in near SK1 with no signal', async () => {
//     const { page, context } = await newPhone(browser, server, { language: 'ar' });
//     await page.goto(server.url('/directory'));
//     await waitForServiceWorker(page);          // the app is now on the phone
//     await goOffline(context);                  // and the network is gone
//     await page.getByRole('button', { name: words('ar', 'directory.search.label') }).click();   // by role and the app's own words
//     await expectNoAxeViolations(page, 'directory results (ar)');
//     await expectNoHorizontalOverflow(page, 'directory results (ar)');
//     expect(server.records('checkin')).toHaveLength(1);       // what reached the server's SQLite
//   });
//
// `npm test` runs `vite build` first; run alone with `npm run test:e2e` (builds too) or `npx vitest run --project e2e <file>` after a build.
// Each startServer() gets its own port and temporary DATA_DIR (SQLite) and is started exactly like `npm start` runs it.
// Add your screens to the accessibility table in ./screens.ts so rtl-a11y.test.ts checks them in English and Arabic.
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { AxeBuilder } from '@axe-core/playwright';
import Database from 'better-sqlite3';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

import { matchPhoneLanguage } from '../../src/shared/languages.ts';
import { launchChromium } from './browser.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const DIST = path.join(ROOT, 'dist');
/** A phone like the ones care leavers use: small screen, touch. */
export const PHONE_VIEWPORT = { width: 360, height: 740 };
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export type RunningServer = {
  /** http://127.0.0.1:<port> */
  origin: string;
  url(pathname?: string): string;
  dataDir: string;
  staticDir: string;
  sqliteFile: string;
  /** Everything the server printed, for failure messages. */
  output(): string;
  /** Synced records of one kind that reached the server (live rows, parsed), read from its SQLite file. */
  records(kind: string): Record<string, unknown>[];
  /** Run any read-only SQL against the server's SQLite file. */
  query<T = Record<string, unknown>>(sql: string, ...params: unknown[]): T[];
  /** Calls the server's HTTP API (e.g. '/api/v1/health', or a pull with a device token); returns status and parsed JSON. */
  api<T = unknown>(pathname: string, init?: RequestInit & { token?: string }): Promise<{ status: number; body: T }>;
  stop(): Promise<void>;
};

/** The built app; fails with a clear message when it was never built. */
function requireBuiltApp(dir = DIST): string {
  if (!existsSync(path.join(dir, 'index.html')) || !existsSync(path.join(dir, 'sw.js'))) {
    throw new Error(`The built app is missing (${dir}/index.html or sw.js). Run "npx vite build" first; "npm test" and "npm run test:e2e" do it for you.`);
  }
  return dir;
}

/** A copy of dist/ that a test may change (e.g. to make a "new version" of the service worker). */
export function copyOfBuiltApp(): string {
  const copy = mkdtempSync(path.join(tmpdir(), 'e2e-dist-'));
  cpSync(requireBuiltApp(), copy, { recursive: true });
  return copy;
}

/** Starts `node --import tsx src/server/main.ts` (what `npm start` runs) on a free port with a fresh SQLite DATA_DIR. */
export type ServerOptions = { staticDir?: string; env?: Record<string, string> };

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const staticDir = requireBuiltApp(options.staticDir ?? DIST);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'e2e-data-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, STATIC_DIR: staticDir, LOG_LEVEL: 'warn', DATABASE_URL: '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const port = await waitForListening(child, () => output);
  const origin = `http://127.0.0.1:${port}`;
  const sqliteFile = path.join(dataDir, 'app.sqlite');
  const query = <T>(sql: string, ...params: unknown[]): T[] => {
    const db = new Database(sqliteFile, { readonly: true, fileMustExist: true });
    try {
      return db.prepare(sql).all(...params) as T[];
    } finally {
      db.close();
    }
  };
  return {
    origin,
    url: (pathname = '/') => new URL(pathname, origin).toString(),
    dataDir,
    staticDir,
    sqliteFile,
    output: () => output,
    query,
    api: async <T>(pathname: string, init: RequestInit & { token?: string } = {}) => {
      const { token, headers, ...rest } = init;
      const response = await fetch(new URL(pathname, origin), {
        ...rest,
        headers: { ...(rest.body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
    },
    records: (kind) =>
      query<{ data: string }>('select data from records where kind = ? and deleted = 0 order by version', kind).map((row) => JSON.parse(row.data)),
    stop: async () => {
      await stopProcess(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function waitForListening(child: ChildProcess, output: () => string): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`The server did not start within 60 s. It printed:\n${output()}`)), 60_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    child.stdout!.on('data', () => {
      const match = /Listening on http:\/\/[^:]+:(\d+)/.exec(output());
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.on('exit', (code) => fail(new Error(`The server exited (code ${code}) before listening. It printed:\n${output()}`)));
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** The system Chromium, headless. Close it in afterAll. */
export function startBrowser(): Promise<Browser> {
  return launchChromium();
}

export type Phone = { context: BrowserContext; page: Page };

/**
 * The app asks for a language on first start; a test phone has already chosen its browser's language, unless the
 * test is about that first start. Only when nothing is chosen yet, so a choice made in the test survives reloads.
 */
export async function languageAlreadyChosen(context: BrowserContext, language = 'en'): Promise<void> {
  await context.addInitScript((code) => {
    try {
      if (location.protocol.startsWith('http') && localStorage.getItem('language') === null) localStorage.setItem('language', code);
    } catch {
      // about:blank and other opaque origins have no storage.
    }
  }, matchPhoneLanguage([language]) ?? 'en');
}

/**
 * A fresh phone (its own storage, service worker and IndexedDB) at 360×740 whose browser language is `language`
 * ('en', 'ar' …), with that language already chosen (`firstStart: true` shows the first-start language list instead).
 */
export async function newPhone(browser: Browser, _server: RunningServer, options: { language?: string; firstStart?: boolean } = {}): Promise<Phone> {
  const language = options.language ?? 'en';
  const context = await browser.newContext({
    viewport: PHONE_VIEWPORT,
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
    locale: language,
    timezoneId: 'Europe/London',
    serviceWorkers: 'allow',
  });
  if (!options.firstStart) await languageAlreadyChosen(context, language);
  const page = await context.newPage();
  return { context, page };
}

export async function goOffline(context: BrowserContext): Promise<void> {
  await context.setOffline(true);
}

export async function goOnline(context: BrowserContext): Promise<void> {
  await context.setOffline(false);
}

/** Waits until a service worker controls the page, i.e. the whole app is saved on the phone and works offline. */
export async function waitForServiceWorker(page: Page, timeoutMs = 30_000): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, undefined, { timeout: timeoutMs }).catch((error: unknown) => {
    throw new Error(`No service worker took control of ${page.url()} within ${timeoutMs} ms (is it registered in the built app?): ${String(error)}`);
  });
}

/** Runs axe-core (WCAG 2.2 AA tags) on what the page shows now; fails listing every problem and where it is. */
export async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  // Check the page from its top: wherever a test happened to leave it scrolled, content passes under the
  // sticky Help-now bar, and axe would count that passing moment as a hidden touch target.
  const scrolledTo = await page.evaluate(() => {
    const y = window.scrollY;
    window.scrollTo(0, 0);
    return y;
  });
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  await page.evaluate((y) => window.scrollTo(0, y), scrolledTo);
  if (results.violations.length === 0) return;
  const report = results.violations
    .map((v) => {
      const nodes = v.nodes.map((n) => `      at ${n.target.join(' ')}\n        ${(n.failureSummary ?? '').replace(/\n/g, '\n        ')}`).join('\n');
      return `  - ${v.id} (${v.impact}): ${v.help}\n    ${v.helpUrl}\n${nodes}`;
    })
    .join('\n');
  throw new Error(`axe-core found ${results.violations.length} accessibility problem(s) on ${where}:\n${report}`);
}

/** Fails if anything makes the page scroll sideways, naming the widest offenders. */
export async function expectNoHorizontalOverflow(page: Page, where: string): Promise<void> {
  const found = await page.evaluate(() => {
    const width = window.innerWidth;
    const scrollWidth = document.documentElement.scrollWidth;
    const offenders = [...document.querySelectorAll('body *')]
      .map((el) => ({ el, rect: el.getBoundingClientRect() }))
      .filter(({ rect }) => rect.right > width + 0.5 || rect.left < -0.5)
      .slice(0, 5)
      .map(({ el, rect }) => `<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}"> from ${Math.round(rect.left)} to ${Math.round(rect.right)} px`);
    return { width, scrollWidth, offenders };
  });
  if (found.scrollWidth <= found.width) return;
  throw new Error(`${where} scrolls sideways: page is ${found.scrollWidth} px wide in a ${found.width} px screen.\n  ${found.offenders.join('\n  ')}`);
}

/** Saves a screenshot to test-results/<name>.png (gitignored), for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = path.join(ROOT, 'test-results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name.replace(/[^a-z0-9-]+/gi, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Polls `read` until `accept` says yes (e.g. until a check-in reached the server); fails with the last value. */
export async function eventually<T>(read: () => T | Promise<T>, accept: (value: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!accept(last)) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; last saw ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
    last = await read();
  }
  return last;
}

/** The phone's device identity (id and token) from its IndexedDB, to call the API as that phone. Null before its first sync. */
export async function deviceOf(page: Page): Promise<{ deviceId: string; token: string } | null> {
  return page.evaluate(
    () =>
      new Promise<{ deviceId: string; token: string } | null>((resolve, reject) => {
        const open = indexedDB.open('care-leaver-app');
        open.onerror = () => reject(open.error ?? new Error('IndexedDB request failed'));
        open.onsuccess = () => {
          const database = open.result;
          if (!database.objectStoreNames.contains('meta')) return resolve(null);
          const read = database.transaction('meta').objectStore('meta').get('device');
          read.onsuccess = () => {
            database.close();
            resolve((read.result as { value?: { deviceId: string; token: string } } | undefined)?.value ?? null);
          };
          read.onerror = () => reject(read.error ?? new Error('IndexedDB request failed'));
        };
      }),
  );
}

/** The test file's one server and one browser, set by `serverAndBrowserPerFile` (live bindings: read them in tests). */
export let server: RunningServer;
export let browser: Browser;

/**
 * Call once at the top of a test file (or of its describe block): one server, started with these options, and one
 * Chromium for all its tests, stopped after the last. Options as a function are read when the server starts.
 */
export function serverAndBrowserPerFile(options: ServerOptions | (() => ServerOptions) = {}): void {
  beforeAll(async () => {
    server = await startServer(typeof options === 'function' ? options() : options);
    browser = await startBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
}

/** Everything the page can read from its own storage (every IndexedDB store, localStorage, sessionStorage), as text: a PIN-lock test looks for plaintext in it. */
export async function everythingStored(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const dump: Record<string, unknown> = { local: { ...localStorage }, session: { ...sessionStorage } };
    for (const { name } of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name!);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error ?? new Error('IndexedDB request failed'));
      });
      for (const store of db.objectStoreNames) {
        dump[`${name}/${store}`] = await new Promise((resolve) => {
          const all = db.transaction(store).objectStore(store).getAll();
          all.onsuccess = () => resolve(all.result);
        });
      }
      db.close();
    }
    // Bytes as numbers, so a plaintext hidden in a byte array would still show up as text below.
    return JSON.stringify(dump, (_key, value: unknown) => (ArrayBuffer.isView(value) ? new TextDecoder().decode(value) : value));
  });
}
