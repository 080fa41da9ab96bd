// My plan, end to end in Chromium against the real server: goals made offline stay, sync, and come back on a new phone.
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { browser, eventually, expectNoAxeViolations, expectNoHorizontalOverflow, goOffline, goOnline, newPhone, type RunningServer, server, serverAndBrowserPerFile, waitForServiceWorker } from './harness.ts';
import { createUser } from './staff.ts';
import { escapeRegExp, words, wordsPattern } from './words.ts';

/** A PA signed in at their desk, with their own password chosen. */
async function paAtDesk(browser: Browser, server: RunningServer, email: string): Promise<Page> {
  const oneTime = createUser(server, 'pa', email, 'Example PA');
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en', timezoneId: 'Europe/London' });
  const page = await context.newPage();
  await page.goto(server.url('/pa/'));
  await page.getByLabel(words('en', 'pa.login.email')).fill(email);
  await page.getByLabel(words('en', 'pa.login.password')).fill(oneTime);
  await page.getByRole('button', { name: words('en', 'pa.login.submit') }).click();
  await page.getByLabel(words('en', 'pa.password.current')).fill(oneTime);
  await page.getByLabel(words('en', 'pa.password.next')).fill('example long passphrase for the PA');
  await page.getByRole('button', { name: words('en', 'pa.password.submit') }).click();
  return page;
}

async function connect(pa: Page, phone: Page, server: RunningServer): Promise<void> {
  await pa.getByRole('link', { name: words('en', 'pa.nav.pairing') }).click();
  await pa.getByRole('button', { name: words('en', 'pa.pairing.make') }).click();
  const code = /([2-9A-Z]{3}-[2-9A-Z]{3})/.exec(await pa.getByText(new RegExp(`^${escapeRegExp(words('en', 'pa.pairing.code', { code: '' }))}`)).innerText())![1];
  await phone.goto(server.url('/my-pa'));
  await phone.getByLabel(words('en', 'sharing.connect.codeLabel')).fill(code);
  await phone.getByLabel(words('en', 'sharing.connect.nameLabel')).fill('Example Planner');
  await phone.getByRole('button', { name: words('en', 'sharing.connect.submit') }).click();
  await phone.getByText(words('en', 'sharing.connectedTo', { name: 'Example PA' })).waitFor();
}

async function addGoal(page: Page, goal: string, step: string): Promise<void> {
  await page.getByRole('button', { name: words('en', 'plan.starters.own') }).click();
  await page.getByLabel(words('en', 'plan.form.goal')).fill(goal);
  await page.getByLabel(words('en', 'plan.form.step')).fill(step);
  await page.getByRole('button', { name: words('en', 'plan.form.save') }).click();
  await page.getByRole('heading', { name: goal }).waitFor();
}

const goalCard = (page: Page, text: string) => page.locator('section.plan-goal').filter({ has: page.getByRole('heading', { name: text }) });

