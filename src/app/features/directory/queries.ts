// What Find help reads from the phone: the directory (before the first sync, the default directory shipped with the
// app) and the person's own saved places.
import { useLiveQuery } from 'dexie-react-hooks';

import crisis from '../../../shared/directory/data/crisis-contacts.json';
import study from '../../../shared/directory/data/study-services.json';
import { defaultDirectory } from '../../../shared/directory/seed.ts';
import type { DirectoryService } from '../../../shared/directory/types.ts';
import { db } from '../../data/db.ts';

let shipped: Promise<DirectoryService[]> | undefined;
/**
 * The national services file carries its sources and notes (about 8 KB gzip): a chunk of its own, precached like
 * every chunk, fetched only by a phone that has not synced yet (a synced phone gets them from the server).
 */
const shippedDirectory = () => (shipped ??= import('../../../shared/directory/data/national-services.json')
  .then((national) => defaultDirectory(crisis.contacts, study.services, national.default)));

/** undefined while loading. */
export function useServices(): DirectoryService[] | undefined {
  return useLiveQuery(async () => {
    const synced = await db.services.toArray();
    return synced.length > 0 ? synced : shippedDirectory();
  }, []);
}

/** The services synced to this phone (none before the first sync): what an appointment's place is picked from. */
export const syncedServices = () => db.services.toArray();

// Found by reading the few saved places, not by an index: an index would keep which service each one is readable
// with the PIN on (data/lock/encryptAtRest.ts seals everything but keys and indexes).
export const savedCopiesOf = (serviceId: string) => db.favourites.filter((f) => f.serviceId === serviceId).toArray();

/** The saved copy of a service, if it is saved (undefined while the database opens). */
export function useSavedService(serviceId: string) {
  return useLiveQuery(async () => (await savedCopiesOf(serviceId))[0], [serviceId]);
}

/** Every saved service, live. */
export function useSavedServices() {
  return useLiveQuery(() => db.favourites.toArray(), []);
}
