// Opens the store: Kysely over better-sqlite3 (default, embedded) or a pg Pool (DATABASE_URL=postgres://…).
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import type { DatabaseConfig } from '../config.ts';
import type { Database } from './tables.ts';

export type Dialect = 'sqlite' | 'postgres';

export type Store = {
  db: Kysely<Database>;
  dialect: Dialect;
  /** SQLite only: Kysely's own connection, for the one path too hot for a query builder (see SqliteDirect). */
  sqlite?: SqliteDirect;
  close(): Promise<void>;
};

/**
 * better-sqlite3 without Kysely, for the sync push alone: there Kysely's query building and the awaits between its
 * statements were a tenth of a push's time on the server. Everything else uses `db`.
 */
export type SqliteDirect = {
  /** A compiled statement from the same cache Kysely uses; write SQL text that is the same every call. */
  prepare(sqlText: string): SQLite.Statement;
  /**
   * Runs `work` in one write transaction (BEGIN IMMEDIATE: the write lock is taken first, so a read inside never has
   * to be upgraded), rolled back if it throws. It waits for Kysely's connection lock, so it never lands inside another
   * request's transaction. `work` must be synchronous: nothing else can touch the connection until it returns.
   */
  transaction<T>(work: () => T): Promise<T>;
};

// pg returns int8 (bigint) and numeric as strings; our versions and seqs stay far below 2^53, so read them as numbers.
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

export function openStore(config: DatabaseConfig): Store {
  if (config.dialect === 'sqlite') {
    fs.mkdirSync(path.dirname(path.resolve(config.file)), { recursive: true });
    const sqlite = new SQLite(config.file);
    sqlite.pragma('journal_mode = WAL');
    // NORMAL (with WAL): a commit is safe the moment it returns if the process dies (SIGKILL, a crash); only a power
    // cut or OS crash can lose the last few, which the phones still hold and push again. FULL made every commit wait
    // for fsync ON the event loop (better-sqlite3 is synchronous), so 500 phones at once queued behind 500+ fsyncs
    // and registrations waited seconds (tests/bench/load.ts). The WAL is synced at each checkpoint.
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const statements = withStatementCache(sqlite);
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: statements }) });
    const inTransaction = sqlite.transaction((work: () => unknown) => work());
    const direct: SqliteDirect = {
      prepare: statements.prepare,
      transaction: <T>(work: () => T) => db.connection().execute(async () => inTransaction.immediate(work) as T),
    };
    return { db, dialect: 'sqlite', sqlite: direct, close: () => db.destroy() };
  }
  const pool = new pg.Pool({ connectionString: config.url, max: 10, types: pgTypes });
  // An idle client losing its connection must not crash the server; the next query reconnects.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

const STATEMENT_CACHE_SIZE = 200;

/**
 * Kysely asks better-sqlite3 to prepare (compile) every query it runs; the server runs the same few SQL texts over
 * and over, so keep the compiled statements (least recently used dropped first) and compile each text once.
 */
export function withStatementCache(sqlite: SQLite.Database, size = STATEMENT_CACHE_SIZE) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    prepare(sqlText: string): SQLite.Statement {
      const cached = cache.get(sqlText);
      cache.delete(sqlText);
      // A statement still being iterated (a streamed select) can't run twice at once: compile a second copy.
      const statement = cached && !cached.busy ? cached : sqlite.prepare(sqlText);
      cache.set(sqlText, statement);
      if (cache.size > size) cache.delete(cache.keys().next().value as string);
      return statement;
    },
    close(): void {
      cache.clear();
      sqlite.close();
    },
  };
}

/** A trivial query, for the health check. */
export async function pingStore(store: Store): Promise<void> {
  await sql`select 1`.execute(store.db);
}