describe('my plan, end to end', () => {

  serverAndBrowserPerFile({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });

  it('keeps a goal made offline with its steps, syncs it when back online, and brings it back on a new phone', async () => {
    const { page, context } = await newPhone(browser, server);
    await page.goto(server.url('/'));
    await waitForServiceWorker(page);
    await page.getByRole('link', { name: words('en', 'plan.link') }).click();
    await page.getByRole('heading', { name: words('en', 'plan.title'), level: 1 }).waitFor();
    await goOffline(context);

    // A starting point prefills a goal they then make their own.
    await page.getByRole('button', { name: words('en', 'plan.starters.home.label') }).click();
    await expect.poll(() => page.getByLabel(words('en', 'plan.form.goal')).inputValue()).toBe(words('en', 'plan.starters.home.goal'));
    await page.getByLabel(words('en', 'plan.form.goal')).fill('Example: get my own flat');
    await page.getByLabel(words('en', 'plan.form.step')).fill('Example: ring the housing office');
    await expectNoAxeViolations(page, 'my plan, new goal form (en)');
    await page.getByRole('button', { name: words('en', 'plan.form.save') }).click();
    const card = goalCard(page, 'Example: get my own flat');
    await card.getByText('Example: ring the housing office').waitFor();
    await card.getByText(words('en', 'plan.starters.home.label')).or(card.getByText(words('en', 'checkin.areas.home'))).first().waitFor();

    await card.getByRole('button', { name: words('en', 'plan.goal.tick') }).click();
    await card.getByText(words('en', 'plan.goal.noNext')).waitFor();
    await card.getByLabel(words('en', 'plan.goal.addStep')).fill('Example: fill in the housing form');
    await card.getByRole('button', { name: words('en', 'plan.goal.addStepSave') }).click();
    await card.getByText('Example: fill in the housing form').waitFor();
    await card.getByRole('heading', { name: words('en', 'plan.goal.doneSteps') }).waitFor();
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
    await page.getByRole('button', { name: words('en', 'sharing.backup.make') }).click();
    const code = await page.getByText(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/).innerText();

    const fresh = await newPhone(browser, server);
    await fresh.page.goto(server.url('/my-pa'));
    await fresh.page.getByText(words('en', 'sharing.backup.comesBack7'), { exact: true }).waitFor();
    await fresh.page.getByLabel(words('en', 'sharing.backup.restoreLabel')).fill(code);
    await fresh.page.getByRole('button', { name: words('en', 'sharing.backup.restore') }).click();
    await fresh.page.getByText(words('en', 'sharing.backup.restored')).waitFor();
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
    await page.getByRole('button', { name: words('en', 'plan.starters.own') }).click();
    await page.getByLabel(words('en', 'plan.form.goal')).fill('Example: see my brother more');
    await page.getByLabel(words('en', 'plan.form.area')).selectOption('people');
    await page.getByLabel(words('en', 'plan.form.step')).fill('Example: text my brother');
    const today = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    await page.getByLabel(words('en', 'plan.form.due')).fill(today);
    await page.getByRole('button', { name: words('en', 'plan.form.save') }).click();
    await goalCard(page, 'Example: see my brother more').waitFor();
    await page.goto(server.url('/'));
    await page.getByRole('link', { name: words('en', 'plan.today', { step: 'Example: text my brother' }) }).waitFor();
    await expectNoAxeViolations(page, 'Today with a plan step due (en)');

    await page.goto(server.url('/plan'));
    await goalCard(page, 'Example: see my brother more').getByRole('button', { name: words('en', 'plan.goal.edit') }).click();
    await page.getByLabel(words('en', 'plan.form.goal')).fill('Example: see my brother every week');
    await page.getByRole('button', { name: words('en', 'plan.form.save') }).click();
    const card = goalCard(page, 'Example: see my brother every week');
    await card.getByText('Example: text my brother').waitFor();
    await card.getByRole('button', { name: words('en', 'plan.goal.hold') }).click();
    await card.getByText(words('en', 'plan.goal.onHold'), { exact: true }).waitFor();
    await page.goto(server.url('/'));
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('link', { name: words('en', 'plan.link') }).waitFor();
    expect(await page.getByRole('link', { name: words('en', 'plan.today', { step: 'Example: text my brother' }) }).count()).toBe(0);

    await page.goto(server.url('/plan'));
    await card.getByRole('button', { name: words('en', 'plan.goal.delete') }).click();
    await card.getByRole('button', { name: words('en', 'plan.goal.deleteYes') }).click();
    await page.getByText(words('en', 'plan.deleted')).waitFor();
    // The list is a live query of the phone's database, redrawn a moment after the delete it says happened.
    await card.waitFor({ state: 'detached', timeout: 5_000 });
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
    await college.getByText(words('en', 'sharing.preview.willSee')).waitFor();
    await college.getByText(words('en', 'plan.share.stepsDone', { n: '0' })).waitFor();
    await expectNoAxeViolations(page, 'my plan, goals with sharing (en)');
    await college.getByRole('button', { name: words('en', 'sharing.toggle.share') }).click();
    await college.getByText(words('en', 'sharing.preview.sees')).waitFor();
    await eventually(() => server.query<{ kind: string }>('select kind from shares'), (rows) => rows.length === 1 && rows[0].kind === 'goal', 'the shared goal reaching the PA');

    await pa.getByRole('link', { name: words('en', 'pa.nav.caseload'), exact: true }).click();
    await pa.getByRole('link', { name: 'Example Planner' }).click();
    await pa.getByRole('heading', { name: words('en', 'pa.person.goals.title') }).waitFor();
    await pa.getByRole('heading', { name: 'Example: start college in September' }).waitFor();
    await pa.getByText('Example: look at the college website').waitFor();
    expect(await pa.getByText('Example: a private goal').count()).toBe(0);
    expect(await pa.getByText('Example: a private step').count()).toBe(0);
    await expectNoAxeViolations(pa, 'PA young person page with a shared goal (en)');

    await pa.getByLabel(words('en', 'pa.person.goals.suggestLabel')).fill('Example: ask about a bursary');
    await pa.getByRole('button', { name: words('en', 'pa.person.goals.suggestSend') }).click();
    await pa.getByText(words('en', 'pa.person.goals.suggestionWaiting', { step: 'Example: ask about a bursary' })).waitFor();

    // On the phone: the suggestion shows on that goal; they tick their step, then add the PA's.
    await page.reload();
    await college.getByText('Example: ask about a bursary').waitFor();
    await college.getByRole('button', { name: words('en', 'plan.goal.tick') }).click();
    await college.getByRole('button', { name: words('en', 'plan.suggestion.accept') }).click();
    await college.getByText(`${words('en', 'plan.goal.next')} Example: ask about a bursary`, { exact: true }).waitFor();
    await eventually(() => server.query('select id from goal_suggestions'), (rows) => rows.length === 0, 'the answered suggestion leaving the server');
    const copy = await eventually(() => server.query<{ data: string }>('select data from shares'), (rows) => rows.length === 1 && JSON.parse(rows[0].data).next?.text === 'Example: ask about a bursary',
      'the PA copy following the edit');
    expect(JSON.parse(copy[0].data).done.map((s: { text: string }) => s.text)).toEqual(['Example: look at the college website']);
    await pa.reload();
    await pa.getByText('Example: ask about a bursary').waitFor();
    expect(await pa.getByText(wordsPattern('en', 'pa.person.goals.suggestionWaiting')).count()).toBe(0);

    // A step can become a request to the PA.
    await college.getByRole('button', { name: words('en', 'plan.step.askPa') }).click();
    await college.getByText(words('en', 'plan.step.asked')).waitFor();
    await eventually(() => server.query<{ data: string }>("select data from shares where kind = 'request'"), (rows) => rows.length === 1, 'the request reaching the PA');
    await pa.getByRole('link', { name: words('en', 'pa.nav.caseload'), exact: true }).click();
    await pa.getByText(words('en', 'pa.caseload.reasons.step-help')).waitFor();
    await pa.getByRole('link', { name: 'Example Planner' }).click();
    await pa.getByText(`${words('en', 'sharing.requests.step-help')} · Example: ask about a bursary`).waitFor();

    // Unsharing removes it from the PA.
    await college.getByRole('button', { name: words('en', 'sharing.toggle.stop') }).click();
    await eventually(() => server.query("select id from shares where kind = 'goal'"), (rows) => rows.length === 0, 'the goal copy being removed');
    await pa.reload();
    await pa.getByText(words('en', 'sharing.requests.step-help'), { exact: false }).waitFor();
    expect(await pa.getByRole('heading', { name: 'Example: start college in September' }).count()).toBe(0);
    await pa.context().close();
    await context.close();
  });

  it('turns a step into an appointment, prefilled, with the appointment reminders', async () => {
    const { page, context } = await newPhone(browser, server);
    await page.goto(server.url('/plan'));
    await page.getByRole('button', { name: words('en', 'plan.starters.own') }).click();
    await page.getByLabel(words('en', 'plan.form.goal')).fill('Example: register with a doctor');
    await page.getByLabel(words('en', 'plan.form.step')).fill('Example Surgery visit');
    await page.getByLabel(words('en', 'plan.form.due')).fill('2030-07-15');
    await page.getByRole('button', { name: words('en', 'plan.form.save') }).click();
    await goalCard(page, 'Example: register with a doctor').getByRole('link', { name: words('en', 'plan.step.appointment') }).click();
    await expect.poll(() => page.getByLabel(words('en', 'appointments.form.what')).inputValue()).toBe('Example Surgery visit');
    expect(await page.getByLabel(words('en', 'appointments.form.date')).inputValue()).toBe('2030-07-15');
    await page.getByLabel(words('en', 'appointments.form.time')).fill('10:30');
    await page.getByRole('button', { name: words('en', 'appointments.form.save') }).click();
    const [appointment] = await eventually(() => server.records('appointment'), (rows) => rows.length === 1, 'the appointment reaching the server');
    expect(appointment.title).toBe('Example Surgery visit');
    expect([...(appointment.reminders as number[])].sort((a, b) => a - b)).toEqual([120, 1440]);
    await context.close();
  });
});
