// A new version of the app waits while the person is writing; it is installed only when they press Update.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { afterAll, expect, it } from 'vitest';

import { browser, copyOfBuiltApp, newPhone, server, serverAndBrowserPerFile, waitForServiceWorker } from './harness.ts';
import { words } from './words.ts';

let appDir: string;

serverAndBrowserPerFile(() => ({ staticDir: (appDir = copyOfBuiltApp()) }));
afterAll(() => {
  if (appDir) rmSync(appDir, { recursive: true, force: true });
});

let original: { html: string; sw: string } | undefined;

/** Release version `n` (2, 3 …): a changed index.html and a service worker whose precache list says so. */
function releaseNewVersion(n = 2): void {
  const write = (file: string, content: string) => {
    writeFileSync(path.join(appDir, file), content);
    // The server prefers the pre-compressed copies; they are stale now.
    rmSync(path.join(appDir, `${file}.br`), { force: true });
    rmSync(path.join(appDir, `${file}.gz`), { force: true });
  };
  original ??= { html: readFileSync(path.join(appDir, 'index.html'), 'utf8'), sw: readFileSync(path.join(appDir, 'sw.js'), 'utf8') };
  write('index.html', original.html.replace('<head>', `<head>\n    <meta name="app-version" content="${n}" />`));
  const withNewRevision = original.sw.replace(/("revision":")[0-9a-f]+(","url":"index\.html")/, `$1version-${n}$2`);
  if (withNewRevision === original.sw) throw new Error('Could not find index.html in the precache list of sw.js');
  write('sw.js', withNewRevision);
}

it('waits while a note is being written, keeps the text, and updates only when the person presses Update', async () => {
  const { page, context } = await newPhone(browser, server, { language: 'en' });
  await page.goto(server.url('/'));
  await waitForServiceWorker(page);

  // Start a check-in and write a note, without saving it.
  await page.getByRole('button', { name: words('en', 'checkin.mood.3'), exact: true }).click();
  await page.getByRole('button', { name: words('en', 'checkin.addMore'), exact: true }).click();
  const note = page.getByRole('textbox', { name: words('en', 'checkin.note.label') });
  await note.fill('Example note: half written when the update came');
  await page.evaluate(() => ((window as unknown as { samePage: boolean }).samePage = true));

  releaseNewVersion();
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());

  const notice = page.getByRole('status').filter({ hasText: words('en', 'pwa.update.ready') });
  await notice.waitFor();
  await expect.poll(() => notice.textContent()).toContain(words('en', 'pwa.update.textKept'));
  // The new version waits: same page, same text, the old worker still in charge.
  expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.waiting?.state))).toBe('installed');
  expect(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(true);
  await expect.poll(() => note.inputValue()).toBe('Example note: half written when the update came');
  expect(await page.locator('meta[name="app-version"]').count()).toBe(0);

  // The person chooses to update: the page reloads once into version 2, and their note is still there.
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: words('en', 'pwa.update.button') }).click()]);
  await page.getByRole('heading', { level: 1 }).waitFor();
  expect(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBeUndefined();
  expect(await page.locator('meta[name="app-version"]').getAttribute('content')).toBe('2');
  expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.waiting ?? null))).toBeNull();
  await expect.poll(() => page.getByRole('textbox', { name: words('en', 'checkin.note.label') }).inputValue()).toBe('Example note: half written when the update came');
  await expect.poll(() => page.getByRole('status').filter({ hasText: words('en', 'pwa.update.ready') }).count()).toBe(0);
  await context.close();
});

// Every form that can be half-filled keeps its text through an update (one draft mechanism, src/app/ui/draft.ts),
// so the notice's promise is true for each. The check-in note is the test above.
const FORMS: { name: string; at: string; fields: { label: string; text: string }[] }[] = [
  { name: 'appointment form', at: '/appointments/new', fields: [{ label: words('en', 'appointments.form.what'), text: 'Example: housing office, half typed' }] },
  { name: 'safety plan', at: '/safety-plan', fields: [{ label: words('en', 'safetyPlan.steps.warningSigns.label'), text: 'Example: not sleeping, half typed' }] },
  {
    name: 'connect to my PA', at: '/my-pa', fields: [
      { label: words('en', 'sharing.connect.codeLabel'), text: 'EXA-MPL' },
      { label: words('en', 'sharing.connect.nameLabel'), text: 'Example nickname' },
    ],
  },
];

it('keeps what was typed in every form through Update', async () => {
  const { page, context } = await newPhone(browser, server, { language: 'en' });
  await page.goto(server.url('/'));
  await waitForServiceWorker(page);
  let version = 10;
  for (const form of FORMS) {
    await page.goto(server.url(form.at));
    for (const field of form.fields) await page.getByLabel(field.label, { exact: true }).fill(field.text);

    version += 1;
    releaseNewVersion(version);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    const notice = page.getByRole('status').filter({ hasText: words('en', 'pwa.update.ready') });
    await notice.waitFor();
    await expect.poll(() => notice.textContent(), { message: form.name }).toContain(words('en', 'pwa.update.textKept'));
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: words('en', 'pwa.update.button') }).click()]);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.locator('meta[name="app-version"]').getAttribute('content'), form.name).toBe(String(version));
    for (const field of form.fields) {
      await expect.poll(() => page.getByLabel(field.label, { exact: true }).inputValue(), { message: `${form.name}: ${field.label}` }).toBe(field.text);
    }
  }
  await context.close();
});
