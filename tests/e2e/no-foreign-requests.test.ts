// The built app talks to no one but its own server: every screen in the screens table is visited with every
// request intercepted (page and service worker), and any request to another host is refused and reported.
// (Quick exit's neutral page is the one deliberate exception, and only when Exit is pressed; not done here.)
import { expect, it } from 'vitest';

import { browser, newPhone, server, serverAndBrowserPerFile, waitForServiceWorker } from './harness.ts';
import { SCREENS } from './screens.ts';

serverAndBrowserPerFile({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });

it('visits every screen and asks no host but its own for anything', async () => {
  const { page, context } = await newPhone(browser, server, { language: 'en' });
  const own = new URL(server.origin).host;
  const asked = new Set<string>();
  const foreign: string[] = [];
  // context.route sees the page's requests and the service worker's; anything not for our host is refused.
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    asked.add(url.host);
    if (url.host === own) return route.continue();
    foreign.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  // Requests that never reach routing (e.g. preconnects or beacons) still show up as request events.
  context.on('request', (request) => {
    const url = new URL(request.url());
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.host !== own && !foreign.includes(request.url())) foreign.push(request.url());
  });
  try {
    await page.goto(server.url('/'));
    await waitForServiceWorker(page);
    for (const { name, path, prepare } of SCREENS) {
      await page.goto(server.url(path));
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await prepare?.(page, 'en');
      // Let the screen finish what it starts on opening (lazy chunks, directory data, sync).
      await page.waitForLoadState('networkidle');
      expect(foreign, `after ${name}`).toEqual([]);
    }
    // The check is real: the app's own requests were seen, so interception was on.
    expect([...asked]).toEqual([own]);
  } finally {
    await context.close();
  }
});
