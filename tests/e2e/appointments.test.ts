// Appointments in real Chromium on the built app: added offline and linked to a Find help service, still there after
// an offline reload, exported as a calendar file, a push shown as a notification by the service worker, clear
// messages for bad input, and no axe-core problems in English or Arabic.
import { readFileSync } from 'node:fs';

import ICAL from 'ical.js';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { browser, eventually, expectNoAxeViolations, expectNoHorizontalOverflow, goOffline, goOnline, newPhone, screenshot, server, serverAndBrowserPerFile, waitForServiceWorker } from './harness.ts';
import { words } from './words.ts';

serverAndBrowserPerFile({ staticDir: process.env.E2E_STATIC_DIR });

/** Counts rows in one of the app's IndexedDB tables, straight from the browser. */
function countLocal(page: Page, table: string): Promise<number> {
  return page.evaluate((name) => new Promise<number>((resolve, reject) => {
    const open = indexedDB.open('care-leaver-app');
    open.onerror = () => reject(open.error ?? new Error('IndexedDB request failed'));
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains(name)) { db.close(); resolve(0); return; }
      const count = db.transaction(name).objectStore(name).count();
      count.onsuccess = () => { db.close(); resolve(count.result); };
    };
  }), table);
}

async function fillNewAppointment(page: Page, title: string) {
  await page.getByLabel(words('en', 'appointments.form.what')).fill(title);
  await page.getByLabel(words('en', 'appointments.form.date'), { exact: true }).fill('2030-07-15');
  await page.getByLabel(words('en', 'appointments.form.time'), { exact: true }).fill('14:30');
}

