// What Today reads from the phone besides today's check-in (todayCheckin.ts).
import { useLiveQuery } from 'dexie-react-hooks';

import { db } from '../../data/db.ts';

/** Whether to invite the wellbeing questions: when they were last answered, and whether there is any check-in yet. */
export function useOns4InviteFacts() {
  return useLiveQuery(async () => ({
    lastAt: (await db.ons4.orderBy('at').last())?.at,
    hasCheckins: (await db.checkins.count()) > 0,
  }), []);
}
