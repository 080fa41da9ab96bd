// "Your phones" in More: lists the phones (this phone marked, last used), signs another out after asking, and a phone
// that was signed out elsewhere wipes itself when the server says so.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { db } from '../../../src/app/data/db.ts';
import { META } from '../../../src/app/data/meta.ts';
import { saveRecord } from '../../../src/app/data/records.ts';
import { MyDevices } from '../../../src/app/features/my-data/MyDevices.tsx';
import SettingsScreen from '../../../src/app/features/settings/SettingsScreen.tsx';
import { isSignedOut } from '../../../src/app/sync/signedOut.ts';
import { aCheckin } from '../../builders/checkin.ts';
import { freshPhone, renderAt } from '../helpers/appTest.tsx';
import { urlOf } from '../helpers/fetchCalls.ts';

const THIS_PHONE = '00000000-0000-4000-8000-000000000001';
const OTHER_PHONE = '00000000-0000-4000-8000-000000000002';
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

beforeEach(async () => {
  await freshPhone();
  await db.meta.put({ key: META.identity, value: { deviceId: THIS_PHONE, token: 'invented-token' } });
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('Your phones (More)', () => {
  it('lists this phone and another, and signs the other out only after asking', async () => {
    const user = userEvent.setup();
    let phones = [
      { id: THIS_PHONE, createdAt: '2026-01-01T10:00:00Z', lastSeenAt: '2026-12-01T10:00:00Z', thisDevice: true },
      { id: OTHER_PHONE, createdAt: '2026-02-01T10:00:00Z', lastSeenAt: '2026-11-01T10:00:00Z', thisDevice: false },
    ];
    const calls: string[] = [];
    vi.stubGlobal('fetch', vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const path = new URL(urlOf(input), 'http://localhost').pathname;
      calls.push(`${init.method} ${path}`);
      if (path === '/api/v1/my-devices') return json(200, { devices: phones });
      if (path === `/api/v1/my-devices/${OTHER_PHONE}` && init.method === 'DELETE') {
        phones = phones.filter((p) => p.id !== OTHER_PHONE);
        return json(200, { id: OTHER_PHONE, signedOut: true });
      }
      return json(404, { error: 'not-found' });
    }));
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    renderAt(<SettingsScreen />);

    expect(await screen.findByText('This phone')).toBeInTheDocument();
    expect(screen.getByText('Another phone')).toBeInTheDocument();
    expect(screen.getAllByText(/^Last used /)).toHaveLength(2);
    // Only the other phone can be signed out from here.
    const signOut = screen.getByRole('button', { name: 'Sign this phone out' });
    expect(signOut).toHaveAccessibleDescription(/^Last used /);

    await user.click(signOut);
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(calls.filter((c) => c.startsWith('DELETE'))).toEqual([]);

    await user.click(signOut);
    expect(await screen.findByText('That phone is signed out.')).toBeInTheDocument();
    expect(calls).toContain(`DELETE /api/v1/my-devices/${OTHER_PHONE}`);
    await waitFor(() => expect(screen.queryByText('Another phone')).not.toBeInTheDocument());
    expect(within(screen.getByText('This phone').closest('li')!).queryByRole('button')).toBeNull();
  });

  it('wipes this phone when the server says it was signed out from another phone', async () => {
    await saveRecord('checkin', aCheckin({ mood: 2, note: 'Invented private note' }));
    vi.stubGlobal('fetch', vi.fn(async () => json(401, { error: 'device-signed-out', message: 'This phone was signed out.' })));
    renderAt(<SettingsScreen />);
    await waitFor(async () => expect(await isSignedOut()).toBe(true));
    expect(await db.checkins.count()).toBe(0);
    expect(await db.meta.get(META.identity)).toBeUndefined();
  });

  it('drops a list that comes after More is closed, even when the page itself is gone by then', async () => {
    const answers: Array<(reply: Response) => void> = [];
    const fetch = vi.fn(() => new Promise<Response>((resolve) => answers.push(resolve)));
    vi.stubGlobal('fetch', fetch);
    const { unmount } = renderAt(<MyDevices />);
    await waitFor(() => expect(fetch).toHaveBeenCalled());
    unmount();

    // As at the end of a test file (CI once failed so): the reply comes once jsdom's window is gone.
    const failures: unknown[] = [];
    const onFailure = (reason: unknown) => failures.push(reason);
    process.on('unhandledRejection', onFailure);
    vi.stubGlobal('window', undefined);
    try {
      for (const answer of answers) answer(json(200, { devices: [] }));
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      vi.unstubAllGlobals();
      process.off('unhandledRejection', onFailure);
    }
    expect(failures).toEqual([]);
  });
});
