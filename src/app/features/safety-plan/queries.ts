// What the safety plan reads from the phone.
import { useLiveQuery } from 'dexie-react-hooks';

import type { SafetyPlan } from '../../../shared/directory/personal.ts';
import { db } from '../../data/db.ts';

/** The plan to show: the newest, should two phones each have made one before a restore joined them. */
export function useSafetyPlan(): SafetyPlan | null | undefined {
  return useLiveQuery(async () => {
    const plans = await db.safetyPlan.toArray();
    return plans.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0] ?? null;
  }, []);
}
