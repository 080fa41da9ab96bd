// Asking my PA for help from an appointment itself: the request carries which appointment and which help, and shows its state.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { db } from '../../../src/app/data/db.ts';
import { META } from '../../../src/app/data/meta.ts';
import AppointmentsScreen from '../../../src/app/features/appointments/AppointmentsScreen.tsx';
import { rememberStatus } from '../../../src/app/features/sharing/status.ts';
import { type AppointmentInput, appointmentSchema } from '../../../src/shared/appointments/schema.ts';
import { DEFAULT_WORKING_HOURS, type SharedItem } from '../../../src/shared/sharing/schemas.ts';
import { startLanguage } from '../helpers/appTest.tsx';

const connected = (shares: SharedItem[] = []) => rememberStatus({ connected: true, monitoring: false, paName: 'Example PA 0007', workingHours: DEFAULT_WORKING_HOURS, shares });

async function stored(overrides: Partial<AppointmentInput>) {
  const a = appointmentSchema.parse({ id: crypto.randomUUID(), title: 'Example Housing Office 0042', startsAt: new Date(Date.now() + 3 * 86400_000).toISOString(), updatedAt: new Date().toISOString(), ...overrides });
  await db.appointments.put(a);
  return a;
}

const openAt = (path: string) => render(
  <MemoryRouter initialEntries={[path]}><Routes><Route path="/appointments/*" element={<AppointmentsScreen />} /></Routes></MemoryRouter>,
);

beforeAll(async () => { await startLanguage('en'); });
beforeEach(async () => {
  await Promise.all([db.appointments.clear(), db.outbox.clear(), db.paRequests.clear(), db.meta.clear()]);
  await db.meta.put({ key: META.identity, value: { deviceId: crypto.randomUUID(), token: 'x'.repeat(43) } });
  // No signal: whatever is asked waits in the outbox.
  vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
});
afterEach(() => { vi.unstubAllGlobals(); });

describe('asking my PA from an appointment', () => {
  it('saves a travel request carrying this appointment and the help I ticked, and says it will go when online', async () => {
    const a = await stored({ travelHelp: { fare: true, taxi: false, someoneToGoWith: true } });
    await connected();
    openAt(`/appointments/${a.id}`);
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Ask my PA for help getting there' }));

    expect(await screen.findByText('Waiting to send to your PA. It will go as soon as there is signal.')).toBeInTheDocument();
    const [queued] = await db.paRequests.toArray();
    expect(await db.outbox.where('[kind+id]').equals(['paRequest', queued.id]).count()).toBe(1);
    expect(queued).toMatchObject({
      request: 'travel-help',
      appointment: { id: a.id, title: 'Example Housing Office 0042', startsAt: a.startsAt },
      travelHelp: ['fare', 'someoneToGoWith'],
    });
    expect(queued).not.toHaveProperty('appointment.place');
    expect(screen.queryByRole('button', { name: 'Ask my PA for help getting there' })).not.toBeInTheDocument();
  });

  it('offers "Tell my PA I couldn’t go" after I say I couldn’t go, linked to that appointment', async () => {
    const a = await stored({ startsAt: new Date(Date.now() - 86400_000).toISOString() });
    await connected();
    openAt(`/appointments/${a.id}`);
    const user = userEvent.setup();
    expect(await screen.findByRole('button', { name: 'I couldn\'t go' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Tell my PA I couldn’t go' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'I couldn\'t go' }));
    await user.click(await screen.findByRole('button', { name: 'Tell my PA I couldn’t go' }));

    await screen.findByText('Waiting to send to your PA. It will go as soon as there is signal.');
    const [queued] = await db.paRequests.toArray();
    expect(queued).toMatchObject({ request: 'missed-appointment', appointment: { id: a.id } });
    expect(queued).not.toHaveProperty('travelHelp');
  });

  it('sends "I can’t make it" before the appointment as its own request, not as "I couldn’t go"', async () => {
    const a = await stored({});
    await connected();
    openAt(`/appointments/${a.id}`);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'I can\'t make it' }));
    await user.click(await screen.findByRole('button', { name: 'Tell my PA I can’t make it' }));
    await screen.findByText('Waiting to send to your PA. It will go as soon as there is signal.');
    const [queued] = await db.paRequests.toArray();
    expect(queued).toMatchObject({ request: 'cant-make-it', appointment: { id: a.id } });
  });

  it('shows that my PA has seen a request about this appointment, with their reply', async () => {
    const a = await stored({});
    await connected([{ id: crypto.randomUUID(), kind: 'request', sharedAt: new Date().toISOString(), seenAt: new Date().toISOString(), reply: 'I can send you the bus fare',
      data: { request: 'travel-help', about: '', at: new Date().toISOString(), appointment: { id: a.id, title: a.title, startsAt: a.startsAt } } }]);
    openAt(`/appointments/${a.id}`);
    expect(await screen.findByText('Your PA has seen this.')).toBeInTheDocument();
    expect(screen.getByText('I can send you the bus fare')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Ask my PA for help getting there' })).not.toBeInTheDocument();
  });

  it('shows no PA buttons when the phone is not connected to a PA', async () => {
    const a = await stored({ travelHelp: { fare: true, taxi: false, someoneToGoWith: false } });
    await rememberStatus({ connected: false, monitoring: false });
    openAt(`/appointments/${a.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: a.title })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /my PA/ })).not.toBeInTheDocument();
  });
});
