// A page's start as a phone runs it: the system Chromium with no DevTools domain switched on, the CPU slowed 4×.
// Lighthouse (and Playwright) switch on DevTools' Runtime domain, and with it V8 records a full stack trace, with
// source positions, for every Error made. React DOM makes five when it starts (its sentinel errors), so V8 parses
// all of React DOM's 200 KB again: its start took 40–70 ms here under DevTools and 2–8 ms without (unthrottled).
// The floor does that before its first paint, where TBT does not look; ours comes after it. This measures both
// without it: Chromium is started here and driven with only Emulation, Page and Runtime.evaluate, none of which
// records stack traces.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';

import { CHROMIUM_ARGS, requireChromium } from '../e2e/browser.ts';
import { TBT_NOISE_MS, type Verdict } from './lighthouse.ts';
import { mediansOf, spreadOf } from './runs.ts';

export type QuietFigures = { fcpMs: number; blockedMs: number; blockedAfterPaintMs: number; longestTaskMs: number };

/** Runs in the page before its own scripts: notes each long task and, for a returning phone, its chosen language. */
const OBSERVE = (returning: boolean) => `(() => {
  ${returning ? "localStorage.setItem('language', 'en'); localStorage.setItem('exit.explained', 'yes'); localStorage.setItem('pinLock.set', 'no');" : ''}
  const tasks = (window.__quietTasks = []);
  new PerformanceObserver((list) => { for (const e of list.getEntries()) tasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });
})();`;

/** What the page blocked: each long task's time over 50 ms, all of it and after the first paint (as TBT counts). */
const READ = `(() => {
  const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
  let blocked = 0, afterPaint = 0, longest = 0;
  for (const [start, duration] of window.__quietTasks) {
    blocked += Math.max(0, duration - 50);
    if (start >= fcp) afterPaint += Math.max(0, duration - 50);
    longest = Math.max(longest, duration);
  }
  return { fcpMs: fcp, blockedMs: blocked, blockedAfterPaintMs: afterPaint, longestTaskMs: longest };
})()`;

/** How long after load the page is watched: the app starts sync a second after load, and that counts too. */
const WATCH_AFTER_LOAD_MS = 3_000;

