// My plan, end to end in Chromium against the real server: goals made offline stay, sync, and come back on a new phone.
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { browser, eventually, expectNoAxeViolations, expectNoHorizontalOverflow, goOffline, goOnline, newPhone, type RunningServer, server, serverAndBrowserPerFile, waitForServiceWorker } from './harness.ts';
import { createUser } from './staff.ts';

/** A PA signed in at their desk, with their own password chosen. */
async function paAtDesk(browser: Browser, server: RunningServer, email: string): Promise<Page> {
  const oneTime = createUser(server, 'pa', email, 'Example PA');
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en', timezoneId: 'Europe/London' });
  const page = await context.newPage();
  await page.goto(server.url('/pa/'));
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(oneTime);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('The password you were given').fill(oneTime);
  await page.getByLabel('New password').fill('example long passphrase for the PA');
  await page.getByRole('button', { name: 'Save my new password' }).click();
  return page;
}

async function connect(pa: Page, phone: Page, server: RunningServer): Promise<void> {
  await pa.getByRole('link', { name: 'Connect a young person' }).click();
  await pa.getByRole('button', { name: 'Make a code' }).click();
  const code = /([2-9A-Z]{3}-[2-9A-Z]{3})/.exec(await pa.getByText(/^Code: /).innerText())![1];
  await phone.goto(server.url('/my-pa'));
  await phone.getByLabel('Code from your PA').fill(code);
  await phone.getByLabel(/first name or nickname/).fill('Example Planner');
  await phone.getByRole('button', { name: 'Connect' }).click();
  await phone.getByText('You are connected to Example PA.').waitFor();
}

async function addGoal(page: Page, goal: string, step: string): Promise<void> {
  await page.getByRole('button', { name: 'In my own words' }).click();
  await page.getByLabel('What do you want to get to?').fill(goal);
  await page.getByLabel('A next small step (you can leave this empty)').fill(step);
  await page.getByRole('button', { name: 'Save goal' }).click();
  await page.getByRole('heading', { name: goal }).waitFor();
}

const goalCard = (page: Page, text: string) => page.locator('section.plan-goal').filter({ has: page.getByRole('heading', { name: text }) });

