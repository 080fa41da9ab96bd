// Issue 16, a PA's day, with two browsers: a young person's phone and their PA's computer, against the built app and
// the real server. "Please call me" shows on the open PA page within 5 s, no reload, and counts in the tab title;
// the thread on an item reads the same, in the same order, on both sides; mark all seen; the contact log; each page
// has its own title and its heading takes focus; repeated controls have their own names; axe-core finds nothing on
// the PA and manager pages at 360 and 1280 px in English and Arabic.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';

import { browser, expectNoAxeViolations, expectNoHorizontalOverflow, PHONE_VIEWPORT, type RunningServer, screenshot, server, serverAndBrowserPerFile } from './harness.ts';
import { connectedPhone, createUser, ownPassword } from './staff.ts';
import { escapeRegExp, words, wordsPattern } from './words.ts';

const SHOWN_WITHIN_MS = 5_000;
const DESK = { width: 1280, height: 800 };

async function desk(browser: Browser, server: RunningServer, email: string, password: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: DESK, locale: 'en', timezoneId: 'Europe/London' });
  const page = await context.newPage();
  await page.goto(server.url('/pa/'));
  await page.getByLabel(words('en', 'pa.login.email')).fill(email);
  await page.getByLabel(words('en', 'pa.login.password')).fill(password);
  await page.getByRole('button', { name: words('en', 'pa.login.submit') }).click();
  return { context, page };
}

/** A PA page's tab title: the page's own name, then the PA page's ("Your caseload – Personal Adviser"). */
const paTitle = (name: string) => `${name} – ${words('en', 'pa.title')}`;
/** The start of a PA-page control's name that says it is for one of Example Riley's requests ("Send: Example Riley’s request of "). */
const forRileysRequest = (key: string) => new RegExp(`^${escapeRegExp(words('en', key) + words('en', 'pa.person.aboutSuffix', { about: words('en', 'pa.person.itemOf', { name: 'Example Riley', kind: words('en', 'pa.person.kinds.request'), when: '' }) }))}`);
/** The start of a My PA control's name that says it is about their "Please call me" ("Send: Please call me"). */
const aboutCallMe = (key: string) => new RegExp(`^${escapeRegExp(`${words('en', key)}: ${words('en', 'sharing.requests.call-me')}`)}`);

const focusedHeading = (page: Page) => page.evaluate(() => (document.activeElement?.tagName === 'H1' ? document.activeElement.textContent : null));

