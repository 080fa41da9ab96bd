import { describe, expect, it, vi } from 'vitest';
import { AppDatabase } from '../../../src/app/data/db.ts';
import { openLocalStore } from '../../../src/app/data/storage.ts';
import { askToKeepDataOnThisPhone } from '../../../src/app/data/persist.ts';

describe('where the phone keeps its data', () => {
  it('uses IndexedDB when the browser allows it', async () => {
    const database = new AppDatabase(`ok-${crypto.randomUUID()}`);
    expect(await openLocalStore(database)).toBe('device');
    database.close();
  });

  it('keeps working in memory when the browser refuses IndexedDB (some private modes)', async () => {
    const database = new AppDatabase(`refused-${crypto.randomUUID()}`);
    const refusing = { open: () => { throw new DOMException('The operation is insecure.', 'SecurityError'); } } as unknown as IDBFactory;
    (database as unknown as { _deps: { indexedDB: IDBFactory } })._deps.indexedDB = refusing;

    expect(await openLocalStore(database)).toBe('memory');
    await database.meta.put({ key: 'language', value: 'ar' });
    expect(await database.meta.get('language')).toEqual({ key: 'language', value: 'ar' });
    database.close();
  });

  it('asks the browser once to keep our data, ignoring the answer', async () => {
    const persist = vi.fn(async () => false);
    Object.defineProperty(navigator, 'storage', { value: { persist }, configurable: true });
    askToKeepDataOnThisPhone();
    askToKeepDataOnThisPhone();
    expect(persist).toHaveBeenCalledTimes(1);
  });
});
