import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';

import { Shell } from '../../../src/app/App.tsx';
import { db } from '../../../src/app/data/db.ts';
import { saveRecord } from '../../../src/app/data/records.ts';
import { aCheckin } from '../../builders/checkin.ts';
import { freshPhone, renderAt } from '../helpers/appTest.tsx';

beforeEach(async () => {
  await freshPhone();
});

describe('app shell', () => {
  it('has a skip link, a Help now link and the main places on every screen', async () => {
    renderAt(<Shell />, '/history');
    expect(screen.getByRole('link', { name: 'Skip to main content' })).toHaveAttribute('href', '#main');
    expect(screen.getByRole('link', { name: /Help now/ })).toHaveAttribute('href', '/help');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    const links = ['Today', 'History', 'Find help', 'Appointments', 'More'].map((name) => screen.getByRole('link', { name }));
    expect(links.map((l) => l.getAttribute('href'))).toEqual(['/', '/history', '/directory', '/appointments', '/settings']);
    expect(nav).toContainElement(links[0]);
    // The History screen loads lazily; allow for a slow first import on a busy machine.
    expect(await screen.findByRole('heading', { level: 1, name: 'Your check-ins' }, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'History' })).toHaveAttribute('aria-current', 'page');
  });

  it('has an Exit button on every screen, explained the first time (Help now included)', async () => {
    localStorage.removeItem('exit.explained');
    for (const path of ['/', '/help']) {
      const { unmount } = renderAt(<Shell />, path);
      expect(screen.getAllByRole('button', { name: /Exit/ }).map((b) => b.getAttribute('href'))).toEqual(['https://www.bbc.co.uk/weather']);
      expect(screen.getByRole('heading', { name: 'Leave this page quickly' })).toBeInTheDocument();
      unmount();
    }
  });

  it('says "Saved on this phone" while changes wait, and "Backed up" once they are on the server', async () => {
    renderAt(<Shell />);
    const status = () => screen.getAllByRole('status').find((s) => s.classList.contains('sync-status'))!;
    await waitFor(() => expect(status()).toHaveTextContent('Saved on this phone'));

    await db.meta.bulkPut([{ key: 'lastSyncOk', value: true }, { key: 'lastSyncAt', value: new Date().toISOString() }]);
    await waitFor(() => expect(status()).toHaveTextContent('Backed up'));

    const now = new Date().toISOString();
    await saveRecord('checkin', aCheckin({ at: now }));
    await waitFor(() => expect(status()).toHaveTextContent('Saved on this phone'));
  });

  it('says "Saved on this phone", never an alarm, while the phone is offline', async () => {
    await db.meta.bulkPut([{ key: 'lastSyncOk', value: true }, { key: 'lastSyncAt', value: new Date().toISOString() }]);
    renderAt(<Shell />);
    const status = () => screen.getAllByRole('status').find((s) => s.classList.contains('sync-status'))!;
    await waitFor(() => expect(status()).toHaveTextContent('Backed up'));
    Object.defineProperty(navigator, 'onLine', { value: false, configurable: true });
    window.dispatchEvent(new Event('offline'));
    await waitFor(() => expect(status()).toHaveTextContent('Saved on this phone'));
    Object.defineProperty(navigator, 'onLine', { value: true, configurable: true });
    window.dispatchEvent(new Event('online'));
    await waitFor(() => expect(status()).toHaveTextContent('Backed up'));
  });

  it('says plainly when this browser will not keep data on the phone', () => {
    renderAt(<Shell storage="unavailable" />);
    expect(screen.getByText(/won.t let us save anything on this phone/)).toBeInTheDocument();
  });

  it('has a calm page for addresses that do not exist', async () => {
    renderAt(<Shell />, '/nowhere');
    expect(await screen.findByRole('heading', { level: 1, name: "We couldn't find that page" }, { timeout: 10_000 })).toBeInTheDocument();
  });
});
