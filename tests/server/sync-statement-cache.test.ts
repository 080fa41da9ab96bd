// The SQLite store keeps compiled statements so a push doesn't recompile its SQL; reuse must never break a query.
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';

import { withStatementCache } from '../../src/server/store/database.ts';

describe('the SQLite statement cache', () => {
  let sqlite: SQLite.Database;
  afterEach(() => sqlite?.close());

  const rowsTable = () => {
    sqlite = new SQLite(':memory:');
    sqlite.exec('create table t (n integer); insert into t values (1), (2), (3);');
    return withStatementCache(sqlite, 2);
  };

  it('compiles a repeated query once and gives the same answers', () => {
    const cache = rowsTable();
    const first = cache.prepare('select n from t order by n');
    expect(cache.prepare('select n from t order by n')).toBe(first);
    expect(first.all([])).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(cache.prepare('select n from t where n > ?').all([1])).toEqual([{ n: 2 }, { n: 3 }]);
  });

  it('runs a query again while the same query is still being streamed', () => {
    const cache = rowsTable();
    const seen: number[] = [];
    for (const row of cache.prepare('select n from t order by n').iterate([]) as Iterable<{ n: number }>) {
      seen.push(row.n, cache.prepare('select n from t order by n').all([]).length);
    }
    expect(seen).toEqual([1, 3, 2, 3, 3, 3]);
  });

  it('forgets the least recently used statement when full', () => {
    const cache = rowsTable();
    const a = cache.prepare('select 1');
    const b = cache.prepare('select 2');
    expect(cache.prepare('select 1')).toBe(a);
    cache.prepare('select 3'); // over the size of 2: 'select 2' was used least recently
    expect(cache.prepare('select 1')).toBe(a);
    expect(cache.prepare('select 2')).not.toBe(b);
  });
});
