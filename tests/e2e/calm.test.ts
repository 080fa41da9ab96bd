// Calm down from Help now, with no signal: paced breathing (moving, or still for reduced motion) and 5-4-3-2-1
// grounding, axe-clean, in the real built app in Chromium at phone size.
import { describe, expect, it } from 'vitest';

import { browser, copyOfBuiltApp, expectNoAxeViolations, goOffline, newPhone, server, serverAndBrowserPerFile, waitForServiceWorker } from './harness.ts';
import { words } from './words.ts';

serverAndBrowserPerFile(() => ({ staticDir: copyOfBuiltApp(), env: { RATE_LIMIT_PER_MINUTE: '100000' } }));

describe.each([false, true])('calm down offline (reduced motion: %s)', (reduced) => {
  it('breathes and grounds from Help now with no signal, honouring the motion setting', async () => {
    const { page, context } = await newPhone(browser, server, { language: 'en' });
    await page.emulateMedia({ reducedMotion: reduced ? 'reduce' : 'no-preference' });
    await page.goto(server.url('/'));
    await waitForServiceWorker(page);
    await goOffline(context);

    await page.goto(server.url('/help'));
    const ok = page.getByRole('button', { name: words('en', 'exit.explainOk') });
    await page.getByRole('heading', { level: 1, name: words('en', 'help.title') }).waitFor();
    if (await ok.isVisible()) await ok.click();
    await page.getByRole('link', { name: words('en', 'calm.links.breathe') }).click();
    await page.getByRole('heading', { level: 1, name: words('en', 'calm.breathe.title') }).waitFor();
    await page.getByRole('button', { name: words('en', 'calm.breathe.start') }).click();
    await page.getByText(words('en', 'calm.breathe.in')).waitFor();
    const animation = await page.locator('.calm-breath__circle').evaluate((el) => getComputedStyle(el).animationName);
    expect(animation).toBe(reduced ? 'none' : 'calm-breathe');
    // The words still pace the breath without motion: out follows in.
    await page.getByText(words('en', 'calm.breathe.out')).waitFor({ timeout: 15_000 });
    await expectNoAxeViolations(page, `breathing (reduced motion ${reduced})`);

    await page.getByRole('link', { name: words('en', 'calm.links.ground') }).click();
    await page.getByRole('heading', { level: 1, name: words('en', 'calm.ground.title') }).waitFor();
    expect(await page.getByRole('listitem').filter({ hasText: words('en', 'calm.ground.see') }).count()).toBe(1);
    // Nothing to fill in: the exercises never ask for anything.
    expect(await page.locator('input, textarea, select').count()).toBe(0);
    await expectNoAxeViolations(page, `grounding (reduced motion ${reduced})`);
    await context.close();
  });
});
