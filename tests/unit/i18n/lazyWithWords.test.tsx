// A screen that loads later never draws before every screen's English words are there: it would show a key such
// as "appointments.title" in place of the word, even for a moment.
import { render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { expect, it } from 'vitest';

import en from '../../../locales/en.json';
import { isFirstScreenKey } from '../../../src/app/i18n/firstScreenWords.ts';
import { flatten } from '../../../src/app/i18n/helpNowKeys.ts';
import { i18n, startI18n } from '../../../src/app/i18n/index.ts';
import { lazyWithWords } from '../../../src/app/i18n/lazyWithWords.ts';

it('draws a later screen only once its words have arrived, never its keys', async () => {
  await startI18n('en');
  const [key, word] = [...flatten(en as Record<string, unknown>)].find(([k]) => !isFirstScreenKey(k) && !k.startsWith('pa.') && !/[{_]/.test(k))!;
  expect(i18n.exists(key)).toBe(false);
  const drawn: string[] = [];
  function LaterScreen() {
    const { t } = useTranslation();
    const text = t(key as never) as string;
    drawn.push(text);
    return <p>{text}</p>;
  }
  // The screen's code arrives at once; its words take a moment longer (a slow phone, a cold cache).
  const Later = lazyWithWords(async () => ({ default: LaterScreen }));
  render(<Suspense fallback={<p>loading</p>}><Later /></Suspense>);
  expect(await screen.findByText(word)).toBeInTheDocument();
  expect(drawn).not.toContain(key);
  expect(drawn.length).toBeGreaterThan(0);
});
