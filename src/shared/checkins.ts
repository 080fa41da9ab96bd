// A quick wellbeing check-in: a mood face is the only required answer; everything else can be skipped.
import { z } from 'zod';

/** Five faces, 1 = awful … 5 = great. */
export const MOODS = [1, 2, 3, 4, 5] as const;
export type Mood = (typeof MOODS)[number];

/** Parts of life a young person can say are hard or going well (the study's "survival mode" list). */
export const LIFE_AREAS = ['home', 'money', 'food', 'health', 'people', 'work', 'immigration', 'safety'] as const;
export type LifeArea = (typeof LIFE_AREAS)[number];

/** Feeling words offered as chips; keys, translated in locales under `checkin.feelings.*`. */
export const FEELINGS = [
  'calm', 'hopeful', 'proud', 'grateful', 'tired', 'lonely',
  'worried', 'stressed', 'angry', 'sad', 'scared', 'numb',
] as const;
export type Feeling = (typeof FEELINGS)[number];

export const NOTE_MAX = 2000;

const isoDateTime = z.iso.datetime({ offset: true });

export const checkinSchema = z.strictObject({
  id: z.uuid(),
  /** When the check-in was made (ISO 8601 with offset). */
  at: isoDateTime,
  mood: z.union(MOODS.map((m) => z.literal(m)) as [z.ZodLiteral<1>, ...z.ZodLiteral<Mood>[]]),
  hard: z.array(z.enum(LIFE_AREAS)).max(LIFE_AREAS.length).default([]),
  good: z.array(z.enum(LIFE_AREAS)).max(LIFE_AREAS.length).default([]),
  feelings: z.array(z.enum(FEELINGS)).max(FEELINGS.length).default([]),
  note: z.string().max(NOTE_MAX).default(''),
  /** Chosen per item; off by default (the sharing issue uses it). */
  sharedWithPa: z.boolean().default(false),
  updatedAt: isoDateTime,
}).refine((c) => !c.hard.some((a) => c.good.includes(a)), {
  message: 'A part of life cannot be both hard and going well',
  path: ['good'],
});
export type Checkin = z.infer<typeof checkinSchema>;
