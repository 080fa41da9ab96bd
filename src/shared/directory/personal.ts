// The young person's own directory data: saved places (favourites) and their safety plan. Both are backed up like
// every other record they own (so recovery brings them back), and never shared with a PA. Zod-free, so the screens
// that use these load no schema code; the schemas the server checks are in personal-schemas.ts.

export const SAFETY_PLAN_STEPS = [
  'warningSigns', 'onMyOwn', 'distractions', 'askForHelp', 'professionals', 'saferSpace', 'keepsMeGoing',
] as const;
export type SafetyPlanStep = (typeof SAFETY_PLAN_STEPS)[number];

export const SAFETY_PLAN_STEP_MAX = 2000;

/** A saved place: its own random id (record ids are unique across everyone), pointing at a directory service. */
export type Favourite = { id: string; serviceId: string; savedAt: string };

/** One plan per person (the newest wins if two phones made one); each step is free text in their own words. */
export type SafetyPlan = { id: string; updatedAt: string } & Partial<Record<SafetyPlanStep, string>>;
