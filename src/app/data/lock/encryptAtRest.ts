// Encryption at rest for the whole database, in one place: a Dexie DBCore middleware, closest to IndexedDB, that
// seals every field of a personal record except its keys and indexed fields into one AES-GCM ciphertext on write,
// and opens it again on read. Features never see the difference; with no PIN, records pass through untouched.
import type { DBCore, DBCoreCursor, DBCoreIndex, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';

import { META } from '../meta.ts';
import { type Bytes, sealJson, unsealJson } from './crypto.ts';
import { dataKey, isLocked, LockedError } from './lockState.ts';

/**
 * Tables whose records are public and never sealed. Every other table, including any added later, is personal and
 * sealed: a new table needs no line here (it is private by default).
 */
export const PUBLIC_TABLES: readonly string[] = ['services'];

/**
 * Tables whose records are sealed before they reach the database (to the lock's public key, so they can be written
 * while locked): passed through as they are, but personal all the same (wiped with the rest).
 */
const SELF_SEALED_TABLES: readonly string[] = ['heldWhileLocked'];

/** Meta entries kept readable while locked: the lock itself, and the neutral signed-out screen's facts. */
const PLAIN_META_KEYS: readonly string[] = [META.pinLock, META.pinAttempts, META.signedOut, META.deletedMyData];

/** The one field that holds a sealed record's other fields. */
const SEALED_FIELD = 'sealed';

type Row = Record<string, unknown>;

const sealsHere = (name: string) => !PUBLIC_TABLES.includes(name) && !SELF_SEALED_TABLES.includes(name);

/** Top-level fields IndexedDB needs readable: the primary key and every index (compound ones give each part). */
function plainFieldsOf(table: DBCoreTable): string[] {
  const paths = [table.schema.primaryKey, ...table.schema.indexes].flatMap((index: DBCoreIndex) => index.keyPath ?? []);
  return [...new Set(paths.map((path) => path.split('.')[0]))];
}

function staysPlain(tableName: string, row: Row): boolean {
  return tableName === 'meta' && PLAIN_META_KEYS.includes(row.key as string);
}

async function sealRow(key: CryptoKey, tableName: string, plainFields: string[], row: unknown): Promise<unknown> {
  if (!row || typeof row !== 'object' || staysPlain(tableName, row as Row)) return row;
  const kept: Row = {};
  const secret: Row = {};
  for (const [field, value] of Object.entries(row as Row)) (plainFields.includes(field) ? kept : secret)[field] = value;
  kept[SEALED_FIELD] = await sealJson(key, secret);
  return kept;
}

function isSealed(row: unknown): row is Row & { [SEALED_FIELD]: Bytes } {
  return !!row && typeof row === 'object' && ArrayBuffer.isView((row as Row)[SEALED_FIELD]);
}

async function openRow(row: unknown): Promise<unknown> {
  if (!isSealed(row)) return row;
  const key = dataKey();
  if (!key) throw new LockedError();
  const { [SEALED_FIELD]: sealed, ...kept } = row;
  return { ...kept, ...(await unsealJson<Row>(key, sealed)) };
}

const openRows = (rows: unknown[]) => (rows.some(isSealed) ? Promise.all(rows.map(openRow)) : Promise.resolve(rows));

// IndexedDB commits a transaction as soon as no request is pending, and WebCrypto is not a request. So while it works
// we keep one cheap read pending, and carry on from inside that read's success event, when the transaction is active
// again (the same trick as Dexie.waitFor), so the caller's next read or write lands in the same transaction.
const KEEP_ALIVE_KEY: IDBValidKey = [];
function inTransaction<T>(trans: DBCoreTransaction, storeName: string, work: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let outcome: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
    const idb = trans as unknown as IDBTransaction;
    const spin = () => {
      if (outcome) {
        if (outcome.ok) resolve(outcome.value);
        else reject(outcome.error);
        return;
      }
      const request = idb.objectStore(storeName).get(KEEP_ALIVE_KEY);
      request.onsuccess = spin;
      request.onerror = (event) => {
        event.preventDefault();
        event.stopPropagation();
        spin();
      };
    };
    work.then((value) => { outcome = { ok: true, value }; }, (error: unknown) => { outcome = { ok: false, error }; });
    try {
      spin();
    } catch {
      // The transaction is no longer active (nothing left in it to keep): just wait for the work.
      work.then(resolve, reject);
    }
  });
}

