// The download budgets CI enforces (docs/architecture.md "Quality gates"): data costs money on a care leaver's phone.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

import { englishGzip, firstRouteScripts, firstStartScripts, KIB, localeChunks, measure, precacheFiles, total, withStaticImports } from './sizes.ts';

export const BUDGETS = {
  /**
   * Issue 17's figure: 145 KiB when the first paint was prerendered, 157.1 KiB once later features and the first-start
   * split had grown it; 143.9 KiB (147,380 bytes) once the first screen bundled only its own English words
   * (i18n/firstScreenWords.ts), Dexie's modern build and the shell's sign-out check no longer brought the API client.
   * A new screen or card loads in its own chunk (i18n/lazyWithWords.ts), its words with the rest of English.
   */
  firstRouteJsGzip: 145 * KIB,
  localeChunkGzip: 15 * KIB,
  /** Help now's words in every language together, precached so the crisis screen switches language offline. */
  helpNowWordsGzip: 12 * KIB,
  precacheBytes: 1.5 * 1024 * KIB,
  /** What the prerendered shell in every language (and the script that picks one) adds to index.html, gzip. */
  firstPaintHtmlGzip: 10 * KIB,
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
  lines.push(line("  of which the first screen's English words (bundled), gzip", englishGzip(localesDir), null));
  const firstStart = firstStartScripts(distDir);
  lines.push(line(`  of which a first start runs before a touch (${firstStart.length} files), gzip`, total(measure(distDir, firstStart), 'gzip'), null));
  for (const { code, files } of localeChunks(distDir, localesDir)) {
    lines.push(line(`language ${code} (${files.map((f) => path.basename(f)).join(' + ')}), gzip`, total(measure(distDir, files), 'gzip'), BUDGETS.localeChunkGzip));
  }
  lines.push(line('Help-now words, every language (helpNowWords chunk), gzip', total(measure(distDir, helpNowWordsFiles(distDir)), 'gzip'), BUDGETS.helpNowWordsGzip));
  lines.push(line('prerendered shell in index.html, every language (src/app/shell/), gzip', firstPaintHtmlGzip(distDir), BUDGETS.firstPaintHtmlGzip));
  const precache = precacheFiles(distDir);
  lines.push(line(`everything precached (${precache.length} files, uncompressed)`, total(measure(distDir, precache), 'bytes'), BUDGETS.precacheBytes));
  return { lines, firstRouteGzip, firstRouteFiles };
}

/** The one chunk holding Help now's words for every language, with whatever it imports. */
function helpNowWordsFiles(distDir: string): string[] {
  const chunks = readdirSync(path.join(distDir, 'assets')).filter((f) => /^helpNowWords-[\w-]{6,}\.js$/.test(f));
  if (chunks.length !== 1) throw new Error(`Expected one assets/helpNowWords-*.js in ${distDir}, found ${chunks.length}; Help now's words must be their own chunk.`);
  return withStaticImports(distDir, [`assets/${chunks[0]}`]);
}

/**
 * index.html gzipped, less the same page without what src/app/shell/firstPaintPlugin.ts puts in: the <noscript>
 * shell, each screen kept as text (every language's shell, the first-start list) and the inline script. Fails when
 * they are missing (the build must make them).
 */
function firstPaintHtmlGzip(distDir: string): number {
  const html = readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const bare = html
    .replace(/<noscript>[\s\S]*?<\/noscript>/, '')
    .replace(/<script type="text\/html" data-first-[\s\S]*?<\/script>/g, '')
    .replace(/<script>[\s\S]*?<\/script>/, '')
    .replace(/ data-first-paint="today"/, '');
  if (bare === html || /data-first-paint="en"/.test(bare) || !/data-first-paint="en"/.test(html)) throw new Error('index.html has no prerendered shell (src/app/shell/firstPaintPlugin.ts)');
  const gzip = (text: string) => gzipSync(text, { level: 9 }).length;
  return gzip(html) - gzip(bare);
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
