// `npm run admin -- import-services FILE|URL [--replace] [--every 24h]`: reads an ORUK feed (following its pages),
// refuses it whole if it is structurally broken (line and field), otherwise writes every service in one
// transaction, dropping and reporting bad values inside good services. With --every it refreshes on a schedule;
// a failed refresh changes nothing, so the last good data stays.
// Fetching is capped: no redirect to another origin, a size cap, a page cap and a time cap, so a hostile or
// broken feed can't point us at internal hosts, fill memory or keep us busy for ever.
import fs from 'node:fs/promises';
import path from 'node:path';

import type { Store } from '../store/database.ts';
import { describeProblems, MAX_SERVICES_PER_FEED, readOrukFeed, readOrukRoot } from './oruk-feed.ts';
import { writeServices } from './write.ts';

export const IMPORT_SERVICES_USAGE = 'import-services <file|url> [--replace] [--every 24h]';

type FetchLimits = {
  /** Pages followed at most (a feed that never says last_page stops here). */
  maxPages: number;
  /** Bytes read at most, over all pages. */
  maxBytes: number;
  /** The whole fetch, all pages, must finish within this. */
  maxMillis: number;
};
const DEFAULT_LIMITS: FetchLimits = { maxPages: 500, maxBytes: 100 * 1024 * 1024, maxMillis: 5 * 60_000 };
const MAX_REDIRECTS = 5;

export class ImportRefused extends Error {}

/** @internal exported for its tests (knip --production) */
export type Progress = (message: string) => void;

type Budget = { limits: FetchLimits; bytes: number; deadline: AbortSignal; origin: string };

/** One page of an ORUK list, as sent: the services under `contents` (v3) or `content` (v1), and whether more follow. */
type FeedPage = Record<string, unknown>;
const pageOf = (json: unknown): FeedPage | undefined =>
  (json && typeof json === 'object' && !Array.isArray(json) ? (json as FeedPage) : undefined);

/** Fetches every page of an ORUK list (v3 `last_page`/`total_pages`, v1 `last`) and joins them into one list. */
async function fetchFeed(url: string, limits: FetchLimits, progress: Progress): Promise<unknown> {
  const budget: Budget = { limits, bytes: 0, deadline: AbortSignal.timeout(limits.maxMillis), origin: new URL(url).origin };
  const first = await fetchJson(url, budget);
  const firstPage = pageOf(first);
  const key = Array.isArray(firstPage?.contents) ? 'contents' : Array.isArray(firstPage?.content) ? 'content' : undefined;
  if (!firstPage || !key) return first;
  const listOf = (page: FeedPage | undefined): unknown[] => (Array.isArray(page?.[key]) ? (page[key] as unknown[]) : []);
  const items: unknown[] = [...listOf(firstPage)];
  const totalPages = Number.isInteger(firstPage.total_pages) ? (firstPage.total_pages as number) : undefined;
  progress(`Page 1${totalPages ? ` of ${totalPages}` : ''}: ${items.length} services so far.`);
  let page: FeedPage | undefined = firstPage;
  // A page that is not a JSON object ends the list (readOrukRoot then judges what was gathered).
  for (let n = 2; page && !(page.last_page ?? page.last ?? true) && listOf(page).length > 0; n++) {
    if (n > limits.maxPages) throw new ImportRefused(`The feed at ${url} has more than ${limits.maxPages} pages; nothing was imported.`);
    if (items.length > MAX_SERVICES_PER_FEED) break; // readOrukRoot refuses it with the count
    const next = new URL(url);
    next.searchParams.set('page', String(n));
    page = pageOf(await fetchJson(next.toString(), budget));
    items.push(...listOf(page));
    progress(`Page ${n}${totalPages ? ` of ${totalPages}` : ''}: ${items.length} services so far.`);
  }
  return { [key]: items };
}

async function fetchJson(url: string, budget: Budget): Promise<unknown> {
  let at = url;
  let response: Response;
  try {
    for (let hop = 0; ; hop++) {
      response = await fetch(at, { headers: { accept: 'application/json' }, redirect: 'manual', signal: budget.deadline });
      if (response.status < 300 || response.status > 399) break;
      const location = response.headers.get('location');
      await response.body?.cancel();
      if (!location) throw new ImportRefused(`The feed answered ${response.status} with nowhere to go, for ${at}.`);
      const next = new URL(location, at);
      // Only within the feed's own origin: a redirect elsewhere could reach hosts the server can see and the world can't.
      if (next.origin !== budget.origin) throw new ImportRefused(`The feed at ${at} redirects to another origin (${next.origin}); not followed.`);
      if (hop >= MAX_REDIRECTS) throw new ImportRefused(`The feed at ${url} redirects more than ${MAX_REDIRECTS} times.`);
      at = next.toString();
    }
    if (!response.ok) throw new ImportRefused(`The feed answered ${response.status} ${response.statusText} for ${at}.`);
    const text = await readCapped(response, budget);
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new ImportRefused(`The feed at ${at} did not send valid JSON.`);
    }
  } catch (error) {
    if (error instanceof ImportRefused) throw error;
    if (budget.deadline.aborted) throw new ImportRefused(`The feed took longer than ${Math.round(budget.limits.maxMillis / 1000)} s; nothing was imported.`);
    throw new ImportRefused(`Could not read the feed at ${at}: ${(error as Error).message}`);
  }
}