describe('a PA’s day, two browsers', () => {
  let pa: { password: string; cookie: string };
  let manager: { password: string };
  let coveringPa: { password: string };

  serverAndBrowserPerFile({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  beforeAll(async () => {
    pa = await ownPassword(server, 'pa-day@example.test', createUser(server, 'pa', 'pa-day@example.test'));
    manager = await ownPassword(server, 'manager-day@example.test', createUser(server, 'manager', 'manager-day@example.test'));
    coveringPa = await ownPassword(server, 'pa-cover@example.test', createUser(server, 'pa', 'pa-cover@example.test', 'Example Covering PA'));
  });

  it('shows "Please call me" on the open PA page within 5 s without a reload; the thread reads the same on both sides', async () => {
    const desktop = await desk(browser, server, 'pa-day@example.test', pa.password);
    const phone = await connectedPhone(browser, server, pa.cookie, 'Example Riley');
    const { page } = desktop;
    await page.getByRole('heading', { name: words('en', 'pa.caseload.title') }).waitFor();
    await page.getByRole('link', { name: 'Example Riley' }).waitFor();
    await page.getByText(words('en', 'pa.glance.nobody')).waitFor();
    expect(await page.title()).toBe(paTitle(words('en', 'pa.caseload.title')));

    // The young person asks; the PA page, left open, shows it by itself.
    await phone.page.getByRole('button', { name: words('en', 'sharing.requests.call-me') }).click();
    const tapped = Date.now();
    const glance = page.getByRole('region', { name: words('en', 'pa.glance.title') });
    await glance.getByText(words('en', 'pa.glance.reason', { reason: words('en', 'pa.caseload.reasons.call-me'), count: '1' })).waitFor({ timeout: SHOWN_WITHIN_MS });
    const shownMs = Date.now() - tapped;
    expect(shownMs).toBeLessThan(SHOWN_WITHIN_MS);
    await glance.getByText(words('en', 'pa.glance.total', { count: '1' })).waitFor();
    await expect.poll(() => page.title(), { timeout: SHOWN_WITHIN_MS }).toBe(`(1) ${paTitle(words('en', 'pa.caseload.title'))}`);
    console.log(`[pa-day] "Please call me" showed on the open PA page ${shownMs} ms after the tap`);
    await expectNoAxeViolations(page, 'PA caseload with today at a glance (en, 1280)');
    await screenshot(page, 'pa-day-caseload-en');

    // The glance's link opens their page; its heading takes focus and names the tab.
    await glance.getByRole('link', { name: 'Example Riley' }).click();
    await page.getByRole('heading', { name: words('en', 'pa.person.title', { name: 'Example Riley' }) }).waitFor();
    expect(await focusedHeading(page)).toBe(words('en', 'pa.person.title', { name: 'Example Riley' }));
    expect(await page.title()).toBe(`(1) ${paTitle(words('en', 'pa.person.title', { name: 'Example Riley' }))}`);
    // Each card's controls name their card.
    const reply = page.getByRole('textbox', { name: forRileysRequest('pa.person.replyLabel') });
    await reply.fill('Example reply: I will call you at 3.');
    await page.getByRole('button', { name: forRileysRequest('pa.person.markSeen') }).click();
    await page.getByText(words('en', 'pa.person.saved')).waitFor();
    await expect.poll(() => page.title(), { timeout: SHOWN_WITHIN_MS }).toBe(paTitle(words('en', 'pa.person.title', { name: 'Example Riley' })));

    // The young person answers on My PA.
    await phone.page.reload();
    await phone.page.getByText('Example reply: I will call you at 3.').waitFor();
    await phone.page.getByRole('textbox', { name: aboutCallMe('sharing.thread.answerLabel') }).fill('Example answer: 3 is fine.');
    await phone.page.getByRole('button', { name: aboutCallMe('sharing.thread.send') }).click();
    await phone.page.getByText(words('en', 'sharing.thread.sent'), { exact: true }).waitFor();
    // They choose to share a number to be texted on (an Ofcom drama number, not a real one).
    await phone.page.getByRole('textbox', { name: words('en', 'sharing.contact.phone'), exact: true }).fill('07700 900123');
    await phone.page.getByRole('radio', { name: words('en', 'sharing.contact.text') }).check();
    await phone.page.getByRole('button', { name: words('en', 'sharing.contact.save') }).click();
    await phone.page.getByText(words('en', 'sharing.contact.saved')).waitFor();

    // The PA page shows the answer by itself, then the PA writes back.
    await page.getByText('Example answer: 3 is fine.').waitFor({ timeout: SHOWN_WITHIN_MS });
    await page.getByText(words('en', 'pa.person.prefers.text')).waitFor({ timeout: SHOWN_WITHIN_MS });
    await page.getByRole('link', { name: '07700 900123' }).waitFor();
    await expectNoAxeViolations(page, 'PA young person page with a thread (en, 1280)');
    await page.getByRole('textbox', { name: forRileysRequest('pa.thread.write') }).fill('Example second reply: talk soon.');
    await page.getByRole('button', { name: forRileysRequest('pa.thread.send') }).click();
    await page.getByText(words('en', 'pa.thread.sent')).waitFor();
    const paThread = page.getByRole('list', { name: words('en', 'pa.thread.label') });
    await expect.poll(() => paThread.getByRole('listitem').allInnerTexts()).toEqual([
      expect.stringContaining('Example reply: I will call you at 3.'),
      expect.stringContaining('Example answer: 3 is fine.'),
      expect.stringContaining('Example second reply: talk soon.'),
    ]);

    await phone.page.reload();
    const phoneThread = phone.page.getByRole('list', { name: words('en', 'sharing.thread.label') });
    // The screen shows what it last knew at once, then the server's answer: wait for the newest message.
    await phoneThread.getByText('Example second reply: talk soon.').waitFor();
    const phoneCard = phone.page.getByRole('listitem').filter({ has: phoneThread });
    const order = await phoneCard.innerText();
    const at = (text: string) => order.indexOf(text);
    expect(at('Example reply: I will call you at 3.')).toBeGreaterThanOrEqual(0);
    expect(at('Example reply: I will call you at 3.')).toBeLessThan(at('Example answer: 3 is fine.'));
    expect(at('Example answer: 3 is fine.')).toBeLessThan(at('Example second reply: talk soon.'));
    await expectNoAxeViolations(phone.page, 'My PA with a thread and an answer box (en)');
    await expectNoHorizontalOverflow(phone.page, 'My PA with a thread and an answer box (en)');
    await screenshot(phone.page, 'pa-day-my-pa-thread-en');

    // Another request; "mark all seen" clears everything.
    await phone.page.getByRole('button', { name: words('en', 'sharing.requests.missed-appointment') }).click();
    await page.getByRole('button', { name: words('en', 'pa.person.markAllSeen', { name: 'Example Riley' }) }).waitFor({ timeout: SHOWN_WITHIN_MS });
    await page.getByRole('button', { name: words('en', 'pa.person.markAllSeen', { name: 'Example Riley' }) }).click();
    await page.getByText(words('en', 'pa.person.allSeen')).waitFor();
    await expect.poll(() => page.title(), { timeout: SHOWN_WITHIN_MS }).toBe(paTitle(words('en', 'pa.person.title', { name: 'Example Riley' })));

    // The contact log: what kind of contact and when, nothing more.
    await page.getByRole('radio', { name: words('en', 'pa.contacts.kinds.no-answer') }).check();
    await page.getByRole('button', { name: words('en', 'pa.contacts.save') }).click();
    await page.getByText(words('en', 'pa.contacts.saved')).waitFor();
    await page.getByRole('listitem').filter({ hasText: new RegExp(`^${escapeRegExp(words('en', 'pa.contacts.kinds.no-answer'))} · `) }).waitFor();
    await expectNoAxeViolations(page, 'PA young person page with the contact log (en, 1280)');
    await page.setViewportSize(PHONE_VIEWPORT);
    await expectNoAxeViolations(page, 'PA young person page (en, 360)');
    await expectNoHorizontalOverflow(page, 'PA young person page (en, 360)');
    await page.setViewportSize(DESK);

    // Back to the caseload: search and filters.
    await page.getByRole('link', { name: words('en', 'pa.person.back') }).click();
    await page.getByRole('heading', { name: words('en', 'pa.caseload.title') }).waitFor();
    expect(await focusedHeading(page)).toBe(words('en', 'pa.caseload.title'));
    await page.getByRole('searchbox', { name: words('en', 'pa.filters.search') }).fill('nobody by this name');
    await page.getByText(words('en', 'pa.filters.showing', { shown: '0', total: '1' })).waitFor();
    await page.getByRole('searchbox', { name: words('en', 'pa.filters.search') }).fill('riley');
    await page.getByText(words('en', 'pa.filters.showing', { shown: '1', total: '1' })).waitFor();
    await expectNoAxeViolations(page, 'PA caseload, filtered (en, 1280)');
    await page.setViewportSize(PHONE_VIEWPORT);
    await expectNoAxeViolations(page, 'PA caseload (en, 360)');
    await expectNoHorizontalOverflow(page, 'PA caseload (en, 360)');

    // Outstanding codes, with a cancel button that names its code.
    await page.getByRole('link', { name: words('en', 'pa.nav.pairing') }).click();
    await page.getByRole('button', { name: words('en', 'pa.pairing.make') }).click();
    await page.getByRole('button', { name: new RegExp(`^${escapeRegExp(words('en', 'pa.pairing.cancel') + words('en', 'pa.pairing.cancelOf', { when: '' }))}`) }).waitFor();
    expect(await page.title()).toBe(paTitle(words('en', 'pa.pairing.title')));
    await expectNoAxeViolations(page, 'PA pairing with outstanding codes (en, 360)');
    await page.setViewportSize(DESK);
    await expectNoAxeViolations(page, 'PA pairing with outstanding codes (en, 1280)');

    // The same screens in Arabic, right to left, at both widths.
    await page.getByRole('button', { name: words('en', 'pa.otherLanguage') }).click();
    await page.getByRole('heading', { name: words('ar', 'pa.pairing.title') }).waitFor();
    for (const width of [DESK, PHONE_VIEWPORT]) {
      await page.setViewportSize(width);
      await expectNoAxeViolations(page, `PA pairing (ar, ${width.width})`);
      await page.getByRole('link', { name: words('ar', 'pa.nav.caseload') }).click();
      await page.getByRole('heading', { name: words('ar', 'pa.glance.title') }).waitFor();
      await expectNoAxeViolations(page, `PA caseload (ar, ${width.width})`);
      await expectNoHorizontalOverflow(page, `PA caseload (ar, ${width.width})`);
      await page.getByRole('link', { name: 'Example Riley' }).first().click();
      await page.getByRole('heading', { level: 1, name: /Example Riley/ }).waitFor();
      await page.getByRole('heading', { name: words('ar', 'pa.contacts.title') }).waitFor();
      await expectNoAxeViolations(page, `PA young person page (ar, ${width.width})`);
      await expectNoHorizontalOverflow(page, `PA young person page (ar, ${width.width})`);
      await page.getByRole('link', { name: words('ar', 'pa.nav.pairing') }).click();
      await page.getByRole('heading', { name: words('ar', 'pa.pairing.title') }).waitFor();
    }
    await page.getByRole('button', { name: words('ar', 'pa.otherLanguage') }).click();
    await desktop.context.close();
    await phone.context.close();
  });

  it('shows "stopped sharing on …" when a young person disconnects, and the PA can remove the card', async () => {
    const desktop = await desk(browser, server, 'pa-day@example.test', pa.password);
    const phone = await connectedPhone(browser, server, pa.cookie, 'Example Jordan');
    const { page } = desktop;
    await page.getByRole('link', { name: 'Example Jordan' }).waitFor();
    phone.page.once('dialog', (d) => void d.accept());
    await phone.page.getByRole('button', { name: words('en', 'sharing.disconnect.button') }).click();
    await phone.page.getByText(words('en', 'sharing.disconnect.done')).waitFor();
    const card = page.getByRole('list', { name: words('en', 'pa.caseload.endedLabel') }).getByRole('listitem').filter({ hasText: 'Example Jordan' });
    await card.getByText(new RegExp(`^${wordsPattern('en', 'pa.caseload.stoppedSharing', { when: '\\d{1,2} \\w{3} \\d{4}' }).source}`)).waitFor({ timeout: SHOWN_WITHIN_MS });
    await expectNoAxeViolations(page, 'PA caseload with a stopped-sharing card (en, 1280)');
    await card.getByRole('button', { name: `${words('en', 'pa.caseload.removeCard')}${words('en', 'pa.caseload.removeCardOf', { name: 'Example Jordan' })}` }).click();
    await card.waitFor({ state: 'detached' });
    await desktop.context.close();
    await phone.context.close();
  });

  it('lays the manager page out at 360 px without breaking "Personal Adviser" letter by letter, in English and Arabic', async () => {
    const desktop = await desk(browser, server, 'manager-day@example.test', manager.password);
    const { page } = desktop;
    await page.getByRole('heading', { name: wordsPattern('en', 'pa.nav.figures') }).waitFor();
    expect(await page.title()).toBe(paTitle(words('en', 'pa.figures.title', { council: 'Example Council' })));
    for (const language of ['en', 'ar']) {
      if (language === 'ar') {
        await page.getByRole('button', { name: words('en', 'pa.otherLanguage') }).click();
        await page.getByRole('heading', { name: wordsPattern('ar', 'pa.nav.figures') }).waitFor();
      }
      for (const width of [PHONE_VIEWPORT, DESK]) {
        await page.setViewportSize(width);
        // One line for the page's name (it used to be a column of letters: "Pe/rso/nal").
        const brand = await page.locator('.pa-brand').boundingBox();
        const lineHeight = await page.locator('.pa-brand').evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
        expect(brand!.height, `${language} ${width.width}`).toBeLessThan(lineHeight * 1.5);
        await expectNoAxeViolations(page, `manager figures (${language}, ${width.width})`);
        await expectNoHorizontalOverflow(page, `manager figures (${language}, ${width.width})`);
      }
    }
    await screenshot(page, 'pa-day-manager-ar');
    await desktop.context.close();
  });

  it('cover: the manager sets it; the covering PA sees the caseload and items, read-only (My PA’s line: tests/server/pa-day.test.ts)', async () => {
    const boss = await desk(browser, server, 'manager-day@example.test', manager.password);
    await boss.page.getByRole('heading', { name: words('en', 'pa.cover.managerTitle') }).waitFor();
    await boss.page.getByLabel(words('en', 'pa.cover.pa')).selectOption({ label: 'Example pa' });
    await boss.page.getByLabel(words('en', 'pa.cover.coverPa')).selectOption({ label: 'Example Covering PA' });
    await boss.page.getByRole('button', { name: words('en', 'pa.cover.assign') }).click();
    await boss.page.getByText(words('en', 'pa.cover.assigned')).waitFor();
    await boss.page.getByText(new RegExp(`^${wordsPattern('en', 'pa.cover.line', { cover: 'Example Covering PA', pa: 'Example pa', from: '.+', to: '.+' }).source}`)).waitFor();
    await expectNoAxeViolations(boss.page, 'manager cover set (en, 1280)');
    await boss.context.close();

    const cover = await desk(browser, server, 'pa-cover@example.test', coveringPa.password);
    const { page } = cover;
    await page.getByRole('link', { name: new RegExp(`^${wordsPattern('en', 'pa.cover.link', { name: 'Example pa' }).source}`) }).click();
    await page.getByRole('heading', { name: words('en', 'pa.cover.title', { name: 'Example pa' }) }).waitFor();
    expect(await focusedHeading(page)).toBe(words('en', 'pa.cover.title', { name: 'Example pa' }));
    expect(await page.title()).toBe(paTitle(words('en', 'pa.cover.title', { name: 'Example pa' })));
    await expectNoAxeViolations(page, 'covering PA, caseload (en, 1280)');
    await page.getByRole('link', { name: 'Example Riley' }).click();
    await page.getByRole('heading', { name: words('en', 'pa.person.title', { name: 'Example Riley' }) }).waitFor();
    await page.getByText('Example answer: 3 is fine.').waitFor();
    // Read-only: nothing to reply with or mark.
    expect(await page.getByRole('textbox').count()).toBe(0);
    await expectNoAxeViolations(page, 'covering PA, young person (en, 1280)');
    await page.setViewportSize(PHONE_VIEWPORT);
    await expectNoAxeViolations(page, 'covering PA, young person (en, 360)');
    await expectNoHorizontalOverflow(page, 'covering PA, young person (en, 360)');
    await page.getByRole('button', { name: words('en', 'pa.otherLanguage') }).click();
    await page.getByRole('link', { name: words('ar', 'pa.cover.back') }).click();
    await page.getByRole('heading', { name: words('ar', 'pa.cover.title', { name: 'Example pa' }) }).waitFor();
    await expectNoAxeViolations(page, 'covering PA, caseload (ar, 360)');
    await page.getByRole('button', { name: words('ar', 'pa.otherLanguage') }).click();
    await cover.context.close();
  });
});
