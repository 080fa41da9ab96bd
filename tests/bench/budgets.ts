// The download budgets CI enforces (architecture.md "Quality gates"): data costs money on a care leaver's phone.
import path from 'node:path';
import { KIB, englishGzip, firstRouteScripts, localeChunks, measure, precacheFiles, total } from './sizes.ts';

export const BUDGETS = {
  firstRouteJsGzip: 160 * KIB,
  localeChunkGzip: 15 * KIB,
  precacheBytes: 1.5 * 1024 * KIB,
};

export type BudgetLine = { what: string; measured: number; budget: number | null; unit: 'KiB'; over: boolean };

const line = (what: string, measured: number, budget: number | null): BudgetLine => ({
  what, measured, budget, unit: 'KiB', over: budget !== null && measured > budget,
});

/** Every budgeted figure of one build. */
export function measureBudgets(distDir: string, localesDir: string): { lines: BudgetLine[]; firstRouteGzip: number; firstRouteFiles: string[] } {
  const firstRouteFiles = firstRouteScripts(distDir);
  const firstRouteGzip = total(measure(distDir, firstRouteFiles), 'gzip');
  const lines = [line(`first-route JavaScript, gzip (${firstRouteFiles.length} files)`, firstRouteGzip, BUDGETS.firstRouteJsGzip)];
  lines.push(line('  of which English words (bundled), gzip', englishGzip(localesDir), null));
  for (const { code, files } of localeChunks(distDir, localesDir)) {
    lines.push(line(`language ${code} (${files.map((f) => path.basename(f)).join(' + ')}), gzip`, total(measure(distDir, files), 'gzip'), BUDGETS.localeChunkGzip));
  }
  const precache = precacheFiles(distDir);
  lines.push(line(`everything precached (${precache.length} files, uncompressed)`, total(measure(distDir, precache), 'bytes'), BUDGETS.precacheBytes));
  return { lines, firstRouteGzip, firstRouteFiles };
}

export const kib = (bytes: number) => (bytes / KIB).toFixed(1);

export function budgetTable(lines: BudgetLine[]): string {
  const width = Math.max(...lines.map((l) => l.what.length));
  return lines
    .map((l) => {
      const budget = l.budget === null ? '' : ` / ${kib(l.budget).padStart(6)} KiB  ${(l.measured / l.budget * 100).toFixed(0).padStart(3)}%  ${l.over ? 'OVER BUDGET' : 'ok'}`;
      return `${l.what.padEnd(width)}  ${kib(l.measured).padStart(7)} KiB${budget}`;
    })
    .join('\n');
}
