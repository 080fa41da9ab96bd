// My plan's pure rules: what the PA sees of a goal, which step is next, the quiet line on Today, the caseload reason.
import { describe, expect, it } from 'vitest';

import { type Goal, nextStepOf, stepsDueOn } from '../../../src/shared/plan/goals.ts';
import { goalSchema } from '../../../src/shared/plan/schema.ts';
import { needOf } from '../../../src/shared/sharing/caseload.ts';
import { paCopyOf, repeatsRequest } from '../../../src/shared/sharing/paCopy.ts';
import type { SharedItem } from '../../../src/shared/sharing/schemas.ts';

const goal = (over: Partial<Goal> = {}): Goal => ({
  id: '6f1c2a9e-0c1b-4d2e-8f3a-1b2c3d4e5f60',
  text: 'Example: get my own flat',
  area: 'home',
  onHold: false,
  steps: [
    { id: '0a7d1f2e-3b4c-4d5e-8f6a-7b8c9d0e1f20', text: 'Example: ring the housing office', doneAt: '2026-12-01T10:00:00.000Z' },
    { id: '1b8e2a3f-4c5d-4e6f-9a7b-8c9d0e1f2a30', text: 'Example: fill in the form', due: '2026-12-04' },
  ],
  sharedWithPa: true,
  createdAt: '2026-11-30T09:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
  ...over,
});

describe('a goal as the PA sees it', () => {
  it('is nothing until shared, then its words, area, steps done and the next step, and no sharing flags', () => {
    expect(paCopyOf('goal', goal({ sharedWithPa: false }))).toBeNull();
    expect(paCopyOf('goal', goal())).toEqual({
      id: goal().id, text: 'Example: get my own flat', area: 'home', onHold: false, at: '2026-11-30T09:00:00.000Z',
      done: [{ text: 'Example: ring the housing office', doneAt: '2026-12-01T10:00:00.000Z' }],
      next: { text: 'Example: fill in the form', due: '2026-12-04' },
    });
  });

  it('is a valid synced record, and a goal with two steps of one id is refused', () => {
    expect(goalSchema.safeParse(goal()).success).toBe(true);
    const twice = goal({ steps: [goal().steps[0], { ...goal().steps[1], id: goal().steps[0].id }] });
    expect(goalSchema.safeParse(twice).error?.issues[0].path).toEqual(['steps']);
  });
});

describe('the next step and the quiet line on Today', () => {
  it('takes the first step not done; shows it on its day only, and never for a goal on hold', () => {
    expect(nextStepOf(goal())?.text).toBe('Example: fill in the form');
    expect(stepsDueOn([goal()], '2026-12-04').map((d) => d.step.text)).toEqual(['Example: fill in the form']);
    expect(stepsDueOn([goal()], '2026-12-05')).toEqual([]);
    expect(stepsDueOn([goal({ onHold: true })], '2026-12-04')).toEqual([]);
  });
});

describe('the caseload', () => {
  const shared = (data: Record<string, unknown>, kind: SharedItem['kind'] = 'goal'): SharedItem =>
    ({ id: 'x', kind, sharedAt: '2026-12-01T10:00:00.000Z', seenAt: '2026-12-01T11:00:00.000Z', reply: null, data });
  const now = Date.parse('2026-12-02T12:00:00Z');

  it('says "a step is due this week" for a shared goal whose next step falls in the coming week, not later, not on hold', () => {
    expect(needOf([shared(paCopyOf('goal', goal())!)], now).reasons).toEqual(['step-due']);
    expect(needOf([shared(paCopyOf('goal', goal({ steps: [{ ...goal().steps[1], due: '2026-12-20' }] }))!)], now).reasons).toEqual([]);
    expect(needOf([shared(paCopyOf('goal', goal({ onHold: true }))!)], now).reasons).toEqual([]);
  });

  it('counts an unseen "help me with this step" request as its own reason', () => {
    const request = { ...shared({ request: 'step-help', about: 'Example: fill in the form', at: '2026-12-02T09:00:00Z' }, 'request'), seenAt: null };
    expect(needOf([request], now).reasons).toEqual(['step-help']);
  });

  it('treats two step-help requests about different steps as two requests', () => {
    const at = '2026-12-02T09:00:00Z';
    expect(repeatsRequest({ request: 'step-help', at, about: 'Example: a' }, { request: 'step-help', at, about: 'Example: b' })).toBe(false);
    expect(repeatsRequest({ request: 'step-help', at, about: 'Example: a' }, { request: 'step-help', at, about: 'Example: a' })).toBe(true);
  });
});
