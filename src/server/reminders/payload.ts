// What a reminder notification says. By default nothing personal: "You have something coming up".
import type { Appointment, NotificationWords } from '../../shared/appointments/schema.ts';
import { intlLocale } from '../../shared/languages.ts';

export type ReminderPayload = { title: string; body: string; url: string; tag: string };

export function reminderPayload(a: Appointment, words: NotificationWords, language: string): ReminderPayload {
  const base = { url: `/appointments/${a.id}`, tag: `reminder-${a.id}` };
  if (!a.showDetailsInNotification) return { ...base, title: words.comingUp, body: words.open };
  // The languages table gives the Intl locale (unknown codes read as British English).
  const time = new Intl.DateTimeFormat(intlLocale(language), { timeZone: 'Europe/London', weekday: 'short', hour: 'numeric', minute: '2-digit' }).format(new Date(a.startsAt));
  const where = a.serviceName || a.place;
  return { ...base, title: a.title, body: where ? `${time} · ${where}` : time };
}
