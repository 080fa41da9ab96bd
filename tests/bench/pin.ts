// The PIN lock's costs in real Chromium with the CPU slowed 4× (a cheap phone), each beside its anchor in the same run:
//   - one Argon2id run (a wrong PIN: stretch, fail to unwrap, count it), the figure kdf.ts's settings were chosen by;
//   - unlocking and opening Today with two years of daily check-ins (730, notes of 200 characters) vs the same
//     open without a PIN (load to Today);
//   - a check-in save (tap a face until "Saved") with the PIN on vs off.
// Run alone: `node --import tsx tests/bench/pin.ts` (after `vite build`); `npm run bench` runs it as part 6.
import type { Page } from 'playwright-core';
import { newPhone, startBrowser, startServer } from '../e2e/harness.ts';
import { words } from '../e2e/words.ts';

export const PIN_BUDGETS = { unlockToTodayMs: 1_500, saveRatio: 1.3 };
const CPU_SLOWDOWN = 4;
const CHECKINS = 730;
const SAVES = 15;
const PIN = '135790';

export type PinBench = {
  kdfMs: number;
  openWithoutPinMs: number;
  lockScreenMs: number;
  unlockToTodayMs: number;
  saveWithoutPinMs: number;
  saveWithPinMs: number;
  saveRatio: number;
  turnOnMs: number;
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Two years of daily check-ins, the last one now, written straight into the phone's database (no PIN yet). */
async function seedCheckins(page: Page, count: number): Promise<void> {
  await page.evaluate(async (n) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('care-leaver-app');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const note = 'Example note for the bench. '.repeat(8).slice(0, 200);
    const tx = db.transaction('checkins', 'readwrite');
    for (let i = 0; i < n; i++) {
      const at = new Date(Date.now() - i * 86_400_000).toISOString();
      tx.objectStore('checkins').put({ id: crypto.randomUUID(), at, mood: (i % 5) + 1, hard: ['money'], good: ['friends'], feelings: ['tired'], note, sharedWithPa: false, updatedAt: at });
    }
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
  }, count);
}

/** Milliseconds from `start` (run in the page) until `selector` is in the page, timed in the page itself. */
function timeUntil(page: Page, selector: string, start: string): Promise<number> {
  return page.evaluate(({ selector, start }) => new Promise<number>((resolve) => {
    let t0 = 0;
    const seen = () => {
      if (!document.querySelector(selector)) return false;
      observer.disconnect();
      resolve(performance.now() - t0);
      return true;
    };
    const observer = new MutationObserver(seen);
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    t0 = performance.now();
    (document.querySelector(start) as HTMLElement).click();
  }), { selector, start });
}

/** Load to Today's summary (its check-in from today on screen), from the navigation's start. */
async function openToday(page: Page): Promise<number> {
  await page.reload();
  await page.locator('#today-summary-text').waitFor();
  return page.evaluate(() => (window as unknown as { todayAt: number }).todayAt);
}

/** Tap "Check in again", then time a tap on a face until the status says it is saved; back to the summary. */
async function timeSaves(page: Page): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < SAVES; i++) {
    await page.getByRole('button', { name: words('en', 'today.checkInAgain'), exact: true }).click();
    await page.getByRole('button', { name: words('en', 'checkin.mood.4'), exact: true }).waitFor();
    times.push(await page.evaluate(() => new Promise<number>((resolve) => {
      const button = [...document.querySelectorAll('.mood-face')][3] as HTMLElement;
      const status = document.querySelector('.checkin-form [role="status"]')!;
      const observer = new MutationObserver(() => {
        if (status.textContent) {
          observer.disconnect();
          resolve(performance.now() - t0);
        }
      });
      observer.observe(status, { childList: true, subtree: true, characterData: true });
      const t0 = performance.now();
      button.click();
    })));
    await page.getByRole('button', { name: words('en', 'checkin.done'), exact: true }).click();
    await page.locator('#today-summary-text').waitFor();
  }
  return median(times);
}

