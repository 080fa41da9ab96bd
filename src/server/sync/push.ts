// Applies one push in one transaction: skip what was already applied, refuse gaps, stamp versions, move lastSeq.
// Two bodies, one plan: on SQLite it runs synchronously on better-sqlite3 (the default server's hottest path), on
// PostgreSQL through Kysely. Both take every decision in the same functions; they differ only in how statements run.
import { setTimeout as sleep } from 'node:timers/promises';

import type { Mutation, PushRequest } from '../../shared/sync.ts';
import { type AuthenticatedDevice, deviceSignedOut } from '../auth/device.ts';
import { ApiError } from '../http/errors.ts';
import type { SqliteDirect, Store } from '../store/database.ts';
import type { RecordsTable } from '../store/tables.ts';
import { firstReserved, RESERVE_VERSIONS_SQLITE, reserveVersions } from '../store/versions.ts';
import { keepPaCopiesOnSqlite, keepPaCopiesWithKysely } from './pa-copies.ts';
import { upsertParameters, upsertRecords, upsertSql } from './upsert-records.ts';

export type PushOptions = { testDelayBeforeCommitMs?: number };

/** Only the last mutation of each id counts (last writer wins), so each row is written once, in first-to-last order. */
function lastMutationPerId(mutations: readonly Mutation[]): Mutation[] {
  const last = new Map<string, Mutation>();
  for (const m of mutations) {
    last.delete(m.id); // re-insert, so the map's order is the order of each id's last mutation
    last.set(m.id, m);
  }
  return [...last.values()];
}

type DeviceRow = { last_seq: number; revoked_at: string | null } | undefined;
type Plan = { writes: Mutation[]; newLastSeq: number };

/** The device's lastSeq as stored; throws 401 when the device was removed meanwhile. */
function lastSeqOf(row: DeviceRow): number {
  if (!row || row.revoked_at !== null) throw deviceSignedOut();
  return Number(row.last_seq);
}

/** What to write, given what the server already has from this device: null when all of it was applied already. */
function planPush(lastSeq: number, push: PushRequest): Plan | null {
  const fresh = push.mutations.filter((m) => m.seq > lastSeq);
  if (fresh.length === 0) return null;
  if (fresh[0].seq !== lastSeq + 1) {
    throw new ApiError(409, {
      error: 'seq-gap', lastSeq,
      message: `The server has mutations up to seq ${lastSeq}, but this push starts at ${fresh[0].seq}. Resend the outbox from seq ${lastSeq + 1}.`,
    });
  }
  return { writes: lastMutationPerId(fresh), newLastSeq: fresh[fresh.length - 1].seq };
}

function recordRows(device: AuthenticatedDevice, writes: Mutation[], firstVersion: number, now: string): RecordsTable[] {
  return writes.map((m, i) => {
    const deleted = m.op === 'delete';
    return {
      id: m.id, person_id: device.personId, kind: m.kind, version: firstVersion + i, deleted: deleted ? 1 : 0,
      // pushRequestSchema already gave the record as its schema reads it (defaults filled): every device pulls one shape.
      data: deleted ? null : JSON.stringify(m.record),
      updated_at: now,
    };
  });
}

// The upsert skips a row that is someone else's (a record id is a client-made UUID, never ours to touch).
// Throwing rolls the whole transaction back, so nothing in this push is saved.
// It names the mutation (`mutations.N`, its first in this push), so the phone can set that one change aside and send the rest.
function someoneElses(push: PushRequest, foreignId: string | undefined): ApiError {
  const index = push.mutations.findIndex((m) => m.id === foreignId);
  return new ApiError(403, {
    error: 'forbidden', field: index >= 0 ? `mutations.${index}.id` : 'mutations',
    message: `Record ${foreignId ?? 'in this push'} belongs to someone else; nothing in this push was saved.`,
  });
}

const testHookMessage = (ms: number) => `test hook: holding push transaction open for ${ms} ms`;

/** `push` is pushRequestSchema's output (validated). Returns the device's lastSeq after the push. Throws ApiError 409 (gap), 403 (someone else's record) or 401 (revoked). */
export async function applyPush(store: Store, device: AuthenticatedDevice, push: PushRequest, options: PushOptions = {}): Promise<number> {
  const sqlite = store.sqlite;
  if (sqlite) return sqlite.transaction(() => applyPushOnSqlite(sqlite, device, push, options));
  return applyPushWithKysely(store, device, push, options);
}

