// What Today reads from the phone: today's check-in, and whether to invite the wellbeing questions.
import { useLiveQuery } from 'dexie-react-hooks';

import type { Checkin } from '../../../shared/checkins.ts';
import { db } from '../../data/db.ts';

/** The latest check-in made today on this phone, if any (null when none). */
export async function latestCheckinToday(now = new Date()): Promise<Checkin | null> {
  const startOfDay = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
  // `at` strings may carry different offsets, so compare as times, not as text.
  const recent = await db.checkins.orderBy('at').reverse().limit(20).toArray();
  const today = recent.filter((c) => Date.parse(c.at) >= startOfDay).sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  return today[0] ?? null;
}

/** Whether to invite the wellbeing questions: when they were last answered, and whether there is any check-in yet. */
export function useOns4InviteFacts() {
  return useLiveQuery(async () => ({
    lastAt: (await db.ons4.orderBy('at').last())?.at,
    hasCheckins: (await db.checkins.count()) > 0,
  }), []);
}
