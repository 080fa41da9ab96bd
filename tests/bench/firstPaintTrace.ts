// The first screen of a phone that has used the app before (language chosen, no PIN), or with --fresh of a new phone
// (the painted language list), on a 4× slowed CPU, for two
// builds side by side: when Today's heading paints (FCP, LCP) and how long the main thread is blocked (the part of
// each long task over 50 ms, from the start and after first paint as TBT counts) until 3 s after load. Run: node --import tsx
// tests/bench/firstPaintTrace.ts <distA> <distB> [runs] [--fresh]. Not part of `npm run bench` (that Lighthouse run
// is a fresh phone, so it measures the first-start language list; --fresh measures that here too). It runs under
// Playwright, whose DevTools session makes React DOM's start about ten times what a phone spends: compare builds with
// it, and read what a phone feels from quietStartup.ts.
import { launchChromium } from '../e2e/browser.ts';
import { startServer } from '../e2e/harness.ts';
import { median, spreadOf } from './runs.ts';

type Figures = { fcp: number; lcp: number; blocked: number; blockedAfterFcp: number; longTasks: number };

async function measureOnce(url: string, fresh: boolean): Promise<Figures> {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'en-GB' });
    await context.addInitScript((returning) => {
      if (returning) {
        localStorage.setItem('language', 'en');
        localStorage.setItem('exit.explained', 'yes');
        localStorage.setItem('pinLock.set', 'no');
      }
      const w = window as unknown as { lcp: number; tasks: { start: number; duration: number }[] };
      w.lcp = 0;
      w.tasks = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) w.lcp = e.startTime; }).observe({ type: 'largest-contentful-paint', buffered: true });
      new PerformanceObserver((list) => { for (const e of list.getEntries()) w.tasks.push({ start: e.startTime, duration: e.duration }); }).observe({ type: 'longtask', buffered: true });
    }, !fresh);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(url, { waitUntil: 'load' });
    // Sync starts a second after load; wait past it so its work counts too.
    await page.waitForTimeout(3_000);
    return await page.evaluate(() => {
      const w = window as unknown as { lcp: number; tasks: { start: number; duration: number }[] };
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
      // No named functions in here: tsx would wrap them in a helper the page does not have.
      let blocked = 0;
      let blockedAfterFcp = 0;
      for (const t of w.tasks) {
        blocked += Math.max(0, t.duration - 50);
        if (t.start >= fcp) blockedAfterFcp += Math.max(0, t.duration - 50);
      }
      return { fcp, lcp: w.lcp, blocked, blockedAfterFcp, longTasks: w.tasks.length };
    });
  } finally {
    await browser.close();
  }
}

const fresh = process.argv.includes('--fresh');
const [distA, distB, runsArg] = process.argv.slice(2).filter((a) => a !== '--fresh');
const runs = Number(runsArg ?? 5);
const servers = await Promise.all([startServer({ staticDir: distA }), startServer({ staticDir: distB })]);
try {
  const results: Figures[][] = [[], []];
  for (let i = 0; i < runs; i++) {
    for (const side of [0, 1]) results[side].push(await measureOnce(servers[side].url('/'), fresh));
  }
  for (const side of [0, 1]) {
    const r = results[side];
    const line = (key: keyof Figures) => `${key} ${median(r.map((x) => x[key])).toFixed(0)} (${spreadOf(r, (x) => x[key])})`;
    console.log(`${side === 0 ? distA : distB}: ${(['fcp', 'lcp', 'blocked', 'blockedAfterFcp', 'longTasks'] as const).map(line).join(', ')}`);
  }
} finally {
  await Promise.all(servers.map((s) => s.stop()));
}
