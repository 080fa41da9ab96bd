// Privacy in plain words: reachable from More and from first start, and right in every language (lang/dir,
// no missing words, nothing wider than a 360 px phone, axe-core clean). The full screens table covers it too.
import { expect, it } from 'vitest';

import { htmlLang, LANGUAGES } from '../../src/shared/languages.ts';
import { browser, expectNoAxeViolations, expectNoHorizontalOverflow, newPhone, server, serverAndBrowserPerFile } from './harness.ts';
import { words } from './words.ts';

serverAndBrowserPerFile({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });

it('opens from More', async () => {
  const { page, context } = await newPhone(browser, server, { language: 'en' });
  try {
    await page.goto(server.url('/settings'));
    await page.getByRole('link', { name: words('en', 'privacy.title') }).click();
    await page.getByRole('heading', { level: 1, name: words('en', 'privacy.title') }).waitFor();
    await page.getByText(words('en', 'privacy.location')).waitFor();
  } finally {
    await context.close();
  }
});

it('opens from first start, before anything else, then in the language chosen', async () => {
  const { page, context } = await newPhone(browser, server, { language: 'en', firstStart: true });
  try {
    await page.goto(server.url('/'));
    await page.getByRole('heading', { level: 1, name: words('en', 'language.choose') }).waitFor();
    await page.getByRole('link', { name: words('en', 'privacy.title') }).click();
    // The link loads a new page; until it has, the old list is still there to tap (and a tap there chooses on '/').
    await page.waitForURL((url) => url.pathname === '/privacy');
    await page.getByRole('heading', { level: 1, name: words('en', 'language.choose') }).waitFor();
    await page.getByRole('button', { name: /العربية/ }).click();
    await page.getByRole('heading', { level: 1, name: words('ar', 'privacy.title') }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/privacy');
  } finally {
    await context.close();
  }
});

it('reads right in every language', async () => {
  for (const language of LANGUAGES) {
    const { page, context } = await newPhone(browser, server, { language: language.code });
    try {
      await page.goto(server.url('/privacy'));
      await page.getByRole('heading', { level: 1, name: words(language.code, 'privacy.title') }).waitFor();
      const where = `privacy (${language.code})`;
      expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), where).toEqual([htmlLang(language.code), language.dir]);
      await expectNoHorizontalOverflow(page, where);
      await expectNoAxeViolations(page, where);
    } finally {
      await context.close();
    }
  }
}, 240_000);
