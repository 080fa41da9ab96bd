// An appointment a young person keeps on their phone (and syncs like a check-in). Private by default.
import { z } from 'zod';

import { safeText } from '../text.ts';

export const TITLE_MAX = 200;
export const PLACE_MAX = 500;
export const NOTES_MAX = 2000;
export const MAX_REMINDERS = 6;
/** Reminders further ahead than four weeks are not reminders any more. */
export const REMINDER_MAX_MINUTES = 28 * 24 * 60;
/** The choices offered first: a day before and two hours before. */
export const DEFAULT_REMINDERS = [24 * 60, 2 * 60] as const;

/** A reminder notification's words in the person's language, sent from the phone when they turn reminders on. */
export const notificationWordsSchema = z.strictObject({ comingUp: z.string().trim().min(1).max(120), open: z.string().trim().max(200) });
export type NotificationWords = z.infer<typeof notificationWordsSchema>;

const APPOINTMENT_STATUSES = ['planned', 'cancelled'] as const;
const APPOINTMENT_OUTCOMES = ['went', 'couldnt-go'] as const;
export type AppointmentOutcome = (typeof APPOINTMENT_OUTCOMES)[number];

const isoDateTime = z.iso.datetime({ offset: true, message: 'Must be a real date and time, e.g. 2026-03-29T10:00:00+01:00' });

/** Kinds of travel help a young person can tick on an appointment and ask their PA about. */
export const TRAVEL_HELP = ['fare', 'taxi', 'someoneToGoWith'] as const;
export type TravelHelpChoice = (typeof TRAVEL_HELP)[number];
/** Nothing ticked: a new appointment's travel help. */
export const NO_TRAVEL_HELP: Record<TravelHelpChoice, boolean> = { fare: false, taxi: false, someoneToGoWith: false };

const travelHelpSchema = z.strictObject({
  fare: z.boolean().default(false),
  taxi: z.boolean().default(false),
  someoneToGoWith: z.boolean().default(false),
});

export const appointmentSchema = z
  .strictObject({
    id: z.uuid(),
    title: safeText().trim().min(1, 'Say what the appointment is').max(TITLE_MAX, `Keep the title under ${TITLE_MAX} characters`),
    /** When it starts: an exact instant, written with the Europe/London offset it was entered in. */
    startsAt: isoDateTime,
    endsAt: isoDateTime.optional(),
    place: safeText().max(PLACE_MAX, `Keep the place under ${PLACE_MAX} characters`).default(''),
    /** Copied from the directory when they pick a service, so it still shows if the service changes or goes. */
    serviceId: z.string().min(1).max(200).optional(),
    serviceName: z.string().max(300).optional(),
    servicePhone: z.string().max(40).optional(),
    notes: safeText().max(NOTES_MAX, `Notes can be up to ${NOTES_MAX} characters`).default(''),
    /** Minutes before the start; each must be before the appointment, so at least 1. */
    reminders: z
      .array(
        z.int('A reminder is a whole number of minutes before')
          .min(1, 'A reminder must come before the appointment')
          .max(REMINDER_MAX_MINUTES, 'A reminder can be at most four weeks before'),
      )
      .max(MAX_REMINDERS, `Choose at most ${MAX_REMINDERS} reminders`)
      .default([...DEFAULT_REMINDERS]),
    status: z.enum(APPOINTMENT_STATUSES).default('planned'),
    outcome: z.enum(APPOINTMENT_OUTCOMES).optional(),
    travelHelp: travelHelpSchema.default({ ...NO_TRAVEL_HELP }),
    /** Off by default: a lock-screen notification then says only "You have something coming up". */
    showDetailsInNotification: z.boolean().default(false),
    updatedAt: isoDateTime,
  })
  .superRefine((a, ctx) => {
    if (a.endsAt !== undefined && Date.parse(a.endsAt) <= Date.parse(a.startsAt)) {
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'The end must be after the start' });
    }
    if (new Set(a.reminders).size !== a.reminders.length) {
      ctx.addIssue({ code: 'custom', path: ['reminders'], message: 'Each reminder must be at a different time' });
    }
  });

export type Appointment = z.infer<typeof appointmentSchema>;
/** @internal exported for its tests (knip --production) */
export type AppointmentInput = z.input<typeof appointmentSchema>;

export { reminderTimes } from './reminder-times.ts';
