// The PA's page names the appointment a request is about (title, date and time) and the help asked for, in English and Arabic.
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { formatWhen, setupI18n, switchLanguage } from '../../../src/pa/i18n.ts';
import { PersonPage } from '../../../src/pa/PersonPage.tsx';

const startsAt = '2030-01-10T12:00:00.000Z';
const view = {
  person: { id: 'p1', name: 'Sam', connectedAt: '2030-01-01T10:00:00.000Z' },
  shares: [{ id: crypto.randomUUID(), kind: 'request', sharedAt: '2030-01-08T10:00:00.000Z', seenAt: null, reply: null,
    data: { request: 'travel-help', about: '', at: '2030-01-08T10:00:00.000Z', appointment: { id: crypto.randomUUID(), title: 'Example Housing Office 0042', startsAt }, travelHelp: ['fare', 'someoneToGoWith'] } }],
};

const openPage = () => render(<MemoryRouter initialEntries={['/people/p1']}><Routes><Route path="/people/:personId" element={<PersonPage />} /></Routes></MemoryRouter>);

beforeAll(async () => { await setupI18n(); });
// Unmounted first (setup's cleanup runs after this), so going back to English re-renders nothing.
afterEach(async () => { cleanup(); vi.unstubAllGlobals(); await switchLanguage('en'); });

describe('a request about an appointment on the PA page', () => {
  it.each([
    ['en', 'I need help with travel to an appointment', 'About the appointment:', 'Help asked for: money for the fare, someone to go with them'],
    ['ar', 'أحتاج مساعدة في الذهاب إلى موعد', 'بخصوص الموعد:', 'المساعدة المطلوبة: مال لأجرة المواصلات، شخص يذهب معه'],
  ] as const)('in %s shows which appointment it is and the help asked for', async (language, request, about, travel) => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(view), { status: 200, headers: { 'content-type': 'application/json' } })));
    await switchLanguage(language);
    openPage();
    expect(await screen.findByText(request)).toBeInTheDocument();
    const line = screen.getByText(about, { exact: false });
    expect(line).toHaveTextContent('Example Housing Office 0042');
    expect(line).toHaveTextContent(formatWhen(startsAt, language));
    expect(screen.getByText(travel)).toBeInTheDocument();
  });
});
