// Issue 16, done-means 1 (the push): two browsers, a young person's phone and their PA's computer, against the built
// app and the real server. The young person taps "Please call me"; inside the PA's working hours the server sends a
// content-free Web Push, and it reaches the PA page's own service worker, which shows it; outside them the open page
// still shows the request, but nothing is pushed. The server's push goes to a local stand-in for the push service
// (TEST_PUSH_ALLOW_LOCAL_HTTP), which decrypts it as a browser would; DevTools then delivers exactly that payload to
// the PA page's service worker (headless Chromium has no real push service), as the appointments test does.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type PushServiceStandIn, startPushServiceStandIn } from '../server/reminders-push-service.ts';
import { browser, eventually, expectNoAxeViolations, expectNoHorizontalOverflow, PHONE_VIEWPORT, server, serverAndBrowserPerFile } from './harness.ts';
import { connectedPhone, createUser, ownPassword } from './staff.ts';
import { words } from './words.ts';

const DESK = { width: 1280, height: 800 };
const ALL_DAY = { days: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: '00:00', end: '23:59' })) };
const CONTENT_FREE = { title: words('en', 'pa.push.notificationTitle'), body: words('en', 'pa.push.notificationBody'), url: '/pa/', tag: 'pa-call-me' };

/** The PA page's working hours, set the way its Hours page does. */
async function setHours(page: Page, hours: object): Promise<void> {
  const status = await page.evaluate(async (body) => (await fetch('/api/v1/pa/working-hours', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).status, hours);
  expect(status).toBe(200);
}

const notificationsOnPaPage = (page: Page) => page.evaluate(async () => {
  const registration = await navigator.serviceWorker.getRegistration('/pa/');
  return ((await registration?.getNotifications()) ?? []).map((n) => ({ title: n.title, body: n.body, tag: n.tag }));
});

describe('call alerts to the PA, two browsers', () => {
  let pushService: PushServiceStandIn;
  let pa: { password: string; cookie: string };

  serverAndBrowserPerFile({ env: { RATE_LIMIT_PER_MINUTE: '100000', TEST_PUSH_ALLOW_LOCAL_HTTP: '1', REMINDER_TICK_MS: '500' } });
  beforeAll(async () => {
    pushService = await startPushServiceStandIn();
    pa = await ownPassword(server, 'pa-alerts@example.test', createUser(server, 'pa', 'pa-alerts@example.test'));
  });
  afterAll(async () => {
    await pushService?.close();
  });

  it('pushes "Someone on your caseload asked you to call" to the PA page’s service worker inside working hours only', async () => {
    const context: BrowserContext = await browser.newContext({ viewport: DESK, locale: 'en', timezoneId: 'Europe/London' });
    await context.grantPermissions(['notifications'], { origin: server.origin });
    const page = await context.newPage();
    await page.goto(server.url('/pa/'));
    await page.getByLabel(words('en', 'pa.login.email')).fill('pa-alerts@example.test');
    await page.getByLabel(words('en', 'pa.login.password')).fill(pa.password);
    await page.getByRole('button', { name: words('en', 'pa.login.submit') }).click();
    await page.getByRole('heading', { name: words('en', 'pa.caseload.title') }).waitFor();
    await setHours(page, ALL_DAY);

    // The PA opts in on the Working hours page. This registers the PA page's own service worker (scope /pa/).
    await page.getByRole('link', { name: words('en', 'pa.nav.hours') }).click();
    const optIn = page.getByRole('region', { name: words('en', 'pa.push.heading') });
    await optIn.getByText(words('en', 'pa.push.off')).waitFor();
    await optIn.getByRole('button', { name: words('en', 'pa.push.turnOn') }).click();
    // Without a push service the browser refuses to subscribe, and the PA is told so in words they can act on.
    await optIn.getByRole('alert').waitFor({ timeout: 20_000 }).catch(() => undefined);
    console.log(`[pa-call-alerts] after "Turn on notifications": ${(await optIn.getByRole('alert').textContent().catch(() => null)) ?? 'no error shown'}`);
    const registered = await eventually(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration('/pa/'))?.active?.scriptURL ?? null), (url) => url !== null, 'the PA page’s service worker');
    expect(new URL(registered!).pathname).toBe('/pa/sw.js');
    // Headless Chromium has no push service to subscribe with, so the browser's part is stood in for: the PA page's
    // own session sends a subscription pointing at the local stand-in, exactly as turnOnCallAlerts() would.
    const subscription = pushService.subscribe('pa-desk');
    const saved = await page.evaluate(async (body) => (await fetch('/api/v1/pa/push-subscription', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).status, { ...subscription, language: 'en' });
    expect(saved).toBe(200);

    const cdp = await context.newCDPSession(page);
    const registrationId = new Promise<string>((resolve) => {
      cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
        const ours = registrations.find((r) => r.scopeURL === server.url('/pa/') && !r.isDeleted);
        if (ours) resolve(ours.registrationId);
      });
    });
    await cdp.send('ServiceWorker.enable');

    // Inside working hours: the young person asks; one content-free push arrives and the service worker shows it.
    const riley = await connectedPhone(browser, server, pa.cookie, 'Example Riley');
    await riley.page.getByRole('button', { name: words('en', 'sharing.requests.call-me') }).click();
    const tapped = Date.now();
    await pushService.waitFor(1, 15_000);
    console.log(`[pa-call-alerts] push reached the push service ${Date.now() - tapped} ms after the tap`);
    expect(pushService.received[0].payload).toEqual(CONTENT_FREE);
    expect(JSON.stringify(pushService.received[0].payload)).not.toContain('Riley');
    await cdp.send('ServiceWorker.deliverPushMessage', { origin: server.origin, registrationId: await registrationId, data: JSON.stringify(pushService.received[0].payload) });
    const shown = await eventually(() => notificationsOnPaPage(page), (list) => list.length > 0, 'the call alert to show');
    expect(shown).toEqual([{ title: CONTENT_FREE.title, body: CONTENT_FREE.body, tag: CONTENT_FREE.tag }]);

    // Outside working hours: another young person asks; the open page shows it, but nothing is pushed.
    await setHours(page, { days: [] });
    const sam = await connectedPhone(browser, server, pa.cookie, 'Example Sam');
    await sam.page.getByRole('button', { name: words('en', 'sharing.requests.call-me') }).click();
    await page.getByRole('link', { name: words('en', 'pa.nav.caseload'), exact: true }).click();
    await page.getByRole('region', { name: words('en', 'pa.glance.title') }).getByText(words('en', 'pa.glance.reason', { reason: words('en', 'pa.caseload.reasons.call-me'), count: '2' })).waitFor({ timeout: 10_000 });
    // Several scheduler ticks (every 500 ms here) pass with the request on the server.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(pushService.received).toHaveLength(1);

    // The opt-in on the Working hours page: axe finds nothing at 360 and 1280 px, in English and Arabic.
    await page.getByRole('link', { name: words('en', 'pa.nav.hours') }).click();
    for (const language of ['en', 'ar']) {
      if (language === 'ar') await page.getByRole('button', { name: words('en', 'pa.otherLanguage') }).click();
      await page.getByRole('heading', { name: words(language, 'pa.push.heading') }).waitFor();
      for (const width of [PHONE_VIEWPORT, DESK]) {
        await page.setViewportSize(width);
        await expectNoAxeViolations(page, `PA working hours with notifications (${language}, ${width.width})`);
        await expectNoHorizontalOverflow(page, `PA working hours with notifications (${language}, ${width.width})`);
      }
    }
    await page.getByRole('button', { name: words('ar', 'pa.otherLanguage') }).click();

    await riley.context.close();
    await sam.context.close();
    await context.close();
  });
});
