// The form's answers → an appointment record, or a list of problems the form shows beside each field.
// Kept apart from the screen so every rule is tested without a browser; the zod schema checks again before saving.
import { isoToLondonWallTime, londonWallTimeToIso } from '../../../shared/appointments/london-time.ts';
import {
  type Appointment, appointmentSchema, DEFAULT_REMINDERS, MAX_REMINDERS, NO_TRAVEL_HELP, NOTES_MAX, PLACE_MAX,
  REMINDER_MAX_MINUTES, TITLE_MAX,
} from '../../../shared/appointments/schema.ts';

export const OWN_REMINDER_UNITS = { minutes: 1, hours: 60, days: 24 * 60 } as const;
export type OwnReminderUnit = keyof typeof OWN_REMINDER_UNITS;

export type AppointmentDraft = {
  title: string;
  date: string;
  time: string;
  endTime: string;
  place: string;
  service?: { id: string; name: string; phone?: string };
  notes: string;
  presetReminders: number[];
  ownReminders: { amount: string; unit: OwnReminderUnit }[];
  travelHelp: { fare: boolean; taxi: boolean; someoneToGoWith: boolean };
  showDetailsInNotification: boolean;
};

export type DraftField = 'title' | 'date' | 'time' | 'endTime' | 'place' | 'notes' | 'reminders';
/** Each problem is an i18n key under appointments.problems, with values for its text. */
export type DraftProblem = { field: DraftField; key: string; values?: Record<string, number> };

export function emptyDraft(): AppointmentDraft {
  return {
    title: '', date: '', time: '', endTime: '', place: '', notes: '',
    presetReminders: [...DEFAULT_REMINDERS], ownReminders: [],
    travelHelp: { ...NO_TRAVEL_HELP },
    showDetailsInNotification: false,
  };
}

export function draftFromAppointment(a: Appointment): AppointmentDraft {
  const start = isoToLondonWallTime(a.startsAt);
  const presets = a.reminders.filter((m) => (DEFAULT_REMINDERS as readonly number[]).includes(m));
  return {
    title: a.title, date: start.date, time: start.time,
    endTime: a.endsAt ? isoToLondonWallTime(a.endsAt).time : '',
    place: a.place,
    service: a.serviceId ? { id: a.serviceId, name: a.serviceName ?? '', phone: a.servicePhone } : undefined,
    notes: a.notes,
    presetReminders: presets,
    ownReminders: a.reminders.filter((m) => !presets.includes(m)).map(ownReminderOf),
    travelHelp: { ...a.travelHelp },
    showDetailsInNotification: a.showDetailsInNotification,
  };
}

function ownReminderOf(minutes: number): AppointmentDraft['ownReminders'][number] {
  if (minutes % (24 * 60) === 0) return { amount: String(minutes / (24 * 60)), unit: 'days' };
  if (minutes % 60 === 0) return { amount: String(minutes / 60), unit: 'hours' };
  return { amount: String(minutes), unit: 'minutes' };
}

const DATE_PROBLEM = { 'bad-date': 'dateNotReal', 'bad-time': 'timeNotReal', 'clocks-go-forward': 'clocksGoForward' } as const;

export type DraftResult =
  | { ok: true; appointment: Appointment }
  | { ok: false; problems: DraftProblem[] };

/** Checks every answer and builds the record; `base` is the appointment being edited (keeps its id and outcome). */
export function appointmentFromDraft(d: AppointmentDraft, base: { id: string } & Partial<Appointment>, now: Date): DraftResult {
  const problems: DraftProblem[] = [];
  const title = d.title.trim();
  if (title === '') problems.push({ field: 'title', key: 'titleMissing' });
  else if (title.length > TITLE_MAX) problems.push({ field: 'title', key: 'titleTooLong', values: { max: TITLE_MAX } });

  let startsAt: string | undefined;
  if (d.date === '') problems.push({ field: 'date', key: 'dateMissing' });
  else if (d.time === '') problems.push({ field: 'time', key: 'timeMissing' });
  else {
    const r = londonWallTimeToIso({ date: d.date, time: d.time });
    if (r.ok) startsAt = r.iso;
    else problems.push({ field: r.reason === 'bad-date' ? 'date' : 'time', key: DATE_PROBLEM[r.reason] });
  }

  let endsAt: string | undefined;
  if (d.endTime !== '' && startsAt) {
    const r = londonWallTimeToIso({ date: d.date, time: d.endTime });
    if (!r.ok) problems.push({ field: 'endTime', key: DATE_PROBLEM[r.reason] });
    else if (Date.parse(r.iso) <= Date.parse(startsAt)) problems.push({ field: 'endTime', key: 'endBeforeStart' });
    else endsAt = r.iso;
  }

  if (d.place.length > PLACE_MAX) problems.push({ field: 'place', key: 'placeTooLong', values: { max: PLACE_MAX } });
  if (d.notes.length > NOTES_MAX) problems.push({ field: 'notes', key: 'notesTooLong', values: { max: NOTES_MAX, count: d.notes.length } });

  const reminders = new Set<number>(d.presetReminders);
  for (const own of d.ownReminders) {
    const amount = Number(own.amount.trim());
    if (own.amount.trim() === '' || !Number.isInteger(amount)) problems.push({ field: 'reminders', key: 'reminderNotNumber' });
    else if (amount <= 0) problems.push({ field: 'reminders', key: 'reminderAfterStart' });
    else if (amount * OWN_REMINDER_UNITS[own.unit] > REMINDER_MAX_MINUTES) problems.push({ field: 'reminders', key: 'reminderTooEarly' });
    else reminders.add(amount * OWN_REMINDER_UNITS[own.unit]);
  }
  if (reminders.size > MAX_REMINDERS) problems.push({ field: 'reminders', key: 'tooManyReminders', values: { max: MAX_REMINDERS } });

  if (problems.length > 0 || !startsAt) return { ok: false, problems };

  const parsed = appointmentSchema.safeParse({
    id: base.id,
    title,
    startsAt,
    ...(endsAt ? { endsAt } : {}),
    place: d.place.trim(),
    ...(d.service ? { serviceId: d.service.id, serviceName: d.service.name, ...(d.service.phone ? { servicePhone: d.service.phone } : {}) } : {}),
    notes: d.notes,
    reminders: [...reminders].sort((a, b) => b - a),
    status: base.status ?? 'planned',
    ...(base.outcome ? { outcome: base.outcome } : {}),
    travelHelp: d.travelHelp,
    showDetailsInNotification: d.showDetailsInNotification,
    updatedAt: now.toISOString(),
  });
  // The checks above mirror the schema; if they ever drift apart, refuse rather than save something wrong.
  if (!parsed.success) return { ok: false, problems: [{ field: 'title', key: 'somethingWrong' }] };
  return { ok: true, appointment: parsed.data };
}
