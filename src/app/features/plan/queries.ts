// Reading "My plan" from the phone's own database: the only place the plan's screens get goals from.
import { useLiveQuery } from 'dexie-react-hooks';

import { dayOf, type Goal, stepsDueOn } from '../../../shared/plan/goals.ts';
import type { StepSuggestion } from '../../../shared/plan/schema.ts';
import { db } from '../../data/db.ts';
import { META } from '../../data/meta.ts';

/** Goals being worked on first (oldest first, as they were made), then those on hold. */
function sortGoals(goals: Goal[]): Goal[] {
  return [...goals].sort((a, b) => Number(a.onHold) - Number(b.onHold) || a.createdAt.localeCompare(b.createdAt));
}

/** @internal exported for its tests (knip --production) */
export async function allGoals(): Promise<Goal[]> {
  return sortGoals(await db.goals.toArray());
}

export async function goalById(id: string): Promise<Goal | undefined> {
  return db.goals.get(id);
}

/** Next steps dated today, for the quiet line on Today. */
export function useStepsDueToday(now = new Date()): ReturnType<typeof stepsDueOn> | undefined {
  const day = dayOf(now);
  return useLiveQuery(async () => stepsDueOn(await db.goals.toArray(), day), [day]);
}

/** Steps the PA suggested on one of their shared goals that they have not answered yet. */
async function waitingSuggestions(): Promise<StepSuggestion[]> {
  const all = ((await db.meta.get(META.planSuggestions))?.value as StepSuggestion[] | undefined) ?? [];
  const answered = new Set(((await db.meta.get(META.planSuggestionsAnswered))?.value as string[] | undefined) ?? []);
  return all.filter((s) => !answered.has(s.id));
}

export type Plan = { goals: Goal[]; suggestions: StepSuggestion[] };

/**
 * The goals and the suggestions still waiting, live, read together in one transaction: a step added from a
 * suggestion replaces it in the same frame, never both on screen (nor neither). Undefined while the database answers.
 */
export function usePlan(): Plan | undefined {
  return useLiveQuery(readPlan, []);
}

/** @internal exported for its tests (knip --production) */
export function readPlan(): Promise<Plan> {
  return db.transaction('r', db.goals, db.meta, async () => ({ goals: await allGoals(), suggestions: await waitingSuggestions() }));
}
