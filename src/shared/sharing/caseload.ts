// Who needs their PA first: unseen "please call me", then other unseen requests, then low recent moods, then the rest.
import type { PaRequest } from './schemas.ts';

export type CaseloadEntry = {
  personId: string;
  name: string;
  connectedAt: string;
  unseen: number;
  unseenRequests: PaRequest[];
  /** Lowest mood (1–5) among check-ins shared in the last 14 days, or null. */
  lowestRecentMood: number | null;
  lastSharedAt: string | null;
  /** Their app's language code (the languages table), only if they agreed to show it; else null. */
  language?: string | null;
};

export const LOW_MOOD = 2;
export const RECENT_DAYS = 14;

function needRank(e: CaseloadEntry): number {
  if (e.unseenRequests.includes('call-me')) return 0;
  if (e.unseenRequests.length > 0) return 1;
  if (e.lowestRecentMood !== null && e.lowestRecentMood <= LOW_MOOD) return 2;
  if (e.unseen > 0) return 3;
  return 4;
}

export function orderCaseload(entries: CaseloadEntry[]): CaseloadEntry[] {
  return [...entries].sort((a, b) =>
    needRank(a) - needRank(b) ||
    (b.lastSharedAt ?? '').localeCompare(a.lastSharedAt ?? '') ||
    a.name.localeCompare(b.name));
}