export async function benchPin(): Promise<PinBench> {
  const server = await startServer();
  const browser = await startBrowser();
  try {
    const { page, context } = await newPhone(browser, server, { language: 'en' });
    // tsx names functions with a helper the page lacks; give the page a do-nothing one.
    await context.addInitScript('window.__name = (f) => f');
    // Records when Today's summary first appears, from the navigation's start.
    await context.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.querySelector('#today-summary-text')) {
          (window as unknown as { todayAt: number }).todayAt = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(server.url('/'));
    await page.getByRole('heading', { level: 1 }).waitFor();
    await seedCheckins(page, CHECKINS);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });

    // Without a PIN: open Today (twice, the first warms the service worker's copy), then saves.
    await openToday(page);
    const openWithoutPinMs = median([await openToday(page), await openToday(page), await openToday(page)]);
    // Warm-up saves first, so neither side is timed while the code is still cold.
    await timeSaves(page);
    const saveWithoutPinMs = await timeSaves(page);

    // Turn the PIN on (seals all 730 and more in one transaction).
    await page.getByRole('link', { name: words('en', 'nav.more') }).click();
    await page.getByLabel(words('en', 'pin.settings.choose')).fill(PIN);
    await page.getByLabel(words('en', 'pin.settings.repeat')).fill(PIN);
    const turnOnMs = await timeUntil(page, '#pin-lock .status-message', '#pin-lock form button[type="submit"]');
    await page.getByRole('link', { name: words('en', 'nav.today') }).click();
    await page.locator('#today-summary-text').waitFor();
    const saveWithPinMs = await timeSaves(page);

    // Locked open: load to the lock screen, a wrong PIN (one Argon2id run), then unlock to Today.
    const lockScreens: number[] = [];
    const unlocks: number[] = [];
    const kdfs: number[] = [];
    for (let i = 0; i < 3; i++) {
      await page.reload();
      await page.getByLabel(words('en', 'pin.lock.label'), { exact: true }).waitFor();
      lockScreens.push(await page.evaluate(() => performance.now()));
      if (i < 2) {
        await page.getByLabel(words('en', 'pin.lock.label'), { exact: true }).fill('000000');
        kdfs.push(await timeUntil(page, '.pin-lock [role="alert"]:not(:empty)', '.pin-lock form button[type="submit"]'));
      }
      await page.getByLabel(words('en', 'pin.lock.label'), { exact: true }).fill(PIN);
      unlocks.push(await timeUntil(page, '#today-summary-text', '.pin-lock form button[type="submit"]'));
    }
    return {
      kdfMs: median(kdfs),
      openWithoutPinMs,
      lockScreenMs: median(lockScreens),
      unlockToTodayMs: median(unlocks),
      saveWithoutPinMs,
      saveWithPinMs,
      saveRatio: saveWithPinMs / saveWithoutPinMs,
      turnOnMs,
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}

export function pinTable(r: PinBench): string[][] {
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  return [
    ['figure (CPU 4× slower)', 'value', 'anchor', 'target'],
    ['Argon2id, one wrong PIN', ms(r.kdfMs), '', 'about 1 s'],
    ['unlock → Today (730 check-ins)', ms(r.unlockToTodayMs), `open without PIN: ${ms(r.openWithoutPinMs)}`,
      `≤ ${PIN_BUDGETS.unlockToTodayMs} ms: ${r.unlockToTodayMs <= PIN_BUDGETS.unlockToTodayMs ? 'met' : 'NOT met'}`],
    ['load → lock screen', ms(r.lockScreenMs), '', ''],
    ['check-in save, PIN on', ms(r.saveWithPinMs), `PIN off: ${ms(r.saveWithoutPinMs)} (${r.saveRatio.toFixed(2)}×)`,
      `≤ ${PIN_BUDGETS.saveRatio}×: ${r.saveRatio <= PIN_BUDGETS.saveRatio ? 'met' : 'NOT met'}`],
    ['turning the PIN on (seals 730+)', ms(r.turnOnMs), '', ''],
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await benchPin();
  const rows = pinTable(result);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  console.log(rows.map((row) => row.map((cell, i) => cell.padEnd(widths[i])).join('   ')).join('\n'));
  console.log(JSON.stringify(result));
}
