// Every directory service on this phone. Before the first sync, the default directory shipped with the app.
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
