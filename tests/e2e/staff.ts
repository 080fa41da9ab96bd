// PA and manager accounts for the end-to-end tests, made the way a council's admin makes them (`npm run admin --
// create-user`, against the test server's own database) and given their own password as the page would ask.
import { spawnSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

import type { Browser } from 'playwright-core';

import { languageAlreadyChosen, PHONE_VIEWPORT, ROOT, type RunningServer } from './harness.ts';
import { words } from './words.ts';

/** A staff member of Example Council; returns their one-time password. */
export function createUser(server: RunningServer, role: 'pa' | 'manager', email: string, name = `Example ${role}`): string {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/admin.ts', 'create-user', '--role', role, '--email', email, '--council', 'Example Council', '--name', name], {
    cwd: ROOT, env: { ...process.env, DATA_DIR: server.dataDir, DATABASE_URL: '' }, encoding: 'utf8',
  });
  const password = /One-time password: (\S+)/.exec(run.stdout)?.[1];
  if (!password) throw new Error(`create-user failed: ${run.stdout} ${run.stderr}`);
  return password;
}

/** A staff member's first password replaced through the API, as the page would; returns the new one and a cookie. */
export async function ownPassword(server: RunningServer, email: string, given: string): Promise<{ password: string; cookie: string }> {
  const login = await fetch(server.url('/api/v1/pa/login'), { method: 'POST', headers: { origin: server.origin, 'content-type': 'application/json' }, body: JSON.stringify({ email, password: given }) });
  const cookie = String(login.headers.get('set-cookie')).split(';')[0];
  const password = `example long passphrase for ${email}`;
  const changed = await server.api('/api/v1/pa/password', { method: 'POST', headers: { origin: server.origin, cookie }, body: JSON.stringify({ currentPassword: given, newPassword: password }) });
  if (changed.status !== 200) throw new Error(`password change failed: ${changed.status}`);
  return { password, cookie };
}

/**
 * A young person's phone (in English, at phone size) connected to the PA with this session cookie, under `name`,
 * with their person id on the server. `apiDelayMs` makes every API call wait that long first, as on a slow network
 * (the app itself loads at once; no service worker, which is not under test here).
 */
export async function connectedPhone(browser: Browser, server: RunningServer, cookie: string, name: string, { apiDelayMs = 0 } = {}) {
  const context = await browser.newContext({ viewport: PHONE_VIEWPORT, isMobile: true, hasTouch: true, locale: 'en', timezoneId: 'Europe/London', serviceWorkers: 'block' });
  await languageAlreadyChosen(context);
  if (apiDelayMs > 0) {
    await context.route('**/api/v1/**', async (route) => {
      await sleep(apiDelayMs);
      await route.continue().catch(() => undefined);
    });
  }
  const page = await context.newPage();
  const code = (await server.api<{ code: string }>('/api/v1/pa/pairing-codes', { method: 'POST', headers: { origin: server.origin, cookie } })).body.code;
  await page.goto(server.url('/my-pa'));
  await page.getByLabel(words('en', 'sharing.connect.codeLabel')).fill(code);
  await page.getByLabel(words('en', 'sharing.connect.nameLabel')).fill(name);
  await page.getByRole('button', { name: words('en', 'sharing.connect.submit') }).click();
  await page.getByText(words('en', 'sharing.connectedTo', { name: 'Example pa' })).waitFor({ timeout: 30_000 });
  const [{ person_id: personId }] = server.query<{ person_id: string }>('select person_id from pa_links where name = ?', name);
  return { context, page, personId };
}
