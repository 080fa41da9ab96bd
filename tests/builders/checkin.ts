// An invented check-in for tests, valid as the app saves it: say only what the test is about, the rest is filled in
// (mood 3, nothing ticked, no note, private, at and updatedAt the same moment). Used by unit, server and bench code.
import type { Checkin } from '../../src/shared/checkins.ts';

export function aCheckin(overrides: Partial<Checkin> = {}): Checkin {
  const at = overrides.at ?? new Date().toISOString();
  return { id: crypto.randomUUID(), at, mood: 3, hard: [], good: [], feelings: [], note: '', sharedWithPa: false, updatedAt: at, ...overrides };
}

/** One made `daysAgo` days before now. */
export const daysAgo = (days: number): string => new Date(Date.now() - days * 86_400_000).toISOString();
