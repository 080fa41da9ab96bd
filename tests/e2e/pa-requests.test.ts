// Issue 10, Done means 1: "Please call me" rides the one outbox. Tapped during My PA's first load, on a slow network
// (0, 400 and 1500 ms added to every API call), it reaches the PA within 10 s of signal with no screen reopened;
// tapped offline, it is sent exactly once when the phone is back online, and says "Sent" only after the server has it.
import { spawnSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';

import { browser, eventually, goOffline, goOnline, languageAlreadyChosen, PHONE_VIEWPORT, ROOT, type RunningServer, server, serverAndBrowserPerFile } from './harness.ts';
import { words, wordsPattern } from './words.ts';

const SIGNAL_TO_PA_MS = 10_000;

/** A PA account, its first password changed, signed in through the API as the PA page would be. */
async function signedInPa(server: RunningServer): Promise<string> {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/admin.ts', 'create-user', '--role', 'pa', '--email', 'pa-requests@example.test', '--council', 'Example Council', '--name', 'Example PA'], {
    cwd: ROOT, env: { ...process.env, DATA_DIR: server.dataDir, DATABASE_URL: '' }, encoding: 'utf8',
  });
  const given = /One-time password: (\S+)/.exec(run.stdout)?.[1];
  if (!given) throw new Error(`create-user failed: ${run.stdout} ${run.stderr}`);
  const sameSite = { origin: server.origin };
  const login = await fetch(server.url('/api/v1/pa/login'), { method: 'POST', headers: { ...sameSite, 'content-type': 'application/json' }, body: JSON.stringify({ email: 'pa-requests@example.test', password: given }) });
  const cookie = String(login.headers.get('set-cookie')).split(';')[0];
  const changed = await server.api('/api/v1/pa/password', { method: 'POST', headers: { ...sameSite, cookie }, body: JSON.stringify({ currentPassword: given, newPassword: 'example long passphrase for requests' }) });
  if (changed.status !== 200) throw new Error(`password change failed: ${changed.status}`);
  return cookie;
}

async function pairingCode(server: RunningServer, cookie: string): Promise<string> {
  const res = await server.api<{ code: string }>('/api/v1/pa/pairing-codes', { method: 'POST', headers: { origin: server.origin, cookie } });
  if (res.status !== 201) throw new Error(`pairing code failed: ${res.status}`);
  return res.body.code;
}

/** A phone whose every API call waits `delayMs` first (the app itself loads at once). No service worker: not under test. */
async function slowPhone(browser: Browser, delayMs: number): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: PHONE_VIEWPORT, isMobile: true, hasTouch: true, locale: 'en', timezoneId: 'Europe/London', serviceWorkers: 'block' });
  await languageAlreadyChosen(context);
  await context.route('**/api/v1/**', async (route) => {
    if (delayMs) await sleep(delayMs);
    await route.continue().catch(() => undefined);
  });
  return { context, page: await context.newPage() };
}

async function connectedPhone(browser: Browser, server: RunningServer, cookie: string, delayMs: number, name: string) {
  const phone = await slowPhone(browser, delayMs);
  await phone.page.goto(server.url('/my-pa'));
  await phone.page.getByLabel(words('en', 'sharing.connect.codeLabel')).fill(await pairingCode(server, cookie));
  await phone.page.getByLabel(words('en', 'sharing.connect.nameLabel')).fill(name);
  await phone.page.getByRole('button', { name: words('en', 'sharing.connect.submit') }).click();
  await phone.page.getByText(words('en', 'sharing.connectedTo', { name: 'Example PA' })).waitFor({ timeout: 30_000 });
  const [{ person_id: personId }] = server.query<{ person_id: string }>('select person_id from pa_links where name = ?', name);
  return { ...phone, personId };
}

const requestsFor = (server: RunningServer, personId: string) =>
  server.query<{ id: string; data: string }>("select id, data from shares where kind = 'request' and person_id = ?", personId);

describe('"Please call me" reaches the PA on a slow network', () => {
  let cookie: string;

  serverAndBrowserPerFile({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  beforeAll(async () => {
    cookie = await signedInPa(server);
  });

  for (const delayMs of [0, 400, 1500]) {
    it(`with ${delayMs} ms of delay: tapped during My PA's first load, it reaches the PA within 10 s, once`, async () => {
      const phone = await connectedPhone(browser, server, cookie, delayMs, `Example Person first load ${delayMs}`);
      // My PA's first load: the page opens afresh and the status and sync calls are on their way when the tap lands.
      await phone.page.reload();
      await phone.page.getByRole('button', { name: words('en', 'sharing.requests.call-me') }).click();
      const tapped = Date.now();
      await phone.page.getByText(new RegExp(`^${wordsPattern('en', 'sharing.requests.call-me').source}: `)).waitFor();
      await eventually(() => requestsFor(server, phone.personId), (rows) => rows.length === 1, 'the request reaching the PA', SIGNAL_TO_PA_MS);
      const reachedMs = Date.now() - tapped;
      expect(reachedMs).toBeLessThan(SIGNAL_TO_PA_MS);
      // Never "Sent" before the server had it; once it has, the phone says so, still on the same screen.
      await phone.page.getByText(`${words('en', 'sharing.requests.call-me')}: ${words('en', 'sharing.delivery.sent')}`).waitFor({ timeout: SIGNAL_TO_PA_MS });
      expect(JSON.parse(requestsFor(server, phone.personId)[0].data)).toMatchObject({ request: 'call-me' });
      // A second tap a moment later is the same request, not another one.
      await phone.page.getByRole('button', { name: words('en', 'sharing.requests.call-me') }).click();
      await phone.page.getByText(`${words('en', 'sharing.requests.call-me')}: ${words('en', 'sharing.delivery.sent')}`).waitFor();
      expect(requestsFor(server, phone.personId)).toHaveLength(1);
      console.log(`[pa-requests] delay ${delayMs} ms: "Please call me" reached the PA ${reachedMs} ms after the tap`);
      await phone.context.close();
    });

    it(`with ${delayMs} ms of delay: tapped offline, it is sent exactly once when back online`, async () => {
      const phone = await connectedPhone(browser, server, cookie, delayMs, `Example Person offline ${delayMs}`);
      await goOffline(phone.context);
      await phone.page.getByRole('button', { name: words('en', 'sharing.requests.call-me') }).click();
      await phone.page.getByText(`${words('en', 'sharing.requests.call-me')}: ${words('en', 'sharing.delivery.waiting')}`).waitFor();
      expect(requestsFor(server, phone.personId)).toHaveLength(0);
      await goOnline(phone.context);
      const online = Date.now();
      await eventually(() => requestsFor(server, phone.personId), (rows) => rows.length === 1, 'the request reaching the PA', SIGNAL_TO_PA_MS);
      const reachedMs = Date.now() - online;
      await phone.page.getByText(`${words('en', 'sharing.requests.call-me')}: ${words('en', 'sharing.delivery.sent')}`).waitFor({ timeout: SIGNAL_TO_PA_MS });
      expect(requestsFor(server, phone.personId)).toHaveLength(1);
      expect(server.query("select id from records where kind = 'paRequest' and person_id = ?", phone.personId)).toHaveLength(1);
      console.log(`[pa-requests] delay ${delayMs} ms: offline request reached the PA ${reachedMs} ms after signal`);
      await phone.context.close();
    });
  }
});
