// The ONS4 invitation on Today: only after a first check-in, put aside with "Not now" for the month. Its card loads
// in its own chunk (Ons4InviteSlot), so these also show the slot draws it once the facts say it is due.
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, expect, it } from 'vitest';

import { db } from '../../../src/app/data/db.ts';
import Ons4Invite from '../../../src/app/features/checkins/Ons4Invite.tsx';
import { Ons4InviteSlot } from '../../../src/app/features/checkins/Ons4InviteSlot.tsx';
import { aCheckin } from '../../builders/checkin.ts';
import { freshPhone, renderAt } from '../helpers/appTest.tsx';

const INVITE = /Got two minutes\?/;

beforeEach(async () => {
  await freshPhone();
});

it('invites to the four questions only once there is a first check-in', async () => {
  renderAt(<Ons4InviteSlot />);
  expect(screen.queryByText(INVITE)).not.toBeInTheDocument();
  await db.checkins.add(aCheckin());
  expect(await screen.findByText(INVITE)).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'Answer four questions' })).toHaveAttribute('href', '/ons4');
});

it('goes away with "Not now" and stays away when Today opens again that month', async () => {
  const user = userEvent.setup();
  await db.checkins.add(aCheckin());
  const first = renderAt(<Ons4InviteSlot />);
  await user.click(await screen.findByRole('button', { name: 'Not now' }));
  await waitFor(() => expect(screen.queryByText(INVITE)).not.toBeInTheDocument());
  first.unmount();
  // Opened again: the card itself (drawn synchronously, its chunk already here) stays empty this month.
  const again = renderAt(<Ons4Invite />);
  expect(again.container).toBeEmptyDOMElement();
});
