// The app reads the one languages table in src/shared/languages.ts (the PA page, server and tests read it too).
export { LANGUAGES, PSEUDO_LANGUAGES, directionOf, intlLocale, htmlLang, isShippedLanguage, languageOf, matchPhoneLanguage } from '../../shared/languages.ts';
export type { Language, LanguageCode } from '../../shared/languages.ts';
