// The PA's caseload card names the young person's app language when they agreed to share it (for an interpreter):
// the English name, and the language's own name marked with its own lang and direction; nothing when not shared.
import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { CaseloadPage } from '../../../src/pa/CaseloadPage.tsx';
import { setupI18n } from '../../../src/pa/i18n.ts';
import type { CaseloadEntry } from '../../../src/shared/sharing/caseload.ts';

const person = (n: number, language: string | null): CaseloadEntry => ({
  personId: `p${n}`, name: `Test Person ${n}`, connectedAt: '2030-01-01T10:00:00.000Z', unseen: 0, need: 0, reasons: [], lastSharedAt: null, language,
});

/** The server's answers, by path; the caseload page asks for its caseload and for who stopped using the app. */
function serverWith(caseload: CaseloadEntry[]) {
  vi.stubGlobal('fetch', vi.fn(async (url: string) => {
    const body = url.endsWith('/pa/caseload') ? { caseload } : { stopped: [] };
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  }));
}

beforeAll(async () => { await setupI18n(); });
afterEach(() => { vi.unstubAllGlobals(); });

describe('the young person\'s language on the PA caseload', () => {
  it('shows it on their card when shared, the native name in its own language and direction', async () => {
    serverWith([person(1, 'ti'), person(2, 'fa'), person(3, null)]);
    render(<MemoryRouter><CaseloadPage /></MemoryRouter>);

    const tigrinya = (await screen.findByText('Test Person 1')).closest('li')!;
    expect(tigrinya).toHaveTextContent('Language: Tigrinya (ትግርኛ)');
    expect(screen.getByText('ትግርኛ')).toHaveAttribute('lang', 'ti');

    const farsi = screen.getByText('Test Person 2').closest('li')!;
    expect(farsi).toHaveTextContent('Language: Farsi');
    const farsiName = farsi.querySelector('[lang="fa"]')!;
    expect(farsiName).toHaveAttribute('dir', 'rtl');

    expect(screen.getByText('Test Person 3').closest('li')).not.toHaveTextContent('Language:');
  });
});
