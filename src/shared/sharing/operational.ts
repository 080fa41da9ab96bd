// How the service is doing, month by month, for managers: young people connected, requests made, how long until a
// shared item is seen (median), and the share seen within one working day. The same rules as the wellbeing figures
// (monitoring.ts): only young people who chose to be counted, every figure from at least MIN_PEOPLE people or hidden,
// counts in bands of 5, shares in 5 % steps, whole hours, and a figure re-released only after MIN_CHANGE people changed.
import { isoToLondonWallTime } from '../appointments/london-time.ts';
import { countBand, type Group, MIN_PEOPLE, release, type Releases } from './monitoring.ts';

export type OperationalLink = { personId: string; linkedAt: string };
export type OperationalShare = { id: string; personId: string; kind: string; sharedAt: string; seenAt: string | null };

export type OperationalMonth = {
  month: string;
  /** Counted young people connected to a PA by the end of the month: lower end of a band of 5. */
  connected: number | null;
  /** Requests to a PA ("Please call me", …) made this month: lower end of a band of 5. */
  requests: number | null;
  /** Median whole hours from sharing to the PA marking it seen, for items shared this month and seen. */
  medianHoursToSeen: number | null;
  /** Share (0–1, 5 % steps) of items shared this month that were seen within one working day. */
  seenWithinWorkingDay: number | null;
};

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
const monthOf = (iso: string) => isoToLondonWallTime(iso).date.slice(0, 7);
const londonWeekday = (ms: number) => {
  const js = new Date(`${isoToLondonWallTime(new Date(ms).toISOString()).date}T12:00:00Z`).getUTCDay();
  return js === 0 ? 7 : js;
};

/**
 * One working day after `sharedAt`: a day later, moved past Saturday and Sunday (Friday 10:00 → Monday 10:00).
 * @internal exported for its tests (knip --production)
 */
export function oneWorkingDayAfter(sharedAt: string): number {
  let deadline = Date.parse(sharedAt) + DAY_MS;
  while (londonWeekday(deadline) >= 6) deadline += DAY_MS;
  return deadline;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Person → what they contributed, so a changed contribution counts as a changed person. */
function groupOf<T>(rows: T[], personOf: (row: T) => string, valueOf: (row: T) => string): Group {
  const group: Record<string, string[]> = {};
  for (const row of rows) (group[personOf(row)] ??= []).push(valueOf(row));
  return Object.fromEntries(Object.entries(group).map(([person, values]) => [person, values.sort().join(',')]));
}

/** Figures for each month, newest first; `releases` gains what is released now (the caller stores it). */
export function operationalFigures(months: string[], links: OperationalLink[], shares: OperationalShare[], now: Date, releases: Releases = {}): OperationalMonth[] {
  return [...months].sort().reverse().map((month) => {
    const linked = links.filter((l) => monthOf(l.linkedAt) <= month);
    const connectedGroup = groupOf(linked, (l) => l.personId, () => '1');
    const connected = release(releases, `${month}:connected`, connectedGroup, countBand(Object.keys(connectedGroup).length));

    const inMonth = shares.filter((s) => monthOf(s.sharedAt) === month);
    const requests = inMonth.filter((s) => s.kind === 'request');
    const requestGroup = groupOf(requests, (s) => s.personId, (s) => s.id);
    const requestCount = Object.keys(requestGroup).length >= MIN_PEOPLE ? countBand(requests.length) : null;

    const seen = inMonth.filter((s) => s.seenAt !== null);
    const seenGroup = groupOf(seen, (s) => s.personId, (s) => `${s.id}:${s.seenAt}`);
    const hours = seen.map((s) => Math.max(0, Date.parse(s.seenAt!) - Date.parse(s.sharedAt)) / HOUR_MS);
    const medianHours = Object.keys(seenGroup).length >= MIN_PEOPLE ? Math.round(median(hours)) : null;

    // Only items whose working day is over (or that were seen) can be judged.
    const judged = inMonth.filter((s) => s.seenAt !== null || oneWorkingDayAfter(s.sharedAt) <= now.getTime());
    const judgedGroup = groupOf(judged, (s) => s.personId, (s) => `${s.id}:${s.seenAt ?? ''}`);
    const inTime = judged.filter((s) => s.seenAt !== null && Date.parse(s.seenAt) <= oneWorkingDayAfter(s.sharedAt)).length;
    const withinDay = Object.keys(judgedGroup).length >= MIN_PEOPLE ? Math.round((inTime / judged.length) * 20) / 20 : null;

    return {
      month,
      connected,
      requests: release(releases, `${month}:requests`, requestGroup, requestCount),
      medianHoursToSeen: release(releases, `${month}:seen-median`, seenGroup, medianHours),
      seenWithinWorkingDay: release(releases, `${month}:seen-1day`, judgedGroup, withinDay),
    };
  });
}
