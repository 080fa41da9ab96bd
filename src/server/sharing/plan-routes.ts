// My plan on the server beyond sync: a manager's anonymous figures, and steps a PA suggests on a goal a young person
// shared from their plan (suggestions.ts). The PA writes one; the phone reads them and, once the young person has
// added the step (as it is or changed) or let it go, deletes it.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

import { suggestStepSchema } from '../../shared/plan/schema.ts';
import { deviceOf, requireDevice } from '../auth/device.ts';
import { ApiError, validate } from '../http/errors.ts';
import { idParams, notConnectedToYou, personParams } from '../http/params.ts';
import { monthsQuery, noQuery } from '../http/query.ts';
import { audit } from './accounts.ts';
import { linkOf } from './pa-day.ts';
import { planFiguresForCouncil } from './plan-figures.ts';
import { requireStaff, staffOf } from './sessions.ts';
import { answerSuggestion, SUGGESTIONS_PER_GOAL_MAX, suggestStep, waitingSuggestions } from './suggestions.ts';

const goalParams = z.strictObject({ personId: z.uuid(), goalId: z.uuid() });

export async function planSuggestionsRoutes(app: FastifyInstance): Promise<void> {
  const db = app.store.db;
  const pa = { onRequest: requireStaff('pa') };
  const device = { onRequest: requireDevice };

  app.get('/pa/people/:personId/suggestions', pa, async (request) => {
    validate(noQuery, request.query);
    const { personId } = validate(personParams, request.params);
    const staff = staffOf(request);
    if (!(await linkOf(db, personId, staff.id))) throw notConnectedToYou('this goal');
    return { suggestions: await waitingSuggestions(db, personId, staff.id) };
  });

  app.post('/pa/people/:personId/goals/:goalId/suggestions', pa, async (request, reply) => {
    const { personId, goalId } = validate(goalParams, request.params);
    const step = validate(suggestStepSchema, request.body);
    const staff = staffOf(request);
    const suggestion = await suggestStep(db, staff.id, personId, goalId, step);
    if (suggestion === 'not-shared') throw notConnectedToYou('this goal');
    if (suggestion === 'too-many') {
      throw new ApiError(409, { error: 'too-many-suggestions', message: `They already have ${SUGGESTIONS_PER_GOAL_MAX} suggestions waiting on this goal.` });
    }
    await audit(db, staff.id, 'suggest-step', personId);
    return reply.status(201).send(suggestion);
  });

  app.get('/my-pa/suggestions', device, async (request) => {
    validate(noQuery, request.query);
    return { suggestions: await waitingSuggestions(db, deviceOf(request).personId) };
  });

  // Added or let go: either way it has been answered, and the PA's page stops showing it as waiting.
  app.delete('/my-pa/suggestions/:id', device, async (request) => {
    const { id } = validate(idParams, request.params);
    if (!(await answerSuggestion(db, deviceOf(request).personId, id))) throw new ApiError(404, { error: 'not-found', message: 'This suggestion is not there any more.' });
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
