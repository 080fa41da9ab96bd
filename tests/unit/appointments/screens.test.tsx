// The appointment screens, driven the way a person uses them (labels and roles), against the real Dexie database.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { db } from '../../../src/app/data/db.ts';
import AppointmentsScreen from '../../../src/app/features/appointments/AppointmentsScreen.tsx';
import NextAppointment from '../../../src/app/features/appointments/NextAppointment.tsx';
import { changeLanguage } from '../../../src/app/i18n/index.ts';
import { type AppointmentInput, appointmentSchema } from '../../../src/shared/appointments/schema.ts';
import type { DirectoryService } from '../../../src/shared/directory/types.ts';
import { startLanguage } from '../helpers/appTest.tsx';

const service: DirectoryService = {
  id: 'example-dropin-0042', name: 'Example Drop-in 0042', description: 'Invented test service',
  categories: ['advice'], access: ['in-person'],
  location: { kind: 'point', lat: 53.4, lng: -2.15, address: '1 Example Street, Testtown' },
  contacts: { phone: '0000 000 0042' },
};

function openAt(path: string) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/appointments/*" element={<AppointmentsScreen />} />
        <Route path="/" element={<NextAppointment />} />
      </Routes>
    </MemoryRouter>,
  );
}

async function stored(overrides: Partial<AppointmentInput>) {
  const a = appointmentSchema.parse({ id: crypto.randomUUID(), title: 'Doctor', startsAt: new Date(Date.now() + 3 * 86400_000).toISOString(), updatedAt: new Date().toISOString(), ...overrides });
  await db.appointments.put(a);
  return a;
}

beforeAll(async () => { await startLanguage('en'); });
beforeEach(async () => { await Promise.all([db.appointments.clear(), db.outbox.clear(), db.services.clear()]); });
// Unmounted first (setup's cleanup runs after this), so going back to English re-renders nothing.
afterEach(async () => { cleanup(); await changeLanguage('en'); });

describe('adding an appointment', () => {
  it('saves it on the phone with a day-before and two-hours-before reminder, ready to sync', async () => {
    const user = userEvent.setup();
    openAt('/appointments/new');
    await user.type(await screen.findByLabelText('What is it?'), 'Housing office');
    fireEvent.change(screen.getByLabelText('Date'), { target: { value: '2030-07-15' } });
    fireEvent.change(screen.getByLabelText('Time'), { target: { value: '14:30' } });
    await user.type(screen.getByLabelText('Where'), 'Town hall, room 2');
    await user.click(screen.getByRole('checkbox', { name: 'Money for the fare' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Housing office' })).toBeInTheDocument();
    const [saved] = await db.appointments.toArray();
    expect(saved).toMatchObject({ title: 'Housing office', startsAt: '2030-07-15T14:30:00+01:00', place: 'Town hall, room 2', reminders: [1440, 120], travelHelp: { fare: true, taxi: false, someoneToGoWith: false }, showDetailsInNotification: false });
    const outbox = await db.outbox.toArray();
    expect(outbox).toEqual([expect.objectContaining({ kind: 'appointment', op: 'put', id: saved.id })]);
  });

  it('links a service from Find help, which fills in the place and keeps its phone', async () => {
    await db.services.put(service);
    const user = userEvent.setup();
    openAt('/appointments/new');
    await user.type(await screen.findByLabelText('What is it?'), 'Drop-in');
    fireEvent.change(screen.getByLabelText('Date'), { target: { value: '2030-01-10' } });
    fireEvent.change(screen.getByLabelText('Time'), { target: { value: '10:00' } });
    await user.type(await screen.findByLabelText('Search Find help'), 'example drop');
    await user.click(await screen.findByRole('button', { name: 'Use Example Drop-in 0042' }));
    expect(screen.getByText('Linked to Example Drop-in 0042')).toBeInTheDocument();
    expect(screen.getByLabelText('Where')).toHaveValue('1 Example Street, Testtown');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByRole('heading', { level: 1, name: 'Drop-in' });
    const [saved] = await db.appointments.toArray();
    expect(saved).toMatchObject({ serviceId: 'example-dropin-0042', serviceName: 'Example Drop-in 0042', servicePhone: '0000 000 0042', startsAt: '2030-01-10T10:00:00+00:00' });
  });
});

describe('bad input gets a clear message and saves nothing', () => {
  async function fillBasics(user: ReturnType<typeof userEvent.setup>) {
    await user.type(await screen.findByLabelText('What is it?'), 'College');
    fireEvent.change(screen.getByLabelText('Date'), { target: { value: '2030-03-04' } });
    fireEvent.change(screen.getByLabelText('Time'), { target: { value: '11:00' } });
  }

  it('says what is missing when nothing is filled in', async () => {
    const user = userEvent.setup();
    openAt('/appointments/new');
    await user.click(await screen.findByRole('button', { name: 'Save' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Nothing has been saved yet');
    expect(screen.getByLabelText('What is it?')).toHaveAccessibleDescription(expect.stringContaining('Say what the appointment is'));
    expect(screen.getByLabelText('Date')).toHaveAccessibleDescription('Choose the date.');
    expect(await db.appointments.count()).toBe(0);
  });

  it('refuses an end before the start', async () => {
    const user = userEvent.setup();
    openAt('/appointments/new');
    await fillBasics(user);
    fireEvent.change(screen.getByLabelText('Ends at (if you know)'), { target: { value: '10:00' } });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByLabelText('Ends at (if you know)')).toHaveAccessibleDescription('The end must be after the start.');
    expect(await db.appointments.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('refuses a reminder that would come after the appointment', async () => {
    const user = userEvent.setup();
    openAt('/appointments/new');
    await fillBasics(user);
    await user.click(screen.getByRole('button', { name: 'Add my own time' }));
    const amount = screen.getByLabelText('How long before');
    await user.clear(amount);
    await user.type(amount, '-15');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByText('A reminder must come before the appointment. Use a number above 0.')).toBeInTheDocument();
    expect(await db.appointments.count()).toBe(0);
  });

  it('refuses 10 MB of notes, says the limit, and keeps what they typed', async () => {
    const user = userEvent.setup();
    openAt('/appointments/new');
    await fillBasics(user);
    const huge = 'a'.repeat(10 * 1024 * 1024);
    fireEvent.change(screen.getByLabelText('Notes'), { target: { value: huge } });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByLabelText('Notes')).toHaveAccessibleDescription(expect.stringContaining('Notes can be up to 2000 characters. You have 10485760.'));
    expect(screen.getByLabelText<HTMLTextAreaElement>('Notes').value).toHaveLength(huge.length);
    expect(await db.appointments.count()).toBe(0);
  });
});

describe('after the appointment', () => {
  it('asks "did you go?" and keeps the answer', async () => {
    const a = await stored({ title: 'Dentist', startsAt: '2020-05-01T09:00:00+01:00' });
    const user = userEvent.setup();
    openAt(`/appointments/${a.id}`);
    await user.click(await screen.findByRole('button', { name: "I couldn't go" }));
    expect(await screen.findByText("Thanks. We've kept a note of that for you.")).toBeInTheDocument();
    expect((await db.appointments.get(a.id))?.outcome).toBe('couldnt-go');
    expect(await db.outbox.where({ kind: 'appointment', id: a.id }).count()).toBe(1);
  });
});

describe("can't make it", () => {
  it('offers to call or text the service and a ready sentence to send', async () => {
    const a = await stored({ title: 'Drop-in', startsAt: '2030-06-03T15:00:00+01:00', serviceId: service.id, serviceName: service.name, servicePhone: '0000 000 0042' });
    const user = userEvent.setup();
    openAt(`/appointments/${a.id}`);
    await user.click(await screen.findByRole('button', { name: "I can't make it" }));
    expect(screen.getByRole('link', { name: 'Call Example Drop-in 0042' })).toHaveAttribute('href', 'tel:00000000042');
    expect(screen.getByRole('link', { name: 'Text Example Drop-in 0042' }).getAttribute('href')).toMatch(/^sms:00000000042\?body=Hello/);
    expect(screen.getByLabelText('A message you can send')).toHaveValue("Hello, I can't come to my appointment on Monday 3 June, 15:00. Can we change it to another time, please?");
  });
});

describe('the list and the Today card', () => {
  it('shows upcoming ones as "tomorrow" and past ones with what happened', async () => {
    const tomorrow = new Date(Date.now() + 86400_000);
    await stored({ title: 'GP', startsAt: tomorrow.toISOString() });
    await stored({ title: 'Old one', startsAt: '2021-01-05T10:00:00Z', outcome: 'went' });
    openAt('/appointments');
    const upcoming = (await screen.findByRole('link', { name: /GP/ }));
    expect(upcoming).toHaveTextContent(/tomorrow/);
    expect(screen.getByRole('link', { name: /Old one/ })).toHaveTextContent('You went');
  });

  it('shows a reminder that came due while the app was closed', async () => {
    await stored({ title: 'Job centre', startsAt: new Date(Date.now() + 60 * 60_000).toISOString(), reminders: [120] });
    openAt('/');
    const card = await screen.findByRole('region', { name: 'Coming up soon' });
    expect(within(card).getByRole('link', { name: /Job centre/ })).toBeInTheDocument();
  });

  it('reads in Arabic', async () => {
    await changeLanguage('ar');
    openAt('/appointments');
    expect(await screen.findByRole('heading', { level: 1, name: 'المواعيد' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'أضف موعدًا' })).toBeInTheDocument();
  });
});
