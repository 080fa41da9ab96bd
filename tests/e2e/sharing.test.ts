// Two browsers, like real life: a young person's phone and their PA's computer, against the real built app and server.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';

import { browser, eventually, expectNoAxeViolations, expectNoHorizontalOverflow, goOffline, goOnline, newPhone, type RunningServer, screenshot, server, serverAndBrowserPerFile, waitForServiceWorker } from './harness.ts';
import { createUser } from './staff.ts';
import { words } from './words.ts';

// Set E2E_STATIC_DIR to test a build somewhere other than dist/.
const staticDir = process.env.E2E_STATIC_DIR || undefined;

/** How many rows a table of the phone's own database holds. */
function countIn(page: Page, table: string): Promise<number> {
  return page.evaluate((name) => new Promise<number>((resolve, reject) => {
    const open = indexedDB.open('care-leaver-app');
    open.onerror = () => reject(open.error ?? new Error('IndexedDB request failed'));
    open.onsuccess = () => {
      const database = open.result;
      const count = database.transaction(name).objectStore(name).count();
      count.onsuccess = () => { database.close(); resolve(count.result); };
      count.onerror = () => reject(count.error ?? new Error('IndexedDB request failed'));
    };
  }), table);
}

async function desk(browser: Browser, language = 'en'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: language, timezoneId: 'Europe/London' });
  return { context, page: await context.newPage() };
}

