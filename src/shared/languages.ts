// The one table of languages: the app, the PA page, the server's notification words and the tests all read it.
// Nothing else lists languages or maps a code to its Intl locale (so "en" is British English in exactly one place).

export type Direction = 'ltr' | 'rtl';
/** Digits for dates and numbers: Western (latn), Arabic-Indic (arab) or the Persian/Pashto set (arabext). */
type Numbering = 'latn' | 'arab' | 'arabext';

export type Language = {
  /** Our code, also the locale file's name (locales/<code>.json) and <html lang>. */
  code: string;
  /** Written in itself, so a person finds theirs without reading English. */
  nativeName: string;
  englishName: string;
  dir: Direction;
  /** The Intl locale whose month names, plurals and conventions to use (Dari uses Afghan Persian, Kurmanji "ku"). */
  intl: string;
  numbering: Numbering;
  /** Whether a fluent speaker has reviewed the translation (locales/README.md says what needs review). */
  reviewed: boolean;
};

export const LANGUAGES = [
  { code: 'en', nativeName: 'English', englishName: 'English', dir: 'ltr', intl: 'en-GB', numbering: 'latn', reviewed: true },
  { code: 'ar', nativeName: 'العربية', englishName: 'Arabic', dir: 'rtl', intl: 'ar', numbering: 'arab', reviewed: false },
  { code: 'fa', nativeName: 'فارسی', englishName: 'Farsi', dir: 'rtl', intl: 'fa', numbering: 'arabext', reviewed: false },
  { code: 'prs', nativeName: 'دری', englishName: 'Dari', dir: 'rtl', intl: 'fa-AF', numbering: 'arabext', reviewed: false },
  { code: 'ps', nativeName: 'پښتو', englishName: 'Pashto', dir: 'rtl', intl: 'ps', numbering: 'arabext', reviewed: false },
  { code: 'ckb', nativeName: 'کوردیی ناوەندی', englishName: 'Kurdish (Sorani)', dir: 'rtl', intl: 'ckb', numbering: 'arab', reviewed: false },
  { code: 'kmr', nativeName: 'Kurmancî', englishName: 'Kurdish (Kurmanji)', dir: 'ltr', intl: 'ku', numbering: 'latn', reviewed: false },
  { code: 'ti', nativeName: 'ትግርኛ', englishName: 'Tigrinya', dir: 'ltr', intl: 'ti', numbering: 'latn', reviewed: false },
  { code: 'am', nativeName: 'አማርኛ', englishName: 'Amharic', dir: 'ltr', intl: 'am', numbering: 'latn', reviewed: false },
  { code: 'om', nativeName: 'Afaan Oromoo', englishName: 'Oromo', dir: 'ltr', intl: 'om', numbering: 'latn', reviewed: false },
  { code: 'so', nativeName: 'Soomaali', englishName: 'Somali', dir: 'ltr', intl: 'so', numbering: 'latn', reviewed: false },
  { code: 'vi', nativeName: 'Tiếng Việt', englishName: 'Vietnamese', dir: 'ltr', intl: 'vi', numbering: 'latn', reviewed: false },
  { code: 'sq', nativeName: 'Shqip', englishName: 'Albanian', dir: 'ltr', intl: 'sq', numbering: 'latn', reviewed: false },
  { code: 'fr', nativeName: 'Français', englishName: 'French', dir: 'ltr', intl: 'fr', numbering: 'latn', reviewed: false },
] as const satisfies readonly Language[];

export type LanguageCode = (typeof LANGUAGES)[number]['code'];

/**
 * The PA page's own languages (it is for office computers, and bundles both). The young person's app never shows the
 * PA page's words (`pa.*`), so the other languages' files leave them out and every phone downloads less.
 */
export const PA_PAGE_LANGUAGES = ['en', 'ar'] as const satisfies readonly LanguageCode[];

/** Pseudo-locales for tests only: en-XA (accented, longer) and ar-XB (right-to-left). Never offered to users. */
export const PSEUDO_LANGUAGES = [
  { code: 'en-XA', nativeName: 'Ëñğłîšħ (pseudo)', englishName: 'Pseudo (long)', dir: 'ltr', intl: 'en-GB', numbering: 'latn', reviewed: true },
  { code: 'ar-XB', nativeName: 'RTL pseudo', englishName: 'Pseudo (right-to-left)', dir: 'rtl', intl: 'en-GB', numbering: 'latn', reviewed: true },
] as const satisfies readonly Language[];

const ALL: readonly Language[] = [...LANGUAGES, ...PSEUDO_LANGUAGES];

export function languageOf(code: string | undefined): Language | undefined {
  return ALL.find((l) => l.code === code);
}

export function isShippedLanguage(code: unknown): code is LanguageCode {
  return typeof code === 'string' && LANGUAGES.some((l) => l.code === code);
}

export function directionOf(code: string | undefined): Direction {
  return languageOf(code)?.dir ?? 'ltr';
}

/**
 * The Intl locale for a language: always the Gregorian calendar (Farsi's default is the Persian one) and the
 * table's digits. Unknown codes (a PA's browser, say) read as British English.
 */
/** The name of ISO weekday `day` (1 = Monday … 7 = Sunday) in a language: 1 January 2024 was a Monday. */
export function weekdayName(day: number, language: string | undefined): string {
  return new Intl.DateTimeFormat(intlLocale(language), { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 0, day));
}

export function intlLocale(code: string | undefined): string {
  const language = languageOf(code) ?? LANGUAGES[0];
  return `${language.intl}-u-ca-gregory-nu-${language.numbering}`;
}

/** The phone's languages ("fa-IR", "ku-Latn") → the first we ship, by its base, else undefined. */
export function matchPhoneLanguage(tags: readonly string[]): LanguageCode | undefined {
  for (const tag of tags) {
    const lower = tag.toLowerCase();
    const base = lower.split('-')[0];
    // Phones say "fa-AF" for Dari and "ku" for Kurmanji; Sorani is "ckb" (or "ku-Arab").
    if (lower === 'fa-af') return 'prs';
    if (base === 'ku') return lower.includes('arab') ? 'ckb' : 'kmr';
    const found = LANGUAGES.find((l) => l.code === base);
    if (found) return found.code;
  }
  return undefined;
}

/** <html lang>: the table's Intl locale when it only adds a region ("en" → "en-GB"), else our code ("prs", "kmr"). */
export function htmlLang(code: string): string {
  const language = languageOf(code);
  if (!language) return code;
  return language.intl.startsWith(`${language.code}-`) ? language.intl : language.code;
}
