// The five faces. Kept free of zod so the first screen stays small.
export const MOOD_VALUES = [1, 2, 3, 4, 5] as const;
export type MoodValue = (typeof MOOD_VALUES)[number];

/** A face for each mood; decoration only, the word beside it carries the meaning. */
export const MOOD_FACES: Record<MoodValue, string> = { 1: '😣', 2: '😟', 3: '😐', 4: '🙂', 5: '😄' };
