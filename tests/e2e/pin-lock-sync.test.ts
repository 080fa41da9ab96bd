// The PIN lock and sync, in real Chromium on the built app: a change queued just before the lock still reaches the
// server; while locked, a check-in another phone of theirs backed up reaches this phone, stored with no plaintext,
// and shows after unlock. And the end of the road for wrong PINs: after 10, only restore from the backup is offered,
// and the recovery code brings everything back on the same phone (the waits are skipped with an injected clock).
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';

import { browser, deviceOf, eventually, everythingStored, newPhone, server, serverAndBrowserPerFile } from './harness.ts';
import { words } from './words.ts';

serverAndBrowserPerFile();

const PIN = '135790';
const QUEUED = 'Example note: queued just before the lock';
const OTHER = 'Example note: from my other phone about the bus fare';

/** Rows in the app's store `store`, read straight from IndexedDB (0 when the store does not exist). */
async function storedCount(page: Page, store: string): Promise<number> {
  return page.evaluate((name) => new Promise<number>((resolve, reject) => {
    const open = indexedDB.open('care-leaver-app');
    open.onerror = () => reject(open.error ?? new Error('IndexedDB request failed'));
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains(name)) {
        db.close();
        return resolve(0);
      }
      const count = db.transaction(name).objectStore(name).count();
      count.onsuccess = () => {
        db.close();
        resolve(count.result);
      };
    };
  }), store);
}

const lockHeading = (page: Page) => page.getByRole('heading', { level: 1, name: words('en', 'pin.lock.title') });
const nav = (page: Page) => page.getByRole('navigation', { name: words('en', 'nav.label') });

async function turnOnPin(page: Page) {
  await nav(page).getByRole('link', { name: words('en', 'nav.more') }).click();
  await page.getByLabel(words('en', 'pin.settings.choose')).fill(PIN);
  await page.getByLabel(words('en', 'pin.settings.repeat')).fill(PIN);
  await page.getByRole('button', { name: words('en', 'pin.settings.turnOn'), exact: true }).click();
  await page.getByText(words('en', 'pin.settings.on', { minutes: '2' })).waitFor();
}

async function checkIn(page: Page, note: string) {
  await page.getByRole('button', { name: words('en', 'checkin.mood.2'), exact: true }).click();
  await page.getByRole('button', { name: words('en', 'checkin.addMore'), exact: true }).click();
  await page.getByRole('textbox', { name: words('en', 'checkin.note.label') }).fill(note);
  await page.getByRole('button', { name: words('en', 'checkin.save'), exact: true }).click();
  await page.locator('#today-summary-text').waitFor();
}

