// Languages we ship, each named in itself, with its writing direction.
export type Language = { code: string; nativeName: string; dir: 'ltr' | 'rtl' };

export const LANGUAGES: Language[] = [
  { code: 'en', nativeName: 'English', dir: 'ltr' },
  { code: 'ar', nativeName: 'العربية', dir: 'rtl' },
];

/** Pseudo-locales for tests only: en-XA (accented, longer) and ar-XB (right-to-left). Never offered to users. */
export const PSEUDO_LANGUAGES: Language[] = [
  { code: 'en-XA', nativeName: 'Ëñğłîšħ (pseudo)', dir: 'ltr' },
  { code: 'ar-XB', nativeName: 'RTL pseudo', dir: 'rtl' },
];

export function directionOf(code: string): 'ltr' | 'rtl' {
  return [...LANGUAGES, ...PSEUDO_LANGUAGES].find((l) => l.code === code)?.dir ?? 'ltr';
}
