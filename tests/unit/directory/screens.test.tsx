import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import ar from '../../../locales/ar.json';
import { db } from '../../../src/app/data/db.ts';
import AppointmentsScreen from '../../../src/app/features/appointments/AppointmentsScreen.tsx';
import DirectoryScreen from '../../../src/app/features/directory/DirectoryScreen.tsx';
import SafetyPlanScreen from '../../../src/app/features/safety-plan/SafetyPlanScreen.tsx';
import { changeLanguage } from '../../../src/app/i18n/index.ts';
import type { DirectoryService } from '../../../src/shared/directory/types.ts';
import { startLanguage } from '../helpers/appTest.tsx';

const example = (n: number, lat: number, extra: Partial<DirectoryService> = {}): DirectoryService => ({
  id: `example-${n}`, name: `Example Drop-in 000${n}`, description: 'Invented for tests', categories: ['social'],
  access: ['in-person'], contacts: { phone: `0161 496 000${n}` }, location: { kind: 'point', lat, lng: -2.15 }, ...extra,
});

const renderDirectory = (path = '/directory') => render(
  <MemoryRouter initialEntries={[path]}>
    <Routes><Route path="/directory/*" element={<DirectoryScreen />} /></Routes>
  </MemoryRouter>,
);

beforeAll(async () => {
  await startLanguage('en');
});
beforeEach(async () => {
  localStorage.clear();
  localStorage.setItem('exit.explained', 'yes');
  await Promise.all([db.services.clear(), db.favourites.clear(), db.safetyPlan.clear(), db.outbox.clear()]);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('Find help', () => {
  it('shows the shipped directory before any sync, and narrows it as you type', async () => {
    const user = userEvent.setup();
    renderDirectory();
    expect(await screen.findByText('38 services', undefined, { timeout: 10_000 })).toBeInTheDocument();
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'samaritns');
    expect(await screen.findByText('1 service')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Samaritans' })).toBeInTheDocument();
  });

  it('says clearly when a postcode is nonsense, and lists what is near a real one with its distance, national help after', async () => {
    const nationalLine: DirectoryService = { ...example(9, 0), name: 'Example National Line 0009', location: { kind: 'national' } };
    await db.services.bulkPut([example(1, 53.9), example(2, 53.41), nationalLine]);
    vi.stubGlobal('fetch', vi.fn(async () => new Response('outcode,latitude,longitude\nSK1,53.409,-2.15\n')));
    const user = userEvent.setup();
    renderDirectory();
    const postcode = await screen.findByRole('textbox', { name: 'Postcode or first part of it' });
    await user.type(postcode, 'hello');
    await user.click(screen.getByRole('button', { name: 'Show help near here' }));
    expect(screen.getByRole('alert')).toHaveTextContent("That doesn't look like a postcode");
    expect(postcode).toHaveAttribute('aria-invalid', 'true');

    await user.clear(postcode);
    await user.type(postcode, ' sk1 3xe ');
    await user.click(screen.getByRole('button', { name: 'Show help near here' }));
    // Results first: place, search and filters fold into one line, and the list has the focus.
    await waitFor(() => expect(document.querySelector('.dir-controls')).not.toHaveAttribute('open'));
    expect(document.querySelector('.dir-controls__summary')).toHaveTextContent('Showing help near SK1');
    await waitFor(() => expect(document.activeElement).toHaveClass('dir-count'));
    const lists = screen.getAllByRole('list').filter((l) => l.classList.contains('dir-results'));
    // 0001 is 34 miles away: not near, so not listed within the 10-mile default.
    expect(within(lists[0]).getAllByRole('link').map((a) => a.textContent)).toEqual(['Example Drop-in 0002']);
    expect(screen.getByText('About 0.1 miles away')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Anywhere in England' })).toBeInTheDocument();
    expect(within(lists[1]).getByRole('link', { name: 'Example National Line 0009' })).toBeInTheDocument();

    await user.click(document.querySelector<HTMLElement>('.dir-controls__summary')!);
    await user.selectOptions(screen.getByRole('combobox', { name: 'How far' }), '50');
    await waitFor(() => expect(screen.getByRole('link', { name: 'Example Drop-in 0001' })).toBeInTheDocument());
    await user.selectOptions(screen.getByRole('combobox', { name: 'Show distances in' }), 'kilometer');
    expect(await screen.findByText('About 0.1 kilometres away')).toBeInTheDocument();
    // 50 km is 31 miles: the drop-in 34 miles away is no longer within reach.
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Example Drop-in 0001' })).toBeNull());
  });

  it('opens a service page with a tel: link and saves it to my list', async () => {
    await db.services.bulkPut([example(3, 53.4, { walkIn: true, free: true })]);
    const user = userEvent.setup();
    renderDirectory('/directory/service/example-3');
    expect(await screen.findByRole('heading', { level: 1, name: 'Example Drop-in 0003' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Call .*, Example Drop-in 0003/ })).toHaveAttribute('href', 'tel:01614960003');
    expect(screen.getByRole('link', { name: 'Directions' })).toHaveAttribute('href', 'geo:53.4,-2.15?q=53.4,-2.15');
    await user.click(screen.getByRole('button', { name: 'Save to my list' }));
    await waitFor(async () => expect((await db.favourites.toArray()).find((f) => f.serviceId === 'example-3')).toBeDefined());
    // A saved place is backed up like everything else the person owns, so a restored phone gets it back.
    expect(await db.outbox.toArray()).toEqual([expect.objectContaining({ kind: 'favourite', op: 'put', record: expect.objectContaining({ serviceId: 'example-3' }) })]);
  });

  it('reads a service page aloud with an English voice, its text being English, even in Arabic; no button without one', async () => {
    await db.services.bulkPut([example(4, 53.4, { whoFor: 'Invented: anyone aged 16 to 25' })]);
    const speak = vi.fn();
    const phone = (langs: string[]) => {
      vi.stubGlobal('speechSynthesis', { getVoices: () => langs.map((lang) => ({ lang, name: lang }) as SpeechSynthesisVoice), speak, cancel: vi.fn(), addEventListener: vi.fn(), removeEventListener: vi.fn() });
      vi.stubGlobal('SpeechSynthesisUtterance', class { lang = ''; voice = null; constructor(readonly text: string) {} });
    };
    await changeLanguage('ar');
    try {
      phone(['ar-SA', 'en-GB']);
      renderDirectory('/directory/service/example-4');
      const name = await screen.findByRole('heading', { level: 1, name: 'Example Drop-in 0004' });
      expect(name.querySelector('[lang="en"]')).not.toBeNull();
      expect(screen.getByText('Invented for tests')).toHaveAttribute('lang', 'en');
      await userEvent.setup().click(screen.getByRole('button', { name: ar.language.readAloud.button }));
      expect(speak).toHaveBeenCalledWith(expect.objectContaining({ lang: 'en-GB', text: 'Example Drop-in 0004\nInvented for tests\nInvented: anyone aged 16 to 25' }));
      cleanup();

      phone(['ar-SA']);
      renderDirectory('/directory/service/example-4');
      await screen.findByRole('heading', { level: 1, name: 'Example Drop-in 0004' });
      expect(screen.queryByRole('button', { name: ar.language.readAloud.button })).toBeNull();
      expect(screen.queryByText(ar.language.readAloud.noVoice)).toBeNull();
    } finally {
      await changeLanguage('en');
    }
  });

  it('marks all directory text English on an Arabic phone (name, organisation, hours, address, description, who for), on the page and in results', async () => {
    const invented = example(5, 53.4, {
      organisation: 'Invented Trust 0005', hoursText: 'Invented: mornings only', whoFor: 'Invented: anyone aged 16 to 25',
      location: { kind: 'point', lat: 53.4, lng: -2.15, address: '1 Invented Street, Testtown' },
    });
    await db.services.bulkPut([invented]);
    await changeLanguage('ar');
    try {
      renderDirectory('/directory/service/example-5');
      await screen.findByRole('heading', { level: 1, name: 'Example Drop-in 0005' });
      for (const text of ['Example Drop-in 0005', 'Invented Trust 0005', 'Invented: mornings only', '1 Invented Street, Testtown', 'Invented for tests', 'Invented: anyone aged 16 to 25']) {
        expect(screen.getByText(text).closest('[lang]'), text).toHaveAttribute('lang', 'en');
      }
      cleanup();
      renderDirectory('/directory');
      const name = await screen.findByRole('link', { name: 'Example Drop-in 0005' });
      expect(name).toHaveAttribute('lang', 'en');
      expect(screen.getByText('Invented: mornings only').closest('[lang]')).toHaveAttribute('lang', 'en');
    } finally {
      await changeLanguage('en');
    }
  });

  it('never leaves a service page a dead end: with no way in, Ask my PA and the nearest national alternative', async () => {
    const noContacts: DirectoryService = { ...example(4, 0), name: 'Example Area Group 0004', categories: ['advice'], contacts: {}, location: { kind: 'area', area: 'Example Area' } };
    const nationalAdvice: DirectoryService = { ...example(5, 0), name: 'Example National Advice 0005', categories: ['advice'], location: { kind: 'national' } };
    const nationalCrisis: DirectoryService = { ...example(6, 0), name: 'Example Crisis Line 0006', categories: ['crisis', 'advice'], location: { kind: 'national' } };
    await db.services.bulkPut([noContacts, nationalAdvice, nationalCrisis]);
    renderDirectory('/directory/service/example-4');
    expect(await screen.findByRole('heading', { level: 1, name: 'Example Area Group 0004' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Ask my PA about this' })).toHaveAttribute('href', '/my-pa');
    expect(screen.getByRole('link', { name: 'Example National Advice 0005' })).toHaveAttribute('href', '/directory/service/example-5');
    expect(screen.getByRole('link', { name: /Call 0161 496 0005/ })).toHaveAttribute('href', 'tel:01614960005');
    expect(screen.queryByRole('link', { name: 'Example Crisis Line 0006' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Add to an appointment' })).toHaveAttribute('href', '/appointments/new');
  });

  it('adds a service to a new appointment, its place and phone filled in', async () => {
    await db.services.bulkPut([example(8, 53.4, { location: { kind: 'point', lat: 53.4, lng: -2.15, address: '8 Example Street, SK1 3XE' } })]);
    const user = userEvent.setup();
    render(
      <MemoryRouter initialEntries={['/directory/service/example-8']}>
        <Routes>
          <Route path="/directory/*" element={<DirectoryScreen />} />
          <Route path="/appointments/*" element={<AppointmentsScreen />} />
        </Routes>
      </MemoryRouter>,
    );
    await user.click(await screen.findByRole('link', { name: 'Add to an appointment' }));
    expect(await screen.findByLabelText('Where')).toHaveValue('8 Example Street, SK1 3XE');
    expect(screen.getByText('Example Drop-in 0008', { exact: false })).toBeInTheDocument();
  });

  it('offers Ask my PA only when the data gives no way in', async () => {
    await db.services.bulkPut([example(7, 53.4)]);
    renderDirectory('/directory/service/example-7');
    expect(await screen.findByRole('heading', { level: 1, name: 'Example Drop-in 0007' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Ask my PA about this' })).toBeNull();
  });

  it('shows what a council listed in May 2022', async () => {
    const user = userEvent.setup();
    renderDirectory('/directory/council');
    const select = await screen.findByRole('combobox', { name: /Choose your council/ });
    await user.selectOptions(select, 'Barnsley Metropolitan Borough Council');
    expect(screen.getByText(/Listed in May 2022/)).toBeInTheDocument();
    expect(screen.getByText('Mentoring').closest('li')).toHaveTextContent('Listed');
    expect(screen.getByText('Mentoring').closest('li')).not.toHaveTextContent('Not listed');
    expect(screen.getByText(/Mental health workers just for care leavers/).closest('li')).toHaveTextContent('Not listed in their 2022 offer — ask your PA');
    // Council names are English whatever the app's language.
    expect(screen.getByRole('heading', { level: 2, name: 'Barnsley Metropolitan Borough Council' }).querySelector('[lang="en"]')).not.toBeNull();
    expect(screen.getByRole('option', { name: 'Barnsley Metropolitan Borough Council' })).toHaveAttribute('lang', 'en');
  });

  it('names the councils of today, keeping the 2022 row they come from as the source', async () => {
    const user = userEvent.setup();
    renderDirectory('/directory/council');
    const select = await screen.findByRole('combobox', { name: /Choose your council/ });
    const names = within(select).getAllByRole('option').map((o) => o.textContent);
    expect(names).not.toContain('Council (Unitary Authority)');
    expect(names).not.toContain('Cumbria County Council');
    expect(names).not.toContain('Poole Borough Council');
    expect(names.filter((n) => n === 'Bournemouth, Christchurch and Poole Council')).toHaveLength(1);
    expect(names).toEqual(expect.arrayContaining(['Cumberland Council', 'Westmorland and Furness Council', 'North Northamptonshire Council', 'West Northamptonshire Council', 'Stockton-on-Tees Borough Council']));

    await user.selectOptions(select, 'Bournemouth, Christchurch and Poole Council');
    expect(screen.getByText('In May 2022 this was listed as Bournemouth Borough Council.')).toBeInTheDocument();
    expect(screen.getByText('In May 2022 this was listed as Poole Borough Council.')).toBeInTheDocument();
    await user.selectOptions(select, 'West Northamptonshire Council');
    expect(screen.getByText(/listed as Northamptonshire Childrens Trust \(On behalf of North Northamptonshire Council and West Northamptonshire Council: Unitary Authority\)/)).toBeInTheDocument();
    // "Y - nurse" is a yes with a note, not a no.
    await user.selectOptions(select, 'Southend-on-Sea Borough Council');
    expect(screen.getByText(/Mental health workers just for care leavers/).closest('li')).toHaveTextContent(/Listed$/);
  });
});

describe('My safety plan', () => {
  it('keeps what I write on this phone and backs it up, with crisis lines already in step 5', async () => {
    const user = userEvent.setup();
    render(<MemoryRouter><SafetyPlanScreen /></MemoryRouter>);
    expect(screen.getByRole('heading', { level: 1, name: 'My safety plan' })).toBeInTheDocument();
    expect(screen.getByText('Samaritans: 116 123')).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: '1. Signs that things are getting hard' }), 'Not sleeping');
    await user.click(screen.getByRole('button', { name: 'Save my plan' }));
    expect(await screen.findByText('Saved on this phone')).toBeInTheDocument();
    const [plan] = await db.safetyPlan.toArray();
    expect(plan).toMatchObject({ warningSigns: 'Not sleeping' });
    expect(await db.outbox.toArray()).toEqual([expect.objectContaining({ kind: 'safetyPlan', op: 'put', id: plan.id })]);
  });
});
