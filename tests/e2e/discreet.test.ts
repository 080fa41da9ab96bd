// Discreet mode from More: the tab says a plain word instead of the app's name (also after a restart and in another
// language), and a reminder that arrives says only that word, even one sent with details. Off again restores both.
import type { BrowserContext, Page } from 'playwright-core';
import { expect, it } from 'vitest';

import { browser, expectNoAxeViolations, newPhone, server, serverAndBrowserPerFile, waitForServiceWorker } from './harness.ts';
import { words } from './words.ts';

serverAndBrowserPerFile({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });

/** Sends a reminder push to the app's service worker, as the push service would, and returns what was shown. */
async function pushReminder(page: Page, context: BrowserContext, tag: string): Promise<{ title: string; body: string; icon: string }> {
  const cdp = await context.newCDPSession(page);
  const registrationId = new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const ours = registrations.find((r) => r.scopeURL.startsWith(server.origin) && !r.isDeleted);
      if (ours) resolve(ours.registrationId);
    });
  });
  await cdp.send('ServiceWorker.enable');
  const payload = { title: 'Invented test appointment: Careers chat', body: 'At the invented test place, 10:00', url: '/appointments', tag };
  await cdp.send('ServiceWorker.deliverPushMessage', { origin: server.origin, registrationId: await Promise.race([registrationId, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no service worker registration seen within 5 s')), 5_000))]), data: JSON.stringify(payload) });
  // Bounded, so a push the worker missed (it may still be starting on a loaded machine) fails this try and the
  // caller's expect.poll sends another, instead of waiting for ever.
  const shown = await page.evaluate(async (t) => {
    const registration = await navigator.serviceWorker.ready;
    for (const deadline = Date.now() + 5_000; Date.now() < deadline;) {
      const found = (await registration.getNotifications({ tag: t }))[0];
      if (found) return { title: found.title, body: found.body, icon: found.icon };
      await new Promise((r) => setTimeout(r, 50));
    }
    return null;
  }, tag);
  await cdp.detach();
  if (!shown) throw new Error(`no notification tagged ${tag} within 5 s`);
  return shown;
}

it('shows a plain name and reminders without details, until turned off', async () => {
  const { page, context } = await newPhone(browser, server, { language: 'en' });
  try {
    await context.grantPermissions(['notifications'], { origin: server.origin });
    await page.goto(server.url('/settings'));
    await waitForServiceWorker(page);
    expect(await page.title()).toBe(words('en', 'app.name'));
    // Without discreet mode a reminder sent with details shows them (the person asked for them on that appointment).
    await expect.poll(async () => (await pushReminder(page, context, `before-${Date.now()}`)).title, { timeout: 30_000 }).toBe('Invented test appointment: Careers chat');

    await page.getByRole('checkbox', { name: words('en', 'settings.discreet.label') }).check();
    await expect.poll(() => page.title()).toBe(words('en', 'settings.discreet.plainName'));
    await expectNoAxeViolations(page, 'More with discreet mode on');
    await expect.poll(async () => await pushReminder(page, context, `on-${Date.now()}`), { timeout: 30_000 }).toEqual({ title: 'Notes', body: '', icon: '' });

    // Still discreet after a restart, and in another language the plain word is that language's.
    await page.reload();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await expect.poll(() => page.title()).toBe('Notes');
    await page.evaluate(() => localStorage.setItem('language', 'fr'));
    await page.reload();
    await expect.poll(() => page.title()).toBe(words('fr', 'settings.discreet.plainName'));
    await page.evaluate(() => localStorage.setItem('language', 'en'));
    await page.reload();

    await page.getByRole('checkbox', { name: words('en', 'settings.discreet.label') }).uncheck();
    await expect.poll(() => page.title()).toBe(words('en', 'app.name'));
    await expect.poll(async () => (await pushReminder(page, context, `off-${Date.now()}`)).title, { timeout: 30_000 }).toBe('Invented test appointment: Careers chat');
  } finally {
    await context.close();
  }
});
