// Opens the store: Kysely over better-sqlite3 (default, embedded) or a pg Pool (DATABASE_URL=postgres://…).
import fs from 'node:fs';
import path from 'node:path';

import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, sql, SqliteDialect } from 'kysely';
import pg from 'pg';

import { type DatabaseConfig, postgresPoolFromEnv } from '../config.ts';
import type { Database } from './tables.ts';

export type Dialect = 'sqlite' | 'postgres';

export type Store = {
  db: Kysely<Database>;
  dialect: Dialect;
  /** SQLite only: Kysely's own connection, for the one path too hot for a query builder (see SqliteDirect). */
  sqlite?: SqliteDirect;
  close(): Promise<void>;
  /** Why the last database fault happened and when: /health reports it, the log says it once per change. */
  faults: FaultWatch;
};

/** What a database error means for the people using the app, not which library raised it. */
export type FaultKind = 'unreachable' | 'full';

/**
 * The database is gone (connection refused, dropped, terminated, timed out, shutting down) or the disk is full.
 * Everything else (a constraint, a bug) is not a fault of the database and stays a 500.
 */
export function databaseFault(error: unknown): FaultKind | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (code === 'SQLITE_FULL' || code === '53100') return 'full';
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return 'unreachable';
  if (typeof code === 'string') {
    // 08: connection exception; 57P0x: admin shutdown, crash shutdown, cannot connect now; 57014: statement timeout;
    // 53300: too many connections.
    if (/^08|^57P0|^57014$|^53300$/.test(code)) return 'unreachable';
    if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH'].includes(code)) return 'unreachable';
  }
  if (typeof message === 'string' && /Connection terminated|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error|Client was closed|not queryable|Cannot use a pool after calling end/i.test(message)) {
    return 'unreachable';
  }
  return undefined;
}

type FaultWatch = {
  /** The fault seen most recently and not yet cleared by a successful ping, if any. */
  current(): { kind: FaultKind; since: number } | undefined;
  saw(kind: FaultKind): void;
  cleared(): void;
};

function faultWatch(log: (message: string) => void): FaultWatch {
  let fault: { kind: FaultKind; since: number } | undefined;
  return {
    current: () => fault,
    saw(kind) {
      if (fault?.kind === kind) return;
      fault = { kind, since: Date.now() };
      log(kind === 'full' ? 'database: the disk is full; writes are refused until space is freed' : 'database: unreachable; answering 503 until it is back');
    },
    cleared() {
      if (!fault) return;
      fault = undefined;
      log('database: reachable again');
    },
  };
}

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
  getTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
    if (oid === 20) return (v: string) => Number(v);
    // pg-types declares its parsers as `any`; each takes the text pg sent.
    return pg.types.getTypeParser(oid, format) as (value: string) => unknown;
  },
};

/** Where fault changes are reported; the server passes its logger, tests may listen. */
export type StoreOptions = { log?: (message: string) => void };

// The data files hold personal data: only the server's own user may read them (like vapid.json).
const PRIVATE_FILE = 0o600;

export function openStore(config: DatabaseConfig, options: StoreOptions = {}): Store {
  const faults = faultWatch(options.log ?? ((message) => console.error(message)));
  if (config.dialect === 'sqlite') {
    const file = path.resolve(config.file);
    let sqlite: SQLite.Database;
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      createPrivately(file);
      sqlite = new SQLite(file);
      sqlite.pragma('journal_mode = WAL');
      // WAL and shared-memory files are created by SQLite with the process umask; make them private too.
      for (const suffix of ['-wal', '-shm']) createPrivately(file + suffix);
    } catch (error) {
      throw new Error(`Cannot open the SQLite database at ${file}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    // NORMAL (with WAL): a commit is safe the moment it returns if the process dies (SIGKILL, a crash); only a power
    // cut or OS crash can lose the last few commits (each phone still keeps its own copy of every record). FULL made
    // every commit wait for fsync ON the event loop (better-sqlite3 is synchronous), so 500 phones at once queued behind
    // 500+ fsyncs and registrations waited seconds (tests/bench/load.ts). The WAL is synced at each checkpoint.
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const statements = withStatementCache(sqlite);
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: statements }) });
    const inTransaction = sqlite.transaction((work: () => unknown) => work());
    const direct: SqliteDirect = {
      prepare: (sqlText) => statements.prepare(sqlText),
      transaction: <T>(work: () => T) => db.connection().execute(async () => inTransaction.immediate(work) as T),
    };
    return { db, dialect: 'sqlite', sqlite: direct, close: () => db.destroy(), faults };
  }
  const settings = config.pool ?? postgresPoolFromEnv({});
  const pool = new pg.Pool({
    connectionString: config.url,
    max: settings.max,
    types: pgTypes,
    connectionTimeoutMillis: settings.connectTimeoutMs,
    statement_timeout: settings.statementTimeoutMs,
    query_timeout: settings.queryTimeoutMs,
    application_name: settings.applicationName,
    keepAlive: true,
  });
  // A connection that breaks (terminated backend, dropped network, PostgreSQL restarting) emits 'error' on its
  // client, idle or in use; with no listener Node ends the process. The query using it fails with the same error
  // and becomes a 503 (http/errors.ts); the pool drops the client and the next query opens a fresh one.
  pool.on('error', () => faults.saw('unreachable'));
  pool.on('connect', (client) => client.on('error', () => faults.saw('unreachable')));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: droppingBrokenClients(pool) }) });
  return { db, dialect: 'postgres', close: () => db.destroy(), faults };
}

/** Creates `file` empty with mode 0600 if it does not exist yet, and makes it 0600 if it does. */
function createPrivately(file: string): void {
  fs.closeSync(fs.openSync(file, fs.constants.O_CREAT | fs.constants.O_RDWR, PRIVATE_FILE));
  fs.chmodSync(file, PRIVATE_FILE);
}

/**
 * Kysely hands a client back to the pool with a plain release(), so a client whose query timed out (its answer may
 * still arrive later, out of step) or whose connection broke would be handed to the next request. Release it with
 * the error instead: the pool then closes it and opens a new one.
 */
function droppingBrokenClients(pool: pg.Pool) {
  return {
    async connect() {
      const client = await pool.connect();
      let broken: Error | undefined;
      const query = (...args: Parameters<pg.PoolClient['query']>) => {
        const result = (client.query as (...a: unknown[]) => unknown)(...args);
        if (result && typeof (result as Promise<unknown>).then === 'function') {
          return (result as Promise<unknown>).catch((error: unknown) => {
            if (databaseFault(error)) broken = error as Error;
            throw error;
          });
        }
        return result;
      };
      return { query, release: () => client.release(broken) };
    },
    end: () => pool.end(),
  } as unknown as pg.Pool;
}

const STATEMENT_CACHE_SIZE = 200;

/**
 * Kysely asks better-sqlite3 to prepare (compile) every query it runs; the server runs the same few SQL texts over
 * and over, so keep the compiled statements (least recently used dropped first) and compile each text once.
 * @internal exported for its tests (knip --production)
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

/** A trivial query, for the health check: clears a remembered fault when the database answers again. */
export async function pingStore(store: Store): Promise<void> {
  await sql`select 1`.execute(store.db);
  if (store.faults.current()?.kind === 'unreachable') store.faults.cleared();
}
