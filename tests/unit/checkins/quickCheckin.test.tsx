import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { db } from '../../../src/app/data/db.ts';
import { TodayScreen } from '../../../src/app/features/checkins/TodayScreen.tsx';
import { hasUnsavedInput } from '../../../src/app/ui/draft.ts';
import { checkinSchema } from '../../../src/shared/checkins.ts';
import { freshPhone, renderAt } from '../helpers/appTest.tsx';

beforeEach(async () => {
  await freshPhone();
});

describe('quick check-in on Today', () => {
  it('saves a check-in with one tap on a face, with its outbox entry', async () => {
    const user = userEvent.setup();
    renderAt(<TodayScreen />);
    await user.click(await screen.findByRole('button', { name: /Good$/ }));

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Saved. Want to add more?'));
    const checkins = await db.checkins.toArray();
    expect(checkins).toHaveLength(1);
    expect(checkins[0].mood).toBe(4);
    expect(checkinSchema.safeParse(checkins[0]).success).toBe(true);
    const outbox = await db.outbox.toArray();
    expect(outbox).toEqual([expect.objectContaining({ kind: 'checkin', op: 'put', id: checkins[0].id })]);
    expect(outbox[0].record).toEqual(checkins[0]);
  });

  it('lets the person skip every optional part and finish', async () => {
    const user = userEvent.setup();
    renderAt(<TodayScreen />);
    await user.click(await screen.findByRole('button', { name: /Okay/ }));
    await user.click(await screen.findByRole('button', { name: 'Done' }));

    expect(await screen.findByText(/You checked in at .*: Okay/)).toBeInTheDocument();
    const [checkin] = await db.checkins.toArray();
    expect(checkin).toMatchObject({ mood: 3, hard: [], good: [], feelings: [], note: '' });
    expect(hasUnsavedInput()).toBe(false);
  });

  it('adds details to the same check-in instead of making a second one', async () => {
    const user = userEvent.setup();
    renderAt(<TodayScreen />);
    await user.click(await screen.findByRole('button', { name: /Not good/ }));
    await user.click(await screen.findByRole('button', { name: 'Add more' }));

    const hard = screen.getByRole('group', { name: "What's hard right now?" });
    const good = screen.getByRole('group', { name: "What's going well?" });
    const { getByRole: inHard } = within(hard);
    await user.click(inHard('button', { name: 'Money' }));
    await user.click(within(good).getByRole('button', { name: 'Friends and family' }));
    // Choosing "Money" as going well takes it off the hard list: a part of life is one or the other.
    await user.click(within(good).getByRole('button', { name: 'Money' }));
    await user.click(screen.getByRole('button', { name: 'Tired' }));
    await user.type(screen.getByRole('textbox', { name: 'Anything else you want to write down?' }), 'Rent is due');
    expect(hasUnsavedInput()).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await screen.findByText(/You checked in at/);
    const checkins = await db.checkins.toArray();
    expect(checkins).toHaveLength(1);
    expect(checkins[0]).toMatchObject({ mood: 2, hard: [], good: ['people', 'money'], feelings: ['tired'], note: 'Rent is due' });
    expect(checkinSchema.safeParse(checkins[0]).success).toBe(true);
    expect(await db.outbox.count()).toBe(2);
    expect(hasUnsavedInput()).toBe(false);
  });

  it('keeps a half-written note when the screen reloads', async () => {
    const user = userEvent.setup();
    const first = renderAt(<TodayScreen />);
    await user.click(await screen.findByRole('button', { name: /Great/ }));
    await user.click(await screen.findByRole('button', { name: 'Add more' }));
    await user.type(screen.getByRole('textbox', { name: 'Anything else you want to write down?' }), 'Got the flat');
    await user.click(screen.getByRole('button', { name: 'Proud' }));
    first.unmount();

    renderAt(<TodayScreen />);
    expect(await screen.findByRole('textbox', { name: 'Anything else you want to write down?' })).toHaveValue('Got the flat');
    expect(screen.getByRole('button', { name: 'Proud' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: /Great/ })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('status')).toHaveTextContent('We kept what you started writing.');
    expect(hasUnsavedInput()).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText(/You checked in at/);
    const checkins = await db.checkins.toArray();
    expect(checkins).toHaveLength(1);
    expect(checkins[0]).toMatchObject({ mood: 5, feelings: ['proud'], note: 'Got the flat' });
  });

  it('shows how many characters the note may still hold', async () => {
    const user = userEvent.setup();
    renderAt(<TodayScreen />);
    await user.click(await screen.findByRole('button', { name: /Good$/ }));
    await user.click(await screen.findByRole('button', { name: 'Add more' }));
    const note = screen.getByRole('textbox', { name: 'Anything else you want to write down?' });
    expect(note).toHaveAttribute('maxlength', '2000');
    expect(note).toHaveAttribute('dir', 'auto');
    await user.type(note, 'abc');
    expect(note).toHaveAccessibleDescription(/3 of 2,000 characters/);
  });
});

/** Checks in with "Okay" on Today, finishes, and leaves the screen. */
async function checkInOkayAndLeave() {
  const user = userEvent.setup();
  const first = renderAt(<TodayScreen />);
  await user.click(await screen.findByRole('button', { name: /Okay/ }));
  await user.click(await screen.findByRole('button', { name: 'Done' }));
  await screen.findByText(/You checked in at .*: Okay/);
  first.unmount();
}

describe('opening Today', () => {
  it('shows the faces in its very first frame, before the phone database has answered', () => {
    renderAt(<TodayScreen />);
    // Synchronous queries: nothing has been awaited, so no database read can have finished yet.
    expect(screen.getByRole('heading', { name: 'How are you feeling today?' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Great/ })).toBeInTheDocument();
  });

  it('does not flash the faces at someone who already checked in today; their check-in shows instead', async () => {
    await checkInOkayAndLeave();

    renderAt(<TodayScreen />);
    expect(screen.queryByRole('heading', { name: 'How are you feeling today?' })).not.toBeInTheDocument();
    expect(await screen.findByText(/You checked in at .*: Okay/)).toBeInTheDocument();
  });

  it('shows the faces once the database says today has no check-in, even if this phone thought it had one', async () => {
    await checkInOkayAndLeave();
    await db.checkins.clear(); // e.g. deleted from History

    renderAt(<TodayScreen />);
    expect(await screen.findByRole('heading', { name: 'How are you feeling today?' })).toBeInTheDocument();
  });
});

describe('when saving fails', () => {
  it('keeps neither the check-in nor its outbox entry, and says so', async () => {
    const user = userEvent.setup();
    const add = vi.spyOn(db.outbox, 'add').mockRejectedValueOnce(new Error('disk full'));
    renderAt(<TodayScreen />);
    await user.click(await screen.findByRole('button', { name: /Great/ }));

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent("We couldn't save that on this phone. Please try again."));
    expect(await db.checkins.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    add.mockRestore();
  });
});
