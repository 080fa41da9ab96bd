// Directory figures for `npm run bench` (issue 3):
//   - search + filters + distance sort over 10,000 invented services, per keystroke, in Chromium at 4× CPU slowdown;
//   - bytes a phone downloads for its first directory sync of 10,000 services, and for a later sync after 10 changed;
//   - distance to every service worked out once per place (not per keystroke), and the keystrokes within a radius;
//   - importing 10,000 services from a paged ORUK feed served locally (≤ 30 s), with memory measured.
// Standalone: `node --import tsx tests/bench/directory.ts`. From run.ts: `const rows = await benchDirectory();`.
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

import { build } from 'esbuild';

import { buildServer } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { importServices } from '../../src/server/directory/import.ts';
import { toOrukService } from '../../src/server/directory/oruk-export.ts';
import { writeServices } from '../../src/server/directory/write.ts';
import { launchChromium } from '../e2e/browser.ts';
import { exampleServices } from './example-services.ts';

export type Row = { figure: string; value: number; unit: string; target?: string; ok?: boolean };

export const SERVICES = Number(process.env.BENCH_DIRECTORY_SERVICES || 10_000);
const CPU_SLOWDOWN = 4;
const REPEATS = 5;
// What someone might type, one keystroke at a time, each with a different set of filters on.
const TYPED = ['counselling', 'food bank', 'housing advise', 'drop in cafe', 'lgbtq'];
const root = path.resolve(import.meta.dirname, '../..');

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

/** What searchBundle() puts on the page. */
type Driver = { runKeystrokes(services: unknown, typed: readonly string[], at: string): { indexMs: number; distanceMs: number; times: number[] } };

/** The search code exactly as the app ships it, bundled for the page, with a tiny driver that times keystrokes. */
async function searchBundle(): Promise<string> {
  const driver = `
    import { buildSearchIndex, distancesFrom, findServices } from ${JSON.stringify(path.join(root, 'src/shared/directory/search.ts'))};
    globalThis.runKeystrokes = (services, typed, at) => {
      const t0 = performance.now();
      const index = buildSearchIndex(services);
      const indexMs = performance.now() - t0;
      const from = { lat: 53.408558, lng: -2.147592 }; // SK1
      // Once per place, as the app does when a place is chosen; each keystroke only reads the distances.
      const t1 = performance.now();
      const distances = distancesFrom(index, from);
      const distanceMs = performance.now() - t1;
      const filterSets = [{}, { openNow: true }, { careLeaverOnly: true, free: true }, { category: 'advice', openNow: true }, { walkIn: true }];
      const times = [];
      typed.forEach((text, t) => {
        for (let n = 1; n <= text.length; n++) {
          // Each keystroke is timed REPEATS times and its median kept, so other programs on a shared machine don't count.
          const runs = [];
          for (let r = 0; r < ${REPEATS}; r++) {
          const start = performance.now();
          const { hits, total } = findServices(index, { query: text.slice(0, n), filters: filterSets[t % filterSets.length], from, distances, radiusMiles: 10, at: new Date(at), limit: 30 });
          hits.map((h) => h.service.name).push(String(total)); // what the list shows: 30 names and the count
          runs.push(performance.now() - start);
          }
          runs.sort((a, b) => a - b);
          times.push(runs[Math.floor(runs.length / 2)]);
        }
      });
      return { indexMs, distanceMs, times };
    };`;
  const result = await build({ stdin: { contents: driver, resolveDir: root, loader: 'ts' }, bundle: true, write: false, format: 'iife', target: 'es2022', minify: true });
  return result.outputFiles[0].text;
}

export async function benchSearch(): Promise<Row[]> {
  const services = exampleServices(SERVICES);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>directory bench</title>');
    await page.addScriptTag({ content: await searchBundle() });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    // Warm up the JIT once, as a phone would after the first few letters.
    await page.evaluate(([s, typed]) => (globalThis as unknown as Driver).runKeystrokes(s, typed, '2025-01-15T12:00:00Z'), [services, ['warm']] as const);
    const { indexMs, distanceMs, times } = await page.evaluate(([s, typed]) => (globalThis as unknown as Driver).runKeystrokes(s, typed, '2025-01-15T12:00:00Z'), [services, TYPED] as const);
    const p95 = percentile(times, 95);
    return [
      { figure: `directory search per keystroke, median (${SERVICES} services near SK1 within 10 miles, ${times.length} keystrokes each the median of ${REPEATS} runs, Chromium ${CPU_SLOWDOWN}× CPU slowdown)`, value: percentile(times, 50), unit: 'ms' },
      { figure: 'directory search per keystroke, 95th percentile', value: p95, unit: 'ms', target: '≤ 16 ms (one frame)', ok: p95 <= 16 },
      { figure: `directory search index build, once per directory change (${SERVICES} services)`, value: indexMs, unit: 'ms' },
      { figure: `distance to every service, once per place chosen (${SERVICES} services)`, value: distanceMs, unit: 'ms' },
    ];
  } finally {
    await browser.close();
  }
}

