// On the PA page, the young person's own words (their name, a check-in note, what a request is about) and the PA's
// reply are not in the page's language for sure: each is isolated with dir="auto", so Arabic in an English page (or
// English in an Arabic one) keeps its own direction and doesn't reorder the sentence around it.
import { render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { setupI18n } from '../../../src/pa/i18n.ts';
import { PersonPage } from '../../../src/pa/PersonPage.tsx';

const view = {
  person: { id: 'p1', name: 'سامي', connectedAt: '2030-01-01T10:00:00.000Z' },
  shares: [
    { id: crypto.randomUUID(), kind: 'checkin', sharedAt: '2030-01-08T10:00:00.000Z', seenAt: '2030-01-08T11:00:00.000Z', reply: 'Invented reply: see you Tuesday',
      data: { at: '2030-01-08T10:00:00.000Z', mood: 'ok', feelings: [], hard: [], good: [], note: 'ملاحظة تجريبية' } },
    { id: crypto.randomUUID(), kind: 'request', sharedAt: '2030-01-09T10:00:00.000Z', seenAt: null, reply: null,
      data: { request: 'call-me', about: 'سؤال عن السكن', at: '2030-01-09T10:00:00.000Z' } },
  ],
};

beforeAll(async () => { await setupI18n(); });
afterEach(() => { vi.unstubAllGlobals(); });

describe('their words on the PA page', () => {
  it('isolates the name, the note, what a request is about and the reply, each in its own direction', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(view), { status: 200, headers: { 'content-type': 'application/json' } })));
    render(<MemoryRouter initialEntries={['/people/p1']}><Routes><Route path="/people/:personId" element={<PersonPage />} /></Routes></MemoryRouter>);
    const heading = await screen.findByRole('heading', { level: 1 });
    expect(heading).toHaveTextContent('Shared by سامي');
    expect(screen.getByText('سامي')).toHaveAttribute('dir', 'auto');
    for (const words of ['ملاحظة تجريبية', 'سؤال عن السكن', 'Invented reply: see you Tuesday']) {
      expect(screen.getByText(words)).toHaveAttribute('dir', 'auto');
    }
  });
});
