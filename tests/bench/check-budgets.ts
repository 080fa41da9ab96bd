// `npm run bench:check` (CI): fails when the built app is over its download budgets, or when its first screen misses
// one of its budgets, beside the bare-framework floor built and measured in the same run.
// BENCH_LH_RUNS (default 5) Lighthouse runs of each (and, only when a budget misses on those, a second look with
// BENCH_LH_MORE_RUNS more, default 10, judged on all of them) and BENCH_QUIET_RUNS (default 9) starts without
// DevTools; about five minutes on a two-core machine, twelve with a second look.
import path from 'node:path';

import { startServer } from '../e2e/harness.ts';
import { budgetTable, measureBudgets } from './budgets.ts';
import { buildFloor } from './floor.ts';
import { hostLine, lighthouseBesideFloor, previewFloor, verdictLines } from './lighthouse.ts';
import { quietBesideFloor } from './quietStartup.ts';

const root = path.resolve(import.meta.dirname, '../..');
const dist = path.join(root, 'dist');
const lighthouseRuns = Number(process.env.BENCH_LH_RUNS || 5);
// Five runs' medians are usually clear; near a line one busy moment can tip them, and fifteen settle it either way.
const secondLookRuns = Number(process.env.BENCH_LH_MORE_RUNS || 10);
// Starts without DevTools are quicker (about seven seconds each) and their medians steadier with more of them.
const quietRuns = Number(process.env.BENCH_QUIET_RUNS || 9);

/** The download budgets: fast, no browser. */
function downloadsWithinBudget(): boolean {
  const { lines } = measureBudgets(dist, path.join(root, 'locales'));
  console.log('Download budgets (dist/)\n');
  console.log(budgetTable(lines));
  const over = lines.filter((l) => l.over);
  if (over.length > 0) {
    console.error(`\n${over.length} budget(s) exceeded. Move code behind a lazy import (React.lazy / import()) or trim it; see docs/architecture.md "Quality gates".`);
    return false;
  }
  console.log('\nAll download budgets met.');
  return true;
}

/** The first screen in Lighthouse mobile, median of cold runs, beside the floor. */
async function firstScreenWithinBudget(): Promise<boolean> {
  console.log(`\nFirst screen, Lighthouse mobile, median of ${lighthouseRuns} cold runs each, beside the bare-framework floor (bench-floor/)\n`);
  const floor = buildFloor();
  const server = await startServer();
  const floorSite = await previewFloor(floor.dir);
  try {
    let lighthouse = await lighthouseBesideFloor(server.url('/'), floorSite.url, lighthouseRuns);
    console.log(`\n${verdictLines(lighthouse.verdicts)}`);
    if (lighthouse.verdicts.some((v) => v.enforced && !v.met)) {
      console.log(`\nA budget missed on ${lighthouseRuns} runs each: a second look, ${secondLookRuns} more each, judged on all ${lighthouseRuns + secondLookRuns}\n`);
      lighthouse = await lighthouseBesideFloor(server.url('/'), floorSite.url, secondLookRuns, undefined, lighthouse);
      console.log(`\n${verdictLines(lighthouse.verdicts)}`);
    }
    console.log(hostLine(lighthouse));
    console.log(`\nThe same first start without DevTools (Lighthouse's own slows React DOM's start about tenfold), 4× CPU, median of ${quietRuns} each\n`);
    const quiet = await quietBesideFloor(server.url('/'), floorSite.url, quietRuns);
    console.log(verdictLines(quiet.verdicts));
    const verdicts = [...lighthouse.verdicts, ...quiet.verdicts];
    const missed = verdicts.filter((v) => v.enforced && !v.met);
    if (missed.length > 0) {
      console.error(`\n${missed.map((v) => v.budget).join(', ')} missed: the first screen got slower or less accessible; see docs/architecture.md "First paint".`);
      return false;
    }
    return true;
  } finally {
    floorSite.stop();
    await server.stop();
    floor.cleanup();
  }
}

try {
  // Both, even when the first fails, so one CI run shows every figure.
  const downloads = downloadsWithinBudget();
  const firstScreen = await firstScreenWithinBudget();
  if (!downloads || !firstScreen) process.exit(1);
  console.log('\nEvery budget bench:check enforces is met.');
} catch (error) {
  console.error(`Could not check budgets: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
