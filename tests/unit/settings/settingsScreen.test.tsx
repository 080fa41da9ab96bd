import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { db } from '../../../src/app/data/db.ts';
import { saveRecord } from '../../../src/app/data/records.ts';
import SettingsScreen from '../../../src/app/features/settings/SettingsScreen.tsx';
import { changeLanguage } from '../../../src/app/i18n/index.ts';
import { aCheckin } from '../../builders/checkin.ts';
import { freshPhone, renderAt } from '../helpers/appTest.tsx';
import { FakeSyncServer } from '../sync/fakeServer.ts';

beforeEach(async () => {
  await freshPhone();
});

afterEach(async () => {
  vi.unstubAllGlobals();
  await changeLanguage('en');
});

describe('More (settings)', () => {
  it('explains privacy in plain words and credits the data it uses', async () => {
    renderAt(<SettingsScreen />);
    expect(screen.getByRole('heading', { level: 1, name: 'More' })).toBeInTheDocument();
    expect(screen.getByText('Your check-ins are stored on this phone and backed up to our server. Nobody else sees them unless you choose to share.')).toBeInTheDocument();
    expect(screen.getByText('Contains OS data © Crown copyright and database right')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Save this app to your home screen' })).toBeInTheDocument();
  });

  it('shows what waits to be backed up, and backs up when asked', async () => {
    const user = userEvent.setup();
    const server = new FakeSyncServer();
    vi.stubGlobal('fetch', server.fetch);
    const now = new Date().toISOString();
    await saveRecord('checkin', aCheckin({ at: now, mood: 4 }));
    renderAt(<SettingsScreen />);

    expect(await screen.findByText('1 change is waiting to be backed up.')).toBeInTheDocument();
    expect(screen.getByText(/Not backed up yet/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Back up now' }));

    await waitFor(() => expect(screen.getByText(/^Last backed up /)).toBeInTheDocument());
    expect(screen.queryByText(/waiting to be backed up/)).not.toBeInTheDocument();
    expect(await db.outbox.count()).toBe(0);
    // The button is ready again once the back-up has finished (and the test ends only then, not with it still running).
    await waitFor(() => expect(screen.getByRole('button', { name: 'Back up now' })).toBeEnabled());
  });

  it('says plainly which change could not be backed up, and does not claim everything is', async () => {
    const user = userEvent.setup();
    const server = new FakeSyncServer();
    vi.stubGlobal('fetch', server.fetch);
    const now = new Date().toISOString();
    const refused = aCheckin({ at: now, mood: 4, note: 'example' });
    server.refuseIds.add(refused.id);
    await saveRecord('checkin', refused);
    renderAt(<SettingsScreen />);
    await user.click(screen.getByRole('button', { name: 'Back up now' }));

    expect(await screen.findByText(/^This change could not be backed up: a check-in from /)).toBeInTheDocument();
    expect(screen.getByText('Saved on this phone')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'OK, remove this message' }));
    await waitFor(() => expect(screen.queryByText(/could not be backed up/)).not.toBeInTheDocument());
    await waitFor(() => expect(screen.getByRole('button', { name: 'Back up now' })).toBeEnabled());
  });

  it('changes the language from the list', async () => {
    const user = userEvent.setup();
    renderAt(<SettingsScreen />);
    await user.click(screen.getByRole('button', { name: /^العربية/ }));
    expect(await screen.findByRole('heading', { level: 1, name: 'المزيد' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^العربية/ })).toHaveAttribute('aria-pressed', 'true');
  });
});
