// Some private modes refuse IndexedDB. Then we keep the same database in memory, and say so plainly.
import type Dexie from 'dexie';

export type StorageMode = 'device' | 'memory';

let mode: StorageMode = 'device';

/** Opens the phone's database; if the browser refuses, switches it to an in-memory copy and reports 'memory'. */
export async function openLocalStore(database: Dexie): Promise<StorageMode> {
  try {
    await database.open();
    mode = 'device';
  } catch {
    database.close();
    // Loaded only when needed, so it never weighs on the first screen for everyone else.
    const { indexedDB, IDBKeyRange } = await import('fake-indexeddb');
    // Dexie reads its IndexedDB factory at open time, so swapping it here keeps every import of `db` working.
    (database as unknown as { _deps: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange } })._deps = { indexedDB, IDBKeyRange };
    await database.open();
    mode = 'memory';
  }
  return mode;
}

export function storageMode(): StorageMode {
  return mode;
}
