// A quick wellbeing check-in: a mood face is the only required answer; everything else can be skipped.
import { z } from 'zod';

// The options live in a zod-free module so the first screen can import them without zod.
import { FEELINGS, LIFE_AREAS, MOODS, NOTE_MAX } from './checkinOptions.ts';
import { safeText } from './text.ts';

const isoDateTime = z.iso.datetime({ offset: true });

export const checkinSchema = z.strictObject({
  id: z.uuid(),
  /** When the check-in was made (ISO 8601 with offset). */
  at: isoDateTime,
  mood: z.literal(MOODS),
  hard: z.array(z.enum(LIFE_AREAS)).max(LIFE_AREAS.length).default([]),
  good: z.array(z.enum(LIFE_AREAS)).max(LIFE_AREAS.length).default([]),
  feelings: z.array(z.enum(FEELINGS)).max(FEELINGS.length).default([]),
  note: safeText().max(NOTE_MAX).default(''),
  /** Chosen per item; off by default (the sharing issue uses it). */
  sharedWithPa: z.boolean().default(false),
  /** When shared, whether the note goes too; off unless ticked (the note is the most private part). */
  shareNote: z.boolean().optional(),
  updatedAt: isoDateTime,
}).refine((c) => !c.hard.some((a) => c.good.includes(a)), {
  message: 'A part of life cannot be both hard and going well',
  path: ['good'],
});
export type Checkin = z.infer<typeof checkinSchema>;
