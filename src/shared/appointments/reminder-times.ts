// When each reminder falls due. Free of zod so the Today card can use it without loading the schema.
import type { Appointment } from './schema.ts';

/** The instant each reminder falls due, earliest first. */
export function reminderTimes(a: Pick<Appointment, 'startsAt' | 'reminders'>): { minutesBefore: number; at: number }[] {
  const start = Date.parse(a.startsAt);
  return [...a.reminders].sort((x, y) => y - x).map((m) => ({ minutesBefore: m, at: start - m * 60000 }));
}
