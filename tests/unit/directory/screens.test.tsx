import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../src/app/data/db.ts';
import DirectoryScreen from '../../../src/app/features/directory/DirectoryScreen.tsx';
import SafetyPlanScreen from '../../../src/app/features/safety-plan/SafetyPlanScreen.tsx';
import { startI18n } from '../../../src/app/i18n/index.ts';
import type { DirectoryService } from '../../../src/shared/directory/types.ts';

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
  await startI18n('en');
});
beforeEach(async () => {
  localStorage.clear();
  localStorage.setItem('exit.explained', 'yes');
  await Promise.all([db.services.clear(), db.favourites.clear(), db.safetyPlan.clear(), db.outbox.clear()]);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('Find help', () => {
  it('shows the shipped directory before any sync, and narrows it as you type', async () => {
    const user = userEvent.setup();
    renderDirectory();
    expect(await screen.findByText('21 services')).toBeInTheDocument();
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'samaritns');
    expect(await screen.findByText('1 service')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Samaritans' })).toBeInTheDocument();
  });

  it('says clearly when a postcode is nonsense, and sorts by distance from a real one', async () => {
    await db.services.bulkPut([example(1, 53.9), example(2, 53.41)]);
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
    expect(await screen.findByText('Showing help near SK1', { exact: false })).toBeInTheDocument();
    const names = within(screen.getByRole('list', { name: '' })).getAllByRole('link').map((a) => a.textContent);
    expect(names).toEqual(['Example Drop-in 0002', 'Example Drop-in 0001']);
    expect(screen.getByText('0.1 miles away')).toBeInTheDocument();
  });

  it('opens a service page with a tel: link and saves it to my list', async () => {
    await db.services.bulkPut([example(3, 53.4, { walkIn: true, free: true })]);
    const user = userEvent.setup();
    renderDirectory('/directory/service/example-3');
    expect(await screen.findByRole('heading', { level: 1, name: 'Example Drop-in 0003' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Call .*, Example Drop-in 0003/ })).toHaveAttribute('href', 'tel:01614960003');
    expect(screen.getByRole('link', { name: 'Directions' })).toHaveAttribute('href', 'geo:53.4,-2.15?q=53.4,-2.15');
    await user.click(screen.getByRole('button', { name: 'Save to my list' }));
    await waitFor(async () => expect(await db.favourites.where('serviceId').equals('example-3').first()).toBeDefined());
    // A saved place is backed up like everything else the person owns, so a restored phone gets it back.
    expect(await db.outbox.toArray()).toEqual([expect.objectContaining({ kind: 'favourite', op: 'put', record: expect.objectContaining({ serviceId: 'example-3' }) })]);
  });

  it('shows what a council listed in May 2022', async () => {
    const user = userEvent.setup();
    renderDirectory('/directory/council');
    const select = await screen.findByRole('combobox', { name: /Choose your council/ });
    await user.selectOptions(select, 'Barnsley Metropolitan Borough Council (Metropolitan District)');
    expect(screen.getByText(/Listed in May 2022/)).toBeInTheDocument();
    expect(screen.getByText('Mentoring').closest('li')).toHaveTextContent('Listed');
    expect(screen.getByText('Mentoring').closest('li')).not.toHaveTextContent('Not listed');
    expect(screen.getByText(/Mental health workers just for care leavers/).closest('li')).toHaveTextContent('Not listed');
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
