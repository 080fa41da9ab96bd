// Delete my data everywhere, in the built app on a real phone-sized Chromium against the real server: one clear
// confirmation, done in seconds, the phone wiped and listing what went, no row of the person left in any table, and
// their other phone told it was signed out.
import { expect, it } from 'vitest';

import { browser, deviceOf, expectNoAxeViolations, expectNoHorizontalOverflow, newPhone, server, serverAndBrowserPerFile } from './harness.ts';
import { words } from './words.ts';

serverAndBrowserPerFile();

it('deletes everything everywhere from More, lists what went, and signs out the other phone', async () => {
  const { page } = await newPhone(browser, server);
  await page.goto(server.url('/my-pa'));
  await page.getByRole('button', { name: words('en', 'sharing.backup.make') }).click();
  await page.getByText(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/).waitFor();
  const device = (await deviceOf(page))!;
  const [{ person_id: personId }] = server.query<{ person_id: string }>('select person_id from devices where id = ?', device.deviceId);
  // Their other phone, joined with a link code through the API.
  const link = await server.api<{ code: string }>('/api/v1/devices/link-codes', { method: 'POST', token: device.token, body: '{}' });
  const other = await server.api<{ deviceId: string; token: string }>('/api/v1/devices', { method: 'POST', body: JSON.stringify({ linkCode: link.body.code }) });
  expect(other.status).toBe(201);

  await page.goto(server.url('/settings'));
  await page.getByRole('button', { name: words('en', 'settings.deleteData.everywhere') }).click();
  await page.getByText(words('en', 'settings.deleteData.confirmEverywhere')).waitFor();
  await expectNoAxeViolations(page, 'delete my data, confirmation (en)');
  const started = Date.now();
  await page.getByRole('button', { name: words('en', 'settings.deleteData.yes') }).click();
  await page.getByRole('heading', { level: 1, name: words('en', 'settings.deleteData.doneTitle') }).waitFor();
  const tookMs = Date.now() - started;
  console.log(`delete everywhere: ${tookMs} ms from the tap to the message`);
  expect(tookMs).toBeLessThan(10_000);
  await expect.poll(() => page.getByRole('listitem').allInnerTexts()).toContain(words('en', 'settings.deleteData.deleted.devices', { count: '2' }));
  expect(await page.getByRole('listitem').allInnerTexts()).toContain(words('en', 'settings.deleteData.deleted.recoveryCode'));
  await expectNoAxeViolations(page, 'delete my data, done (en)');
  await expectNoHorizontalOverflow(page, 'delete my data, done (en)');

  const tables = server.query<{ name: string }>("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'");
  for (const { name } of tables) {
    const rows = server.query(`select * from "${name}"`).map((row) => JSON.stringify(row));
    expect(rows.filter((row) => row.includes(personId) || row.includes(device.deviceId)), name).toEqual([]);
  }
  const pull = await server.api<{ error: string }>('/api/v1/sync/pull?cursor=0', { token: other.body.token });
  expect(pull).toEqual({ status: 401, body: expect.objectContaining({ error: 'device-signed-out' }) });
});
