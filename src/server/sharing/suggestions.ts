// Steps a PA suggests on a goal a young person shared from their plan. A suggestion shows only while its goal is
// still shared with that PA, so unsharing or disconnecting hides it at once.
import { randomUUID } from 'node:crypto';

import type { StepSuggestion } from '../../shared/plan/schema.ts';
import type { Db } from '../store/tables.ts';
import type { GoalSuggestionsTable } from './tables.ts';

/** Enough for a conversation, not a to-do list written for them. */
export const SUGGESTIONS_PER_GOAL_MAX = 3;

const toSuggestion = (row: GoalSuggestionsTable): StepSuggestion =>
  ({ id: row.id, goalId: row.goal_id, text: row.text, ...(row.due && { due: row.due }), at: row.created_at });

/** The person's waiting suggestions whose goal is still shared with the PA who made them. */
export async function waitingSuggestions(db: Db, personId: string, paId?: string): Promise<StepSuggestion[]> {
  let query = db.selectFrom('goal_suggestions').innerJoin('shares', (j) => j
    .onRef('shares.id', '=', 'goal_suggestions.goal_id').onRef('shares.pa_id', '=', 'goal_suggestions.pa_id').onRef('shares.person_id', '=', 'goal_suggestions.person_id'))
    .selectAll('goal_suggestions').where('goal_suggestions.person_id', '=', personId).where('shares.kind', '=', 'goal');
  if (paId) query = query.where('goal_suggestions.pa_id', '=', paId);
  const rows = await query.orderBy('goal_suggestions.created_at').execute();
  return rows.map(toSuggestion);
}

/** The PA's suggestion on a goal shared with them: 'not-shared' when it is not, 'too-many' when enough already wait. */
export async function suggestStep(db: Db, paId: string, personId: string, goalId: string, step: { text: string; due?: string }): Promise<StepSuggestion | 'not-shared' | 'too-many'> {
  const shared = await db.selectFrom('shares').select('id')
    .where('id', '=', goalId).where('person_id', '=', personId).where('pa_id', '=', paId).where('kind', '=', 'goal').executeTakeFirst();
  if (!shared) return 'not-shared';
  const waiting = (await waitingSuggestions(db, personId, paId)).filter((s) => s.goalId === goalId);
  if (waiting.length >= SUGGESTIONS_PER_GOAL_MAX) return 'too-many';
  const row: GoalSuggestionsTable = { id: randomUUID(), person_id: personId, pa_id: paId, goal_id: goalId, text: step.text, due: step.due ?? null, created_at: new Date().toISOString() };
  await db.insertInto('goal_suggestions').values(row).execute();
  return toSuggestion(row);
}

/** Added or let go by the young person: false when it is not theirs or already gone. */
export async function answerSuggestion(db: Db, personId: string, id: string): Promise<boolean> {
  return !!(await db.deleteFrom('goal_suggestions').where('id', '=', id).where('person_id', '=', personId).returning('id').executeTakeFirst());
}