it('sends what was queued as it locks, and while locked receives a check-in from their other phone, sealed, shown after unlock', async () => {
  const { page } = await newPhone(browser, server, { language: 'en' });
  await page.goto(server.url('/'));
  await checkIn(page, 'Example note: the first check-in');
  await eventually(() => server.records('checkin').length, (n) => n === 1, 'the first check-in reaching the backup');
  const device = (await deviceOf(page))!;
  // Their other phone, joined with a link code through the API.
  const link = await server.api<{ code: string }>('/api/v1/devices/link-codes', { method: 'POST', token: device.token, body: '{}' });
  const other = await server.api<{ deviceId: string; token: string }>('/api/v1/devices', { method: 'POST', body: JSON.stringify({ linkCode: link.body.code }) });
  expect(other.status).toBe(201);

  await turnOnPin(page);
  // The server cannot be reached for a while: a new check-in waits in the outbox (each failed try is counted).
  let blocked = true;
  let refused = 0;
  let sentAfterLock = 0;
  await page.route('**/api/v1/sync/push', async (route) => {
    if (blocked) {
      refused++;
      return route.abort();
    }
    sentAfterLock++;
    return route.continue();
  });
  await nav(page).getByRole('link', { name: words('en', 'nav.today') }).click();
  await page.getByRole('button', { name: words('en', 'today.checkInAgain'), exact: true }).click();
  await checkIn(page, QUEUED);
  // Three tries failed (2 s after the change, then 2 s and 4 s later): the next is 8 s away, so what sends it now is the lock.
  await expect.poll(() => refused, { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
  blocked = false;
  await nav(page).getByRole('link', { name: words('en', 'nav.more') }).click();
  await page.getByRole('button', { name: words('en', 'pin.settings.lockNow'), exact: true }).click();
  await lockHeading(page).waitFor();
  await eventually(() => server.records('checkin'), (rows) => rows.some((r) => r.note === QUEUED), 'the queued check-in reaching the server as the phone locks');
  expect(sentAfterLock).toBeGreaterThanOrEqual(1);
  expect(await lockHeading(page).count()).toBe(1);
  // The key is kept at most 5 s for that last round (SEND_BEFORE_LOCK_MS); after that the phone is locked for sure, and
  // what arrives now cannot go straight into the (sealed) tables: it must be held.
  await page.waitForTimeout(5_500);

  // Their other phone backs up a check-in while this one is locked.
  const now = new Date().toISOString();
  const id = crypto.randomUUID();
  const record = { id, at: now, mood: 4, hard: [], good: [], feelings: [], note: OTHER, sharedWithPa: false, updatedAt: now };
  const pushed = await server.api('/api/v1/sync/push', {
    method: 'POST', token: other.body.token,
    body: JSON.stringify({ deviceId: other.body.deviceId, mutations: [{ seq: 1, kind: 'checkin', op: 'put', id, record, clientTime: now }] }),
  });
  expect(pushed.status).toBe(200);
  // The phone comes back online (a sync trigger) while still locked: the change arrives, held sealed.
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await expect.poll(() => storedCount(page, 'heldWhileLocked'), { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
  expect(await lockHeading(page).count()).toBe(1);
  const stored = await everythingStored(page);
  for (const secret of ['bus fare', 'just before the lock', 'the first check-in']) expect(stored).not.toContain(secret);
  for (const secret of ['bus fare', 'just before the lock']) expect(await page.locator('body').innerText()).not.toContain(secret);

  // After unlock it is there, and nothing is left held.
  await page.getByLabel(words('en', 'pin.lock.label'), { exact: true }).fill(PIN);
  await page.getByRole('button', { name: words('en', 'pin.lock.unlock'), exact: true }).click();
  await nav(page).getByRole('link', { name: words('en', 'nav.history') }).click();
  await page.getByText(OTHER).first().waitFor();
  await page.getByText(QUEUED).first().waitFor();
  expect(await storedCount(page, 'heldWhileLocked')).toBe(0);
});

it('after 10 wrong PINs offers only restore from the backup, and the recovery code brings everything back on this phone', async () => {
  const { page } = await newPhone(browser, server, { language: 'en' });
  // An injected clock: the waits between wrong PINs (up to minutes) are skipped, not waited for.
  await page.clock.install();
  await page.goto(server.url('/'));
  const note = 'Example note: the one from before the PIN was forgotten';
  await checkIn(page, note);
  await page.goto(server.url('/my-pa'));
  await page.getByRole('button', { name: words('en', 'sharing.backup.make') }).click();
  const code = await page.getByText(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/).innerText();
  await eventually(() => server.records('checkin'), (rows) => rows.some((r) => r.note === note), 'the check-in reaching the backup');
  await turnOnPin(page);
  await page.getByRole('button', { name: words('en', 'pin.settings.lockNow'), exact: true }).click();
  await lockHeading(page).waitFor();

  const pinBox = page.getByLabel(words('en', 'pin.lock.label'), { exact: true });
  const unlockButton = page.getByRole('button', { name: words('en', 'pin.lock.unlock'), exact: true });
  for (let tried = 1; tried <= 10; tried++) {
    if (tried > 3) {
      // From the fourth try on, each one waits first (slowed); the clock jumps past the wait.
      expect(await unlockButton.isDisabled()).toBe(true);
      await page.clock.fastForward('20:00');
      await expect.poll(() => unlockButton.isDisabled()).toBe(false);
    }
    await pinBox.fill('000000');
    await unlockButton.click();
    if (tried < 10) await expect.poll(() => pinBox.inputValue()).toBe('');
  }
  await page.getByText(words('en', 'pin.lock.tooMany')).waitFor();
  // Only restore: no PIN box, no unlock button, even after a reload.
  const onlyRestore = async () => {
    expect(await pinBox.count()).toBe(0);
    expect(await unlockButton.count()).toBe(0);
    expect(await page.getByRole('button', { name: words('en', 'pin.lock.restore'), exact: true }).count()).toBe(1);
  };
  await onlyRestore();
  await page.reload();
  await page.getByText(words('en', 'pin.lock.tooMany')).waitFor();
  await onlyRestore();

  const people = () => Number(server.query<{ n: number }>('select count(*) as n from people')[0].n);
  const peopleBefore = people();
  await page.getByLabel(words('en', 'pin.lock.codeLabel')).fill(code);
  await page.getByRole('button', { name: words('en', 'pin.lock.restore'), exact: true }).click();
  // The clock has jumped 140 minutes, which can cross midnight: Today may then ask afresh rather than show the
  // check-in, so this waits for Today itself, and History below shows the check-in came back.
  await expect.poll(() => lockHeading(page).count(), { timeout: 20_000 }).toBe(0);
  await page.locator('.today h1').waitFor();
  await nav(page).getByRole('link', { name: words('en', 'nav.history') }).click();
  await page.getByText(note).first().waitFor({ timeout: 20_000 });
  expect(people()).toBe(peopleBefore);
});
