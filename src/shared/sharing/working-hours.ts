// When will my PA likely see this? Working hours are London wall-clock; the answer is an exact instant.
import { isoToLondonWallTime, londonWallTimeToIso } from '../appointments/london-time.ts';
import { DEFAULT_WORKING_HOURS, type WorkingHours } from './schemas.ts';

/** A PA's working hours as stored (JSON), or the default week when they never set them. */
export function workingHoursOf(stored: string | null): WorkingHours {
  return stored ? (JSON.parse(stored) as WorkingHours) : DEFAULT_WORKING_HOURS;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a London calendar date. */
function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const js = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return js === 0 ? 7 : js;
}

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function isWithinWorkingHours(hours: WorkingHours, at: Date): boolean {
  const { date, time } = isoToLondonWallTime(at.toISOString());
  const today = hours.days.find((d) => d.day === weekdayOf(date));
  return !!today && time >= today.start && time < today.end;
}

/**
 * The next moment the PA is at work: `at` itself when inside hours, otherwise the next start time.
 * Null when the PA has no working days set (then we can't promise anything).
 */
export function nextWorkingTime(hours: WorkingHours, at: Date): Date | null {
  if (hours.days.length === 0) return null;
  if (isWithinWorkingHours(hours, at)) return at;
  const { date, time } = isoToLondonWallTime(at.toISOString());
  for (let offset = 0; offset <= 7; offset++) {
    const day = addDays(date, offset);
    const slot = hours.days.find((d) => d.day === weekdayOf(day));
    if (!slot || (offset === 0 && time >= slot.start)) continue;
    const start = londonWallTimeToIso({ date: day, time: slot.start });
    // A start inside the spring-forward gap: the PA starts an hour "later" by the clock.
    const iso = start.ok ? start.iso : londonWallTimeToIso({ date: day, time: `${String(+slot.start.slice(0, 2) + 1).padStart(2, '0')}${slot.start.slice(2)}` });
    if (typeof iso === 'string') return new Date(iso);
    if (iso.ok) return new Date(iso.iso);
  }
  return null;
}
