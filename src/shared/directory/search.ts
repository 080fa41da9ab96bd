// Finds services for what someone typed, the filters they chose and where they are. Built once per directory
// (buildSearchIndex), then each keystroke only walks the word list, not every service.
import { milesBetween, type LatLng } from './distance.ts';
import { isOpenAt } from './opening-hours.ts';
import type { AccessMode, Category, DirectoryService } from './types.ts';

/** Lower case, accents and marks removed ("Café" → "cafe", "ÉCOLE" → "ecole"). */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/ß/g, 'ss');
}
export const wordsOf = (text: string): string[] => foldText(text).split(/[^\p{L}\p{N}+]+/u).filter(Boolean);

export type DirectoryFilters = {
  category?: Category;
  openNow?: boolean;
  careLeaverOnly?: boolean;
  /** Only services that take someone of this age. */
  age?: number;
  /** Only services that still help after 25. */
  over25?: boolean;
  /** ISO 639-1 code. */
  language?: string;
  free?: boolean;
  walkIn?: boolean;
  /** Reachable by phone, text or online, without going anywhere. */
  remote?: boolean;
};

export type SearchIndex = {
  services: DirectoryService[];
  /** Each distinct word, with the services (by position) that contain it. */
  words: string[];
  postings: number[][];
};

export function buildSearchIndex(services: DirectoryService[]): SearchIndex {
  const byWord = new Map<string, number[]>();
  services.forEach((s, i) => {
    const text = [s.name, s.organisation ?? '', s.description, s.whoFor ?? '', s.location.kind === 'area' ? s.location.area : ''].join(' ');
    for (const word of new Set(wordsOf(text))) {
      const list = byWord.get(word);
      if (list) list.push(i); else byWord.set(word, [i]);
    }
  });
  return { services, words: [...byWord.keys()], postings: [...byWord.values()] };
}

/** Whether a typed word matches a service word: a prefix, or one slip (swap, extra, missing or wrong letter). */
export function wordMatches(typed: string, word: string): boolean {
  if (word.startsWith(typed)) return true;
  if (typed.length < 4) return false;
  // Compare against the word cut to the typed length (±1) so "counsel" with a slip still finds "counselling".
  for (const len of [typed.length - 1, typed.length, typed.length + 1]) {
    if (len <= word.length && withinOneEdit(typed, word.slice(0, len))) return true;
  }
  return false;
}

function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (i === a.length && i === b.length) return true;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

const REMOTE: AccessMode[] = ['phone', 'text', 'online'];

export function passesFilters(s: DirectoryService, f: DirectoryFilters, at: Date): boolean {
  if (f.category && !s.categories.includes(f.category)) return false;
  if (f.careLeaverOnly && !s.careLeaverSpecific) return false;
  if (f.age !== undefined && ((s.minAge ?? 0) > f.age || (s.maxAge ?? Infinity) < f.age)) return false;
  if (f.over25 && (s.maxAge ?? Infinity) <= 25) return false;
  if (f.language && !(s.languages ?? []).includes(f.language)) return false;
  if (f.free && !s.free) return false;
  if (f.walkIn && !s.walkIn) return false;
  if (f.remote && !s.access.some((a) => REMOTE.includes(a))) return false;
  if (f.openNow && !isOpenAt(s.hours, at)) return false;
  return true;
}

export type SearchHit = { service: DirectoryService; miles?: number };

export type SearchOptions = { query?: string; filters?: DirectoryFilters; from?: LatLng; at?: Date };

/**
 * Services matching every typed word and every filter. With `from`: exact places nearest first, then
 * area-level and national services (which never get a made-up distance). Otherwise by name.
 */
export function searchServices(index: SearchIndex, options: SearchOptions): SearchHit[] {
  const at = options.at ?? new Date();
  const filters = options.filters ?? {};
  const candidates = matchingPositions(index, options.query ?? '');
  const hits: SearchHit[] = [];
  for (const i of candidates) {
    const service = index.services[i];
    if (!passesFilters(service, filters, at)) continue;
    const loc = service.location;
    hits.push({ service, miles: options.from && loc.kind === 'point' ? milesBetween(options.from, loc) : undefined });
  }
  return hits.sort(compareHits);
}

function compareHits(a: SearchHit, b: SearchHit): number {
  if (a.miles !== undefined || b.miles !== undefined) {
    if (a.miles === undefined) return 1;
    if (b.miles === undefined) return -1;
    if (a.miles !== b.miles) return a.miles - b.miles;
  }
  const rank = (h: SearchHit) => (h.service.location.kind === 'area' ? 0 : 1);
  return rank(a) - rank(b) || (a.service.name < b.service.name ? -1 : a.service.name > b.service.name ? 1 : 0);
}

function matchingPositions(index: SearchIndex, query: string): Iterable<number> {
  const typedWords = [...new Set(wordsOf(query))];
  if (typedWords.length === 0) return index.services.keys();
  let result: Set<number> | undefined;
  for (const typed of typedWords) {
    const found = new Set<number>();
    index.words.forEach((word, w) => {
      if (wordMatches(typed, word)) for (const i of index.postings[w]) if (!result || result.has(i)) found.add(i);
    });
    result = found;
    if (result.size === 0) break;
  }
  return result ?? [];
}
