// One sync round: make sure this phone has an identity, push the outbox in small batches, then pull.
// Never throws: anything that fails simply stays in the outbox ("Saved on this phone") for the next round, except a
// change the server refuses, which is set aside (shown in Settings) so it never blocks the rest.
import type { PullResponse } from '../../shared/sync.ts';
import { db, type OutboxEntry, tableForKind } from '../data/db.ts';
import { openHeld } from '../data/lock/holding.ts';
import { LockedError, lockState } from '../data/lock/lockState.ts';
import { META, type MetaKey } from '../data/meta.ts';
import { ApiError, type Change, type DeviceIdentity, pullChanges, pushMutations, registerDevice } from './api.ts';
import { adoptIdentity, renumberOutbox } from './identity.ts';
import { forgetThisPhone, isSignedOut, SignedOutError } from './signedOut.ts';
import { canPullWhileLocked, pullWhileLocked, rememberForLockedSync } from './whileLocked.ts';

/** @internal exported for its tests (knip --production) */
export const PUSH_BATCH_SIZE = 50;

async function metaValue<T>(key: MetaKey): Promise<T | undefined> {
  return (await db.meta.get(key))?.value as T | undefined;
}

/** 'locked': the phone is locked and opened locked (a reload), so it has no token to pull with; sync waits for the unlock. */
export type SyncResult = 'ok' | 'offline' | 'failed' | 'signed-out' | 'locked';

async function identity(): Promise<DeviceIdentity> {
  const known = await metaValue<DeviceIdentity>(META.identity);
  if (known) return known;
  if (await isSignedOut()) throw new SignedOutError();
  return startNewIdentity();
}

/** A new device identity (first sync, or the server no longer knows us: 401), everything waiting sent again under it. */
async function startNewIdentity(): Promise<DeviceIdentity> {
  const fresh = await registerDevice();
  const next: DeviceIdentity = { deviceId: fresh.deviceId, token: fresh.token };
  await db.transaction('rw', db.meta, db.outbox, () => adoptIdentity(next));
  return next;
}

/** Drops entries the server has acknowledged and remembers the acknowledgement, in one transaction. */
async function acknowledge(lastSeq: number): Promise<void> {
  await db.transaction('rw', db.meta, db.outbox, async () => {
    await db.outbox.where('seq').belowOrEqual(lastSeq).delete();
    await db.meta.put({ key: META.ackedSeq, value: lastSeq });
  });
}

/** The outbox must continue the acknowledged numbering with no gaps, or the server refuses the push. */
async function outboxReadyToPush(): Promise<void> {
  await db.transaction('rw', db.meta, db.outbox, async () => {
    const acked = (await metaValue<number>(META.ackedSeq)) ?? 0;
    await db.outbox.where('seq').belowOrEqual(acked).delete();
    await renumberOutbox(acked + 1);
  });
}

/** The index of the mutation a 400/403 names ("mutations.3.record.note" → 3), when it is one in `batch`. */
function refusedIndex(error: unknown, batch: OutboxEntry[]): number | undefined {
  if (!(error instanceof ApiError) || (error.status !== 400 && error.status !== 403)) return undefined;
  const match = /^mutations\.(\d+)(\.|$)/.exec(error.body.field ?? '');
  // A seq complaint is about numbering (ours to fix), not about the change itself.
  if (!match || error.body.field?.endsWith('.seq')) return undefined;
  const index = Number(match[1]);
  return index < batch.length ? index : undefined;
}

/** Moves a refused change out of the outbox into its own table, in one transaction; the rest is renumbered and sent. */
async function setAside(entry: OutboxEntry): Promise<void> {
  await db.transaction('rw', db.outbox, db.refusedChanges, async () => {
    await db.outbox.delete(entry.seq);
    await db.refusedChanges.add({ kind: entry.kind, op: entry.op, id: entry.id, clientTime: entry.clientTime, refusedAt: new Date().toISOString() });
  });
}

