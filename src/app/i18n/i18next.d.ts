// Typed translation keys: t('help.titel') fails the type-check, since every key must exist in English.
import 'i18next';

import type en from '../../../locales/en.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof en };
  }
}
