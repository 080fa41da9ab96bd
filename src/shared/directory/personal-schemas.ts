// The server's checks for saved places and the safety plan (see personal.ts for what they are).
import { z } from 'zod';

import { SAFETY_PLAN_STEP_MAX, SAFETY_PLAN_STEPS, type SafetyPlanStep } from './personal.ts';

const isoDateTime = z.iso.datetime({ offset: true });

export const favouriteSchema = z.strictObject({
  id: z.uuid(),
  serviceId: z.string().min(1).max(200),
  savedAt: isoDateTime,
});

const stepFields = Object.fromEntries(SAFETY_PLAN_STEPS.map((step) => [step, z.string().max(SAFETY_PLAN_STEP_MAX).optional()]));

export const safetyPlanSchema = z.strictObject({
  id: z.uuid(),
  updatedAt: isoDateTime,
  ...(stepFields as Record<SafetyPlanStep, z.ZodOptional<z.ZodString>>),
});
