// `npm run bench`: every figure beside its anchor, measured in this one run (ratios, not remembered numbers).
//   1. download sizes of the app vs its budgets and vs the bare framework (bench-floor/, a copy of ../shared/bench-floor, built now)
//   2. Lighthouse mobile of the app's first start vs the floor's page, the same starts without DevTools (quietStartup.ts),
//      and the floor painted before its script vs itself
//   3. sync push throughput over HTTP vs raw inserts into the same database, on SQLite and PostgreSQL
//   4. directory search time on 10,000 services (tests/bench/directory.ts, when present)
//   5. 500 phones registering and pushing at once, on SQLite and PostgreSQL, beside one phone alone (tests/bench/load.ts)
//   6. the PIN lock on a 4× slowed CPU: Argon2id, unlock to Today with 730 check-ins vs opening without a PIN, a save with vs without (tests/bench/pin.ts)
//   7. a PA's caseload of 42 young people with a year of shared items each, beside a plain indexed query (tests/bench/caseload.ts)
// Options (env): BENCH_LH_RUNS (default 5), BENCH_CHECKINS (default 4000 a round), BENCH_ROUNDS (default 9), BENCH_LOAD_PHONES (default 500),
//   BENCH_SKIP=lighthouse,sqlite,postgres,directory,load,pin,caseload, BENCH_CASELOAD_RUNS (default 40),
//   BENCH_ONLY=lighthouse (or any list of those parts: runs just them, e.g. while iterating on load speed),
//   BENCH_LH_REPORTS=1 (keeps each Lighthouse report as .bench/lhr-<app|floor>-<n>.json, to read its opportunities).
// Writes a JSON copy to .bench/<time>.json (gitignored).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { startServer } from '../e2e/harness.ts';
import { BUDGETS, budgetTable, kib, measureBudgets } from './budgets.ts';
import { benchCaseload, caseloadTable } from './caseload.ts';
import { buildFloor } from './floor.ts';
import { hostLine, lighthouseBesideFloor, type LighthouseFigures, previewFloor, verdictLines } from './lighthouse.ts';
import { type LoadResult, PHONES, postgresLoad, sqliteLoad } from './load.ts';
import { benchPin, pinTable } from './pin.ts';
import { quietBesideFloor, type QuietFigures, quietStartupOnce } from './quietStartup.ts';
import { median, spreadOf } from './runs.ts';
import { firstRouteScripts, measure, total } from './sizes.ts';
import { postgresThroughput, sqliteThroughput, type ThroughputResult } from './throughput.ts';

const root = path.resolve(import.meta.dirname, '../..');
const PARTS = ['lighthouse', 'sqlite', 'postgres', 'directory', 'load', 'pin', 'caseload'];
const only = (process.env.BENCH_ONLY ?? '').split(',').filter(Boolean);
const skip = new Set([...(process.env.BENCH_SKIP ?? '').split(',').filter(Boolean), ...(only.length > 0 ? PARTS.filter((p) => !only.includes(p)) : [])]);
const keepReports = process.env.BENCH_LH_REPORTS === '1';
const lighthouseRuns = Number(process.env.BENCH_LH_RUNS || 5);
// One phone sending its outbox batch after batch, and eight at once (many phones back online together).
const PHONES_AT_ONCE = [1, 8];
const report: Record<string, unknown> = { at: new Date().toISOString() };
const started = Date.now();

const heading = (text: string) => console.log(`\n=== ${text} ===\n`);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const percent = (fraction: number) => `${(fraction * 100).toFixed(0)}%`;
const table = (rows: string[][]) => {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('   ')).join('\n');
};

heading('Building the app (vite build)');
execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
heading('Building the bare-framework floor (bench-floor/)');
const floor = buildFloor();

