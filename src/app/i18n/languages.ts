// The app reads the one languages table in src/shared/languages.ts (the PA page, server and tests read it too).
export { directionOf, htmlLang, languageOf, LANGUAGES, matchPhoneLanguage, PSEUDO_LANGUAGES } from '../../shared/languages.ts';
