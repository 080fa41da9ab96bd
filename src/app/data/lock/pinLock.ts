// Turning the PIN on and off, unlocking, locking, and slowing down wrong guesses. The wrapped data key, its salt and
// the Argon2id settings live in `meta` (none of them is secret: without the PIN they open nothing).
import type { DeviceIdentity } from '../../sync/api.ts';
import { adoptIdentity } from '../../sync/identity.ts';
import { mergeHeldPages } from '../../sync/syncClient.ts';
import { forgetLockedSync } from '../../sync/whileLocked.ts';
import { db } from '../db.ts';
import { META } from '../meta.ts';
import { newDataKey, pinKeyFrom, unwrapDataKey } from './crypto.ts';
import { PUBLIC_TABLES } from './encryptAtRest.ts';
import { newHoldingKeys } from './holding.ts';
import { type KdfParams, newKdfParams, stretchPin } from './kdf.ts';
import { type LockState, lockState, setLockState } from './lockState.ts';
import { markPinLock } from './pinLockMark.ts';
import { dropSealed, openStorage, sealStorage, storageToPlain } from './sealedStorage.ts';
import { type PinLock, readPinLock } from './start.ts';

export { lockNow } from './start.ts';

export type PinAttempts = { failed: number; waitUntil?: string };

/** After this many wrong PINs the lock screen offers restoring from the backup instead. */
export const ATTEMPTS_BEFORE_RESTORE = 10;
const DEFAULT_LOCK_AFTER_MS = 2 * 60_000;
const FREE_ATTEMPTS = 3;
/** Meta flag: saved places were sealed again without their serviceId in plain (see afterUnlock). */
const FIRST_WAIT_MS = 5_000;
const LONGEST_WAIT_MS = 15 * 60_000;

/** At least 4 digits, digits only (the phone's number pad), at most 12. */
export const isAcceptablePin = (pin: string) => /^[0-9]{4,12}$/.test(pin);

/**
 * How long to wait after `failed` wrong PINs in a row: none for the first 3, then 5 s doubling, at most 15 minutes.
 * @internal exported for its tests (knip --production)
 */
export function waitAfter(failed: number): number {
  return failed < FREE_ATTEMPTS ? 0 : Math.min(FIRST_WAIT_MS * 2 ** (failed - FREE_ATTEMPTS), LONGEST_WAIT_MS);
}

export async function readAttempts(): Promise<PinAttempts> {
  return ((await db.meta.get(META.pinAttempts))?.value as PinAttempts | undefined) ?? { failed: 0 };
}

async function keyFromPin(pin: string, kdf: KdfParams): Promise<CryptoKey> {
  return pinKeyFrom(await stretchPin(pin, kdf));
}

const personalTables = () => db.tables.filter((table) => !PUBLIC_TABLES.includes(table.name));

/** Reads every personal record as it is now and writes it back under `next`, in one transaction: all or nothing. */
async function rewriteEverything(next: LockState, alsoInside: () => Promise<void>): Promise<void> {
  const before = lockState();
  const tables = personalTables();
  try {
    await db.transaction('rw', tables, async () => {
      const rows = await Promise.all(tables.map((table) => table.toArray()));
      setLockState(next);
      for (const [i, table] of tables.entries()) if (rows[i].length > 0) await table.bulkPut(rows[i]);
      await alsoInside();
    });
  } catch (error) {
    setLockState(before);
    throw error;
  }
}

/** Turns the PIN on: a new data key, and everything personal sealed under it in one go. */
export async function turnOnPin(pin: string): Promise<void> {
  if (!isAcceptablePin(pin)) throw new Error('PIN too short');
  const kdf = newKdfParams();
  const { key, wrapped } = await newDataKey(await keyFromPin(pin, kdf));
  const holding = await newHoldingKeys();
  const lock: PinLock = { version: 1, kdf, wrappedKey: wrapped, lockAfterMs: DEFAULT_LOCK_AFTER_MS, holdingPublicKey: holding.publicJwk };
  // Marked before the PIN exists, so a start in between never paints Today without the lock screen.
  markPinLock(true);
  await rewriteEverything({ mode: 'unlocked', key }, async () => {
    // The private half is an ordinary meta entry, so it is sealed under the data key like everything else.
    await db.meta.bulkPut([{ key: META.pinLock, value: lock }, { key: META.pinAttempts, value: { failed: 0 } }, { key: META.holdingPrivateKey, value: holding.privateJwk }, { key: META.favouritesResealed, value: true }]);
  });
  await sealStorage(key);
}

