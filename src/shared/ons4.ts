// The four ONS personal wellbeing questions (0–10) and the ONS bands for each answer.
import { z } from 'zod';

import { type LanguageCode, LANGUAGES } from './languages.ts';

// Items, bands and timing live in a zod-free module (ons4Bands.ts) so the first screen can use them without zod.

const score = z.int().min(0).max(10);
const isoDateTime = z.iso.datetime({ offset: true });

export const ons4Schema = z.strictObject({
  id: z.uuid(),
  at: isoDateTime,
  life: score,
  worthwhile: score,
  happy: score,
  anxious: score,
  sharedWithPa: z.boolean().default(false),
  updatedAt: isoDateTime,
  /** The language the questions were answered in: only English is the validated wording, so figures can say which. */
  language: z.enum(LANGUAGES.map((l) => l.code) as [LanguageCode, ...LanguageCode[]]).optional(),
});
export type Ons4 = z.infer<typeof ons4Schema>;

