// What the wellbeing questions read from the phone.
import { useLiveQuery } from 'dexie-react-hooks';

import { db } from '../../data/db.ts';

/** Every set of answers on this phone, live (undefined while the database opens). */
export function useOns4Answers() {
  return useLiveQuery(() => db.ons4.toArray(), []);
}
