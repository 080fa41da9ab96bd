// Today's hook into the ONS4 invitation: it is due at most once a month, so its card loads in its own chunk only
// when it is, and the first screen never carries it. Nothing is drawn while the facts are unknown (as on the
// painted first screen), so taking over that screen never waits for the card's code.
import { Suspense } from 'react';

import { ons4IsDue } from '../../../shared/ons4Bands.ts';
import { lazyWithWords } from '../../i18n/lazyWithWords.ts';
import { useOns4InviteFacts } from './queries.ts';

const Ons4Invite = lazyWithWords(() => import('./Ons4Invite.tsx'));

export function Ons4InviteSlot() {
  const facts = useOns4InviteFacts();
  // Only after a first check-in, so the very first visit asks one thing, not two.
  if (!facts?.hasCheckins || !ons4IsDue(facts.lastAt, new Date())) return null;
  return (
    <Suspense fallback={null}>
      <Ons4Invite />
    </Suspense>
  );
}
