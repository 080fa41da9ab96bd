// Build time only (Node, loaded by shell/firstPaintPlugin.ts through Vite): the app shell with Today, and the shell
// with Help now, rendered by the app's own components for every shipped language. Nothing personal can be in it:
// there is no database here, and the phone it pretends to be is a fresh one (below).
import i18next from 'i18next';
import type { ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { prerenderToNodeStream } from 'react-dom/static';
import { I18nextProvider } from 'react-i18next';
import { StaticRouter } from 'react-router';

import crisis from '../../shared/directory/data/crisis-contacts.json';
import { isAlwaysOpen } from '../../shared/directory/opening-hours.ts';
import { crisisServices } from '../../shared/directory/seed.ts';
import { Shell } from '../App.tsx';
import { EXIT_EXPLAINED_KEY } from '../features/help/quickExit.ts';
import { FirstStartLanguage } from '../i18n/FirstStartLanguage.tsx';
import { directionOf, htmlLang, LANGUAGES } from '../i18n/languages.ts';

/**
 * The phone the prerender shows, and the one the inline script (chooseShell.ts) lets it stand for: a language was
 * chosen, the quick-exit note was read, no half-filled check-in, nothing checked in today (the script removes the
 * faces for a phone that has), no PIN. Anything else, the app draws its first screen itself as before.
 */
const FIRST_PAINT_STORAGE: Record<string, string> = { [EXIT_EXPLAINED_KEY]: 'yes' };

function memoryStorage(values: Record<string, string>): Storage {
  const map = new Map(Object.entries(values));
  return {
    get length() { return map.size; },
    clear: () => map.clear(),
    getItem: (key) => map.get(key) ?? null,
    key: (index) => [...map.keys()][index] ?? null,
    removeItem: (key) => void map.delete(key),
    setItem: (key, value) => void map.set(key, String(value)),
  };
}

export type PrerenderedLanguage = {
  code: string;
  lang: string;
  dir: 'ltr' | 'rtl';
  /** The whole shell with Today, for index.html's #root. */
  today: string;
  /** The whole shell with Help now (crisis lines with their tel: and sms: links), for help.html's #root. */
  helpNow: string;
  /** The four greetings (night, morning, afternoon, evening), and the word for Today (the heading without a clock). */
  greetings: Record<string, string>;
  today_word: string;
  /** The first-start screen's own words: its heading and its privacy link (the list is the same in every language). */
  firstStartWords: [string, string];
};

/** The first-start language list as an English phone sees it; chooseShell.ts moves the phone's language to the top. */
export async function prerenderFirstStart(words: (code: string) => Record<string, unknown>): Promise<string> {
  const i18n = i18next.createInstance();
  await i18n.init({ lng: 'en', resources: { en: { translation: words('en') } }, interpolation: { escapeValue: false } });
  return renderToString(<I18nextProvider i18n={i18n}><FirstStartLanguage preselected="en" onChosen={() => undefined} /></I18nextProvider>);
}

async function toHtml(tree: ReactNode): Promise<string> {
  // prerender waits for the lazy screens (Help now is one); renderToString would give their fallback.
  const { prelude } = await prerenderToNodeStream(tree);
  let html = '';
  for await (const chunk of prelude) html += String(chunk);
  return html;
}

export async function prerenderShells(words: (code: string) => Record<string, unknown>): Promise<PrerenderedLanguage[]> {
  // Help now's page says whether each line is open, as at the moment it is drawn: true for ever only of lines open
  // all the time. A line with hours would be "open" or "closed" as at the build, so stop the build instead.
  const withHours = crisisServices(crisis.contacts).filter((line) => !isAlwaysOpen(line.hours));
  if (withHours.length > 0) throw new Error(`Prerendered Help now cannot show hours of ${withHours.map((l) => l.name).join(', ')}: leave them out of help.html first`);
  const g = globalThis as Record<string, unknown>;
  g.localStorage = memoryStorage(FIRST_PAINT_STORAGE);
  g.sessionStorage = memoryStorage({});
  const out: PrerenderedLanguage[] = [];
  for (const { code } of LANGUAGES) {
    const i18n = i18next.createInstance();
    await i18n.init({
      lng: code,
      fallbackLng: 'en',
      resources: { en: { translation: words('en') }, [code]: { translation: words(code) } },
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    const at = (location: string) => (
      <I18nextProvider i18n={i18n}>
        <StaticRouter location={location}>
          <Shell />
        </StaticRouter>
      </I18nextProvider>
    );
    const t = i18n.t.bind(i18n) as (key: string) => string;
    const helpNow = await toHtml(at('/help'));
    // A lazy screen that fails to load prerenders as its fallback, and the page without JavaScript would have no numbers.
    if (!helpNow.includes('href="tel:')) throw new Error(`Prerendered Help now (${code}) has no tel: link; did its screen fail to load?`);
    out.push({
      code,
      lang: htmlLang(code),
      dir: directionOf(code),
      today: renderToString(at('/')),
      helpNow,
      greetings: Object.fromEntries(['night', 'morning', 'afternoon', 'evening'].map((k) => [k, t(`today.greeting.${k}`)])),
      today_word: t('nav.today'),
      firstStartWords: [t('language.choose'), t('privacy.title')],
    });
  }
  return out;
}