export async function benchSyncBytes(): Promise<Row[]> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-directory-'));
  const config = loadConfig({}, { dataDir, database: { dialect: 'sqlite', file: path.join(dataDir, 'app.sqlite') }, port: 0, host: '127.0.0.1', logLevel: 'warn', rateLimitPerMinute: 1_000_000, staticDir: dataDir });
  const app = await buildServer(config);
  try {
    const services = exampleServices(SERVICES);
    await writeServices(app.store, 'bench', services);
    const origin = await app.listen({ port: 0, host: '127.0.0.1' });
    const registered = await fetch(`${origin}/api/v1/devices`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const { token } = (await registered.json()) as { token: string };
    // Bytes on the wire, asking for the encodings a phone's Chromium asks for (fetch would hide them by decoding).
    const pullPage = (cursor: number) =>
      new Promise<{ wire: number; body: Buffer }>((resolve, reject) => {
        const req = http.get(`${origin}/api/v1/sync/pull?cursor=${cursor}&limit=1000`, { headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip, deflate, br' } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const raw = Buffer.concat(chunks);
            const encoding = res.headers['content-encoding'];
            resolve({ wire: raw.length, body: encoding === 'br' ? brotliDecompressSync(raw) : encoding === 'gzip' ? gunzipSync(raw) : raw });
          });
          res.on('error', reject);
        });
        req.on('error', reject);
      });
    const pullEverything = async (cursor: number) => {
      let bytes = 0;
      let wireBytes = 0;
      let changes = 0;
      for (let hasMore = true; hasMore;) {
        const { wire, body } = await pullPage(cursor);
        bytes += body.length;
        wireBytes += wire;
        const page = JSON.parse(body.toString()) as { changes: unknown[]; cursor: number; hasMore: boolean };
        changes += page.changes.length;
        ({ cursor, hasMore } = page);
      }
      return { bytes, wireBytes, changes, cursor };
    };
    const first = await pullEverything(0);
    const changed = services.slice(0, 10).map((s) => ({ ...s, description: `${s.description} Changed opening times.` }));
    await writeServices(app.store, 'bench', changed);
    const later = await pullEverything(first.cursor);
    if (first.changes !== SERVICES || later.changes !== 10) throw new Error(`Expected ${SERVICES} then 10 changes, got ${first.changes} and ${later.changes}`);
    const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
    return [
      { figure: `first directory sync, ${SERVICES} services, downloaded (compressed)`, value: kb(first.wireBytes), unit: 'KiB' },
      { figure: '  the same as JSON before compression', value: kb(first.bytes), unit: 'KiB' },
      { figure: 'later directory sync after 10 services changed, downloaded', value: kb(later.wireBytes), unit: 'KiB', target: '≤ 5 KB', ok: later.wireBytes <= 5000 },
      { figure: '  the same as JSON before compression', value: kb(later.bytes), unit: 'KiB' },
    ];
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A paged ORUK 3.0 feed of the invented services, served from this process, imported the way an admin would. */
export async function benchImport(): Promise<Row[]> {
  const PER_PAGE = 100;
  const feed = exampleServices(SERVICES).map((s) => toOrukService({ ...s, id: `bench-import-${s.id}` }, 'http://127.0.0.1'));
  const pages = Math.ceil(feed.length / PER_PAGE);
  const server = http.createServer((req, res) => {
    const n = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('page') ?? '1');
    const contents = feed.slice((n - 1) * PER_PAGE, n * PER_PAGE);
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ total_items: feed.length, total_pages: pages, page_number: n, size: contents.length, first_page: n === 1, last_page: n >= pages, empty: contents.length === 0, contents }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-import-'));
  const config = loadConfig({}, { dataDir, database: { dialect: 'sqlite', file: path.join(dataDir, 'app.sqlite') }, port: 0, host: '127.0.0.1', logLevel: 'warn', rateLimitPerMinute: 1_000_000, staticDir: dataDir });
  const app = await buildServer(config);
  try {
    global.gc?.();
    const before = process.memoryUsage();
    let peakRss = before.rss;
    let peakHeap = before.heapUsed;
    const sampler = setInterval(() => {
      const now = process.memoryUsage();
      peakRss = Math.max(peakRss, now.rss);
      peakHeap = Math.max(peakHeap, now.heapUsed);
    }, 20);
    const started = performance.now();
    const message = await importServices(app.store, `http://127.0.0.1:${(server.address() as { port: number }).port}/services`, false);
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    if (!message.includes(`${SERVICES} services`)) throw new Error(`Import did not bring all services: ${message.slice(0, 300)}`);
    const mib = (bytes: number) => Math.round(bytes / 1024 / 102.4) / 10;
    return [
      { figure: `import of ${SERVICES} services from a paged ORUK feed served locally (${pages} pages of ${PER_PAGE}), SQLite`, value: seconds, unit: 's', target: '≤ 30 s', ok: seconds <= 30 },
      { figure: '  peak memory of the process during the import (RSS), above what it used before', value: mib(peakRss - before.rss), unit: 'MiB' },
      { figure: '  peak JavaScript heap during the import, above what it used before', value: mib(peakHeap - before.heapUsed), unit: 'MiB' },
    ];
  } finally {
    await app.close();
    server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function benchDirectory(): Promise<Row[]> {
  return [...(await benchSearch()), ...(await benchSyncBytes()), ...(await benchImport())];
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const started = Date.now();
  const only = process.env.BENCH_DIRECTORY_ONLY; // "import" or "search": one part, when that is all that changed
  const rows = only === 'import' ? await benchImport() : only === 'search' ? await benchSearch() : await benchDirectory();
  for (const r of rows) console.log(`${r.figure.padEnd(100)} ${r.value.toFixed(1).padStart(8)} ${r.unit}${r.target ? `  target ${r.target}: ${r.ok ? 'ok' : 'MISSED'}` : ''}`);
  console.log(`(directory bench took ${((Date.now() - started) / 1000).toFixed(0)} s)`);
}
