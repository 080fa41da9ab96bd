// My plan, end to end in Chromium against the real server: goals made offline stay, sync, and come back on a new phone.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventually, expectNoAxeViolations, expectNoHorizontalOverflow, goOffline, goOnline, newPhone, startBrowser, startServer,
  waitForServiceWorker, type RunningServer,
} from './harness.ts';

const goalCard = (page: Page, text: string) => page.locator('section.plan-goal').filter({ has: page.getByRole('heading', { name: text }) });

describe('my plan, end to end', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
    browser = await startBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('keeps a goal made offline with its steps, syncs it when back online, and brings it back on a new phone', async () => {
    const { page, context } = await newPhone(browser, server);
    await page.goto(server.url('/'));
    await waitForServiceWorker(page);
    await page.getByRole('link', { name: 'My plan' }).click();
    await page.getByRole('heading', { name: 'My plan', level: 1 }).waitFor();
    await goOffline(context);

    // A starting point prefills a goal they then make their own.
    await page.getByRole('button', { name: 'Somewhere to live' }).click();
    await expect.poll(() => page.getByLabel('What do you want to get to?').inputValue()).toBe('Get my own place');
    await page.getByLabel('What do you want to get to?').fill('Example: get my own flat');
    await page.getByLabel('A next small step (you can leave this empty)').fill('Example: ring the housing office');
    await expectNoAxeViolations(page, 'my plan, new goal form (en)');
    await page.getByRole('button', { name: 'Save goal' }).click();
    const card = goalCard(page, 'Example: get my own flat');
    await card.getByText('Example: ring the housing office').waitFor();
    await card.getByText('Somewhere to live').or(card.getByText('Home')).first().waitFor();

    await card.getByRole('button', { name: 'I did it' }).click();
    await card.getByText('No next step yet.').waitFor();
    await card.getByLabel('The next small step').fill('Example: fill in the housing form');
    await card.getByRole('button', { name: 'Add step' }).click();
    await card.getByText('Example: fill in the housing form').waitFor();
    await card.getByRole('heading', { name: 'Done so far' }).waitFor();
    await expectNoAxeViolations(page, 'my plan, one goal with a step done (en)');
    await expectNoHorizontalOverflow(page, 'my plan, one goal with a step done (en)');
    expect(server.records('goal')).toHaveLength(0);

    // Offline reload: the app and the plan are both on the phone.
    await page.reload();
    const again = goalCard(page, 'Example: get my own flat');
    await again.getByText('Example: fill in the housing form').waitFor();
    await again.getByText('Example: ring the housing office').waitFor();

    await goOnline(context);
    const [synced] = await eventually(() => server.records('goal'), (rows) => rows.length === 1 && (rows[0].steps as unknown[]).length === 2, 'the goal reaching the server');
    expect(synced.text).toBe('Example: get my own flat');
    expect(synced.sharedWithPa).toBe(false);
    const steps = synced.steps as { text: string; doneAt?: string }[];
    expect(steps.map((s) => [s.text, s.doneAt !== undefined])).toEqual([['Example: ring the housing office', true], ['Example: fill in the housing form', false]]);
    // Private by default: nothing reaches a PA.
    expect(server.query('select id from shares')).toHaveLength(0);

    await page.goto(server.url('/my-pa'));
    await page.getByRole('button', { name: 'Turn on backup and make my recovery code' }).click();
    const code = await page.getByText(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/).innerText();

    const fresh = await newPhone(browser, server);
    await fresh.page.goto(server.url('/my-pa'));
    await fresh.page.getByText('Your plan', { exact: true }).waitFor();
    await fresh.page.getByLabel('Your recovery code').fill(code);
    await fresh.page.getByRole('button', { name: 'Bring back my things' }).click();
    await fresh.page.getByText('Welcome back. Your things are coming back to this phone.').waitFor();
    await fresh.page.goto(server.url('/plan'));
    const back = goalCard(fresh.page, 'Example: get my own flat');
    await back.getByText('Example: fill in the housing form').waitFor();
    await back.getByText('Example: ring the housing office').waitFor();
    await context.close();
    await fresh.context.close();
  });

  it('shows a quiet line on Today when a step is dated today, and a goal can go on hold and be deleted', async () => {
    const { page, context } = await newPhone(browser, server);
    await page.goto(server.url('/plan'));
    await page.getByRole('button', { name: 'In my own words' }).click();
    await page.getByLabel('What do you want to get to?').fill('Example: see my brother more');
    await page.getByLabel('Which part of life is it about?').selectOption('people');
    await page.getByLabel('A next small step (you can leave this empty)').fill('Example: text my brother');
    const today = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    await page.getByLabel('Day (you can leave this empty)').fill(today);
    await page.getByRole('button', { name: 'Save goal' }).click();
    await goalCard(page, 'Example: see my brother more').waitFor();
    await page.goto(server.url('/'));
    await page.getByRole('link', { name: 'Today: Example: text my brother' }).waitFor();
    await expectNoAxeViolations(page, 'Today with a plan step due (en)');

    await page.goto(server.url('/plan'));
    const card = goalCard(page, 'Example: see my brother more');
    await card.getByRole('button', { name: 'Put on hold' }).click();
    await card.getByText('On hold', { exact: true }).waitFor();
    await page.goto(server.url('/'));
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('link', { name: 'My plan' }).waitFor();
    expect(await page.getByRole('link', { name: 'Today: Example: text my brother' }).count()).toBe(0);

    await page.goto(server.url('/plan'));
    await card.getByRole('button', { name: 'Delete goal' }).click();
    await card.getByRole('button', { name: 'Yes, delete it' }).click();
    await page.getByText('Goal deleted.').waitFor();
    expect(await card.count()).toBe(0);
    await eventually(() => server.query<{ deleted: number }>("select deleted from records where kind = 'goal' and data like '%brother%' or (kind = 'goal' and deleted = 1)"),
      (rows) => rows.length === 1 && rows[0].deleted === 1, 'the delete reaching the server');
    await context.close();
  });
});
