// Shared set-up for app tests: English (or another language) loaded, an empty phone database, a router.
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';

import { db } from '../../../src/app/data/db.ts';
import { everyScreensWords, startI18n } from '../../../src/app/i18n/index.ts';

/**
 * The language with every screen's words: a screen rendered straight from its module, as these tests do, has its words
 * as it would in the app, where it loads lazily and waits for them (src/app/i18n/lazyWithWords.ts).
 */
export async function startLanguage(language = 'en'): Promise<void> {
  await startI18n(language);
  await everyScreensWords();
}

export async function freshPhone(language = 'en'): Promise<void> {
  await startLanguage(language);
  await db.open();
  await Promise.all(db.tables.map((table) => table.clear()));
  sessionStorage.clear();
  localStorage.clear();
}

export function renderAt(ui: ReactNode, path = '/') {
  return render(<MemoryRouter initialEntries={[path]}>{ui}</MemoryRouter>);
}
