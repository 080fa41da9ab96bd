// Is a service open at a moment, and when does it next open or close? Always in Europe/London wall-clock time,
// so BST/GMT clock changes need no special cases: we compare what the clock on the wall says.
import { type OpeningHours, type Session, type Weekday, WEEKDAYS } from './types.ts';

const SERVICE_TIME_ZONE = 'Europe/London';

/** A London wall-clock reading: date (YYYY-MM-DD), weekday and minutes since midnight. */
export type WallClock = { date: string; weekday: Weekday; minutes: number };

const wallClockFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: SERVICE_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', hourCycle: 'h23', weekday: 'short',
});
const WEEKDAY_BY_SHORT: Record<string, Weekday> = { Mon: 'mo', Tue: 'tu', Wed: 'we', Thu: 'th', Fri: 'fr', Sat: 'sa', Sun: 'su' };

export function londonWallClock(at: Date): WallClock {
  const parts: Record<string, string> = {};
  for (const p of wallClockFormat.formatToParts(at)) parts[p.type] = p.value;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: WEEKDAY_BY_SHORT[parts.weekday],
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/** "09:30" or "09:30:00" → 570. Throws on anything else so bad imports are caught at the door. */
const parsedTimes = new Map<string, number>();
function minutesOf(time: string): number {
  // Directories repeat a handful of times ("09:00", "17:00") thousands of times; parse each once.
  const cached = parsedTimes.get(time);
  if (cached !== undefined) return cached;
  const minutes = parseMinutes(time);
  if (parsedTimes.size < 10_000) parsedTimes.set(time, minutes);
  return minutes;
}

function parseMinutes(time: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)(:[0-5]\d)?$/.exec(time);
  if (!match) throw new RangeError(`Not a time of day: "${time}"`);
  return Number(match[1]) * 60 + Number(match[2]);
}

function shiftDate(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
const weekdayAfter = (day: Weekday, days: number): Weekday => WEEKDAYS[(WEEKDAYS.indexOf(day) + days + 7 * 10) % 7];

const crossesMidnight = (s: Session) => minutesOf(s.closes) <= minutesOf(s.opens);
// 23:59 means "until midnight" (ORUK's 24-hour signal is 00:00–23:59).
const closingMinutes = (s: Session) => (s.closes.startsWith('23:59') ? 24 * 60 : minutesOf(s.closes));

function appliesOn(hours: Extract<OpeningHours, { kind: 'weekly' }>, s: Session, date: string, weekday: Weekday): boolean {
  if (!s.days.includes(weekday)) return false;
  if (s.from && date < s.from) return false;
  if (s.to && date > s.to) return false;
  return !(hours.closed ?? []).some((c) => date >= c.from && date <= c.to);
}

export function isOpenAt(hours: OpeningHours | undefined, at: Date): boolean {
  if (!hours) return false;
  return isOpenOnClock(hours, londonWallClock(at));
}

/** isOpenAt with the wall clock read once by the caller (searching thousands of services reads it once). */
export function isOpenOnClock(hours: OpeningHours | undefined, now: WallClock): boolean {
  if (!hours) return false;
  if (hours.kind === 'always') return true;
  const yesterday = shiftDate(now.date, -1);
  const yesterdayWeekday = weekdayAfter(now.weekday, -1);
  return hours.sessions.some((s) => {
    const opens = minutesOf(s.opens);
    if (crossesMidnight(s)) {
      if (appliesOn(hours, s, now.date, now.weekday) && now.minutes >= opens) return true;
      return appliesOn(hours, s, yesterday, yesterdayWeekday) && now.minutes < minutesOf(s.closes);
    }
    return appliesOn(hours, s, now.date, now.weekday) && now.minutes >= opens && now.minutes < closingMinutes(s);
  });
}

/** True when the service is open every hour of every day (for "at night, 24-hour services only"). */
export function isAlwaysOpen(hours: OpeningHours | undefined): boolean {
  if (!hours) return false;
  if (hours.kind === 'always') return true;
  return WEEKDAYS.every((d) => hours.sessions.some((s) => s.days.includes(d) && !s.from && !s.to && minutesOf(s.opens) === 0 && closingMinutes(s) === 24 * 60));
}

/** The next opening after `at`: days from today (0 = later today, 1 = tomorrow) and the wall-clock time. */
export type NextOpening = { inDays: number; time: string; weekday: Weekday };

export function nextOpening(hours: OpeningHours | undefined, at: Date): NextOpening | undefined {
  if (!hours || hours.kind === 'always') return undefined;
  const now = londonWallClock(at);
  for (let inDays = 0; inDays < 15; inDays++) {
    const date = shiftDate(now.date, inDays);
    const weekday = weekdayAfter(now.weekday, inDays);
    const candidates = hours.sessions
      .filter((s) => appliesOn(hours, s, date, weekday))
      .map((s) => s.opens.slice(0, 5))
      .filter((time) => inDays > 0 || minutesOf(time) > now.minutes)
      .sort();
    if (candidates.length > 0) return { inDays, time: candidates[0], weekday };
  }
  return undefined;
}

/** When the session open at `at` closes (wall-clock "HH:MM"), or undefined if closed or always open. */
export function closesAt(hours: OpeningHours | undefined, at: Date): string | undefined {
  if (!hours || hours.kind === 'always' || !isOpenAt(hours, at)) return undefined;
  const now = londonWallClock(at);
  const yesterday = shiftDate(now.date, -1);
  for (const s of hours.sessions) {
    const opens = minutesOf(s.opens);
    const overnight = crossesMidnight(s);
    const openToday = appliesOn(hours, s, now.date, now.weekday) && now.minutes >= opens && (overnight || now.minutes < closingMinutes(s));
    const fromYesterday = overnight && appliesOn(hours, s, yesterday, weekdayAfter(now.weekday, -1)) && now.minutes < minutesOf(s.closes);
    if (openToday || fromYesterday) return s.closes.slice(0, 5) === '23:59' ? '00:00' : s.closes.slice(0, 5);
  }
  return undefined;
}
