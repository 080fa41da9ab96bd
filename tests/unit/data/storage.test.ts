import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';

import { AppDatabase } from '../../../src/app/data/db.ts';
import { askToKeepDataOnThisPhone } from '../../../src/app/data/persist.ts';
import { openLocalStore } from '../../../src/app/data/storage.ts';

describe('where the phone keeps its data', () => {
  it('uses IndexedDB when the browser allows it', async () => {
    const database = new AppDatabase(`ok-${crypto.randomUUID()}`);
    expect(await openLocalStore(database)).toBe('device');
    database.close();
  });

  it('says the phone cannot keep data when the browser refuses IndexedDB (some private modes)', async () => {
    const refusing = { open: () => { throw new DOMException('The operation is insecure.', 'SecurityError'); } } as unknown as IDBFactory;
    const database = new Dexie(`refused-${crypto.randomUUID()}`, { indexedDB: refusing, IDBKeyRange });
    database.version(1).stores({ meta: 'key' });

    expect(await openLocalStore(database)).toBe('unavailable');
  });

  it('asks the browser once to keep our data, ignoring the answer', async () => {
    const persist = vi.fn(async () => false);
    Object.defineProperty(navigator, 'storage', { value: { persist }, configurable: true });
    askToKeepDataOnThisPhone();
    askToKeepDataOnThisPhone();
    expect(persist).toHaveBeenCalledTimes(1);
  });
});
