// Changing "My plan": every change saves the whole goal through saveRecord, so it is on the phone at once and queued
// to back up (and, if the goal is shared, to update the PA's copy) in the same transaction.
import type { LifeArea } from '../../../shared/checkinOptions.ts';
import { type Goal, GOAL_TEXT_MAX, GOALS_MAX, type GoalStep, STEP_TEXT_MAX, STEPS_MAX } from '../../../shared/plan/goals.ts';
import type { StepSuggestion } from '../../../shared/plan/schema.ts';
import { db } from '../../data/db.ts';
import { META } from '../../data/meta.ts';
import { deleteRecord, saveRecord } from '../../data/records.ts';
import { callAsThisPhone } from '../../sync/callAsThisPhone.ts';
import { goalById } from './queries.ts';

export type StepInput = { text: string; due?: string; fromPa?: boolean };

function stepOf(input: StepInput): GoalStep {
  return {
    id: crypto.randomUUID(),
    text: input.text.trim().slice(0, STEP_TEXT_MAX),
    ...(input.due && { due: input.due }),
    ...(input.fromPa && { fromPa: true }),
  };
}

async function change(id: string, edit: (goal: Goal) => Goal | null): Promise<Goal | null> {
  const goal = await goalById(id);
  if (!goal) return null;
  const next = edit(goal);
  if (!next) return null;
  const saved = { ...next, updatedAt: new Date().toISOString() };
  await saveRecord('goal', saved);
  return saved;
}

/** A new goal (with its first step, if they gave one); null when they already have GOALS_MAX. */
export async function addGoal(input: { text: string; area: LifeArea; step?: StepInput }, now = new Date()): Promise<Goal | null> {
  if ((await db.goals.count()) >= GOALS_MAX) return null;
  const at = now.toISOString();
  const goal: Goal = {
    id: crypto.randomUUID(),
    text: input.text.trim().slice(0, GOAL_TEXT_MAX),
    area: input.area,
    onHold: false,
    steps: input.step && input.step.text.trim() ? [stepOf(input.step)] : [],
    sharedWithPa: false,
    createdAt: at,
    updatedAt: at,
  };
  await saveRecord('goal', goal);
  return goal;
}

export function editGoal(id: string, words: { text: string; area: LifeArea }) {
  return change(id, (g) => ({ ...g, text: words.text.trim().slice(0, GOAL_TEXT_MAX), area: words.area }));
}

/** The next step after the ones already there (done steps are kept: they are what they have achieved). */
export function addStep(goalId: string, input: StepInput) {
  return change(goalId, (g) => (input.text.trim() && g.steps.length < STEPS_MAX ? { ...g, steps: [...g.steps, stepOf(input)] } : null));
}

export function tickStep(goalId: string, stepId: string, now = new Date()) {
  return change(goalId, (g) => ({ ...g, steps: g.steps.map((s) => (s.id === stepId ? { ...s, doneAt: now.toISOString() } : s)) }));
}

export function putOnHold(goalId: string, onHold: boolean) {
  return change(goalId, (g) => ({ ...g, onHold }));
}

/** Sharing is the goal's own flag: the outbox carries it, and the server keeps the PA's copy in step. */
export function shareGoal(goalId: string, shared: boolean) {
  return change(goalId, (g) => ({ ...g, sharedWithPa: shared }));
}

export function deleteGoal(goalId: string): Promise<void> {
  return deleteRecord('goal', goalId);
}

async function answeredIds(): Promise<string[]> {
  return ((await db.meta.get(META.planSuggestionsAnswered))?.value as string[] | undefined) ?? [];
}

/** Tells the server which suggestions were answered (added or let go), then fetches those still waiting. Offline: keeps what it had. */
export async function refreshSuggestions(): Promise<void> {
  try {
    const answered = await answeredIds();
    for (const id of answered) await callAsThisPhone('DELETE', `/my-pa/suggestions/${id}`, undefined, 'if-known').catch((error: unknown) => {
      if ((error as { status?: number }).status !== 404) throw error;
    });
    const { suggestions } = await callAsThisPhone<{ suggestions: StepSuggestion[] }>('GET', '/my-pa/suggestions', undefined, 'if-known');
    await db.meta.bulkPut([{ key: META.planSuggestions, value: suggestions }, { key: META.planSuggestionsAnswered, value: (await answeredIds()).filter((id) => !answered.includes(id)) }]);
  } catch {
    // No signal or no PA: the suggestions already on the phone stay, and answers wait for the next try.
  }
}

/** Adds the PA's suggested step (as it is, or as they changed it) to the goal. */
export async function acceptSuggestion(suggestion: StepSuggestion, step: StepInput = suggestion): Promise<void> {
  // One transaction: the step appears as the suggestion goes (the plan screen reads both at once), and if the phone
  // dies in between, neither happened and the suggestion is still there to add.
  await db.transaction('rw', db.goals, db.outbox, db.meta, async () => {
    await addStep(suggestion.goalId, { text: step.text, due: step.due, fromPa: true });
    await markAnswered(suggestion.id);
  });
  void refreshSuggestions();
}

/** Lets a suggestion go: nothing is added, and the PA's page stops showing it as waiting. */
export async function ignoreSuggestion(suggestion: StepSuggestion): Promise<void> {
  await markAnswered(suggestion.id);
  void refreshSuggestions();
}

async function markAnswered(id: string): Promise<void> {
  await db.meta.put({ key: META.planSuggestionsAnswered, value: [...new Set([...(await answeredIds()), id])] });
}
