// The app reads the one languages table in src/shared/languages.ts (the PA page, server and tests read it too).
export { directionOf, htmlLang, LANGUAGES, languageOf, matchPhoneLanguage, PSEUDO_LANGUAGES } from '../../shared/languages.ts';
