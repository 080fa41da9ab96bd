// Pure maths behind History: check-ins grouped by day, and average mood per day over a chosen time.
import type { Checkin } from '../../../shared/checkins.ts';

export type MoodRange = 'weeks4' | 'months6' | 'all';
export const MOOD_RANGES: MoodRange[] = ['weeks4', 'months6', 'all'];
const DAY_MS = 24 * 60 * 60 * 1000;
const RANGE_DAYS: Record<Exclude<MoodRange, 'all'>, number> = { weeks4: 28, months6: 182 };

/**
 * The local calendar day of a moment, as YYYY-MM-DD (the phone's own time zone).
 * @internal exported for its tests (knip --production)
 */
export function localDayKey(at: string | Date): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function dayKeyToDate(key: string): Date {
  const [y, m, d] = key.split('-').map(Number);
  return new Date(y, m - 1, d);
}

/** Newest day first; within a day, newest check-in first. */
export function groupByDay(checkins: Checkin[]): { day: string; checkins: Checkin[] }[] {
  const sorted = [...checkins].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  const groups: { day: string; checkins: Checkin[] }[] = [];
  for (const c of sorted) {
    const day = localDayKey(c.at);
    const last = groups[groups.length - 1];
    if (last?.day === day) last.checkins.push(c);
    else groups.push({ day, checkins: [c] });
  }
  return groups;
}

type DayMood = { day: string; average: number; count: number };

/** Start of the chosen time (local midnight), or of the first check-in for "all". */
function rangeStart(range: MoodRange, checkins: Pick<Checkin, 'at'>[], now: Date): Date {
  if (range === 'all') {
    const first = Math.min(...checkins.map((c) => Date.parse(c.at)), now.getTime());
    return dayKeyToDate(localDayKey(new Date(first)));
  }
  const today = dayKeyToDate(localDayKey(now));
  return new Date(today.getTime() - (RANGE_DAYS[range] - 1) * DAY_MS);
}

/** Average mood for each day with check-ins in the range, oldest first, plus the overall average. */
export function moodOverTime(checkins: Pick<Checkin, 'at' | 'mood'>[], range: MoodRange, now: Date) {
  const start = rangeStart(range, checkins, now);
  const inRange = checkins.filter((c) => Date.parse(c.at) >= start.getTime() && Date.parse(c.at) <= now.getTime());
  const byDay = new Map<string, number[]>();
  for (const c of inRange) {
    const key = localDayKey(c.at);
    byDay.set(key, [...(byDay.get(key) ?? []), c.mood]);
  }
  const days: DayMood[] = [...byDay.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, moods]) => ({ day, average: moods.reduce((s, m) => s + m, 0) / moods.length, count: moods.length }));
  const average = inRange.length ? inRange.reduce((s, c) => s + c.mood, 0) / inRange.length : undefined;
  return { start, end: now, days, average, count: inRange.length };
}
