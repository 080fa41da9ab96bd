// Issue 10, Done means 1: "Please call me" rides the one outbox. Tapped during My PA's first load, on a slow network
// (0, 400 and 1500 ms added to every API call), it reaches the PA within 10 s of signal with no screen reopened;
// tapped offline, it is sent exactly once when the phone is back online, and says "Sent" only after the server has it.
import { beforeAll, describe, expect, it } from 'vitest';

import { browser, eventually, goOffline, goOnline, type RunningServer, server, serverAndBrowserPerFile } from './harness.ts';
import { connectedPhone, createUser, ownPassword } from './staff.ts';
import { words, wordsPattern } from './words.ts';

const SIGNAL_TO_PA_MS = 10_000;

const requestsFor = (server: RunningServer, personId: string) =>
  server.query<{ id: string; data: string }>("select id, data from shares where kind = 'request' and person_id = ?", personId);

describe('"Please call me" reaches the PA on a slow network', () => {
  let cookie: string;

  serverAndBrowserPerFile({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  beforeAll(async () => {
    ({ cookie } = await ownPassword(server, 'pa-requests@example.test', createUser(server, 'pa', 'pa-requests@example.test')));
  });

  for (const delayMs of [0, 400, 1500]) {
    it(`with ${delayMs} ms of delay: tapped during My PA's first load, it reaches the PA within 10 s, once`, async () => {
      const phone = await connectedPhone(browser, server, cookie, `Example Person first load ${delayMs}`, { apiDelayMs: delayMs });
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
      const phone = await connectedPhone(browser, server, cookie, `Example Person offline ${delayMs}`, { apiDelayMs: delayMs });
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
