// What the young person's phone and the PA page send about sharing, checked the same way on both sides.
import { z } from 'zod';

import { TRAVEL_HELP } from '../appointments/schema.ts';
import { checkinSchema } from '../checkins.ts';
import { type LanguageCode, LANGUAGES } from '../languages.ts';
import { ons4Schema } from '../ons4.ts';
import { normaliseCode, READABLE_ALPHABET } from '../readableCode.ts';
import { safeText } from '../text.ts';

/**
 * One-tap requests a young person can send their PA. "call-me" is the most urgent and sorts first.
 * "step-help" ("Can you help me with this step?") comes from a step of their plan, with the step's words as `about`.
 * @internal exported for its tests (knip --production)
 */
export const PA_REQUESTS = ['call-me', 'travel-help', 'missed-appointment', 'cant-make-it', 'step-help'] as const;
export type PaRequest = (typeof PA_REQUESTS)[number];

export const REPLY_MAX = 500;
export const NAME_MAX = 40;

/** @internal exported for its tests (knip --production) */
export const pairingCodeSchema = z
  .string()
  .trim()
  .max(20)
  .refine((c) => new RegExp(`^[${READABLE_ALPHABET}]{6}$`).test(normaliseCode(c)), 'Enter the 6 letters and numbers your PA gave you, like 7KQ-49X');

export const connectSchema = z.strictObject({
  code: pairingCodeSchema,
  /** What the PA will call them on their page; optional, never their full name. */
  name: safeText().trim().max(NAME_MAX).default(''),
  /** Their app's language, sent only when they agree, so the PA can arrange an interpreter. */
  language: z.enum(LANGUAGES.map((l) => l.code) as [LanguageCode, ...LanguageCode[]]).optional(),
});


/** Title and time only: what the PA needs to know which appointment, nothing more (no place, no notes). */
const requestAppointmentSchema = z.strictObject({
  id: z.uuid(),
  title: safeText().trim().min(1).max(200),
  startsAt: z.iso.datetime({ offset: true }),
});

/**
 * A request to the PA as the phone keeps and syncs it (kind `paRequest`): it rides the one outbox, and the server
 * copies it to the PA when the push carrying it is saved. `about`, `appointment`, `travelHelp` as in shareSchema.
 */
export const paRequestSchema = z.strictObject({
  id: z.uuid(),
  request: z.enum(PA_REQUESTS),
  about: z.string().trim().max(120).default(''),
  at: z.iso.datetime({ offset: true }),
  appointment: requestAppointmentSchema.optional(),
  travelHelp: z.array(z.enum(TRAVEL_HELP)).max(TRAVEL_HELP.length).refine((l) => new Set(l).size === l.length, 'Each kind of help can appear only once').optional(),
  updatedAt: z.iso.datetime({ offset: true }),
}).refine((r) => r.appointment === undefined || r.request !== 'call-me', { message: 'Only appointment requests are about an appointment', path: ['appointment'] })
  .refine((r) => r.travelHelp === undefined || r.request === 'travel-help', { message: 'Travel choices go only with a travel request', path: ['travelHelp'] });
export type PaRequestRecord = z.infer<typeof paRequestSchema>;

export const shareSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('checkin'), record: checkinSchema }),
  z.strictObject({ kind: z.literal('ons4'), record: ons4Schema }),
  z.strictObject({
    kind: z.literal('request'),
    id: z.uuid(),
    request: z.enum(PA_REQUESTS),
    /** e.g. the appointment title, so the PA knows which one; short on purpose. */
    about: safeText().trim().max(120).default(''),
    at: z.iso.datetime({ offset: true }),
    /** The young person's own copy of which appointment it is about; the server never reads their appointments for this. */
    appointment: requestAppointmentSchema.optional(),
    /** For "help with travel": which help they ticked on the appointment. */
    travelHelp: z.array(z.enum(TRAVEL_HELP)).max(TRAVEL_HELP.length).refine((l) => new Set(l).size === l.length, 'Each kind of help can appear only once').optional(),
  }).refine((r) => r.appointment === undefined || r.request !== 'call-me', { message: 'Only travel and missed-appointment requests are about an appointment', path: ['appointment'] })
    .refine((r) => r.travelHelp === undefined || r.request === 'travel-help', { message: 'Travel choices go only with a travel request', path: ['travelHelp'] }),
]);

export const monitoringSchema = z.strictObject({ optIn: z.boolean() });