async function signIn(page: Page, server: RunningServer, email: string, password: string): Promise<void> {
  await page.goto(server.url('/pa/'));
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('sharing with a PA, end to end', () => {
  let paPassword: string;
  let managerPassword: string;

  // Every browser here shares one address; the per-address request limit is for real traffic, not this test.
  serverAndBrowserPerFile({ staticDir, env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  beforeAll(async () => {
    paPassword = createUser(server, 'pa', 'pa@example.test');
    managerPassword = createUser(server, 'manager', 'manager@example.test');
  });

  it('shares a check-in made offline; the PA sees it first, replies; the young person sees the reply; unsharing hides it', async () => {
    const pa = await desk(browser);
    await pa.page.goto(server.url('/pa/'));
    await pa.page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await expectNoAxeViolations(pa.page, 'PA sign in (en)');
    await signIn(pa.page, server, 'pa@example.test', paPassword);
    await pa.page.getByRole('heading', { name: 'Choose your own password' }).waitFor();
    await expectNoAxeViolations(pa.page, 'PA first sign-in, choose a password (en)');
    await pa.page.getByLabel('The password you were given').fill(paPassword);
    paPassword = 'example long passphrase for the PA';
    await pa.page.getByLabel('New password').fill(paPassword);
    await pa.page.getByRole('button', { name: 'Save my new password' }).click();
    await pa.page.getByRole('link', { name: 'Working hours' }).click();
    await pa.page.getByRole('heading', { name: 'Your working hours' }).waitFor();
    await expectNoAxeViolations(pa.page, 'PA working hours (en)');
    await pa.page.getByRole('link', { name: 'Connect a young person' }).click();
    await pa.page.getByRole('button', { name: 'Make a code' }).click();
    const code = /([2-9A-Z]{3}-[2-9A-Z]{3})/.exec(await pa.page.getByText(/^Code: /).innerText())![1];

    const phone = await newPhone(browser, server);
    await phone.page.goto(server.url('/my-pa'));
    await waitForServiceWorker(phone.page);
    await phone.page.getByLabel('Code from your PA').fill(code);
    await phone.page.getByLabel(/first name or nickname/).fill('Example Young Person');
    await expectNoAxeViolations(phone.page, 'connect to my PA (en)');
    await phone.page.getByRole('button', { name: 'Connect' }).click();
    await phone.page.getByText('You are connected to Example pa.').waitFor();

    await phone.page.goto(server.url('/'));
    await phone.page.getByRole('button', { name: 'Not good' }).waitFor();
    await goOffline(phone.context);
    await phone.page.getByRole('button', { name: 'Not good' }).click();
    await phone.page.getByRole('button', { name: 'Done' }).click();
    await phone.page.getByRole('button', { name: 'Share with my PA' }).click();
    await phone.page.getByText('Waiting to send. Your PA will see it as soon as there is signal.').waitFor();
    await phone.page.getByText('Your PA sees:').waitFor();
    await expectNoAxeViolations(phone.page, 'Today, shared check-in waiting to send, with what the PA sees (en)');
    expect(server.query('select id from shares')).toHaveLength(0);
    await goOnline(phone.context);
    await eventually(() => server.query('select id from shares'), (rows) => rows.length === 1, 'the shared check-in reaching the server');

    await pa.page.getByRole('link', { name: 'Caseload' }).click();
    const first = pa.page.getByRole('listitem').filter({ hasText: 'Example Young Person' }).first();
    await first.getByText('1 new').waitFor();
    await expectNoAxeViolations(pa.page, 'PA caseload (en)');
    await pa.page.getByRole('link', { name: 'Example Young Person' }).click();
    await pa.page.getByText('Mood: not good').waitFor();
    await expectNoAxeViolations(pa.page, 'PA young person page (en)');
    await pa.page.getByLabel('Short reply (optional)').fill('Thanks for letting me know. I will call you tomorrow.');
    await pa.page.getByRole('button', { name: 'Mark as seen' }).click();
    await pa.page.getByText('Marked as seen.').waitFor();

    await phone.page.goto(server.url('/my-pa'));
    await phone.page.getByText('Seen', { exact: true }).waitFor();
    await phone.page.getByText('Thanks for letting me know. I will call you tomorrow.').waitFor();
    await expectNoAxeViolations(phone.page, 'my PA, connected (en)');
    await expectNoHorizontalOverflow(phone.page, 'my PA, connected (en)');
    await screenshot(phone.page, 'sharing-my-pa-en');

    await phone.page.getByRole('button', { name: 'Stop sharing' }).click();
    await eventually(() => server.query('select id from shares'), (rows) => rows.length === 0, 'the shared copy being deleted');
    await pa.page.reload();
    await pa.page.getByText('Nothing is shared with you right now.').waitFor();
    await screenshot(pa.page, 'sharing-pa-person-en');

    // From an appointment itself: ask for help getting there; the PA sees which appointment and which help.
    await phone.page.goto(server.url('/appointments/new'));
    await phone.page.getByLabel('What is it?').fill('Example Housing Office 0042');
    await phone.page.getByLabel('Date').fill('2030-07-15');
    await phone.page.getByLabel('Time').fill('14:30');
    await phone.page.getByRole('checkbox', { name: 'Money for the fare' }).check();
    await phone.page.getByRole('button', { name: 'Save' }).click();
    await phone.page.getByRole('button', { name: 'Ask my PA for help getting there' }).click();
    await phone.page.getByText(/^(Sent to your PA\. They haven’t seen it yet\.|Your PA has seen this\.)$/).waitFor();
    await expectNoAxeViolations(phone.page, 'appointment, help asked from my PA (en)');
    await expectNoHorizontalOverflow(phone.page, 'appointment, help asked from my PA (en)');
    await screenshot(phone.page, 'sharing-appointment-travel-en');
    await pa.page.reload();
    await pa.page.getByText('I need help with travel to an appointment').waitFor();
    await expect(pa.page.getByText('About the appointment:').innerText()).resolves.toContain('Example Housing Office 0042');
    await pa.page.getByText('Help asked for: money for the fare').waitFor();
    await expectNoAxeViolations(pa.page, 'PA young person page, appointment request (en)');
    await screenshot(pa.page, 'sharing-pa-appointment-request-en');
    await pa.context.close();
    await phone.context.close();
  });

  it('has no accessibility problems on the PA and manager pages and the sharing screens in Arabic, right to left', async () => {
    const pa = await desk(browser, 'ar');
    await pa.page.goto(server.url('/pa/'));
    await pa.page.getByRole('button', { name: 'العربية' }).click();
    await pa.page.getByRole('heading', { name: 'تسجيل الدخول' }).waitFor();
    expect(await pa.page.getAttribute('html', 'dir')).toBe('rtl');
    await expectNoAxeViolations(pa.page, 'PA sign in (ar)');
    await pa.page.getByLabel('البريد الإلكتروني').fill('pa@example.test');
    await pa.page.getByLabel('كلمة السر').fill(paPassword);
    await pa.page.getByRole('button', { name: 'ادخل' }).click();
    await pa.page.getByRole('heading', { name: 'الشباب الذين تتابعهم' }).waitFor();
    await expectNoAxeViolations(pa.page, 'PA caseload (ar)');
    await pa.page.getByRole('link', { name: 'ساعات العمل' }).click();
    await pa.page.getByRole('heading', { name: 'ساعات عملك' }).waitFor();
    await expectNoAxeViolations(pa.page, 'PA working hours (ar)');
    // No working days: whatever the time of this test, sharing is out of hours.
    const ticked = pa.page.getByRole('checkbox', { checked: true });
    while ((await ticked.count()) > 0) await ticked.first().uncheck();
    await pa.page.getByRole('button', { name: 'احفظ ساعات العمل' }).click();
    await pa.page.getByText('تم حفظ ساعات العمل.').waitFor();
    await pa.page.getByRole('link', { name: 'ربط شاب أو شابة' }).click();
    await pa.page.getByRole('button', { name: 'اصنع رمزًا' }).click();
    const code = /([2-9A-Z]{3}-[2-9A-Z]{3})/.exec(await pa.page.getByText(/^الرمز: /).innerText())![1];
    await expectNoAxeViolations(pa.page, 'PA pairing code (ar)');
    await screenshot(pa.page, 'sharing-pa-pairing-ar');
    await pa.page.getByRole('button', { name: 'اخرج' }).click();
    await pa.page.getByLabel('البريد الإلكتروني').fill('manager@example.test');
    await pa.page.getByLabel('كلمة السر').fill(managerPassword);
    await pa.page.getByRole('button', { name: 'ادخل' }).click();
    await pa.page.getByRole('heading', { name: 'اختر كلمة سر خاصة بك' }).waitFor();
    await expectNoAxeViolations(pa.page, 'manager first sign-in, choose a password (ar)');
    await pa.page.getByLabel('كلمة السر التي أُعطيت لك').fill(managerPassword);
    await pa.page.getByLabel('كلمة السر الجديدة').fill('example long passphrase for the manager');
    await pa.page.getByRole('button', { name: 'احفظ كلمة السر الجديدة' }).click();
    await pa.page.getByRole('heading', { name: /الأرقام الشهرية/ }).waitFor();
    await expectNoAxeViolations(pa.page, 'manager figures (ar)');
    await screenshot(pa.page, 'sharing-manager-ar');
    await pa.page.getByRole('button', { name: 'English' }).click();
    await pa.page.getByRole('heading', { name: /Monthly figures/ }).waitFor();
    await expectNoAxeViolations(pa.page, 'manager figures (en)');
    await pa.context.close();

    const phone = await newPhone(browser, server, { language: 'ar' });
    await phone.page.goto(server.url('/my-pa'));
    await phone.page.getByRole('heading', { name: 'اتصل بمستشارك الشخصي' }).waitFor();
    await expectNoAxeViolations(phone.page, 'connect to my PA (ar)');
    await expectNoHorizontalOverflow(phone.page, 'connect to my PA (ar)');
    await phone.page.getByRole('button', { name: 'شغّل النسخ الاحتياطي واصنع رمز الاسترجاع' }).click();
    await phone.page.getByText('اكتب هذا الرمز واحفظه في مكان آمن. سنعرضه هذه المرة فقط.').waitFor();
    await expectNoAxeViolations(phone.page, 'recovery code shown (ar)');
    await expectNoHorizontalOverflow(phone.page, 'recovery code shown (ar)');
    await screenshot(phone.page, 'sharing-my-pa-ar');

    await phone.page.getByLabel('الرمز من مستشارك').fill(code);
    await phone.page.getByRole('button', { name: 'اتصل', exact: true }).click();
    await phone.page.getByRole('button', { name: 'اتصل بي من فضلك' }).click();
    await phone.page.getByText('مستشارك ليس في العمل الآن، وقد لا يرى هذا قبل مدة.').waitFor();
    await phone.page.getByRole('link', { name: /116 123/ }).first().waitFor();
    await expectNoAxeViolations(phone.page, 'out-of-hours request with crisis lines (ar)');
    await expectNoHorizontalOverflow(phone.page, 'out-of-hours request with crisis lines (ar)');
    await screenshot(phone.page, 'sharing-out-of-hours-ar');
    await phone.context.close();

    const pocket = await newPhone(browser, server);
    await signIn(pocket.page, server, 'pa@example.test', paPassword);
    await pocket.page.getByRole('link', { name: 'Example Young Person' }).first().waitFor();
    await expectNoHorizontalOverflow(pocket.page, 'PA caseload on a phone');
    await expectNoAxeViolations(pocket.page, 'PA caseload on a phone');
    await screenshot(pocket.page, 'sharing-pa-caseload-phone');
    await pocket.context.close();
  });

  it('restores everything on a new phone with the recovery code; the old phone, once it has signal, wipes itself and never re-registers', async () => {
    const old = await newPhone(browser, server);
    await old.page.goto(server.url('/'));
    await old.page.getByRole('button', { name: 'Great' }).click();
    await old.page.getByRole('button', { name: 'Done' }).click();
    await eventually(() => server.records('checkin'), (rows) => rows.some((r) => r.mood === 5), 'the check-in reaching the server');
    // A safety plan and a saved place: recovery brings these back too.
    await old.page.goto(server.url('/safety-plan'));
    await old.page.getByRole('textbox', { name: '1. Signs that things are getting hard' }).fill('Example: not sleeping');
    await old.page.getByRole('button', { name: 'Save my plan' }).click();
    // Saved on the phone before leaving the screen: going to another page at once could beat the save (seen under load).
    await old.page.getByRole('status').getByText(words('en', 'safetyPlan.saved')).waitFor();
    const [service] = server.query<{ id: string }>('select id from services where deleted = 0 order by id limit 1');
    await old.page.goto(server.url(`/directory/service/${encodeURIComponent(service.id)}`));
    await old.page.getByRole('button', { name: 'Save to my list' }).click();
    await eventually(() => [server.records('safetyPlan').length, server.records('favourite').length], ([plans, places]) => plans === 1 && places === 1,
      'the safety plan and the saved place reaching the server');
    await old.page.goto(server.url('/my-pa'));
    await old.page.getByRole('button', { name: 'Turn on backup and make my recovery code' }).click();
    const code = await old.page.getByText(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/).innerText();
    const [oldDevice] = server.query<{ id: string }>('select d.id from devices d join recovery_codes r on r.person_id = d.person_id order by r.created_at desc limit 1');
    // The old phone is out of signal while its person restores on a new one.
    await goOffline(old.context);

    const fresh = await newPhone(browser, server);
    await fresh.page.goto(server.url('/my-pa'));
    await fresh.page.getByText('What comes back').waitFor();
    await fresh.page.getByText('Your safety plan', { exact: true }).waitFor();
    await fresh.page.getByLabel('Your recovery code').fill(code);
    await fresh.page.getByRole('button', { name: 'Bring back my things' }).click();
    await fresh.page.getByText('Welcome back. Your things are coming back to this phone.').waitFor();
    await fresh.page.goto(server.url('/'));
    await fresh.page.locator('#today-summary-text').getByText(/Great/).waitFor();
    await fresh.page.goto(server.url('/safety-plan'));
    await eventually(() => fresh.page.getByRole('textbox', { name: '1. Signs that things are getting hard' }).inputValue(), (v) => v === 'Example: not sleeping',
      'the safety plan back on the new phone');
    expect(await countIn(fresh.page, 'favourites')).toBe(1);
    const [revoked] = server.query<{ revoked_at: string | null }>('select revoked_at from devices where id = ?', oldDevice.id);
    expect(revoked.revoked_at).not.toBeNull();
    const people = server.query<{ n: number }>('select count(*) as n from people')[0].n;
    const devices = server.query<{ n: number }>('select count(*) as n from devices')[0].n;

    // Signal again: the old phone is told it was signed out, keeps nothing, and shows a neutral screen.
    const registrations: string[] = [];
    old.context.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/v1/devices') registrations.push(request.url());
    });
    await goOnline(old.context);
    await old.page.getByRole('heading', { name: 'This phone was signed out' }).waitFor({ timeout: 20_000 });
    expect(await countIn(old.page, 'checkins')).toBe(0);
    expect(await countIn(old.page, 'safetyPlan')).toBe(0);
    expect(await countIn(old.page, 'favourites')).toBe(0);
    expect(await countIn(old.page, 'outbox')).toBe(0);
    await expectNoAxeViolations(old.page, 'this phone was signed out (en)');
    // A reload and another sync round change nothing: it never comes back as a new person by itself.
    await old.page.reload();
    await old.page.getByRole('heading', { name: 'This phone was signed out' }).waitFor();
    await old.page.evaluate(() => window.dispatchEvent(new Event('online')));
    expect(await old.page.getByText('Great').count()).toBe(0);
    expect(registrations).toEqual([]);
    expect(server.query<{ n: number }>('select count(*) as n from people')[0].n).toBe(people);
    expect(server.query<{ n: number }>('select count(*) as n from devices')[0].n).toBe(devices);
    await old.context.close();
    await fresh.context.close();
  });
});
