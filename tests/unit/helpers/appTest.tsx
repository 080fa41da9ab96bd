// Shared set-up for app tests: English (or another language) loaded, an empty phone database, a router.
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';

import { db } from '../../../src/app/data/db.ts';
import { startI18n } from '../../../src/app/i18n/index.ts';

export async function freshPhone(language = 'en'): Promise<void> {
  await startI18n(language);
  await db.open();
  await Promise.all(db.tables.map((table) => table.clear()));
  sessionStorage.clear();
  localStorage.clear();
}

export function renderAt(ui: ReactNode, path = '/') {
  return render(<MemoryRouter initialEntries={[path]}>{ui}</MemoryRouter>);
}
