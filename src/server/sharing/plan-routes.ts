// My plan on the server beyond sync: a manager's anonymous figures, and steps a PA suggests on a goal a young person shared from their plan. The PA writes one; the phone reads them and,
// once the young person has added the step (as it is or changed) or let it go, deletes it. A suggestion shows only
// while its goal is still shared with that PA, so unsharing or disconnecting hides it at once.
import { randomUUID } from 'node:crypto';

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

import { type StepSuggestion, suggestStepSchema } from '../../shared/plan/schema.ts';
import { deviceOf, requireDevice } from '../auth/device.ts';
import { ApiError, validate } from '../http/errors.ts';
import { monthsQuery, noQuery } from '../http/query.ts';
import type { Db } from '../store/tables.ts';
import { audit } from './accounts.ts';
import { planFiguresForCouncil } from './plan-figures.ts';
import { requireStaff, staffOf } from './sessions.ts';
import { type GoalSuggestionsTable } from './tables.ts';

const personParams = z.strictObject({ personId: z.uuid() });
const goalParams = z.strictObject({ personId: z.uuid(), goalId: z.uuid() });
const suggestionParams = z.strictObject({ id: z.uuid() });
/** Enough for a conversation, not a to-do list written for them. */
const SUGGESTIONS_PER_GOAL_MAX = 3;

const notFound = () => new ApiError(404, { error: 'not-found', message: 'Nothing here: this young person is not connected to you, or stopped sharing this goal.' });

const toSuggestion = (row: GoalSuggestionsTable): StepSuggestion =>
  ({ id: row.id, goalId: row.goal_id, text: row.text, ...(row.due && { due: row.due }), at: row.created_at });

/** The person's waiting suggestions whose goal is still shared with the PA who made them. */
async function waitingSuggestions(db: Db, personId: string, paId?: string): Promise<StepSuggestion[]> {
  let query = db.selectFrom('goal_suggestions').innerJoin('shares', (j) => j
    .onRef('shares.id', '=', 'goal_suggestions.goal_id').onRef('shares.pa_id', '=', 'goal_suggestions.pa_id').onRef('shares.person_id', '=', 'goal_suggestions.person_id'))
    .selectAll('goal_suggestions').where('goal_suggestions.person_id', '=', personId).where('shares.kind', '=', 'goal');
  if (paId) query = query.where('goal_suggestions.pa_id', '=', paId);
  const rows = await query.orderBy('goal_suggestions.created_at').execute();
  return rows.map(toSuggestion);
}

export async function planSuggestionsRoutes(app: FastifyInstance): Promise<void> {
  const db = app.store.db;
  const pa = { onRequest: requireStaff('pa') };
  const device = { onRequest: requireDevice };

  app.get('/pa/people/:personId/suggestions', pa, async (request) => {
    validate(noQuery, request.query);
    const { personId } = validate(personParams, request.params);
    const staff = staffOf(request);
    const link = await db.selectFrom('pa_links').select('person_id').where('person_id', '=', personId).where('pa_id', '=', staff.id).executeTakeFirst();
    if (!link) throw notFound();
    return { suggestions: await waitingSuggestions(db, personId, staff.id) };
  });

  app.post('/pa/people/:personId/goals/:goalId/suggestions', pa, async (request, reply) => {
    const { personId, goalId } = validate(goalParams, request.params);
    const { text, due } = validate(suggestStepSchema, request.body);
    const staff = staffOf(request);
    const shared = await db.selectFrom('shares').select('id')
      .where('id', '=', goalId).where('person_id', '=', personId).where('pa_id', '=', staff.id).where('kind', '=', 'goal').executeTakeFirst();
    if (!shared) throw notFound();
    const waiting = (await waitingSuggestions(db, personId, staff.id)).filter((s) => s.goalId === goalId);
    if (waiting.length >= SUGGESTIONS_PER_GOAL_MAX) {
      throw new ApiError(409, { error: 'too-many-suggestions', message: `They already have ${SUGGESTIONS_PER_GOAL_MAX} suggestions waiting on this goal.` });
    }
    const row: GoalSuggestionsTable = { id: randomUUID(), person_id: personId, pa_id: staff.id, goal_id: goalId, text, due: due ?? null, created_at: new Date().toISOString() };
    await db.insertInto('goal_suggestions').values(row).execute();
    await audit(db, staff.id, 'suggest-step', personId);
    return reply.status(201).send(toSuggestion(row));
  });

  app.get('/my-pa/suggestions', device, async (request) => {
    validate(noQuery, request.query);
    return { suggestions: await waitingSuggestions(db, deviceOf(request).personId) };
  });

  // Added or let go: either way it has been answered, and the PA's page stops showing it as waiting.
  app.delete('/my-pa/suggestions/:id', device, async (request) => {
    const { id } = validate(suggestionParams, request.params);
    const gone = await db.deleteFrom('goal_suggestions').where('id', '=', id).where('person_id', '=', deviceOf(request).personId).returning('id').executeTakeFirst();
    if (!gone) throw new ApiError(404, { error: 'not-found', message: 'This suggestion is not there any more.' });
    return { ok: true };
  });
}


/** A manager's anonymous My plan figures for their own council (same rules as /manager/figures). */
export async function planFiguresRoutes(app: FastifyInstance): Promise<void> {
  const db = app.store.db;
  app.get('/manager/plan-figures', { onRequest: requireStaff('manager') }, async (request) => {
    const { months } = validate(monthsQuery, request.query);
    const staff = staffOf(request);
    return { council: staff.council, ...(await planFiguresForCouncil(db, staff.council, months)) };
  });
}
