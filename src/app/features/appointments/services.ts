// Picking a place from the directory on this phone (Find help), so the appointment gets its name, place and phone.
import { buildSearchIndex, type SearchIndex, searchServices } from '../../../shared/directory/search.ts';
import type { DirectoryService } from '../../../shared/directory/types.ts';
import { syncedServices } from '../directory/queries.ts';

/** What an appointment copies from a directory service. */
export type PickedService = { id: string; name: string; place: string; phone?: string };

let cached: { count: number; index: SearchIndex } | undefined;

async function index(): Promise<SearchIndex | undefined> {
  const services = await syncedServices();
  if (services.length === 0) return undefined;
  if (!cached || cached.count !== services.length) cached = { count: services.length, index: buildSearchIndex(services) };
  return cached.index;
}

export function pickedFrom(s: DirectoryService): PickedService {
  const place = s.location.kind === 'point' ? [s.location.address, s.location.postcode].filter(Boolean).join(', ')
    : s.location.kind === 'area' ? s.location.area : '';
  return { id: s.id, name: s.name, place, phone: s.contacts.phone ?? s.contacts.sms?.number };
}

/** Up to `limit` services matching what they typed; `empty` when Find help has nothing on this phone yet. */
export async function findServicesToPick(query: string, limit = 6): Promise<{ empty: boolean; hits: PickedService[] }> {
  const idx = await index();
  if (!idx) return { empty: true, hits: [] };
  if (query.trim() === '') return { empty: false, hits: [] };
  return { empty: false, hits: searchServices(idx, { query }).slice(0, limit).map((h) => pickedFrom(h.service)) };
}
