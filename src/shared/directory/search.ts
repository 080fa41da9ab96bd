// Finds services for what someone typed, the filters they chose and where they are. Built once per directory
// (buildSearchIndex), then each keystroke only walks the word list, not every service.
import { type LatLng, milesBetween } from './distance.ts';
import { isOpenOnClock, londonWallClock, type WallClock } from './opening-hours.ts';
import type { AccessMode, Category, DirectoryService } from './types.ts';

/**
 * Lower case, accents and marks removed ("Café" → "cafe", "ÉCOLE" → "ecole").
 * @internal exported for its tests (knip --production)
 */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/ß/g, 'ss');
}
const wordsOf = (text: string): string[] => foldText(text).split(/[^\p{L}\p{N}+]+/u).filter(Boolean);

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
  /** Word positions by first letter: a typo is forgiven anywhere but the first letter, so only one bucket is walked. */
  byFirstLetter: Map<string, number[]>;
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
  const words = [...byWord.keys()];
  const byFirstLetter = new Map<string, number[]>();
  words.forEach((word, w) => {
    const bucket = byFirstLetter.get(word[0]);
    if (bucket) bucket.push(w); else byFirstLetter.set(word[0], [w]);
  });
  return { services, words, postings: [...byWord.values()], byFirstLetter };
}

/**
 * Whether a typed word matches a service word: a prefix, or one slip (swap, extra, missing or wrong letter).
 * @internal exported for its tests (knip --production)
 */
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

function passesFilters(s: DirectoryService, f: DirectoryFilters, now: WallClock): boolean {
  if (f.category && !s.categories.includes(f.category)) return false;
  if (f.careLeaverOnly && !s.careLeaverSpecific) return false;
  if (f.age !== undefined && ((s.minAge ?? 0) > f.age || (s.maxAge ?? Infinity) < f.age)) return false;
  if (f.over25 && (s.maxAge ?? Infinity) <= 25) return false;
  if (f.language && !(s.languages ?? []).includes(f.language)) return false;
  if (f.free && !s.free) return false;
  if (f.walkIn && !s.walkIn) return false;
  if (f.remote && !s.access.some((a) => REMOTE.includes(a))) return false;
  if (f.openNow && !isOpenOnClock(s.hours, now)) return false;
  return true;
}

export type SearchHit = {
  service: DirectoryService;
  /** Shown to the person: only for services at an exact place. */
  miles?: number;
  /** Sort key only: miles to the place, or to the rough centre of an area-level service. Never shown. */
  nearness?: number;
};

function nearnessOf(from: LatLng | undefined, loc: DirectoryService['location']): number | undefined {
  if (!from) return undefined;
  if (loc.kind === 'point') return milesBetween(from, loc);
  if (loc.kind === 'area' && loc.lat !== undefined && loc.lng !== undefined) return milesBetween(from, { lat: loc.lat, lng: loc.lng });
  return undefined;
}

/**
 * Miles from a place to every service (NaN where a service has no place), computed once when the place is
 * chosen, so each keystroke only reads them.
 */
export type Distances = { from: LatLng; miles: Float64Array };
export function distancesFrom(index: SearchIndex, from: LatLng): Distances {
  const miles = new Float64Array(index.services.length);
  index.services.forEach((s, i) => { miles[i] = nearnessOf(from, s.location) ?? Number.NaN; });
  return { from, miles };
}

export type SearchOptions = {
  query?: string; filters?: DirectoryFilters; from?: LatLng; at?: Date; limit?: number;
  /** With `from`: only places within this many miles, then national services; far places are left out. */
  radiusMiles?: number;
  /** distancesFrom(index, from), when the caller keeps it between keystrokes. */
  distances?: Distances;
};

/**
 * Services matching every typed word and every filter. With `from`: exact places and areas nearest first (areas by
 * their rough centre), then national services (which never get a made-up distance); with `radiusMiles`, places
 * further away and areas with no known centre are left out, so "near me" means near. Otherwise by name.
 * With `limit`, only the best `limit` are sorted and returned (a screen shows 30), with `total` counting all.
 */
export function findServices(index: SearchIndex, options: SearchOptions): { hits: SearchHit[]; total: number } {
  const now = londonWallClock(options.at ?? new Date());
  const filters = options.filters ?? {};
  const limit = options.limit ?? Infinity;
  const from = options.distances?.from ?? options.from;
  const distances = options.distances && (!options.from || options.distances.from === options.from) ? options.distances.miles : undefined;
  const radius = from ? options.radiusMiles : undefined;
  const best: SearchHit[] = [];
  let total = 0;
  for (const i of matchingPositions(index, options.query ?? '')) {
    const service = index.services[i];
    const loc = service.location;
    const known = distances ? distances[i] : Number.NaN;
    const nearness = distances ? (Number.isNaN(known) ? undefined : known) : nearnessOf(from, loc);
    if (radius !== undefined && loc.kind !== 'national' && (nearness === undefined || nearness > radius)) continue;
    if (!passesFilters(service, filters, now)) continue;
    total++;
    const miles = loc.kind === 'point' ? nearness : undefined;
    if (limit === Infinity) {
      best.push({ service, miles, nearness });
      continue;
    }
    // Most services on a long list are not in the top few: reject them without allocating anything.
    if (best.length >= limit) {
      const worst = best[best.length - 1];
      if (compareParts(service, nearness, worst.service, worst.nearness) >= 0) continue;
    }
    const hit = { service, miles, nearness };
    // Keep `best` sorted: binary-search the place for the new hit.
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareHits(best[mid], hit) <= 0) lo = mid + 1; else hi = mid;
    }
    best.splice(lo, 0, hit);
    if (best.length > limit) best.pop();
  }
  if (limit === Infinity) best.sort(compareHits);
  return { hits: best, total };
}

export function searchServices(index: SearchIndex, options: SearchOptions): SearchHit[] {
  const { hits } = findServices(index, { ...options, limit: undefined });
  return hits;
}

const compareHits = (a: SearchHit, b: SearchHit) => compareParts(a.service, a.nearness, b.service, b.nearness);

// Nearest first (areas by their rough centre); services with no place after, area-level before national, then by name.
function compareParts(a: DirectoryService, aMiles: number | undefined, b: DirectoryService, bMiles: number | undefined): number {
  if (aMiles !== undefined || bMiles !== undefined) {
    if (aMiles === undefined) return 1;
    if (bMiles === undefined) return -1;
    if (aMiles !== bMiles) return aMiles - bMiles;
  }
  const rank = (s: DirectoryService) => (s.location.kind === 'area' ? 0 : 1);
  return rank(a) - rank(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

function matchingPositions(index: SearchIndex, query: string): Iterable<number> {
  const typedWords = [...new Set(wordsOf(query))];
  if (typedWords.length === 0) return index.services.keys();
  // matched[i] counts how many typed words service i has matched so far; typed arrays keep this fast on 10,000.
  const matched = new Uint8Array(index.services.length);
  typedWords.forEach((typed, k) => {
    for (const w of index.byFirstLetter.get(typed[0]) ?? []) {
      if (!wordMatches(typed, index.words[w])) continue;
      for (const i of index.postings[w]) if (matched[i] === k) matched[i] = k + 1;
    }
  });
  const all = typedWords.length;
  const result: number[] = [];
  for (let i = 0; i < matched.length; i++) if (matched[i] === all) result.push(i);
  return result;
}
