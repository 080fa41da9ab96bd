// The five moods (faces drawn in MoodFace.tsx). Kept free of zod so the first screen stays small.
export const MOOD_VALUES = [1, 2, 3, 4, 5] as const;
export type MoodValue = (typeof MOOD_VALUES)[number];