export const seenSchema = z.strictObject({ reply: safeText().trim().max(REPLY_MAX).default('') });

/** Mark several items seen at once (a run of the same request), or, with no ids, everything the person shared. */
export const seenManySchema = z.strictObject({ ids: z.array(z.uuid()).min(1).max(1000).optional() });

/** One message in an item's short thread: the PA's reply, the young person's answer, and so on. */
export const messageSchema = z.strictObject({ text: safeText().trim().min(1, 'Write a message').max(REPLY_MAX) });

/** What the PA can log about contact: that it happened and when, never what was said. */
export const CONTACT_KINDS = ['called', 'texted', 'met', 'no-answer'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];
export const contactSchema = z.strictObject({
  kind: z.enum(CONTACT_KINDS),
  at: z.iso.datetime({ offset: true }).refine((at) => Date.parse(at) <= Date.now() + 10 * 60_000, 'The time cannot be in the future'),
});
export type ContactEntry = { id: string; kind: ContactKind; at: string };

const day = z.iso.date();
/** A manager asks another PA of the same council to cover a PA's caseload, `from` and `to` both included (UK days). */
export const coverSchema = z.strictObject({ paId: z.uuid(), coverPaId: z.uuid(), from: day, to: day })
  .refine((c) => c.paId !== c.coverPaId, { message: 'Choose someone else to cover', path: ['coverPaId'] })
  .refine((c) => c.from <= c.to, { message: 'The last day must not be before the first', path: ['to'] });
export type Cover = { id: string; paId: string; paName: string; coverPaId: string; coverPaName: string; from: string; to: string };

/** Today's date in England, YYYY-MM-DD (cover runs by UK days). */
export function ukDay(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** How the young person would like to be contacted, if they choose to share it (never required). */
export const CONTACT_PREFERENCES = ['call', 'text', 'either'] as const;
const sharedContactSchema = z.strictObject({
  phone: z.string().trim().regex(/^\+?[0-9 ()-]{7,20}$/, 'Use digits, spaces and an optional + only, like 07700 900123'),
  prefer: z.enum(CONTACT_PREFERENCES),
});
export type SharedContact = z.infer<typeof sharedContactSchema>;
/** Share (or, with null, stop sharing) a phone number and preferred way to be contacted. */
export const myContactSchema = z.strictObject({ contact: sharedContactSchema.nullable() });

/** The PA's own label for a young person (e.g. to tell two people called Sam apart); empty clears it. */
export const labelSchema = z.strictObject({ label: safeText().trim().max(NAME_MAX) });

export const loginSchema = z.strictObject({
  email: z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(200)),
  password: z.string().min(1).max(200),
});

export const PASSWORD_MIN = 12;
export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters`).max(200),
});

export const restoreSchema = z.strictObject({ code: z.string().trim().min(10).max(60) });

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time like 09:00');

/** Days are 1 = Monday … 7 = Sunday, times are Europe/London wall-clock. */
export const workingHoursSchema = z.strictObject({
  days: z
    .array(z.strictObject({ day: z.int().min(1).max(7), start: hhmm, end: hhmm }).refine((d) => d.start < d.end, { message: 'The end must be after the start', path: ['end'] }))
    .max(7)
    .refine((days) => new Set(days.map((d) => d.day)).size === days.length, 'Each day can appear only once'),
});
export type WorkingHours = z.infer<typeof workingHoursSchema>;

export const DEFAULT_WORKING_HOURS: WorkingHours = {
  days: [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '17:00' })),
};

/** A shared item as both the young person and the PA see it. `data` is the copy made when it was shared. */
export type SharedItem = {
  id: string;
  kind: 'checkin' | 'ons4' | 'request' | 'goal';
  sharedAt: string;
  seenAt: string | null;
  reply: string | null;
  data: Record<string, unknown>;
  /** After the first reply: the PA's and the young person's messages, oldest first. */
  thread?: ThreadMessage[];
};

export type ThreadMessage = { id: string; author: 'pa' | 'young-person'; text: string; at: string; seenAt?: string | null };

export type MyPaStatus =
  | { connected: false; monitoring: boolean }
  | { connected: true; monitoring: boolean; paName: string; workingHours: WorkingHours; shares: SharedItem[]; coveredBy?: { name: string; until: string } | null; contact?: SharedContact | null };

export type StaffRole = 'pa' | 'manager' | 'admin';
export type StaffUser = { id: string; email: string; name: string; role: StaffRole; council: string };
