// What Find help reads from the phone about the person's own saved places (the directory itself: useServices.ts).
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../data/db.ts';

/** The saved copy of a service, if it is saved (undefined while the database opens). */
export function useSavedService(serviceId: string) {
  return useLiveQuery(() => db.favourites.where('serviceId').equals(serviceId).first(), [serviceId]);
}

/** Every saved service, live. */
export function useSavedServices() {
  return useLiveQuery(() => db.favourites.toArray(), []);
}