try {
  // 1. Sizes
  heading('1. Download sizes');
  const app = measureBudgets(path.join(root, 'dist'), path.join(root, 'locales'));
  const floorFiles = firstRouteScripts(floor.dist);
  const floorGzip = total(measure(floor.dist, floorFiles), 'gzip');
  console.log(budgetTable(app.lines));
  console.log(`\nfirst-route JS gzip: app ${kib(app.firstRouteGzip)} KiB vs bare framework ${kib(floorGzip)} KiB = ${ratio(app.firstRouteGzip, floorGzip)} the floor; app code on top of the framework: ${kib(app.firstRouteGzip - floorGzip)} KiB; budget ${kib(BUDGETS.firstRouteJsGzip)} KiB`);
  report.sizes = { lines: app.lines, firstRouteGzip: app.firstRouteGzip, firstRouteFiles: app.firstRouteFiles, floorFirstRouteGzip: floorGzip, floorFiles };

  // 2. Lighthouse
  if (!skip.has('lighthouse')) {
    heading(`2. Lighthouse mobile, median of ${lighthouseRuns} cold runs each (Today screen vs floor page)`);
    const server = await startServer();
    const floorSite = await previewFloor(floor.dir);
    try {
      const { app: a, floor: f, appRuns, floorRuns, verdicts } = await lighthouseBesideFloor(server.url('/'), floorSite.url, lighthouseRuns, keepReports ? path.join(root, '.bench') : undefined);
      const spread = (pick: (f: LighthouseFigures) => number, digits: number) => [spreadOf(appRuns, pick, digits), spreadOf(floorRuns, pick, digits)];
      console.log(table([
        ['figure', 'app', 'floor', 'app/floor', 'app spread', 'floor spread', 'target'],
        ['performance', a.performance.toFixed(2), f.performance.toFixed(2), ratio(a.performance, f.performance), ...spread((r) => r.performance, 2), '≥ floor − 0.02'],
        ['accessibility', a.accessibility.toFixed(2), f.accessibility.toFixed(2), ratio(a.accessibility, f.accessibility), ...spread((r) => r.accessibility, 2), '1.00'],
        ['best-practices', a.bestPractices.toFixed(2), f.bestPractices.toFixed(2), ratio(a.bestPractices, f.bestPractices), ...spread((r) => r.bestPractices, 2), ''],
        ['LCP (ms)', a.lcpMs.toFixed(0), f.lcpMs.toFixed(0), ratio(a.lcpMs, f.lcpMs), ...spread((r) => r.lcpMs, 0), '≤ 1.0× floor'],
        ['FCP (ms)', a.fcpMs.toFixed(0), f.fcpMs.toFixed(0), ratio(a.fcpMs, f.fcpMs), ...spread((r) => r.fcpMs, 0), ''],
        ['TBT (ms)', a.tbtMs.toFixed(0), f.tbtMs.toFixed(0), f.tbtMs > 0 ? ratio(a.tbtMs, f.tbtMs) : '-', ...spread((r) => r.tbtMs, 0), '≤ 1.5× floor'],
        ['CLS', a.cls.toFixed(3), f.cls.toFixed(3), '', ...spread((r) => r.cls, 3), ''],
      ]));
      console.log(`\n${verdictLines(verdicts)}`);
      console.log(hostLine({ appRuns, floorRuns }));
      report.lighthouse = { runs: lighthouseRuns, app: a, floor: f, appRuns, floorRuns };
      // Lighthouse's DevTools make React DOM's start about ten times longer (tests/bench/quietStartup.ts): the same
      // starts without them, as a phone runs them.
      const quiet = await quietBesideFloor(server.url('/'), floorSite.url, lighthouseRuns);
      const quietSpread = (key: keyof QuietFigures) => [key, quiet.app[key].toFixed(0), quiet.floor[key].toFixed(0), spreadOf(quiet.appRuns, (r) => r[key]), spreadOf(quiet.floorRuns, (r) => r[key])];
      console.log(`\nThe same first starts without DevTools, 4× CPU, no network slowdown, median of ${lighthouseRuns} each (ms):\n`);
      console.log(table([['figure', 'app', 'floor', 'app spread', 'floor spread'], ...(['fcpMs', 'blockedMs', 'blockedAfterPaintMs', 'longestTaskMs'] as const).map(quietSpread)]));
      console.log(`\n${verdictLines(quiet.verdicts)}`);
      const returning: QuietFigures[] = [];
      for (let i = 0; i < lighthouseRuns; i++) returning.push(await quietStartupOnce(server.url('/'), { returning: true }));
      const middle = (key: keyof QuietFigures) => median(returning.map((r) => r[key])).toFixed(0);
      console.log(`A returning phone (language chosen, Today painted and taken over), same way: first paint ${middle('fcpMs')} ms, blocked ${middle('blockedMs')} ms, ${middle('blockedAfterPaintMs')} of them after the first paint, longest task ${middle('longestTaskMs')} ms.`);
      report.quietStartup = { ...quiet, returning };
      // The same floor with its heading painted before its script, as ours is: what painting first alone costs in TBT.
      const paintFirst = buildFloor({ paintFirst: true });
      const paintFirstSite = await previewFloor(paintFirst.dir);
      try {
        const besidePaintFirst = await lighthouseBesideFloor(paintFirstSite.url, floorSite.url, lighthouseRuns);
        const p = besidePaintFirst.app;
        console.log(`\nThe floor painted before its script (its heading in index.html): TBT ${p.tbtMs.toFixed(0)} ms (${spreadOf(besidePaintFirst.appRuns, (r) => r.tbtMs, 0)}) against the floor's ${besidePaintFirst.floor.tbtMs.toFixed(0)} ms (${spreadOf(besidePaintFirst.floorRuns, (r) => r.tbtMs, 0)}), FCP ${p.fcpMs.toFixed(0)} against ${besidePaintFirst.floor.fcpMs.toFixed(0)} ms, performance ${p.performance.toFixed(2)}; the app's TBT is ${ratio(a.tbtMs, p.tbtMs)} the painted floor's.`);
        report.lighthousePaintFirstFloor = { floorPainted: p, floor: besidePaintFirst.floor, floorPaintedRuns: besidePaintFirst.appRuns, floorRuns: besidePaintFirst.floorRuns };
      } finally {
        paintFirstSite.stop();
        paintFirst.cleanup();
      }
    } finally {
      floorSite.stop();
      await server.stop();
    }
  }

  // 3. Sync throughput
  if (!skip.has('sqlite') || !skip.has('postgres')) heading('3. Sync push throughput (HTTP, batches of 50) vs raw Kysely inserts (transactions of 50), same database');
  const results: ThroughputResult[] = [];
  if (!skip.has('sqlite')) for (const phones of PHONES_AT_ONCE) results.push(await sqliteThroughput(phones));
  if (!skip.has('postgres')) {
    try {
      for (const phones of PHONES_AT_ONCE) results.push(await postgresThroughput(phones));
    } catch (error) {
      console.log(`PostgreSQL skipped: ${error instanceof Error ? error.message : String(error)} (is it running on 127.0.0.1:5432?)`);
    }
  }
  if (results.length > 0) {
    console.log(table([
      ['database', 'phones at once', 'check-ins a round', 'push /s', 'raw insert /s', 'push/raw', 'rounds from … to', 'target'],
      ...results.map((r) => [
        r.database, String(r.phones), String(r.mutations), r.pushPerSecond.toFixed(0), r.rawPerSecond.toFixed(0), percent(r.ratio),
        `${percent(r.ratioRange[0])} … ${percent(r.ratioRange[1])}`, r.database === 'SQLite' ? '≥ 50%' : '',
      ]),
    ]));
    console.log(`\nEach row: the median of ${results[0].rounds} rounds; within a round, pushes and raw inserts take turns, into the same database.`);
  }
  report.throughput = results;

  // 4. Directory search (tests/bench/directory.ts, owned by the directory feature)
  if (!skip.has('directory') && existsSync(path.join(import.meta.dirname, 'directory.ts'))) {
    heading('4. Directory: search on 10,000 services and sync download sizes');
    type Row = { figure: string; value: number; unit: string; target?: string; ok?: boolean };
    const directoryBench: string = './directory.ts'; // a variable, so type-checking never needs the file
    const { benchDirectory } = (await import(directoryBench)) as { benchDirectory: () => Promise<Row[]> };
    const rows = await benchDirectory();
    console.log(table([
      ['figure', 'value', 'target', ''],
      ...rows.map((r) => [r.figure, `${r.value.toFixed(r.value < 10 ? 2 : 0)} ${r.unit}`, r.target ?? '', r.ok === undefined ? '' : r.ok ? 'met' : 'NOT met']),
    ]));
    report.directory = rows;
  }

  // 5. Many phones at once (tests/bench/load.ts)
  if (!skip.has('load')) {
    heading(`5. ${PHONES} phones registering and pushing 5 check-ins at once, each on its own connection, vs one phone alone`);
    const loads: LoadResult[] = [await sqliteLoad()];
    try {
      loads.push(await postgresLoad());
    } catch (error) {
      console.log(`PostgreSQL skipped: ${error instanceof Error ? error.message : String(error)} (is it running on 127.0.0.1:5432?)`);
    }
    const ms = (n: number) => `${n.toFixed(0)} ms`;
    console.log(table([
      ['database', 'phones', 'errors', 'register p50', 'register p99', 'push done p99', 'one phone: register', 'one phone: push', 'target'],
      ...loads.map((l) => [
        l.database, String(l.phones), String(l.errors), ms(l.register.p50), ms(l.register.p99), ms(l.push.p99), ms(l.anchor.register), ms(l.anchor.push),
        `0 errors, register p99 ≤ 2000 ms: ${l.errors === 0 && l.register.p99 <= 2000 ? 'met' : 'NOT met'}`,
      ]),
    ]));
    console.log('\nTimes from the moment all phones start; "push done" is when a phone has registered and its push was answered.');
    report.load = loads;
  }

  // 6. The PIN lock (tests/bench/pin.ts)
  if (!skip.has('pin')) {
    heading('6. PIN lock in Chromium, CPU slowed 4×: Argon2id, unlock → Today with 730 check-ins, a check-in save');
    const pin = await benchPin();
    console.log(table(pinTable(pin)));
    report.pin = pin;
  }

  // 7. The PA's caseload (tests/bench/caseload.ts)
  if (!skip.has('caseload')) {
    heading('7. PA caseload: 42 young people × 365 shared items, p95 (server + first render) vs a plain indexed query of the same rows');
    const caseloads = await benchCaseload();
    console.log(table(caseloadTable(caseloads)));
    report.caseload = caseloads;
  }
} finally {
  floor.cleanup();
}

const outDir = path.join(root, '.bench');
mkdirSync(outDir, { recursive: true });
const outFile = path.join(outDir, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(outFile, JSON.stringify(report, null, 2));
console.log(`\nDone in ${((Date.now() - started) / 1000).toFixed(0)} s. JSON copy: ${path.relative(root, outFile)}`);
