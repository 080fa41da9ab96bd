// The young person's own directory data: favourites and their safety plan. Both stay on the phone only
// (never synced): they reveal what someone is going through, and the plan is theirs alone.

export type Favourite = { id: string; savedAt: string };

export const SAFETY_PLAN_STEPS = [
  'warningSigns', 'onMyOwn', 'distractions', 'askForHelp', 'professionals', 'saferSpace', 'keepsMeGoing',
] as const;
export type SafetyPlanStep = (typeof SAFETY_PLAN_STEPS)[number];

/** One plan per phone, id "mine"; each step is free text in the person's own words. */
export type SafetyPlan = { id: 'mine'; updatedAt: string } & Partial<Record<SafetyPlanStep, string>>;

export const SAFETY_PLAN_STEP_MAX = 2000;
