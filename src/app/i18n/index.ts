// i18next setup: English for the first screen is bundled and the rest of English is one chunk, loaded before any
// other screen draws (lazyWithWords.ts); every other language is its own small chunk, loaded when chosen.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import firstScreenWords from 'virtual:english-words/first-screen';

import { LANGUAGE_COOKIE } from '../../shared/firstPaint.ts';
import { isDiscreet, tellWorker } from '../features/settings/discreet.ts';
import { LANGUAGE_CACHE } from '../pwa/swRules.ts';
import { LANGUAGE_KEY as STORAGE_KEY } from './languageKey.ts';
import { directionOf, htmlLang, LANGUAGES, matchPhoneLanguage, PSEUDO_LANGUAGES } from './languages.ts';

// Each non-English locale becomes a lazily loaded chunk; the service worker precaches them for offline switching.
const localeLoaders = import.meta.glob<{ default: Record<string, unknown> }>(['/locales/*.json', '!/locales/en.json']);

const shipped = new Set<string>(LANGUAGES.map((l) => l.code));
const pseudo = new Set<string>(PSEUDO_LANGUAGES.map((l) => l.code));
/** Languages that have only their Help-now words so far (chosen offline); the rest loads when back online. */
const partial = new Set<string>();

/** The language the person chose on this phone before, if any (null on first start). */
export function chosenLanguage(): string | null {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored && (shipped.has(stored) || pseudo.has(stored))) return stored;
  } catch {
    // Storage can be blocked; then the phone's language is used each time.
  }
  return null;
}

/** The first of the phone's languages that we ship, else English: preselected on first start. */
export function phoneLanguage(): string {
  const preferred = typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language];
  return matchPhoneLanguage(preferred) ?? 'en';
}

/**
 * The language this phone chose before, else the first of the browser's languages we ship, else English.
 * @internal exported for its tests (knip --production)
 */
export function initialLanguage(): string {
  return chosenLanguage() ?? phoneLanguage();
}

let everyScreen: Promise<void> | undefined;

/**
 * Adds every other screen's English words to the first screen's (once; again after a failed try, say offline before
 * the service worker kept them). English is also every language's fallback, so all screens but the first wait for it.
 */
export function everyScreensWords(): Promise<void> {
  everyScreen ??= import('./englishWords.ts').then(
    ({ default: words }) => {
      // Not started only in the build's prerender, which draws with its own instance holding every word.
      if (i18n.isInitialized) i18n.addResourceBundle('en', 'translation', words, true, false);
    },
    (error: unknown) => {
      everyScreen = undefined;
      throw error;
    },
  );
  return everyScreen;
}

async function loadResources(code: string): Promise<void> {
  if (code === 'en' || (i18n.hasResourceBundle(code, 'translation') && !partial.has(code))) return;
  if (pseudo.has(code)) {
    // Test-only languages, built from all of English on demand; never in the first route, never offered to users.
    const [{ pseudoLocalise }] = await Promise.all([import('./pseudo.ts'), everyScreensWords()]);
    const en = i18n.getResourceBundle('en', 'translation') as Parameters<typeof pseudoLocalise>[0];
    i18n.addResourceBundle(code, 'translation', pseudoLocalise(en, code === 'ar-XB' ? 'rtl' : 'long'));
    return;
  }
  const load = localeLoaders[`/locales/${code}.json`];
  if (!load) throw new Error(`No translation file for ${code}`);
  // The language's own chunk leaves out Help now's words (vite.config.ts): every phone already has them, for every
  // language, in one precached chunk. Both are read together, so the words are whole whichever arrives.
  const [chunk, helpNow] = await Promise.allSettled([load(), import('./helpNowWords.ts')]);
  const helpNowWords = helpNow.status === 'fulfilled' ? helpNow.value.helpNowWordsFor(code) : {};
  i18n.addResourceBundle(code, 'translation', helpNowWords, true, true);
  if (chunk.status === 'fulfilled') {
    i18n.addResourceBundle(code, 'translation', chunk.value.default, true, true);
    partial.delete(code);
    void keepLanguageOffline(code);
    return;
  }
  // Offline and never chosen before: Help now (and the header and navigation) still read in this language from the
  // precached words; other screens show English until back online.
  if (Object.keys(helpNowWords).length === 0) throw chunk.reason;
  partial.add(code);
}