async function push(id: DeviceIdentity): Promise<void> {
  for (let guard = 0; guard < 10_000; guard++) {
    // Each batch is checked again: a write made during sync may have taken a number after a renumbering.
    await outboxReadyToPush();
    const batch = await db.outbox.orderBy('seq').limit(PUSH_BATCH_SIZE).toArray();
    if (batch.length === 0) return;
    try {
      const { lastSeq } = await pushMutations(id, batch);
      await acknowledge(lastSeq);
      // The server acknowledged less than we sent and no error: stop rather than loop; next round retries.
      if (lastSeq < (batch[batch.length - 1].seq ?? 0)) return;
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && error.lastSeq !== undefined) {
        // The server is missing numbers before ours: continue its numbering instead, then try again.
        const serverSeq = error.lastSeq;
        await db.transaction('rw', db.meta, db.outbox, async () => {
          await db.meta.put({ key: META.ackedSeq, value: serverSeq });
          await renumberOutbox(serverSeq + 1);
        });
        continue;
      }
      const refused = refusedIndex(error, batch);
      if (refused !== undefined) {
        await setAside(batch[refused]);
        continue;
      }
      throw error;
    }
  }
}

function localTableFor(kind: Change['kind']) {
  const name = tableForKind[kind];
  // A kind with no table on this phone (a feature not shipped yet) is skipped, not an error.
  return name && db.tables.some((t) => t.name === name) ? db.table(name) : undefined;
}

/** Saves one page of pulled changes and the new cursor together, then puts pending local edits back on top. */
async function applyPulled(changes: Change[], cursor: number, lastSeq: number, heldAs?: number): Promise<void> {
  const tables = [...new Set(changes.map((c) => localTableFor(c.kind)).filter((t) => t !== undefined))];
  const pendingTables = db.tables.filter((t) => Object.values(tableForKind).includes(t.name));
  await db.transaction('rw', [db.meta, db.outbox, db.heldWhileLocked, ...new Set([...tables, ...pendingTables])], async () => {
    // A page held while locked leaves the holding table in the same transaction that puts it in place; checked again
    // here, so two merges at once (unlock and a sync round) never apply it twice or over a newer page.
    if (heldAs !== undefined) {
      const stillHeld = await db.heldWhileLocked.get(heldAs);
      await db.heldWhileLocked.delete(heldAs);
      if (!stillHeld || cursor <= ((await metaValue<number>(META.cursor)) ?? 0)) return;
    }
    for (const change of changes) {
      const table = localTableFor(change.kind);
      if (!table) continue;
      if (change.deleted || !change.record) await table.delete(change.id);
      // The change's id is the record's key, even if a server row left it out of the body.
      else await table.put({ ...change.record, id: change.id });
    }
    await db.meta.put({ key: META.cursor, value: cursor });
    const acked = (await metaValue<number>(META.ackedSeq)) ?? 0;
    if (lastSeq > acked) {
      await db.outbox.where('seq').belowOrEqual(lastSeq).delete();
      await db.meta.put({ key: META.ackedSeq, value: lastSeq });
    }
    const pending: OutboxEntry[] = await db.outbox.orderBy('seq').toArray();
    for (const entry of pending) {
      const table = localTableFor(entry.kind);
      if (!table) continue;
      if (entry.op === 'delete') await table.delete(entry.id);
      else if (entry.record) await table.put(entry.record);
    }
  });
}

/**
 * Puts pages pulled while locked into place, oldest first; needs the data key (run at unlock, and at the start of
 * every unlocked round). A page no newer than the cursor was already pulled again meanwhile and is dropped.
 */
export async function mergeHeldPages(): Promise<void> {
  const held = await db.heldWhileLocked.orderBy('n').toArray();
  if (held.length === 0) return;
  const privateJwk = await metaValue<JsonWebKey>(META.holdingPrivateKey);
  for (const row of held) {
    const page = privateJwk ? await openHeld<PullResponse>(privateJwk, row).catch(() => undefined) : undefined;
    const cursor = (await metaValue<number>(META.cursor)) ?? 0;
    // Sealed to another key (a PIN since removed) or already pulled: it goes; the server still has it all.
    if (!page || page.cursor <= cursor) await db.heldWhileLocked.delete(row.n);
    else await applyPulled(page.changes, page.cursor, page.lastSeq, row.n);
  }
}

