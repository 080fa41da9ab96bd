// Every directory service on this phone. Before the first sync, the default directory shipped with the app.
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../data/db.ts';
import crisis from '../../../shared/directory/data/crisis-contacts.json';
import national from '../../../shared/directory/data/national-services.json';
import study from '../../../shared/directory/data/study-services.json';
import { defaultDirectory } from '../../../shared/directory/seed.ts';
import type { DirectoryService } from '../../../shared/directory/types.ts';

let shipped: DirectoryService[] | undefined;
export const shippedDirectory = () => (shipped ??= defaultDirectory(crisis.contacts, study.services, national));

/** undefined while loading. */
export function useServices(): DirectoryService[] | undefined {
  return useLiveQuery(async () => {
    const synced = await db.services.toArray();
    return synced.length > 0 ? synced : shippedDirectory();
  }, []);
}
