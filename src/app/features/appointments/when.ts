// How an appointment's time reads to a person, in their language: "today", "tomorrow", "in 3 days", "Tue 12 May, 14:00".
import { isoToLondonWallTime, LONDON } from '../../../shared/appointments/london-time.ts';
import { reminderTimes } from '../../../shared/appointments/reminder-times.ts';
import type { Appointment } from '../../../shared/appointments/schema.ts';
import { intlLocale } from '../../../shared/languages.ts';

/** Whole calendar days (in London) from `now` to the appointment: 0 today, 1 tomorrow, -1 yesterday. */
function daysFromToday(startsAt: string, now: Date): number {
  const day = (iso: string) => Date.parse(`${isoToLondonWallTime(iso).date}T00:00:00Z`);
  return Math.round((day(startsAt) - day(now.toISOString())) / 86_400_000);
}

/** Within a week either way, where "tomorrow" or "in 3 days" reads better than a date. */
export function isNearby(startsAt: string, now: Date): boolean {
  return Math.abs(daysFromToday(startsAt, now)) <= 6;
}

/** "today", "tomorrow", "in 3 days", "yesterday" … in the chosen language; beyond a week, the date itself. */
export function relativeDay(startsAt: string, now: Date, language: string): string {
  const days = daysFromToday(startsAt, now);
  if (!isNearby(startsAt, now)) return formatDate(startsAt, language);
  return new Intl.RelativeTimeFormat(language, { numeric: 'auto' }).format(days, 'day');
}

export function formatDate(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { timeZone: LONDON, weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(iso));
}

export function formatTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { timeZone: LONDON, hour: 'numeric', minute: '2-digit' }).format(new Date(iso));
}

export function isPast(a: Pick<Appointment, 'startsAt' | 'endsAt'>, now: Date): boolean {
  return Date.parse(a.endsAt ?? a.startsAt) < now.getTime();
}

/** Planned appointments whose reminder time has come but which have not started yet: shown when the app opens. */
export function dueReminders(appointments: Appointment[], now: Date): Appointment[] {
  const t = now.getTime();
  return appointments
    .filter((a) => a.status === 'planned' && Date.parse(a.startsAt) > t && reminderTimes(a).some((r) => r.at <= t))
    .sort((x, y) => Date.parse(x.startsAt) - Date.parse(y.startsAt));
}

/** The next planned appointment that has not finished yet. */
export function nextAppointment(appointments: Appointment[], now: Date): Appointment | undefined {
  return appointments
    .filter((a) => a.status === 'planned' && !isPast(a, now))
    .sort((x, y) => Date.parse(x.startsAt) - Date.parse(y.startsAt))[0];
}

/** Minutes → words via i18n plural keys: 1440 → "1 day before", 120 → "2 hours before". */
export function reminderParts(minutes: number): { key: 'days' | 'hours' | 'minutes'; count: number } {
  if (minutes % 1440 === 0) return { key: 'days', count: minutes / 1440 };
  if (minutes % 60 === 0) return { key: 'hours', count: minutes / 60 };
  return { key: 'minutes', count: minutes };
}

/** Intl locale for an app language, from the one languages table (British English for "en": "Tuesday 12 May"). */
export function localeOf(language: string): string {
  return intlLocale(language);
}