/**
 * Keeps the chunk just loaded for this language in the phone's cache. Done from the page, because the first
 * choice is often made before the service worker controls it; the worker then serves it offline.
 */
async function keepLanguageOffline(code: string): Promise<void> {
  if (typeof caches === 'undefined' || typeof performance === 'undefined') return;
  const chunk = new RegExp(`/assets/${code}-[\\w-]+\\.js$`);
  const url = performance.getEntriesByType('resource').map((e) => e.name).find((name) => chunk.test(new URL(name).pathname));
  if (!url) return;
  try {
    const cache = await caches.open(LANGUAGE_CACHE);
    if (!(await cache.match(url))) await cache.add(url);
  } catch {
    // Storage full or blocked: the language still works online.
  }
}

/** Sets <html lang dir> so the whole page, not just our text, reads in the right direction. */
export function applyDocumentLanguage(code: string): void {
  // English here is British English: the phone's own date and time pickers then show 25/11/2026 and 19:10.
  // Only when they change: at start-up they usually already match index.html, and touching them costs a restyle.
  const html = document.documentElement;
  const lang = htmlLang(code);
  const dir = directionOf(code);
  if (html.lang !== lang) html.lang = lang;
  if (html.dir !== dir) html.dir = dir;
  // The tab and home-screen title read in the chosen language too; in discreet mode a plain word instead.
  const discreet = isDiscreet();
  const title = i18n.isInitialized ? i18n.t(discreet ? 'settings.discreet.plainName' : 'app.name') : document.title;
  if (document.title !== title) document.title = title;
  // Reminders then say the plain word in this language too.
  if (discreet && i18n.isInitialized) void tellWorker(title);
}

/**
 * Copies the chosen language into a cookie, so a browser with JavaScript off gets the prerendered pages in it
 * (the server reads it: src/server/http/static.ts). Only the code; a year, this site only.
 */
function rememberForPagesWithoutScript(code: string): void {
  try {
    const secure = location.protocol === 'https:' ? '; secure' : '';
    const cookie = `${LANGUAGE_COOKIE}=${encodeURIComponent(code)}; path=/; max-age=31536000; samesite=strict${secure}`;
    if (!document.cookie.split('; ').includes(`${LANGUAGE_COOKIE}=${encodeURIComponent(code)}`)) document.cookie = cookie;
  } catch {
    // Cookies blocked: pages without JavaScript stay in English.
  }
}

/** Loads (if needed) and switches to a language, remembers it and updates <html lang dir>. */
export async function changeLanguage(code: string): Promise<void> {
  await loadResources(code);
  await i18n.changeLanguage(code);
  applyDocumentLanguage(code);
  try {
    localStorage.setItem(STORAGE_KEY, code);
  } catch {
    // Not remembered across restarts when storage is blocked; the switch itself still works.
  }
  rememberForPagesWithoutScript(code);
}

/** Starts i18next in the remembered language before the first render, so nothing flashes in English. */
export async function startI18n(code = initialLanguage()): Promise<typeof i18n> {
  if (!i18n.isInitialized) {
    await i18n.use(initReactI18next).init({
      lng: 'en',
      fallbackLng: 'en',
      resources: { en: { translation: firstScreenWords } },
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  }
  try {
    await loadResources(code);
    await i18n.changeLanguage(code);
  } catch {
    // A language chunk that can't load (offline before it was cached) falls back to English, never a blank page.
    code = 'en';
    await i18n.changeLanguage(code);
  }
  applyDocumentLanguage(code);
  // Phones that chose a language before the cookie existed get it now.
  if (chosenLanguage() === code) rememberForPagesWithoutScript(code);
  return i18n;
}

export { i18n };
