// The PA page's languages: English and Arabic, both bundled (this page is for office computers, not phones on data).
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

import ar from '../../locales/ar.json';
import en from '../../locales/en.json';
import { directionOf, htmlLang, intlLocale, PA_PAGE_LANGUAGES } from '../shared/languages.ts';

const STORAGE_KEY = 'pa-language';
// The page itself is in English and Arabic (both bundled); the languages table names every young person's language.
export type PaLanguage = (typeof PA_PAGE_LANGUAGES)[number];

function applyLanguage(code: PaLanguage): void {
  // British English, so date and time boxes read 25/11/2026 and 19:10.
  document.documentElement.lang = htmlLang(code);
  document.documentElement.dir = directionOf(code);
}

function storedLanguage(): PaLanguage {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'ar' ? 'ar' : 'en';
  } catch {
    return 'en';
  }
}

export async function setupI18n(): Promise<void> {
  const lng = storedLanguage();
  await i18n.use(initReactI18next).init({
    lng,
    fallbackLng: 'en',
    // The check-in words (feelings, parts of life) are the young person's own app's words.
    resources: { en: { translation: { pa: en.pa, sharing: en.sharing, checkin: en.checkin } }, ar: { translation: { pa: ar.pa, sharing: ar.sharing, checkin: ar.checkin } } },
    interpolation: { escapeValue: false },
  });
  applyLanguage(lng);
}

export async function switchLanguage(code: PaLanguage): Promise<void> {
  await i18n.changeLanguage(code);
  applyLanguage(code);
  try {
    localStorage.setItem(STORAGE_KEY, code);
  } catch {
    // Not remembered when storage is blocked; the switch still works.
  }
}

// Making a formatter costs far more than using one, and a person page formats a time or two per card: one each.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(language: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${language}|${withTime}`;
  let made = formatters.get(key);
  if (!made) {
    // PAs work in England: "25 Nov 2026, 19:10", not the American "Nov 25, 2026, 7:10 PM".
    made = new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'medium', timeStyle: withTime ? 'short' : undefined, timeZone: 'Europe/London' });
    formatters.set(key, made);
  }
  return made;
}

export function formatWhen(iso: string, language: string): string {
  return formatter(language, true).format(new Date(iso));
}

/** A day only, for "stopped sharing on 3 Dec 2026". */
export function formatDay(iso: string, language: string): string {
  return formatter(language, false).format(new Date(iso));
}
