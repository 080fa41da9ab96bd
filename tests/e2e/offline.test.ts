// After one visit online, the whole app works with no signal: it opens, keeps a check-in, and sends it when back online.
import { expect, it } from 'vitest';

import { browser, deviceOf, eventually, goOffline, goOnline, newPhone, server, serverAndBrowserPerFile, waitForServiceWorker } from './harness.ts';
import { words } from './words.ts';

serverAndBrowserPerFile();

it('keeps a check-in made offline and sends it when back online', async () => {
  const { page, context } = await newPhone(browser, server, { language: 'en' });
  const heading = page.getByRole('heading', { level: 1 });
  const good = page.getByRole('button', { name: words('en', 'checkin.mood.4'), exact: true });

  // First visit, online: the app saves itself on the phone and the phone gets its identity.
  await page.goto(server.url('/'));
  await waitForServiceWorker(page);
  await eventually(() => server.query('select id from devices').length, (n) => n === 1, 'the phone to register with the server');

  await goOffline(context);
  await page.reload();
  await heading.waitFor();
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);

  await good.click();
  await expect.poll(() => page.getByRole('status').filter({ hasText: words('en', 'checkin.saved') }).count()).toBe(1);

  // Still offline, after a restart of the app, History shows it.
  await page.reload();
  await heading.waitFor();
  await page.getByRole('link', { name: words('en', 'today.historyLink') }).click();
  await page.getByRole('heading', { level: 1, name: words('en', 'history.title') }).waitFor();
  await expect.poll(() => page.getByRole('button', { name: new RegExp(`^${words('en', 'history.edit')}: ${words('en', 'checkin.mood.4')},`) }).count()).toBe(1);
  expect(server.records('checkin')).toEqual([]);

  // Back online: it reaches the server without the person doing anything.
  await goOnline(context);
  const arrived = await eventually(() => server.records('checkin'), (rows) => rows.length === 1, 'the check-in to reach the server', 30_000);
  expect(arrived[0]).toMatchObject({ mood: 4, sharedWithPa: false });

  // And the server gives it back to this phone (and only as this phone) through the pull feed.
  const device = await deviceOf(page);
  const pulled = await server.api<{ changes: { kind: string; record: { id: string } | null }[] }>('/api/v1/sync/pull?cursor=0', { token: device!.token });
  expect(pulled.status).toBe(200);
  expect(pulled.body.changes.filter((c) => c.kind === 'checkin').map((c) => c.record?.id)).toEqual([arrived[0].id]);
  expect((await server.api('/api/v1/sync/pull?cursor=0')).status).toBe(401);
  await context.close();
});

it('opens any screen of the app offline, but never answers the API from the saved copy', async () => {
  const { page, context } = await newPhone(browser, server, { language: 'en' });
  await page.goto(server.url('/'));
  await waitForServiceWorker(page);
  // The app has talked to the API online (registration, sync) and we ask once more, so a caching worker would have it.
  expect(await page.evaluate(() => fetch('/api/v1/health').then((r) => r.status))).toBe(200);
  await eventually(() => server.query('select id from devices').length, (n) => n >= 1, 'the phone to sync once');
  const cachedApi = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
    return { all: urls.length, api: urls.filter((url) => new URL(url).pathname.startsWith('/api')) };
  });
  expect(cachedApi.all).toBeGreaterThan(10);
  expect(cachedApi.api).toEqual([]);
  await goOffline(context);

  await page.goto(server.url('/help'));
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.goto(server.url('/settings'));
  await page.getByRole('heading', { level: 1 }).waitFor();

  const api = await page.evaluate(() => fetch('/api/v1/health').then((r) => `HTTP ${r.status}`, () => 'network error'));
  expect(api).toBe('network error');
  await context.close();
});
