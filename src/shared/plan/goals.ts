// "My plan": a few goals in the young person's own words, each with the next small step. No zod here, so the first
// screen (the quiet "Today: …" line) can use it and stay small; the server's checks are in schema.ts.
import type { LifeArea } from '../checkinOptions.ts';

/** A handful, not a form: more than this and a plan stops being theirs to hold in their head. */
export const GOALS_MAX = 6;
export const GOAL_TEXT_MAX = 120;
export const STEP_TEXT_MAX = 160;
/** Steps done are kept (the PA sees them); a goal with this many is long-lived enough. */
export const STEPS_MAX = 60;

export type GoalStep = {
  id: string;
  text: string;
  /** A day, not a time ("Friday"): YYYY-MM-DD in the young person's own calendar. */
  due?: string;
  doneAt?: string;
  /** Suggested by their PA and accepted (edited or not) by them. */
  fromPa?: boolean;
};

export type Goal = {
  id: string;
  text: string;
  area: LifeArea;
  onHold: boolean;
  steps: GoalStep[];
  /** Private unless they share it, goal by goal. */
  sharedWithPa: boolean;
  createdAt: string;
  updatedAt: string;
};

/** Starting points from what the Leaving Well study says matters; each prefills a goal they then edit. */
export const GOAL_STARTERS = [
  { key: 'home', area: 'home' },
  { key: 'money', area: 'money' },
  { key: 'work', area: 'work' },
  { key: 'health', area: 'health' },
  { key: 'people', area: 'people' },
  { key: 'immigration', area: 'immigration' },
] as const satisfies readonly { key: string; area: LifeArea }[];
export type GoalStarter = (typeof GOAL_STARTERS)[number]['key'];

/** The step they are working on: the first not done. */
export function nextStepOf(goal: Pick<Goal, 'steps'>): GoalStep | undefined {
  return goal.steps.find((s) => !s.doneAt);
}

/** "2026-12-03" for `at` in the phone's own time zone. */
export function dayOf(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** Next steps whose day is `day`, on goals not on hold: the quiet line on Today. */
export function stepsDueOn(goals: readonly Goal[], day: string): { goal: Goal; step: GoalStep }[] {
  return goals.flatMap((goal) => {
    const step = nextStepOf(goal);
    return !goal.onHold && step?.due === day ? [{ goal, step }] : [];
  });
}
