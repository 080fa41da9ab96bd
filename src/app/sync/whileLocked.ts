// Sync while the phone is locked. Queued changes leave just before the lock (syncClient.sendBeforeLock); while locked,
// nothing new can be made (the lock screen covers the app), so only pulls run. A pulled page is sealed to the lock's
// public key (data/lock/holding.ts) into `heldWhileLocked`, and merged into the real tables at unlock, before Today.
//
// Pulling needs the device token and the cursor, which are sealed under the data key at rest. They are read while the
// key is still here and kept in this page's memory until the unlock (never stored in plain); after a reload the phone
// opens locked without them, and pulls wait for the unlock like everything else.
import { db } from '../data/db.ts';
import { sealForHolding } from '../data/lock/holding.ts';
import { LockedError } from '../data/lock/lockState.ts';
import { readPinLock } from '../data/lock/start.ts';
import { type DeviceIdentity, pullChanges } from './api.ts';

type Session = { identity: DeviceIdentity; cursor: number };
let session: Session | undefined;

/** Keeps what pulling while locked needs; call while the data key is here. */
export function rememberForLockedSync(identity: DeviceIdentity | undefined, cursor: number): void {
  session = identity ? { identity: { ...identity }, cursor } : undefined;
}

/** Unlocked, PIN off or phone emptied: the database is the one source again. */
export function forgetLockedSync(): void {
  session = undefined;
}

/** Whether a locked round can run at all (false after a reload, until the next unlock). */
export const canPullWhileLocked = (): boolean => session !== undefined;

/** Pulls every page the server has past the remembered cursor, each sealed to the lock's public key and held. */
export async function pullWhileLocked(): Promise<void> {
  const publicJwk = (await readPinLock())?.holdingPublicKey;
  if (!session || !publicJwk) throw new LockedError();
  for (let guard = 0; guard < 100_000; guard++) {
    const current: Session | undefined = session;
    if (!current) return;
    const page = await pullChanges(current.identity, current.cursor);
    // A page with no changes may still acknowledge pushes (lastSeq); held too, it is tiny.
    if (page.changes.length > 0 || page.cursor !== current.cursor) await db.heldWhileLocked.add(await sealForHolding(publicJwk, page));
    // Unlocked (or emptied) meanwhile: the normal round takes over from the database.
    if (session !== current) return;
    current.cursor = page.cursor;
    if (!page.hasMore || page.changes.length === 0) return;
  }
}
