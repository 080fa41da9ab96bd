// `npm run screenshots`: a PNG of each main screen in each language, all in screenshots/ (gitignored), for reviewers
// of the translations: screenshots/<code>-<screen>.png. Same server and browser as the e2e tests.
import { mkdirSync } from 'node:fs';
import path from 'node:path';

import { LANGUAGES } from '../../src/shared/languages.ts';
import { newPhone, ROOT, startBrowser, startServer } from './harness.ts';

const MAIN_SCREENS = [
  { name: 'today', path: '/' },
  { name: 'history', path: '/history' },
  { name: 'ons4', path: '/ons4' },
  { name: 'help-now', path: '/help' },
  { name: 'safety-plan', path: '/safety-plan' },
  { name: 'find-help', path: '/directory' },
  { name: 'appointments', path: '/appointments' },
  { name: 'my-pa', path: '/my-pa' },
  { name: 'settings', path: '/settings' },
];

const out = path.join(ROOT, 'screenshots');
mkdirSync(out, { recursive: true });
const server = await startServer();
const browser = await startBrowser();
try {
  for (const language of LANGUAGES) {
    const { page, context } = await newPhone(browser, server, { language: language.code });
    for (const screen of MAIN_SCREENS) {
      await page.goto(server.url(screen.path));
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.screenshot({ path: path.join(out, `${language.code}-${screen.name}.png`), fullPage: true });
    }
    await context.close();
    console.log(`${language.code}: ${MAIN_SCREENS.length} screens`);
  }
  console.log(`\n${LANGUAGES.length * MAIN_SCREENS.length} screenshots in ${path.relative(process.cwd(), out)}/`);
} finally {
  await browser.close();
  await server.stop();
}