/** One cold start of `url` in a new Chromium and profile, 4× CPU slowdown, phone-sized. */
export async function quietStartupOnce(url: string, { returning = false } = {}): Promise<QuietFigures> {
  const chromium = requireChromium();
  const profile = mkdtempSync(path.join(tmpdir(), 'quiet-startup-'));
  // DevTools over a pipe (file descriptors 3 and 4), as Playwright does: no port, no WebSocket.
  const browser: ChildProcess = spawn(chromium, ['--headless', ...CHROMIUM_ARGS, '--remote-debugging-pipe', `--user-data-dir=${profile}`, '--window-size=360,740', 'about:blank'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'],
    detached: true,
  });
  try {
    const devtools = await attachToTab(browser);
    await devtools.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    // Page (unlike Runtime) records no stack traces: React DOM started as fast with it on as with nothing on.
    await devtools.send('Page.enable');
    await devtools.send('Page.addScriptToEvaluateOnNewDocument', { source: OBSERVE(returning) });
    await devtools.send('Page.navigate', { url });
    const deadline = Date.now() + 30_000;
    while ((await devtools.evaluate<string>('location.href + " " + document.readyState')) !== `${url} complete`) {
      if (Date.now() > deadline) throw new Error(`${url} did not load within 30 s`);
      await sleep(100);
    }
    await sleep(WATCH_AFTER_LOAD_MS);
    const figures = await devtools.evaluate<QuietFigures>(READ);
    // Without a first paint nothing would count as after it, and a page that showed nothing would pass.
    if (!Number.isFinite(figures.fcpMs)) throw new Error(`${url} loaded but painted nothing`);
    return figures;
  } finally {
    // The whole group: Chromium's helper processes would go on writing to the profile.
    const exited = new Promise((resolve) => (browser.exitCode === null ? browser.once('exit', resolve) : resolve(undefined)));
    process.kill(-browser.pid!, 'SIGKILL');
    await exited;
    rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type DevTools = { send(method: string, params?: object): Promise<unknown>; evaluate<T>(expression: string): Promise<T> };

/** A bare DevTools session on Chromium's one tab: commands and their answers, no domain switched on. */
async function attachToTab(browser: ChildProcess): Promise<DevTools> {
  const toBrowser = browser.stdio[3] as Writable;
  const fromBrowser = browser.stdio[4] as Readable;
  let lastId = 0;
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let pending = '';
  fromBrowser.on('data', (chunk: Buffer) => {
    const messages = (pending + chunk.toString('utf8')).split('\0');
    pending = messages.pop()!;
    for (const text of messages) {
      const message = JSON.parse(text) as { id?: number; result?: unknown; error?: { message: string } };
      const waiter = message.id === undefined ? undefined : waiting.get(message.id);
      if (!waiter) continue;
      waiting.delete(message.id!);
      if (message.error) waiter.reject(new Error(message.error.message));
      else waiter.resolve(message.result);
    }
  });
  const sendTo = (sessionId: string | undefined, method: string, params: object = {}) =>
    new Promise<unknown>((resolve, reject) => {
      const id = ++lastId;
      waiting.set(id, { resolve, reject });
      toBrowser.write(`${JSON.stringify({ id, method, params, sessionId })}\0`);
    });
  const deadline = Date.now() + 15_000;
  let tab: { targetId: string } | undefined;
  while (!tab) {
    const { targetInfos } = (await sendTo(undefined, 'Target.getTargets')) as { targetInfos: { targetId: string; type: string }[] };
    tab = targetInfos.find((t) => t.type === 'page');
    if (!tab && Date.now() > deadline) throw new Error('Chromium opened no tab');
    if (!tab) await sleep(100);
  }
  const { sessionId } = (await sendTo(undefined, 'Target.attachToTarget', { targetId: tab.targetId, flatten: true })) as { sessionId: string };
  const send = (method: string, params?: object) => sendTo(sessionId, method, params);
  return {
    send,
    async evaluate<T>(expression: string) {
      const { result, exceptionDetails } = (await send('Runtime.evaluate', { expression, returnByValue: true })) as { result: { value: T }; exceptionDetails?: { text: string } };
      if (exceptionDetails) throw new Error(`In the page: ${exceptionDetails.text}`);
      return result.value;
    },
  };
}

export type QuietBesideFloor = { app: QuietFigures; floor: QuietFigures; appRuns: QuietFigures[]; floorRuns: QuietFigures[]; verdicts: Verdict[] };

/**
 * The app's first start and the floor's page, `runs` cold starts each taking turns, judged on the medians. Enforced:
 * all the time the main thread was blocked, from navigation, within 1.5× the floor's, the TBT budget (issue 17) taken
 * from the navigation rather than from the first paint, which the floor does only after its script. Shown: the part
 * after the first paint, which for the floor is about nothing, as its script runs before it paints.
 */
export async function quietBesideFloor(appUrl: string, floorUrl: string, runs: number): Promise<QuietBesideFloor> {
  const appRuns: QuietFigures[] = [];
  const floorRuns: QuietFigures[] = [];
  for (let i = 0; i < runs; i++) {
    appRuns.push(await quietStartupOnce(appUrl));
    floorRuns.push(await quietStartupOnce(floorUrl));
  }
  const app = mediansOf(appRuns);
  const floor = mediansOf(floorRuns);
  const spread = (list: QuietFigures[], key: keyof QuietFigures) => spreadOf(list, (run) => run[key]);
  const verdicts: Verdict[] = [
    {
      budget: 'blocked from navigation, no DevTools, ≤ 1.5× floor',
      met: app.blockedMs <= 1.5 * floor.blockedMs,
      enforced: true,
      detail: `${app.blockedMs.toFixed(0)} (${spread(appRuns, 'blockedMs')}) vs ${floor.blockedMs.toFixed(0)} (${spread(floorRuns, 'blockedMs')}) ms`,
    },
    {
      budget: 'blocked after first paint, no DevTools',
      met: app.blockedAfterPaintMs <= Math.max(1.5 * floor.blockedAfterPaintMs, TBT_NOISE_MS),
      enforced: false,
      detail: `${app.blockedAfterPaintMs.toFixed(0)} (${spread(appRuns, 'blockedAfterPaintMs')}) vs ${floor.blockedAfterPaintMs.toFixed(0)} (${spread(floorRuns, 'blockedAfterPaintMs')}) ms`,
    },
  ];
  return { app, floor, appRuns, floorRuns, verdicts };
}
