// My plan's data layer on a phone's own database: every change is saved with its outbox entry, and a plan stays a handful.
import { liveQuery } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { db } from '../../../src/app/data/db.ts';
import { setLockState } from '../../../src/app/data/lock/lockState.ts';
import { turnOnPin } from '../../../src/app/data/lock/pinLock.ts';
import { META } from '../../../src/app/data/meta.ts';
import { acceptSuggestion, addGoal, addStep, deleteGoal, putOnHold, shareGoal, tickStep } from '../../../src/app/features/plan/mutations.ts';
import { allGoals, type Plan, readPlan } from '../../../src/app/features/plan/queries.ts';
import { GOALS_MAX } from '../../../src/shared/plan/goals.ts';
import { goalSchema } from '../../../src/shared/plan/schema.ts';
import { freshPhone } from '../helpers/appTest.tsx';

beforeEach(() => freshPhone());
afterEach(() => setLockState({ mode: 'off' }));

describe('my plan on the phone', () => {
  it('saves a goal, its steps, on hold and sharing, each queued to back up as a valid record', async () => {
    const goal = (await addGoal({ text: '  Example: get my own flat ', area: 'home', step: { text: 'Example: ring the housing office', due: '2026-12-04' } }))!;
    expect(goal.text).toBe('Example: get my own flat');
    expect(goal.sharedWithPa).toBe(false);
    await tickStep(goal.id, goal.steps[0].id, new Date('2026-12-04T10:00:00Z'));
    await addStep(goal.id, { text: 'Example: fill in the form' });
    await putOnHold(goal.id, true);
    await shareGoal(goal.id, true);
    const [saved] = await allGoals();
    expect(saved.steps.map((s) => [s.text, s.doneAt ?? null])).toEqual([['Example: ring the housing office', '2026-12-04T10:00:00.000Z'], ['Example: fill in the form', null]]);
    expect([saved.onHold, saved.sharedWithPa]).toEqual([true, true]);
    const outbox = await db.outbox.toArray();
    expect(outbox.map((e) => [e.kind, e.op])).toEqual(Array(5).fill(['goal', 'put']));
    for (const entry of outbox) expect(goalSchema.safeParse(entry.record).success).toBe(true);

    await deleteGoal(goal.id);
    expect(await allGoals()).toEqual([]);
    expect((await db.outbox.toArray()).at(-1)).toMatchObject({ kind: 'goal', op: 'delete', id: goal.id });
  });

  it(`keeps a plan to a handful: no more than ${GOALS_MAX} goals, and an empty next step is not a step`, async () => {
    for (let i = 0; i < GOALS_MAX; i++) expect(await addGoal({ text: `Example goal ${i}`, area: 'work', step: { text: '  ' } })).not.toBeNull();
    expect(await addGoal({ text: 'Example one too many', area: 'work' })).toBeNull();
    const goals = await allGoals();
    expect(goals).toHaveLength(GOALS_MAX);
    expect(goals.every((g) => g.steps.length === 0)).toBe(true);
    expect(await addStep(goals[0].id, { text: '   ' })).toBeNull();
  });

  it('lists goals being worked on before those on hold', async () => {
    const first = (await addGoal({ text: 'Example first', area: 'home' }, new Date('2026-12-01T09:00:00Z')))!;
    await addGoal({ text: 'Example second', area: 'money' }, new Date('2026-12-02T09:00:00Z'));
    await putOnHold(first.id, true);
    expect((await allGoals()).map((g) => g.text)).toEqual(['Example second', 'Example first']);
  });

  it.each([['without a PIN', false], ['with a PIN (records sealed in the same transaction)', true]])('adds a suggested step as the suggestion goes: the plan never shows both, nor neither, %s', async (_, pin) => {
    if (pin) await turnOnPin('135790');
    const goal = (await addGoal({ text: 'Example: get my own flat', area: 'home' }))!;
    await shareGoal(goal.id, true);
    const suggestion = { id: 'example-suggestion', goalId: goal.id, text: 'Example: ring the housing office', at: '2026-12-03T10:00:00.000Z' };
    await db.meta.put({ key: META.planSuggestions, value: [suggestion] });
    const seen: Plan[] = [];
    const subscription = liveQuery(readPlan).subscribe((plan) => seen.push(plan));
    await expect.poll(() => seen.length).toBeGreaterThan(0);
    await acceptSuggestion(suggestion);
    await expect.poll(() => seen.at(-1)?.suggestions.length).toBe(0);
    subscription.unsubscribe();
    const states = seen.map((plan) => [plan.goals[0].steps.length, plan.suggestions.length]);
    // Every state the screen could draw: the suggestion waiting and no step, or the step and no suggestion.
    for (const state of states) expect([[0, 1], [1, 0]]).toContainEqual(state);
    expect(states.at(-1)).toEqual([1, 0]);
    expect((await allGoals())[0].steps[0]).toMatchObject({ text: 'Example: ring the housing office', fromPa: true });
    expect((await db.outbox.toArray()).at(-1)).toMatchObject({ kind: 'goal', op: 'put', record: { steps: [{ text: 'Example: ring the housing office' }] } });
  });
});
