// What History reads from the phone.
import { useLiveQuery } from 'dexie-react-hooks';

import { db } from '../../data/db.ts';

/** Every check-in on this phone, live (undefined while the database opens). */
export function useCheckins() {
  return useLiveQuery(() => db.checkins.toArray(), []);
}
