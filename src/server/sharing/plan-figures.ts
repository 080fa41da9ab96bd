// My plan's anonymous figures for one council, from the goals of young people who opted in to being counted.
import { isoToLondonWallTime } from '../../shared/appointments/london-time.ts';
import { type PlanFigures, planFigures, type PlanStepDone } from '../../shared/plan/figures.ts';
import type { Goal } from '../../shared/plan/goals.ts';
import { recentMonths } from '../../shared/sharing/monitoring.ts';
import type { Db } from '../store/tables.ts';
import { loadReleases, saveReleases } from './figure-releases.ts';

export async function planFiguresForCouncil(db: Db, council: string, monthCount: number, now = new Date()): Promise<PlanFigures> {
  const months = recentMonths(now, monthCount);
  const ids = (await db.selectFrom('monitoring_consents').select('person_id').where('council', '=', council).execute()).map((p) => p.person_id);
  const withGoals = new Set<string>();
  const steps: PlanStepDone[] = [];
  if (ids.length) {
    const rows = await db.selectFrom('records').select(['person_id', 'data']).where('person_id', 'in', ids).where('kind', '=', 'goal').where('deleted', '=', 0).execute();
    for (const row of rows) {
      if (!row.data) continue;
      const goal = JSON.parse(row.data) as Goal;
      withGoals.add(row.person_id);
      for (const step of goal.steps) {
        if (!step.doneAt) continue;
        const month = isoToLondonWallTime(step.doneAt).date.slice(0, 7);
        if (months.includes(month)) steps.push({ personId: row.person_id, month, area: goal.area });
      }
    }
  }
  const before = await loadReleases(db, council);
  const releases = { ...before };
  const figures = planFigures([...withGoals], months, steps, releases);
  await saveReleases(db, council, before, releases);
  return figures;
}
