// The sync push writes through better-sqlite3 directly, on the connection Kysely also uses. It must wait for any
// Kysely transaction in progress (never write inside someone else's), and be all or nothing itself.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { openStore, type SqliteDirect, type Store } from '../../src/server/store/database.ts';
import { migrateToLatest } from '../../src/server/store/migrate.ts';

describe('writing to SQLite without Kysely', () => {
  let store: Store;
  let dir: string;
  afterEach(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const openFreshStore = async (): Promise<SqliteDirect> => {
    dir = mkdtempSync(path.join(tmpdir(), 'sqlite-direct-'));
    store = openStore({ dialect: 'sqlite', file: path.join(dir, 'app.sqlite') });
    await migrateToLatest(store);
    if (!store.sqlite) throw new Error('An SQLite store should offer direct writes');
    return store.sqlite;
  };
  const addPerson = (sqlite: SqliteDirect, id: string) => sqlite.prepare('insert into people (id, created_at) values (?, ?)').run(id, '2026-12-01T00:00:00.000Z');
  const people = () => store.db.selectFrom('people').select('id').orderBy('id').execute();

  it('waits for a Kysely transaction in progress, so that transaction rolling back never takes its write along', async () => {
    const sqlite = await openFreshStore();
    let releaseKysely!: () => void;
    const kyselyHolds = new Promise<void>((resolve) => (releaseKysely = resolve));
    const order: string[] = [];
    const kysely = store.db.transaction().execute(async (trx) => {
      await trx.insertInto('people').values({ id: 'example-rolled-back', created_at: '2026-12-01T00:00:00.000Z' }).execute();
      order.push('kysely wrote');
      await kyselyHolds;
      throw new Error('example failure: this transaction rolls back');
    }).catch((error: Error) => error.message);
    await new Promise((resolve) => setTimeout(resolve, 20)); // the Kysely transaction now holds the connection

    const direct = sqlite.transaction(() => {
      order.push('direct wrote');
      addPerson(sqlite, 'example-kept');
      return 'done';
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(order, 'the direct write waits while the Kysely transaction is open').toEqual(['kysely wrote']);

    releaseKysely();
    expect(await kysely).toBe('example failure: this transaction rolls back');
    expect(await direct).toBe('done');
    expect(order).toEqual(['kysely wrote', 'direct wrote']);
    expect(await people()).toEqual([{ id: 'example-kept' }]);
  });

  it('rolls back every statement of a transaction that throws, and then takes the next one', async () => {
    const sqlite = await openFreshStore();
    const failed = sqlite.transaction(() => {
      addPerson(sqlite, 'example-first');
      throw new Error('example refusal');
    });
    await expect(failed).rejects.toThrow('example refusal');
    expect(await people()).toEqual([]);
    await sqlite.transaction(() => addPerson(sqlite, 'example-second'));
    expect(await people()).toEqual([{ id: 'example-second' }]);
  });
});
