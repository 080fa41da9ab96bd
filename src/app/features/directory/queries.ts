// What Find help reads from the phone about the person's own saved places (the directory itself: useServices.ts).
import { useLiveQuery } from 'dexie-react-hooks';

import { db } from '../../data/db.ts';

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