const SQLITE = {
  device: 'select "last_seq", "revoked_at" from "devices" where "id" = ?',
  foreign: (count: number) => `select "id" from "records" where "id" in (${Array(count).fill('?').join(', ')}) and "person_id" != ? limit 1`,
  saveLastSeq: 'update "devices" set "last_seq" = ?, "last_seen_at" = ? where "id" = ?',
};

// Synchronous from first statement to commit: SQLite has a single writer anyway, and no await means no other request's
// work can interleave with this transaction on the shared connection.
function applyPushOnSqlite(sqlite: SqliteDirect, device: AuthenticatedDevice, push: PushRequest, options: PushOptions): number {
  const lastSeq = lastSeqOf(sqlite.prepare(SQLITE.device).get(device.id) as DeviceRow);
  const plan = planPush(lastSeq, push);
  if (!plan) return lastSeq;
  const { writes } = plan;
  const firstVersion = firstReserved(sqlite.prepare(RESERVE_VERSIONS_SQLITE).get(writes.length) as { version: number }, writes.length);
  const now = new Date().toISOString();
  const rows = recordRows(device, writes, firstVersion, now);
  const { changes } = sqlite.prepare(upsertSql('sqlite', rows.length)).run(upsertParameters(rows, device.personId));
  if (changes !== writes.length) {
    const foreign = sqlite.prepare(SQLITE.foreign(writes.length)).get(...writes.map((m) => m.id), device.personId) as { id: string } | undefined;
    throw someoneElses(push, foreign?.id);
  }
  keepPaCopiesOnSqlite(sqlite, writes, device.personId, now);
  sqlite.prepare(SQLITE.saveLastSeq).run(plan.newLastSeq, now, device.id);
  if (options.testDelayBeforeCommitMs) {
    // Test-only (inert unless TEST_DELAY_IN_PUSH_MS is set): the crash tests kill the server while this waits.
    // A blocking wait, because the transaction is synchronous; stderr is a pipe, written at once.
    console.error(testHookMessage(options.testDelayBeforeCommitMs));
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, options.testDelayBeforeCommitMs);
  }
  return plan.newLastSeq;
}

async function applyPushWithKysely(store: Store, device: AuthenticatedDevice, push: PushRequest, options: PushOptions): Promise<number> {
  return store.db.transaction().execute(async (trx) => {
    let query = trx.selectFrom('devices').select(['last_seq', 'revoked_at']).where('id', '=', device.id);
    // Two pushes from one device must not both read the same lastSeq. (This path is PostgreSQL's; an SQLite store
    // comes with `sqlite`, and SQLite has a single writer and no FOR UPDATE.)
    if (store.dialect === 'postgres') query = query.forUpdate();
    const lastSeq = lastSeqOf(await query.executeTakeFirst());
    const plan = planPush(lastSeq, push);
    if (!plan) return lastSeq;
    const { writes } = plan;
    // Reserving versions locks sync_meta, so from here on pushes are serialised.
    const firstVersion = await reserveVersions(trx, writes.length);
    const now = new Date().toISOString();
    // One statement for the whole push: per-row statements cost far more than the rows themselves.
    const written = await upsertRecords(trx, store.dialect, device.personId, recordRows(device, writes, firstVersion, now));
    if (written !== writes.length) {
      const foreign = await trx
        .selectFrom('records').select('id')
        .where('id', 'in', writes.map((m) => m.id)).where('person_id', '!=', device.personId)
        .executeTakeFirst();
      throw someoneElses(push, foreign?.id);
    }
    await keepPaCopiesWithKysely(trx, store.dialect, writes, device.personId, now);
    await trx.updateTable('devices').set({ last_seq: plan.newLastSeq, last_seen_at: now }).where('id', '=', device.id).execute();
    if (options.testDelayBeforeCommitMs) {
      console.error(testHookMessage(options.testDelayBeforeCommitMs));
      await sleep(options.testDelayBeforeCommitMs);
    }
    return plan.newLastSeq;
  });
}
