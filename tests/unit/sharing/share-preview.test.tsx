// Sharing a check-in says truthfully what the PA will see: a preview built by the same paCopyOf the server uses,
// the note left out unless ticked; "Seen" only for the version the PA saw; the note field says who can see it;
// "Count me in" can be turned off when disconnected.
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { db } from '../../../src/app/data/db.ts';
import { CheckinDetails } from '../../../src/app/features/checkins/CheckinDetails.tsx';
import MyPaScreen from '../../../src/app/features/sharing/MyPaScreen.tsx';
import ShareToggle from '../../../src/app/features/sharing/ShareToggle.tsx';
import { rememberStatus } from '../../../src/app/features/sharing/status.ts';
import type { Checkin } from '../../../src/shared/checkins.ts';
import { paCopyOf } from '../../../src/shared/sharing/paCopy.ts';
import { DEFAULT_WORKING_HOURS, type SharedItem } from '../../../src/shared/sharing/schemas.ts';
import { aCheckin } from '../../builders/checkin.ts';
import { freshPhone, renderAt } from '../helpers/appTest.tsx';

const at = '2026-11-20T10:00:00.000Z';
const record: Checkin = aCheckin({ at, mood: 2, hard: ['money', 'food'], note: 'example private note' });
const connected = (shares: SharedItem[] = []) => rememberStatus({ connected: true, monitoring: false, paName: 'Example PA', workingHours: DEFAULT_WORKING_HOURS, shares });

beforeEach(async () => {
  await freshPhone();
  // No signal: nothing leaves the outbox during these tests.
  vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('sharing a check-in with my PA', () => {
  it('previews exactly what the PA will see, leaves the note out unless ticked, and waits to send until acknowledged', async () => {
    await db.checkins.put(record);
    await connected();
    renderAt(<ShareToggle kind="checkin" id={record.id} />);
    const preview = await screen.findByText(/If you share this, your PA will see:/);
    expect(preview).toHaveTextContent('If you share this, your PA will see: not good · Money, Food');
    expect(preview).not.toHaveTextContent('your note');
    const user = userEvent.setup();
    await user.click(screen.getByRole('checkbox', { name: 'Include my note' }));
    expect(preview).toHaveTextContent('not good · Money, Food · your note');
    await user.click(screen.getByRole('button', { name: 'Share with my PA' }));

    await screen.findByText('Waiting to send. Your PA will see it as soon as there is signal.');
    const saved = await db.checkins.get(record.id);
    expect(saved).toMatchObject({ sharedWithPa: true, shareNote: true });
    const [queued] = await db.outbox.where('[kind+id]').equals(['checkin', record.id]).toArray();
    expect(queued.record).toMatchObject({ sharedWithPa: true, shareNote: true });
    expect(screen.getByText(/Your PA sees:/)).toHaveTextContent('Your PA sees: not good · Money, Food · your note');
  });

  it('shares without the note when it is not ticked', async () => {
    await db.checkins.put(record);
    await connected();
    renderAt(<ShareToggle kind="checkin" id={record.id} />);
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Share with my PA' }));
    await waitFor(async () => expect(await db.checkins.get(record.id)).toMatchObject({ sharedWithPa: true, shareNote: false }));
    expect(paCopyOf('checkin', (await db.checkins.get(record.id))!)).not.toHaveProperty('note');
  });

  it('says "seen" only for the version the PA saw: after an edit it no longer claims the PA has seen it', async () => {
    const shared = { ...record, sharedWithPa: true };
    const seenCopy = { id: shared.id, kind: 'checkin' as const, sharedAt: at, seenAt: at, reply: 'Example reply', data: paCopyOf('checkin', shared)! };
    await db.checkins.put(shared);
    await connected([seenCopy]);
    const view = renderAt(<ShareToggle kind="checkin" id={record.id} />);
    await screen.findByText('Your PA has seen this version.');
    expect(screen.getByText('Example reply')).toBeInTheDocument();
    view.unmount();

    await db.checkins.put({ ...shared, mood: 1 });
    renderAt(<ShareToggle kind="checkin" id={record.id} />);
    await screen.findByText('Shared with your PA. You can stop sharing at any time.');
    expect(screen.queryByText('Your PA has seen this version.')).not.toBeInTheDocument();
    expect(screen.queryByText('Example reply')).not.toBeInTheDocument();
  });

  it('tells the truth in the note field: the note goes to the PA only if ticked when sharing', async () => {
    renderAt(<CheckinDetails value={{ hard: [], good: [], feelings: [], note: '' }} onChange={() => undefined} />);
    const hint = await screen.findByText(/Only you can see this/);
    expect(hint).toHaveTextContent('the note goes only if you tick “Include my note”');
  });
});

describe('anonymous monitoring when not connected to a PA', () => {
  it('still offers "Count me in" so a young person who left their PA can turn it off', async () => {
    await rememberStatus({ connected: false, monitoring: true });
    renderAt(<MyPaScreen />);
    expect(await screen.findByRole('checkbox', { name: 'Count me in, without my name' })).toBeChecked();
  });
});

describe('deleting a shared check-in', () => {
  it('says before deleting that the PA\'s copy goes too', async () => {
    const { default: HistoryScreen } = await import('../../../src/app/features/history/HistoryScreen.tsx');
    const now = new Date().toISOString();
    await db.checkins.put({ ...record, at: now, updatedAt: now, sharedWithPa: true });
    renderAt(<HistoryScreen />);
    await userEvent.setup().click(await screen.findByRole('button', { name: /^Delete:/ }));
    expect(screen.getByText(/deleting it removes their copy too/)).toBeInTheDocument();
  });
});
