// The answers a check-in offers, without zod, so the app's first screen can use them and stay small.
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

export const NOTE_MAX = 2000;