describe('appointments in the browser', () => {
  it('adds an appointment offline linked to a Find help service; it is still there after an offline reload, and the calendar file is right', async () => {
    const { page, context } = await newPhone(browser, server);
    await page.goto(server.url('/'));
    await waitForServiceWorker(page);
    await eventually(() => countLocal(page, 'services'), (n) => n > 0, 'the directory to reach the phone');

    await goOffline(context);
    await page.goto(server.url('/appointments/new'));
    await fillNewAppointment(page, 'Careers chat');
    await page.getByLabel(words('en', 'appointments.form.searchDirectory')).fill('Thrive careers');
    await page.getByRole('button', { name: words('en', 'appointments.form.pickService', { name: 'Thrive Careers Hub' }) }).click();
    await expect.poll(() => page.getByText(words('en', 'appointments.form.chosenService', { name: 'Thrive Careers Hub' })).count()).toBe(1);
    await page.getByRole('checkbox', { name: words('en', 'appointments.form.someoneToGoWith') }).check();
    await expectNoAxeViolations(page, 'new appointment form (en)');
    await expectNoHorizontalOverflow(page, 'new appointment form (en)');
    await screenshot(page, 'appointments-form-en');
    await page.getByRole('button', { name: words('en', 'appointments.form.save') }).click();
    await page.getByRole('heading', { level: 1, name: 'Careers chat' }).waitFor();

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Careers chat' }).waitFor();
    expect(await page.getByText('Thrive Careers Hub').first().isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'appointment details (en)');
    await expectNoHorizontalOverflow(page, 'appointment details (en)');
    await screenshot(page, 'appointments-detail-en');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: words('en', 'appointments.detail.addToCalendar') }).click()]);
    expect(download.suggestedFilename()).toBe('appointment-2030-07-15.ics');
    const ics = readFileSync((await download.path()), 'utf8');
    const calendar = new ICAL.Component(ICAL.parse(ics));
    for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    expect(event.startDate.toJSDate().toISOString()).toBe('2030-07-15T13:30:00.000Z'); // 14:30 British Summer Time
    expect(event.location).toBe('Thrive Careers Hub, Liverpool');
    expect(event.component.getAllSubcomponents('valarm')).toHaveLength(2);

    await goOnline(context);
    const [synced] = await eventually(() => server.records('appointment'), (r) => r.length === 1, 'the appointment to sync');
    expect(synced).toMatchObject({ title: 'Careers chat', serviceName: 'Thrive Careers Hub', travelHelp: { someoneToGoWith: true } });

    // The Today screen shows what is next.
    await page.goto(server.url('/'));
    const next = page.getByRole('region', { name: words('en', 'appointments.next.heading') });
    await next.getByRole('link', { name: /Careers chat/ }).waitFor();
    await expectNoAxeViolations(page, 'Today with the next appointment (en)');
    await screenshot(page, 'appointments-today-en');
    await context.close();
  });

  it('shows a notification from the service worker when a reminder push arrives', async () => {
    const { page, context } = await newPhone(browser, server);
    await context.grantPermissions(['notifications'], { origin: server.origin });
    await page.goto(server.url('/'));
    await waitForServiceWorker(page);
    const cdp = await context.newCDPSession(page);
    const registrationId = new Promise<string>((resolve) => {
      cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
        const ours = registrations.find((r) => r.scopeURL.startsWith(server.origin) && !r.isDeleted);
        if (ours) resolve(ours.registrationId);
      });
    });
    await cdp.send('ServiceWorker.enable');
    const payload = { title: words('en', 'appointments.push.comingUp'), body: words('en', 'appointments.push.open'), url: '/appointments', tag: 'reminder-e2e' };
    await cdp.send('ServiceWorker.deliverPushMessage', { origin: server.origin, registrationId: await registrationId, data: JSON.stringify(payload) });
    const shown = await eventually(
      () => page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({ title: n.title, body: n.body, tag: n.tag }))),
      (list) => list.length > 0, 'a notification to show');
    expect(shown).toEqual([{ title: payload.title, body: payload.body, tag: payload.tag }]);
    await context.close();
  });

  it('gives clear messages for bad input and saves nothing', async () => {
    const { page, context } = await newPhone(browser, server);
    await page.goto(server.url('/appointments/new'));
    await page.getByRole('button', { name: words('en', 'appointments.form.save') }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain(words('en', 'appointments.form.fixProblems'));
    await fillNewAppointment(page, 'College');
    await page.getByLabel(words('en', 'appointments.form.endTime')).fill('13:00');
    await page.getByRole('button', { name: words('en', 'appointments.form.addOwnReminder') }).click();
    await page.getByLabel(words('en', 'appointments.form.ownAmount')).fill('-5');
    await page.getByLabel(words('en', 'appointments.form.notes')).fill('n'.repeat(2500));
    await page.getByRole('button', { name: words('en', 'appointments.form.save') }).click();
    for (const message of [words('en', 'appointments.problems.endBeforeStart'), words('en', 'appointments.problems.reminderAfterStart'), words('en', 'appointments.problems.notesTooLong', { max: '2000', count: '2500' })]) {
      await page.getByText(message).waitFor();
    }
    await expectNoAxeViolations(page, 'appointment form with errors (en)');
    await expectNoHorizontalOverflow(page, 'appointment form with errors (en)');
    expect(await countLocal(page, 'appointments')).toBe(0);
    await context.close();
  });

  it('reads right to left in Arabic with no accessibility problems on any appointment screen', async () => {
    const { page, context } = await newPhone(browser, server, { language: 'ar' });
    await page.goto(server.url('/appointments'));
    await page.getByRole('heading', { level: 1, name: words('ar', 'appointments.title') }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expectNoAxeViolations(page, 'appointments list (ar)');
    await page.getByRole('link', { name: words('ar', 'appointments.add') }).click();
    await page.getByRole('heading', { level: 1, name: words('ar', 'appointments.form.newTitle') }).waitFor();
    await page.getByRole('button', { name: words('ar', 'appointments.form.save') }).click();
    await page.getByRole('alert').waitFor();
    await expectNoAxeViolations(page, 'new appointment form with errors (ar)');
    await expectNoHorizontalOverflow(page, 'new appointment form (ar)');
    await screenshot(page, 'appointments-form-ar');
    await page.getByLabel(words('ar', 'appointments.form.what')).fill('الطبيب');
    await page.getByLabel(words('ar', 'appointments.form.date')).fill('2030-03-05');
    await page.getByLabel(words('ar', 'appointments.form.time'), { exact: true }).fill('09:00');
    await page.getByRole('button', { name: words('ar', 'appointments.form.save') }).click();
    await page.getByRole('heading', { level: 1, name: 'الطبيب' }).waitFor();
    await page.getByRole('button', { name: words('ar', 'appointments.cantMake.button') }).click();
    await expectNoAxeViolations(page, 'appointment details (ar)');
    await expectNoHorizontalOverflow(page, 'appointment details (ar)');
    await screenshot(page, 'appointments-detail-ar');
    await page.getByRole('link', { name: words('ar', 'appointments.back') }).click();
    await page.getByRole('heading', { level: 1, name: words('ar', 'appointments.title') }).waitFor();
    await expectNoAxeViolations(page, 'appointments list with one (ar)');
    await screenshot(page, 'appointments-list-ar');
    await context.close();
  });
});
