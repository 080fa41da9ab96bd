// Runs a search on every keystroke against an index built once per directory (fast on 10,000 services).
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { buildSearchIndex, searchServices, type SearchHit } from '../../../shared/directory/search.ts';
import { db } from '../../data/db.ts';
import type { DirectoryQuery } from './filters.ts';
import type { Place } from './place.ts';
import { useServices } from './useServices.ts';

export function useFavouriteIds(): Set<string> {
  const favourites = useLiveQuery(() => db.favourites.toArray(), []);
  return useMemo(() => new Set((favourites ?? []).map((f) => f.id)), [favourites]);
}

export function useDirectorySearch(q: DirectoryQuery, place: Place | undefined): { hits?: SearchHit[]; languages: string[] } {
  const services = useServices();
  const favourites = useFavouriteIds();
  const index = useMemo(() => (services ? buildSearchIndex(services) : undefined), [services]);
  const languages = useMemo(() => [...new Set((services ?? []).flatMap((s) => s.languages ?? []))].sort(), [services]);
  const hits = useMemo(() => {
    if (!index) return undefined;
    const found = searchServices(index, { query: q.query, filters: q.filters, from: place });
    return q.savedOnly ? found.filter((h) => favourites.has(h.service.id)) : found;
  }, [index, q, place, favourites]);
  return { hits, languages };
}
