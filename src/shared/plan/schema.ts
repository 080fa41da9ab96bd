// The server's checks for a goal (kind `goal`), the same the phone's import uses. See goals.ts for what a goal is.
import { z } from 'zod';

import { LIFE_AREAS } from '../checkinOptions.ts';
import { safeText } from '../text.ts';
import { GOAL_TEXT_MAX, STEP_TEXT_MAX, STEPS_MAX } from './goals.ts';

const isoDateTime = z.iso.datetime({ offset: true });
const dayString = z.iso.date();

const goalStepSchema = z.strictObject({
  id: z.uuid(),
  text: safeText().trim().min(1).max(STEP_TEXT_MAX),
  due: dayString.optional(),
  doneAt: isoDateTime.optional(),
  fromPa: z.boolean().optional(),
});

export const goalSchema = z.strictObject({
  id: z.uuid(),
  text: safeText().trim().min(1).max(GOAL_TEXT_MAX),
  area: z.enum(LIFE_AREAS),
  onHold: z.boolean().default(false),
  steps: z.array(goalStepSchema).max(STEPS_MAX).default([])
    .refine((steps) => new Set(steps.map((s) => s.id)).size === steps.length, 'Each step needs its own id'),
  sharedWithPa: z.boolean().default(false),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});

/** What a PA sends to suggest a step on a shared goal. */
export const suggestStepSchema = z.strictObject({
  text: safeText().trim().min(1).max(STEP_TEXT_MAX),
  due: dayString.optional(),
});

/** A suggested step as both the PA page and the young person's phone read it. */
export type StepSuggestion = { id: string; goalId: string; text: string; due?: string; at: string };