export type UnlockResult =
  | { result: 'unlocked' }
  | { result: 'wrong'; failed: number; waitUntil?: string }
  | { result: 'wait'; waitUntil: string }
  | { result: 'restore' };

/** The data key for `pin`, or undefined when the PIN is wrong. */
async function tryPin(pin: string, lock: PinLock): Promise<CryptoKey | undefined> {
  try {
    return await unwrapDataKey(await keyFromPin(pin, lock.kdf), lock.wrappedKey);
  } catch {
    return undefined;
  }
}

/** Unlocks with `pin`, counting wrong ones (kept in the database, so closing the app does not reset the wait). */
export async function unlock(pin: string, now = Date.now()): Promise<UnlockResult> {
  const lock = await readPinLock();
  if (!lock) {
    setLockState({ mode: 'off' });
    return { result: 'unlocked' };
  }
  const attempts = await readAttempts();
  if (attempts.failed >= ATTEMPTS_BEFORE_RESTORE) return { result: 'restore' };
  if (attempts.waitUntil && Date.parse(attempts.waitUntil) > now) return { result: 'wait', waitUntil: attempts.waitUntil };
  const key = await tryPin(pin, lock);
  if (!key) {
    const failed = attempts.failed + 1;
    const wait = waitAfter(failed);
    const next: PinAttempts = { failed, ...(wait > 0 ? { waitUntil: new Date(Date.now() + wait).toISOString() } : {}) };
    await db.meta.put({ key: META.pinAttempts, value: next });
    return failed >= ATTEMPTS_BEFORE_RESTORE ? { result: 'restore' } : { result: 'wrong', failed, waitUntil: next.waitUntil };
  }
  await db.meta.put({ key: META.pinAttempts, value: { failed: 0 } });
  // Still behind the lock screen, with the key: what arrived while locked goes into place before Today shows.
  setLockState({ mode: 'covered', key });
  await afterUnlock(lock).catch(() => undefined);
  await openStorage(key);
  setLockState({ mode: 'unlocked', key });
  return { result: 'unlocked' };
}

/** Runs covered, with the data key: merges held pages and brings an older lock up to date. Failures wait for the next unlock. */
async function afterUnlock(lock: PinLock): Promise<void> {
  forgetLockedSync();
  await mergeHeldPages();
  if (!lock.holdingPublicKey) {
    const holding = await newHoldingKeys();
    await db.transaction('rw', db.meta, () => db.meta.bulkPut([
      { key: META.holdingPrivateKey, value: holding.privateJwk },
      { key: META.pinLock, value: { ...lock, holdingPublicKey: holding.publicJwk } },
    ]));
  }
  // Saved places sealed before version 8 kept their serviceId readable (it was an index); sealed again once, whole.
  if (!(await db.meta.get(META.favouritesResealed))) {
    await db.transaction('rw', db.favourites, db.meta, async () => {
      await db.favourites.bulkPut(await db.favourites.toArray());
      await db.meta.put({ key: META.favouritesResealed, value: true });
    });
  }
}

/** Turns the PIN off (it must be given again): everything is stored in plain again, in one go. */
export async function turnOffPin(pin: string): Promise<boolean> {
  const lock = await readPinLock();
  if (!lock) return true;
  if (!(await tryPin(pin, lock))) return false;
  storageToPlain();
  forgetLockedSync();
  // Anything still held goes into place first: without the lock's private key it could never be opened again.
  await mergeHeldPages().catch(() => undefined);
  await rewriteEverything({ mode: 'off' }, async () => {
    await db.heldWhileLocked.clear();
    await db.meta.bulkDelete([META.pinLock, META.pinAttempts, META.holdingPrivateKey, META.favouritesResealed]);
  });
  markPinLock(false);
  return true;
}

/**
 * Forgotten PIN: what is sealed here can never be opened, so this phone is emptied (anything not yet backed up is
 * lost), the PIN removed and the restored identity put in its place, in one transaction (so no sync in between
 * registers this phone as someone new); pulling from the backup then brings back what the server has.
 */
export async function forgetLockedData(restored: DeviceIdentity): Promise<void> {
  const tables = personalTables();
  forgetLockedSync();
  dropSealed();
  await db.transaction('rw', tables, async () => {
    for (const table of tables) await table.clear();
    setLockState({ mode: 'off' });
    await adoptIdentity(restored);
  });
}
