// Export my data in real Chromium: one tap on More downloads the copy, a new phone brings it back and backs it up;
// the section is axe-clean in English and Arabic.
import { readFile } from 'node:fs/promises';

import { expect, it } from 'vitest';

import { browser, eventually, expectNoAxeViolations, newPhone, server, serverAndBrowserPerFile } from './harness.ts';
import { words } from './words.ts';

serverAndBrowserPerFile();

it('saves a copy with one tap, and a new phone brings it back and backs it up', async () => {
  const first = await newPhone(browser, server, { language: 'en' });
  const second = await newPhone(browser, server, { language: 'en' });
  try {
    const { page } = first;
    await page.goto(server.url('/'));
    await page.getByRole('button', { name: words('en', 'checkin.mood.4'), exact: true }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: words('en', 'checkin.saved') }).count()).toBe(1);

    await page.goto(server.url('/settings'));
    await page.getByRole('heading', { name: words('en', 'settings.myData.title') }).waitFor();
    await expectNoAxeViolations(page, 'More, your data (en)');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: words('en', 'settings.myData.exportJson') }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^my-data-\d{4}-\d{2}-\d{2}\.json$/);
    const file = await download.path();
    const copy = JSON.parse(await readFile(file, 'utf8'));
    expect(copy.records.checkin).toHaveLength(1);
    expect(copy.records.checkin[0].mood).toBe(4);

    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: words('en', 'settings.myData.checkinsCsv') }).click(),
    ]);
    const csvBytes = await readFile(await csv.path());
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csvBytes.toString('utf8')).toContain(words('en', 'checkin.mood.4'));

    // A new phone: bring the copy back; it shows in History and reaches the server under the new phone.
    await second.page.goto(server.url('/settings'));
    await second.page.getByLabel(words('en', 'settings.myData.import')).setInputFiles(file);
    await second.page.getByRole('status').filter({ hasText: words('en', 'settings.myData.imported', { count: '1' }) }).waitFor();
    await eventually(
      // The first phone's and, under a new id, the second's: one person each.
      () => server.query<{ n: number }>('select count(distinct person_id) as n from records where kind = ?', 'checkin'),
      (rows) => Number(rows[0]?.n) === 2,
      'the brought-back check-in to be backed up',
    );
  } finally {
    await first.context.close();
    await second.context.close();
  }
});

it('reads right-to-left and is axe-clean in Arabic', async () => {
  const { page, context } = await newPhone(browser, server, { language: 'ar' });
  try {
    await page.goto(server.url('/settings'));
    await page.getByRole('heading', { name: words('ar', 'settings.myData.title') }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expectNoAxeViolations(page, 'More, your data (ar)');
  } finally {
    await context.close();
  }
});
