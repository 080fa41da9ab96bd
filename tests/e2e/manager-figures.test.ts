// Issue 16, the manager's figures over time: 12 months, a chart of the wellbeing averages with the table as its
// alternative (each table scrolls by keyboard), a one-line meaning beside each wellbeing question (for anxiety, lower
// is better), and the service's own figures. Ten invented young people who chose to be counted are made through the
// API; axe-core finds nothing at 360 and 1280 px in English and Arabic.
import { randomUUID } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { browser, expectNoAxeViolations, expectNoHorizontalOverflow, PHONE_VIEWPORT, type RunningServer, screenshot, server, serverAndBrowserPerFile } from './harness.ts';
import { createUser, ownPassword } from './staff.ts';
import { words, wordsPattern } from './words.ts';

const DESK = { width: 1280, height: 800 };

/** An invented young person: connects to the PA, answers the wellbeing questions, chooses to be counted, asks to call. */
async function countedYoungPerson(server: RunningServer, paCookie: string, answers: { life: number; worthwhile: number; happy: number; anxious: number }) {
  const device = (await server.api<{ deviceId: string; token: string }>('/api/v1/devices', { method: 'POST', body: '{}' })).body;
  const code = (await server.api<{ code: string }>('/api/v1/pa/pairing-codes', { method: 'POST', headers: { origin: server.origin, cookie: paCookie } })).body.code;
  expect((await server.api('/api/v1/my-pa/connect', { method: 'POST', token: device.token, body: JSON.stringify({ code, name: 'Example Person' }) })).status).toBe(200);
  const at = new Date().toISOString();
  const record = { id: randomUUID(), at, ...answers, sharedWithPa: false, updatedAt: at };
  const pushed = await server.api('/api/v1/sync/push', { method: 'POST', token: device.token, body: JSON.stringify({ deviceId: device.deviceId, mutations: [{ seq: 1, kind: 'ons4', op: 'put', id: record.id, record, clientTime: at }] }) });
  expect(pushed.status).toBe(200);
  expect((await server.api('/api/v1/my-pa/monitoring', { method: 'PUT', token: device.token, body: JSON.stringify({ optIn: true }) })).status).toBe(200);
  const request = await server.api('/api/v1/my-pa/shares', { method: 'POST', token: device.token, body: JSON.stringify({ kind: 'request', id: randomUUID(), request: 'call-me', at }) });
  expect(request.status).toBe(201);
}

describe('the manager’s figures over time', () => {

  serverAndBrowserPerFile({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });

  it('shows 12 months, a chart with a table alternative, what each question means and the service’s figures; axe finds nothing', async () => {
    const pa = await ownPassword(server, 'pa-figures@example.test', createUser(server, 'pa', 'pa-figures@example.test'));
    const manager = await ownPassword(server, 'manager-figures@example.test', createUser(server, 'manager', 'manager-figures@example.test'));
    for (let i = 0; i < 10; i++) await countedYoungPerson(server, pa.cookie, { life: 7, worthwhile: 8, happy: 6, anxious: 3 });

    const context = await browser.newContext({ viewport: DESK, locale: 'en', timezoneId: 'Europe/London' });
    const page = await context.newPage();
    await page.goto(server.url('/pa/'));
    await page.getByLabel(words('en', 'pa.login.email')).fill('manager-figures@example.test');
    await page.getByLabel(words('en', 'pa.login.password')).fill(manager.password);
    await page.getByRole('button', { name: words('en', 'pa.login.submit') }).click();
    await page.getByRole('heading', { name: wordsPattern('en', 'pa.nav.figures') }).waitFor();

    await page.getByRole('img', { name: wordsPattern('en', 'pa.figures.chartTitle') }).waitFor();
    await page.getByText(words('en', 'pa.figures.meaning.anxious')).waitFor();
    const wellbeing = page.getByRole('region', { name: words('en', 'pa.figures.tableLabel'), exact: true });
    expect(await wellbeing.getByRole('row').count()).toBe(13);
    const service = page.getByRole('region', { name: words('en', 'pa.figures.service.tableLabel') });
    expect(await service.getByRole('row').count()).toBe(13);
    // This month: 10–14 connected, 10–14 requests, none seen yet.
    const thisMonth = service.getByRole('row').nth(1);
    expect(await thisMonth.getByRole('cell').allTextContents()).toEqual(['10–14', '10–14', words('en', 'pa.figures.hidden'), words('en', 'pa.figures.hidden')]);
    // The tables scroll sideways on a phone, so each takes keyboard focus.
    await service.focus();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(words('en', 'pa.figures.service.tableLabel'));

    for (const language of ['en', 'ar']) {
      if (language === 'ar') {
        await page.getByRole('button', { name: words('en', 'pa.otherLanguage') }).click();
        await page.getByRole('heading', { name: wordsPattern('ar', 'pa.nav.figures') }).waitFor();
        await page.getByRole('img', { name: wordsPattern('ar', 'pa.figures.chartTitle') }).waitFor();
      }
      for (const width of [PHONE_VIEWPORT, DESK]) {
        await page.setViewportSize(width);
        await expectNoAxeViolations(page, `manager figures over time (${language}, ${width.width})`);
        await expectNoHorizontalOverflow(page, `manager figures over time (${language}, ${width.width})`);
      }
    }
    await screenshot(page, 'manager-figures-ar');
    await context.close();
  });
});
