// Some private modes refuse IndexedDB. Then we say so plainly instead of pretending to save.
import type Dexie from 'dexie';

import { db } from './db.ts';

export type StorageMode = 'device' | 'unavailable';

/** Opens the phone's database; reports 'unavailable' when the browser refuses it. */
export async function openLocalStore(database: Dexie = db): Promise<StorageMode> {
  try {
    await database.open();
    return 'device';
  } catch {
    // No silent in-memory stand-in: a young person must know their check-ins would not be kept.
    return 'unavailable';
  }
}