describe('my plan, end to end', () => {

  serverAndBrowserPerFile({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });

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
    await goalCard(page, 'Example: see my brother more').getByRole('button', { name: 'Change the words' }).click();
    await page.getByLabel('What do you want to get to?').fill('Example: see my brother every week');
    await page.getByRole('button', { name: 'Save goal' }).click();
    const card = goalCard(page, 'Example: see my brother every week');
    await card.getByText('Example: text my brother').waitFor();
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

  it('shares one goal of two: the PA sees exactly that one, suggests a step the young person accepts; unsharing removes it', async () => {
    const pa = await paAtDesk(browser, server, 'pa-plan@example.test');
    const { page, context } = await newPhone(browser, server);
    await connect(pa, page, server);
    await page.goto(server.url('/plan'));
    await addGoal(page, 'Example: start college in September', 'Example: look at the college website');
    await addGoal(page, 'Example: a private goal', 'Example: a private step');
    const college = goalCard(page, 'Example: start college in September');
    // Preview first: exactly what the PA will see.
    await college.getByText('Your PA will see:').waitFor();
    await college.getByText('Steps done: 0').waitFor();
    await expectNoAxeViolations(page, 'my plan, goals with sharing (en)');
    await college.getByRole('button', { name: 'Share with my PA' }).click();
    await college.getByText('Your PA sees:').waitFor();
    await eventually(() => server.query<{ kind: string }>('select kind from shares'), (rows) => rows.length === 1 && rows[0].kind === 'goal', 'the shared goal reaching the PA');

    await pa.getByRole('link', { name: 'Caseload', exact: true }).click();
    await pa.getByRole('link', { name: 'Example Planner' }).click();
    await pa.getByRole('heading', { name: 'Their plan: goals they shared' }).waitFor();
    await pa.getByRole('heading', { name: 'Example: start college in September' }).waitFor();
    await pa.getByText('Example: look at the college website').waitFor();
    expect(await pa.getByText('Example: a private goal').count()).toBe(0);
    expect(await pa.getByText('Example: a private step').count()).toBe(0);
    await expectNoAxeViolations(pa, 'PA young person page with a shared goal (en)');

    await pa.getByLabel('Suggest a next step (they choose whether to use it)').fill('Example: ask about a bursary');
    await pa.getByRole('button', { name: 'Suggest this step' }).click();
    await pa.getByText('Your suggestion, waiting for them: Example: ask about a bursary').waitFor();

    // On the phone: the suggestion shows on that goal; they tick their step, then add the PA's.
    await page.reload();
    await college.getByText('Example: ask about a bursary').waitFor();
    await college.getByRole('button', { name: 'I did it' }).click();
    await college.getByRole('button', { name: 'Add this step' }).click();
    await college.getByText('Next step: Example: ask about a bursary', { exact: true }).waitFor();
    await eventually(() => server.query('select id from goal_suggestions'), (rows) => rows.length === 0, 'the answered suggestion leaving the server');
    const copy = await eventually(() => server.query<{ data: string }>('select data from shares'), (rows) => rows.length === 1 && JSON.parse(rows[0].data).next?.text === 'Example: ask about a bursary',
      'the PA copy following the edit');
    expect(JSON.parse(copy[0].data).done.map((s: { text: string }) => s.text)).toEqual(['Example: look at the college website']);
    await pa.reload();
    await pa.getByText('Example: ask about a bursary').waitFor();
    expect(await pa.getByText(/Your suggestion, waiting for them/).count()).toBe(0);

    // A step can become a request to the PA.
    await college.getByRole('button', { name: 'Ask my PA to help with this step' }).click();
    await college.getByText('Sent to your PA.').waitFor();
    await eventually(() => server.query<{ data: string }>("select data from shares where kind = 'request'"), (rows) => rows.length === 1, 'the request reaching the PA');
    await pa.getByRole('link', { name: 'Caseload', exact: true }).click();
    await pa.getByText('Asked for help with a step').waitFor();
    await pa.getByRole('link', { name: 'Example Planner' }).click();
    await pa.getByText('Can you help me with this step? · Example: ask about a bursary').waitFor();

    // Unsharing removes it from the PA.
    await college.getByRole('button', { name: 'Stop sharing with my PA' }).click();
    await eventually(() => server.query("select id from shares where kind = 'goal'"), (rows) => rows.length === 0, 'the goal copy being removed');
    await pa.reload();
    await pa.getByText('Can you help me with this step?', { exact: false }).waitFor();
    expect(await pa.getByRole('heading', { name: 'Example: start college in September' }).count()).toBe(0);
    await pa.context().close();
    await context.close();
  });

  it('turns a step into an appointment, prefilled, with the appointment reminders', async () => {
    const { page, context } = await newPhone(browser, server);
    await page.goto(server.url('/plan'));
    await page.getByRole('button', { name: 'In my own words' }).click();
    await page.getByLabel('What do you want to get to?').fill('Example: register with a doctor');
    await page.getByLabel('A next small step (you can leave this empty)').fill('Example Surgery visit');
    await page.getByLabel('Day (you can leave this empty)').fill('2030-07-15');
    await page.getByRole('button', { name: 'Save goal' }).click();
    await goalCard(page, 'Example: register with a doctor').getByRole('link', { name: 'Make it an appointment' }).click();
    await expect.poll(() => page.getByLabel('What is it?').inputValue()).toBe('Example Surgery visit');
    expect(await page.getByLabel('Date').inputValue()).toBe('2030-07-15');
    await page.getByLabel('Time').fill('10:30');
    await page.getByRole('button', { name: 'Save' }).click();
    const [appointment] = await eventually(() => server.records('appointment'), (rows) => rows.length === 1, 'the appointment reaching the server');
    expect(appointment.title).toBe('Example Surgery visit');
    expect([...(appointment.reminders as number[])].sort((a, b) => a - b)).toEqual([120, 1440]);
    await context.close();
  });
});
