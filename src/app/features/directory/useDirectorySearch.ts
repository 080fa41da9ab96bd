// Runs a search on every keystroke against an index built once per directory (fast on 10,000 services), with
// the distance to every service worked out once per place, not per keystroke.
import { useMemo } from 'react';

import { buildSearchIndex, distancesFrom, findServices, type SearchHit } from '../../../shared/directory/search.ts';
import { CATEGORIES, type Category } from '../../../shared/directory/types.ts';
import type { DirectoryQuery } from './filters.ts';
import { type Place, radiusInMiles, type Reach } from './place.ts';
import { useSavedServices, useServices } from './queries.ts';

function useFavouriteIds(): Set<string> {
  const favourites = useSavedServices();
  return useMemo(() => new Set((favourites ?? []).map((f) => f.serviceId)), [favourites]);
}

/** languages and categories: only what the directory holds, so a filter never offers something with no results. */
export type DirectoryResults = { hits?: SearchHit[]; total: number; languages: string[]; categories: Category[] };

/** The best `limit` matches, sorted (places within reach nearest first, then national services), and how many match in all. */
export function useDirectorySearch(q: DirectoryQuery, place: Place | undefined, limit: number, reach?: Reach): DirectoryResults {
  const services = useServices();
  const favourites = useFavouriteIds();
  const index = useMemo(() => (services ? buildSearchIndex(services) : undefined), [services]);
  const distances = useMemo(() => (index && place ? distancesFrom(index, place) : undefined), [index, place]);
  const languages = useMemo(() => [...new Set((services ?? []).flatMap((s) => s.languages ?? []))].sort(), [services]);
  const categories = useMemo(() => {
    const held = new Set((services ?? []).flatMap((s) => s.categories));
    return CATEGORIES.filter((c) => held.has(c));
  }, [services]);
  const radiusMiles = place && reach ? radiusInMiles(reach) : undefined;
  const found = useMemo(() => {
    if (!index) return undefined;
    const options = { query: q.query, filters: q.filters, from: place, distances, radiusMiles };
    if (!q.savedOnly) return findServices(index, { ...options, limit });
    const saved = findServices(index, options).hits.filter((h) => favourites.has(h.service.id));
    return { hits: saved.slice(0, limit), total: saved.length };
  }, [index, q, place, distances, radiusMiles, favourites, limit]);
  return { hits: found?.hits, total: found?.total ?? 0, languages, categories };
}
