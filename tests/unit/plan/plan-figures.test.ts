// A manager's My plan figures follow the same rules as the other figures: ≥ 10 people, bands of 5, no differencing.
import { describe, expect, it } from 'vitest';

import { planFigures, type PlanStepDone } from '../../../src/shared/plan/figures.ts';
import type { Releases } from '../../../src/shared/sharing/monitoring.ts';

const people = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `example-person-${from + i}`);
const stepsBy = (who: string[], area: PlanStepDone['area'], month = '2026-11', each = 1): PlanStepDone[] =>
  who.flatMap((personId) => Array.from({ length: each }, () => ({ personId, month, area })));

describe('My plan figures for a manager', () => {
  it('hides people with goals and steps done per area until at least 10 people are in them, then shows bands of 5', () => {
    const few = planFigures(people(9), ['2026-11'], stepsBy(people(9), 'home'));
    expect(few.withGoals).toBeNull();
    expect(few.months[0].stepsDone.home).toBeNull();
    const enough = planFigures(people(12), ['2026-11'], [...stepsBy(people(10), 'home', '2026-11', 2), ...stepsBy(people(3), 'money')]);
    expect(enough.withGoals).toBe(10);
    expect(enough.months[0].stepsDone.home).toBe(20);
    // Three people's money steps are not shown, however many steps they did.
    expect(enough.months[0].stepsDone.money).toBeNull();
  });

  it('shows the last released figure until its group has changed by at least 5 people, so one person cannot be worked out', () => {
    const releases: Releases = {};
    const first = planFigures(people(14), ['2026-11'], stepsBy(people(14), 'work'), releases);
    expect(first.withGoals).toBe(10);
    expect(first.months[0].stepsDone.work).toBe(10);
    // One more person: the figures would go to 15, but showing that would single them out.
    const oneMore = planFigures(people(15), ['2026-11'], stepsBy(people(15), 'work'), releases);
    expect(oneMore.withGoals).toBe(10);
    expect(oneMore.months[0].stepsDone.work).toBe(10);
    const fiveMore = planFigures(people(19), ['2026-11'], stepsBy(people(19), 'work'), releases);
    expect(fiveMore.withGoals).toBe(15);
    expect(fiveMore.months[0].stepsDone.work).toBe(15);
  });
});
