// Translation keys are typed from English (src/app/i18n/i18next.d.ts): the type-check (npm test's first step)
// fails on a misspelt key. If typing were off, the @ts-expect-error below would be unused, which also fails it.
import i18n from 'i18next';
import { expect, it } from 'vitest';

it('types every t() key against English', () => {
  const real: string = i18n.t('help.title');
  // @ts-expect-error: "titel" is not a key of locales/en.json.
  const misspelt: string = i18n.t('help.titel');
  expect([typeof real, typeof misspelt]).toEqual(['string', 'string']);
});
