// Runs a search on every keystroke against an index built once per directory (fast on 10,000 services).
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { buildSearchIndex, findServices, type SearchHit } from '../../../shared/directory/search.ts';
import { db } from '../../data/db.ts';
import type { DirectoryQuery } from './filters.ts';
import type { Place } from './place.ts';
import { useServices } from './useServices.ts';

export function useFavouriteIds(): Set<string> {
  const favourites = useLiveQuery(() => db.favourites.toArray(), []);
  return useMemo(() => new Set((favourites ?? []).map((f) => f.serviceId)), [favourites]);
}

export type DirectoryResults = { hits?: SearchHit[]; total: number; languages: string[] };

/** The best `limit` matches, sorted, and how many match in all. */
export function useDirectorySearch(q: DirectoryQuery, place: Place | undefined, limit: number): DirectoryResults {
  const services = useServices();
  const favourites = useFavouriteIds();
  const index = useMemo(() => (services ? buildSearchIndex(services) : undefined), [services]);
  const languages = useMemo(() => [...new Set((services ?? []).flatMap((s) => s.languages ?? []))].sort(), [services]);
  const found = useMemo(() => {
    if (!index) return undefined;
    if (!q.savedOnly) return findServices(index, { query: q.query, filters: q.filters, from: place, limit });
    const saved = findServices(index, { query: q.query, filters: q.filters, from: place }).hits.filter((h) => favourites.has(h.service.id));
    return { hits: saved.slice(0, limit), total: saved.length };
  }, [index, q, place, favourites, limit]);
  return { hits: found?.hits, total: found?.total ?? 0, languages };
}
