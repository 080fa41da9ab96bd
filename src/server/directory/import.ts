// `npm run admin -- import-services FILE|URL [--replace]`: reads an ORUK feed, refuses it whole if anything
// is wrong (line and field), otherwise writes every service in one transaction.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Store } from '../store/database.ts';
import { describeProblems, readOrukFeed } from './oruk-feed.ts';
import { writeServices } from './write.ts';

export const IMPORT_SERVICES_USAGE = 'import-services <file|url> [--replace]';
const MAX_PAGES = 200;

export class ImportRefused extends Error {}

/** Fetches every page of an ORUK list (v3 `last_page`, v1 `last`) and joins them into one list. */
async function fetchFeed(url: string): Promise<string> {
  const first = await fetchJson(url);
  const isList = first && typeof first === 'object' && !Array.isArray(first);
  const key = isList && Array.isArray(first.contents) ? 'contents' : isList && Array.isArray(first.content) ? 'content' : undefined;
  if (!key) return JSON.stringify(first, null, 2);
  const items = [...first[key]];
  let page = first;
  for (let n = 2; n <= MAX_PAGES && !(page.last_page ?? page.last ?? true) ; n++) {
    const next = new URL(url);
    next.searchParams.set('page', String(n));
    page = await fetchJson(next.toString());
    items.push(...(page[key] ?? []));
  }
  return JSON.stringify({ [key]: items }, null, 2);
}

async function fetchJson(url: string): Promise<any> {
  const response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(30_000) });
  if (!response.ok) throw new ImportRefused(`The feed answered ${response.status} ${response.statusText} for ${url}.`);
  try {
    return await response.json();
  } catch {
    throw new ImportRefused(`The feed at ${url} did not send valid JSON.`);
  }
}

export async function importServices(store: Store, where: string, replace: boolean): Promise<string> {
  const isUrl = /^https?:\/\//i.test(where);
  const text = isUrl ? await fetchFeed(where) : await fs.readFile(where, 'utf8');
  const feed = readOrukFeed(text);
  if (!feed.ok) {
    throw new ImportRefused(`Nothing was imported. Fix these in ${where}${feed.version ? ` (ORUK ${feed.version})` : ''}:\n${describeProblems(feed.problems)}`);
  }
  const source = isUrl ? where : `file:${path.basename(where)}`;
  const summary = await writeServices(store, source, feed.services, replace);
  return `Imported ORUK ${feed.version} from ${where}: ${feed.services.length} services ` +
    `(${summary.added} new, ${summary.changed} changed, ${summary.unchanged} unchanged, ${summary.removed} removed).`;
}

export async function importServicesCommand(store: Store, args: string[]): Promise<string> {
  const replace = args.includes('--replace');
  const where = args.find((a) => !a.startsWith('--'));
  if (!where) throw new ImportRefused(`Give a file or URL: ${IMPORT_SERVICES_USAGE}`);
  return importServices(store, where, replace);
}
