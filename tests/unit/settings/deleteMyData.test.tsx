// "Delete my data" on the phone: a clear confirmation that can be cancelled, nothing deleted when the server can't be
// reached, and after deleting, a phone that holds nothing and lists what was deleted (en, ar).
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { Shell } from '../../../src/app/App.tsx';
import { db } from '../../../src/app/data/db.ts';
import { META } from '../../../src/app/data/meta.ts';
import { saveRecord } from '../../../src/app/data/records.ts';
import { changeLanguage } from '../../../src/app/i18n/index.ts';
import type { DeletedEverywhere } from '../../../src/shared/deleteMyData.ts';
import { aCheckin } from '../../builders/checkin.ts';
import { freshPhone, renderAt } from '../helpers/appTest.tsx';
import { jsonBodyOf, urlOf } from '../helpers/fetchCalls.ts';

const deleted: DeletedEverywhere = { records: 12, devices: 2, paConnection: true, shares: 3, recoveryCode: true, monitoring: true, reminders: 1 };
let calls: { url: string; body: unknown }[];

async function phoneWithData() {
  const now = new Date().toISOString();
  await saveRecord('checkin', aCheckin({ at: now, mood: 1, note: 'example private note' }));
  await db.meta.put({ key: META.identity, value: { deviceId: 'example-device', token: 'example-token' } });
  localStorage.setItem('language', 'en');
}

function stubServer(answer: () => Promise<Response>) {
  calls = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = urlOf(input);
    calls.push({ url, body: jsonBodyOf(init) });
    if (url === '/api/v1/my-data/delete') return answer();
    // The background sync is not what this test is about: the server is unreachable for it.
    throw new TypeError('Failed to fetch');
  });
}
const deleteCalls = () => calls.filter((c) => c.url === '/api/v1/my-data/delete');

beforeEach(async () => {
  await freshPhone();
});
afterEach(async () => {
  vi.unstubAllGlobals();
  await changeLanguage('en');
});

describe('delete my data', () => {
  it('asks once, plainly, lets them cancel, then deletes everywhere, wipes the phone and lists what was deleted', async () => {
    const user = userEvent.setup();
    await phoneWithData();
    stubServer(async () => new Response(JSON.stringify({ deleted }), { status: 200, headers: { 'content-type': 'application/json' } }));
    renderAt(<Shell />, '/settings');

    const section = within((await screen.findByRole('heading', { name: 'Delete my data' })).closest('section')!);
    await user.click(section.getByRole('button', { name: 'Delete everywhere' }));
    expect(section.getByText("Delete everything, everywhere? You can't undo this.")).toBeInTheDocument();
    // Cancel is a plain button beside Yes, and cancelling deletes nothing.
    await user.click(section.getByRole('button', { name: 'Cancel' }));
    expect(deleteCalls()).toEqual([]);
    expect(await db.checkins.count()).toBe(1);

    await user.click(section.getByRole('button', { name: 'Delete everywhere' }));
    await user.click(section.getByRole('button', { name: 'Yes, delete' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Your data was deleted' })).toBeInTheDocument();
    expect(deleteCalls()).toEqual([{ url: '/api/v1/my-data/delete', body: { everywhere: true } }]);
    const list = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(list).toEqual([
      'Everything on this phone', 'Your backup (12 saved items)', 'Phones signed out: 2',
      'Your PA connection and what you shared with them (3 items)', 'Your recovery code', 'Your choice to be counted without your name', 'Your reminders',
    ]);
    // The phone holds nothing personal, like a signed-out phone, and will not set itself up again by itself.
    expect(await db.checkins.count()).toBe(0);
    expect(await db.meta.get(META.identity)).toBeUndefined();
    expect(await db.meta.get('signedOut')).toBeDefined();
    expect(screen.queryByRole('navigation', { name: /main/i })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Start again on this phone' }));
    await waitFor(() => expect(screen.queryByText('Your data was deleted')).not.toBeInTheDocument());
    expect(await db.meta.get('deletedMyData')).toBeUndefined();
  });

  it('deletes nothing anywhere when the server cannot be reached, and says so', async () => {
    const user = userEvent.setup();
    await phoneWithData();
    stubServer(async () => {
      throw new TypeError('Failed to fetch');
    });
    renderAt(<Shell />, '/settings');
    const section = within((await screen.findByRole('heading', { name: 'Delete my data' })).closest('section')!);
    await user.click(section.getByRole('button', { name: 'Delete everywhere' }));
    await user.click(section.getByRole('button', { name: 'Yes, delete' }));
    expect(await section.findByRole('alert')).toHaveTextContent('Nothing was deleted. Check you have signal and try again.');
    expect(await db.checkins.count()).toBe(1);
    expect(await db.meta.get('signedOut')).toBeUndefined();
  });

  it('deletes from this phone only without asking the server, and says the backup is still there', async () => {
    const user = userEvent.setup();
    await phoneWithData();
    stubServer(async () => new Response('{}', { status: 500 }));
    renderAt(<Shell />, '/settings');
    const section = within((await screen.findByRole('heading', { name: 'Delete my data' })).closest('section')!);
    await user.click(section.getByRole('button', { name: 'Delete from this phone only' }));
    await user.click(section.getByRole('button', { name: 'Yes, delete' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Your data was deleted' })).toBeInTheDocument();
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Everything on this phone']);
    expect(screen.getByText('Your backup is still on our server. Your recovery code can bring it back.')).toBeInTheDocument();
    expect(deleteCalls()).toEqual([]);
    expect(await db.checkins.count()).toBe(0);
  });

  it('says it in Arabic too', async () => {
    const user = userEvent.setup();
    await changeLanguage('ar');
    await phoneWithData();
    localStorage.setItem('language', 'ar');
    stubServer(async () => new Response(JSON.stringify({ deleted }), { status: 200, headers: { 'content-type': 'application/json' } }));
    renderAt(<Shell />, '/settings');
    const section = within((await screen.findByRole('heading', { name: 'احذف بياناتي' })).closest('section')!);
    await user.click(section.getByRole('button', { name: 'احذف من كل مكان' }));
    await user.click(section.getByRole('button', { name: 'نعم، احذف' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'حُذفت بياناتك' })).toBeInTheDocument();
    expect(screen.getByText('رمز الاسترجاع')).toBeInTheDocument();
  });
});