async function readCapped(response: Response, budget: Budget): Promise<string> {
  const tooBig = () => new ImportRefused(`The feed is larger than ${Math.round(budget.limits.maxBytes / 1024 / 1024)} MiB; nothing was imported.`);
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && budget.bytes + declared > budget.limits.maxBytes) {
    await response.body?.cancel();
    throw tooBig();
  }
  const chunks: Uint8Array[] = [];
  const reader = response.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    budget.bytes += value.byteLength;
    if (budget.bytes > budget.limits.maxBytes) {
      await reader.cancel();
      throw tooBig();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** @internal exported for its tests (knip --production) */
export type ImportOptions = { limits?: Partial<FetchLimits>; progress?: Progress };

/** @internal exported for its tests (knip --production) */
export async function importServices(store: Store, where: string, replace: boolean, options: ImportOptions = {}): Promise<string> {
  const isUrl = /^https?:\/\//i.test(where);
  const progress = options.progress ?? (() => {});
  const feed = isUrl
    ? readOrukRoot(await fetchFeed(where, { ...DEFAULT_LIMITS, ...options.limits }, progress))
    : readOrukFeed(await fs.readFile(where, 'utf8'));
  if (!feed.ok) {
    throw new ImportRefused(`Nothing was imported. Fix these in ${where}${feed.version ? ` (ORUK ${feed.version})` : ''}:\n${describeProblems(feed.problems)}`);
  }
  const source = isUrl ? where : `file:${path.basename(where)}`;
  const summary = await writeServices(store, source, feed.services, replace);
  const warned = feed.warnings.length > 0
    ? `\n${feed.warnings.length} value${feed.warnings.length === 1 ? '' : 's'} dropped (the rest of each service was kept):\n${describeProblems(feed.warnings)}`
    : '';
  return `Imported ORUK ${feed.version} from ${where}: ${feed.services.length} services ` +
    `(${summary.added} new, ${summary.changed} changed, ${summary.unchanged} unchanged, ${summary.removed} removed).${warned}`;
}

/**
 * "24h", "30m", "2d" → milliseconds; at least a minute, so a typo can't hammer someone's server.
 * @internal exported for its tests (knip --production)
 */
export function parseEvery(text: string | undefined): number {
  const match = /^(\d{1,4})(m|h|d)$/.exec(text ?? '');
  if (!match) throw new ImportRefused(`--every needs a time like 24h, 30m or 7d (got "${text ?? ''}").`);
  return Number(match[1]) * { m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] as 'm' | 'h' | 'd'];
}

/**
 * Imports now and then every `everyMillis` until `signal` aborts. A failed refresh is reported and changes
 * nothing (writes are all or nothing), so phones keep the last good data.
 * @internal exported for its tests (knip --production)
 */
export async function refreshEvery(store: Store, where: string, replace: boolean, everyMillis: number, log: Progress, signal?: AbortSignal, options: ImportOptions = {}): Promise<void> {
  while (!signal?.aborted) {
    try {
      log(`${new Date().toISOString()} ${await importServices(store, where, replace, options)}`);
    } catch (error) {
      log(`${new Date().toISOString()} Refresh failed; the last good data is kept. ${(error as Error).message}`);
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, everyMillis);
      signal?.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
    });
  }
}

export async function importServicesCommand(store: Store, args: string[]): Promise<string> {
  const replace = args.includes('--replace');
  const everyAt = args.indexOf('--every');
  const every = everyAt >= 0 ? parseEvery(args[everyAt + 1]) : undefined;
  const where = args.find((a, i) => !a.startsWith('--') && !(everyAt >= 0 && i === everyAt + 1));
  if (!where) throw new ImportRefused(`Give a file or URL: ${IMPORT_SERVICES_USAGE}`);
  const progress = (message: string) => console.error(message);
  if (every === undefined) return importServices(store, where, replace, { progress });
  await refreshEvery(store, where, replace, every, (message) => console.log(message), undefined, { progress });
  return 'Stopped.';
}
