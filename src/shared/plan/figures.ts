// Anonymous figures about My plan for a manager, under the same rules as the other monthly figures
// (src/shared/sharing/monitoring.ts): only young people who chose to count, every figure from at least MIN_PEOPLE
// people or hidden, counts in bands of COUNT_STEP, and a figure released again only once its group has changed by
// MIN_CHANGE people since every earlier release, so figures cannot be differenced.
import { LIFE_AREAS, type LifeArea } from '../checkinOptions.ts';
import { countBand, type Group, membersOf, MIN_PEOPLE, release, type Releases } from '../sharing/monitoring.ts';

/** One step done: who (never shown), in which month (YYYY-MM, London) and which part of life its goal is about. */
export type PlanStepDone = { personId: string; month: string; area: LifeArea };

export type PlanFigures = {
  /** People who count with at least one goal: the lower end of a band of 5, or null (hidden). */
  withGoals: number | null;
  /** Newest month first; per area, steps done that month (lower end of a band of 5), null when fewer than MIN_PEOPLE people did them. */
  months: { month: string; stepsDone: Record<LifeArea, number | null> }[];
};

export function planFigures(peopleWithGoals: string[], months: string[], steps: PlanStepDone[], releases: Releases = {}): PlanFigures {
  return {
    withGoals: release(releases, 'plan:withGoals', membersOf(peopleWithGoals), countBand(new Set(peopleWithGoals).size)),
    months: [...months].sort().reverse().map((month) => {
      const stepsDone = {} as Record<LifeArea, number | null>;
      for (const area of LIFE_AREAS) {
        // Each person's contribution is their number of steps, so a changed count is a changed person.
        const perPerson: Record<string, number> = {};
        for (const s of steps) if (s.month === month && s.area === area) perPerson[s.personId] = (perPerson[s.personId] ?? 0) + 1;
        const members: Group = Object.fromEntries(Object.entries(perPerson).map(([p, n]) => [p, String(n)]));
        const people = Object.keys(perPerson).length;
        const total = Object.values(perPerson).reduce((a, b) => a + b, 0);
        stepsDone[area] = release(releases, `plan:${month}:${area}`, members, people >= MIN_PEOPLE ? countBand(total) : null);
      }
      return { month, stepsDone };
    }),
  };
}
