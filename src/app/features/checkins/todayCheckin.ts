// The latest check-in made today on this phone, if any (null when none, undefined while loading).
import type { Checkin } from '../../../shared/checkins.ts';
import { db } from '../../data/db.ts';

export async function latestCheckinToday(now = new Date()): Promise<Checkin | null> {
  const startOfDay = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
  // `at` strings may carry different offsets, so compare as times, not as text.
  const recent = await db.checkins.orderBy('at').reverse().limit(20).toArray();
  const today = recent.filter((c) => Date.parse(c.at) >= startOfDay).sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  return today[0] ?? null;
}

// Whether this phone showed a check-in from today last time, kept as just the day ("2026-11-22"). It lets the Today
// screen draw the check-in form in its first frame, before the database has answered, without flashing the form
// at someone who has already checked in (they see the screen fill in a moment later instead, as before).
const CHECKED_IN_ON = 'today:checkedInOn';
const localDay = (date: Date) => `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;

export function rememberCheckinToday(checkedIn: boolean, now = new Date()): void {
  try {
    if (checkedIn) localStorage.setItem(CHECKED_IN_ON, localDay(now));
    else localStorage.removeItem(CHECKED_IN_ON);
  } catch {
    // Blocked storage: the screen just waits for the database, as it would anyway.
  }
}

export function mayHaveCheckedInToday(now = new Date()): boolean {
  try {
    return localStorage.getItem(CHECKED_IN_ON) === localDay(now);
  } catch {
    return true;
  }
}

export function greetingKey(now = new Date()): string {
  const hour = now.getHours();
  if (hour < 5) return 'today.greeting.night';
  if (hour < 12) return 'today.greeting.morning';
  if (hour < 18) return 'today.greeting.afternoon';
  if (hour < 22) return 'today.greeting.evening';
  return 'today.greeting.night';
}