/** A cursor over rows already read and opened, for the few reads that walk a cursor (filters). */
function cursorOver(trans: DBCoreTransaction, rows: { key: unknown; primaryKey: unknown; value: unknown }[], reverse: boolean): DBCoreCursor | null {
  if (rows.length === 0) return null;
  let at = 0;
  let onNext: () => void = () => undefined;
  let finish: (value?: unknown) => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const step = () => queueMicrotask(() => {
    if (at >= rows.length) {
      cursor.done = true;
      finish();
      return;
    }
    try {
      onNext();
    } catch (error) {
      fail(error as Error);
    }
  });
  const cursor = {
    trans,
    done: false,
    get key() { return rows[at]?.key; },
    get primaryKey() { return rows[at]?.primaryKey; },
    get value() { return rows[at]?.value; },
    continue(key?: unknown) {
      at++;
      if (key !== undefined) while (at < rows.length && indexedDB.cmp(rows[at].key, key) * (reverse ? -1 : 1) < 0) at++;
      step();
    },
    continuePrimaryKey() {
      throw new Error('continuePrimaryKey is not supported on sealed tables');
    },
    advance(count: number) {
      at += count;
      step();
    },
    start(next: () => void) {
      onNext = next;
      return new Promise((resolve, reject) => {
        finish = resolve;
        fail = reject;
        cursor.stop = (value?: unknown) => resolve(value);
        cursor.fail = (error: Error) => reject(error);
        step();
      });
    },
    stop(_value?: unknown) {},
    fail(_error: Error) {},
    next() {
      let once = 1;
      return cursor.start(() => (once-- ? cursor.continue() : cursor.stop())).then(() => cursor as DBCoreCursor);
    },
  };
  return cursor;
}

function sealedTable(table: DBCoreTable): DBCoreTable {
  const plainFields = plainFieldsOf(table);
  const name = table.name;
  return {
    ...table,
    async mutate(req: DBCoreMutateRequest) {
      if (req.type !== 'add' && req.type !== 'put') return table.mutate(req);
      const key = dataKey();
      if (!key) {
        if (isLocked() && !req.values.every((row) => staysPlain(name, row as Row))) throw new LockedError();
        return table.mutate(req);
      }
      const values = await inTransaction(req.trans, name, Promise.all(req.values.map((row) => sealRow(key, name, plainFields, row))));
      return table.mutate({ ...req, values });
    },
    async get(req) {
      const row: unknown = await table.get(req);
      return isSealed(row) ? inTransaction(req.trans, name, openRow(row)) : row;
    },
    async getMany(req) {
      const rows = await table.getMany(req);
      return inTransaction(req.trans, name, openRows(rows));
    },
    async query(req) {
      const response = await table.query(req);
      if (!req.values) return response;
      return { ...response, result: await inTransaction(req.trans, name, openRows(response.result)) };
    },
    async openCursor(req) {
      if (!req.values) return table.openCursor(req);
      const direction = req.reverse ? (req.unique ? 'prevunique' : 'prev') : req.unique ? 'nextunique' : 'next';
      const { result } = await table.query({ trans: req.trans, values: true, query: req.query, direction });
      const opened = await inTransaction(req.trans, name, openRows(result));
      const indexKey: (row: unknown) => unknown = req.query.index.extractKey ?? (() => undefined);
      const primaryKey: (row: unknown) => unknown = table.schema.primaryKey.extractKey ?? (() => undefined);
      return cursorOver(req.trans, opened.map((value) => ({ key: indexKey(value), primaryKey: primaryKey(value), value })), !!req.reverse);
    },
  };
}

/** Register with `db.use(encryptAtRest)` before the database opens. */
export const encryptAtRest: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'EncryptAtRest',
  // Below Dexie's own layers (hooks, live-query observation, caches: all at -1 and above), so they see plain records.
  level: -10,
  create(down) {
    return { ...down, table: (name: string) => (sealsHere(name) ? sealedTable(down.table(name)) : down.table(name)) };
  },
};