async function pull(id: DeviceIdentity): Promise<void> {
  let cursor = (await metaValue<number>(META.cursor)) ?? 0;
  let resetOnce = false;
  for (let guard = 0; guard < 100_000; guard++) {
    let page;
    try {
      page = await pullChanges(id, cursor);
    } catch (error) {
      // 410: the server was restored from a backup and our cursor is ahead of it: read everything again.
      if (!(error instanceof ApiError) || error.status !== 410 || resetOnce || cursor === 0) throw error;
      resetOnce = true;
      cursor = 0;
      await db.meta.put({ key: META.cursor, value: 0 });
      continue;
    }
    await applyPulled(page.changes, page.cursor, page.lastSeq);
    if (!page.hasMore || page.cursor === cursor) return;
    cursor = page.cursor;
  }
}

/** Push then pull. If the server refuses the push (but answers), still pull, so the phone stays up to date. */
async function pushAndPull(id: DeviceIdentity): Promise<void> {
  let pushError: ApiError | undefined;
  try {
    await push(id);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status === 401) throw error;
    pushError = error;
  }
  await pull(id);
  if (pushError) throw pushError;
}

async function runOnce(): Promise<void> {
  await mergeHeldPages();
  try {
    await pushAndPull(await identity());
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401) throw error;
    if (error.signedOut) {
      // Its person signed this phone out: keep nothing, and never come back as a new person by ourselves.
      await forgetThisPhone();
      throw new SignedOutError();
    }
    // The server no longer knows this phone (e.g. its database was reset): carry on as a new device, keeping everything local.
    await pushAndPull(await startNewIdentity());
  }
}

/** A round while locked: pulls only (see whileLocked.ts). Being signed out is acted on at once, as when unlocked. */
async function pullLocked(): Promise<void> {
  try {
    await pullWhileLocked();
  } catch (error) {
    if (error instanceof ApiError && error.signedOut) {
      await forgetThisPhone();
      throw new SignedOutError();
    }
    throw error;
  }
}

/**
 * The last round before the data key goes (locking waits for it, a few seconds at most): queued changes leave now,
 * since the outbox cannot be read while locked, and the token and cursor are kept in memory for pulling while locked.
 */
export async function sendBeforeLock(): Promise<void> {
  const remember = async () => rememberForLockedSync(await metaValue<DeviceIdentity>(META.identity), (await metaValue<number>(META.cursor)) ?? 0);
  await remember();
  if (typeof navigator === 'undefined' || navigator.onLine !== false) await syncNow();
  await remember();
}

async function recordOutcome(ok: boolean): Promise<void> {
  const entries = [{ key: META.lastSyncOk, value: ok }];
  if (ok) entries.push({ key: META.lastSyncAt, value: new Date().toISOString() } as never);
  await db.meta.bulkPut(entries).catch(() => undefined);
}

let running: Promise<SyncResult> | null = null;
let again = false;

/** One round: 'offline' without asking the server when the phone knows it has no signal. */
async function oneRound(): Promise<SyncResult> {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return 'offline';
  try {
    // Decided each time round: the phone may lock or unlock while a round runs.
    if (lockState().mode === 'locked') await pullLocked();
    else await runOnce();
    return 'ok';
  } catch (error) {
    if (error instanceof SignedOutError) return 'signed-out';
    if (error instanceof LockedError) return 'locked';
    // Nothing personal is logged; the outbox keeps every change for the next round.
    return 'failed';
  }
}

/** Runs a sync round now (or after the one in progress). Resolves with how it went; never rejects. */
export function syncNow(): Promise<SyncResult> {
  if (running) {
    again = true;
    return running;
  }
  if (lockState().mode === 'locked' && !canPullWhileLocked()) return Promise.resolve('locked');
  running = (async () => {
    let result: SyncResult;
    do {
      again = false;
      result = await oneRound();
      if (result === 'signed-out' || result === 'locked') break;
      // While locked the outcome cannot be stored (it is sealed); the next unlocked round records its own.
      if (lockState().mode !== 'locked') await recordOutcome(result === 'ok');
      // A round asked for while this one ran gets its own, even one asked for while the outcome was being written: the
      // phone coming online just as a round found it offline would otherwise wait a minute to send what it holds.
    } while (again);
    return result;
  })().finally(() => {
    running = null;
  });
  return running;
}
