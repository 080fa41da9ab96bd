// At start: a phone with a PIN opens locked. While the app is in the background for longer than the lock time, it
// locks, so whoever picks the phone up next sees the PIN screen.
import { db } from '../db.ts';
import { META } from '../meta.ts';
import type { Bytes } from './crypto.ts';
import type { KdfParams } from './kdf.ts';
import { type LockState, lockState, setLockState } from './lockState.ts';
import { markPinLock } from './pinLockMark.ts';
import { forgetOpened } from './sealedStorage.ts';

/** `holdingPublicKey`: seals what is pulled while locked (lock/holding.ts); made at unlock for a lock set before it. */
export type PinLock = { version: 1; kdf: KdfParams; wrappedKey: Bytes; lockAfterMs: number; holdingPublicKey?: JsonWebKey };

/** How long locking waits, at most, for the outbox to reach the server before the data key goes. */
const SEND_BEFORE_LOCK_MS = 5_000;

let beforeLock: () => Promise<void> = async () => undefined;

/** The sync client's last round before the key goes (sends the outbox, remembers what pulling while locked needs). */
export function setBeforeLock(work: () => Promise<void>): void {
  beforeLock = work;
}

/**
 * Locks now: the lock screen covers the app at once and what was opened from storage is forgotten; the data key stays
 * only while the outbox is sent (at most `SEND_BEFORE_LOCK_MS`), then it is dropped. Resolves once it is dropped.
 */
export async function lockNow(sendForMs = SEND_BEFORE_LOCK_MS): Promise<void> {
  const state = lockState();
  if (state.mode !== 'unlocked') return;
  forgetOpened();
  const covered: LockState = { mode: 'covered', key: state.key };
  setLockState(covered);
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([beforeLock().catch(() => undefined), new Promise((resolve) => { timer = setTimeout(resolve, sendForMs); })]);
  clearTimeout(timer);
  // Unlocked again meanwhile (the PIN typed at once): that unlock stands.
  if (lockState() === covered) setLockState({ mode: 'locked' });
}

export async function readPinLock(): Promise<PinLock | undefined> {
  return (await db.meta.get(META.pinLock))?.value as PinLock | undefined;
}

/** Opens locked when a PIN is set; resolves once the state is known, before anything personal is drawn. */
export async function lockAtStart(): Promise<void> {
  try {
    const pin = (await readPinLock()) !== undefined;
    markPinLock(pin);
    if (pin) setLockState({ mode: 'locked' });
  } catch {
    // No database (some private modes): there is nothing kept to lock.
  }
}

/** Locks after `lockAfterMs` in the background: checked when the app comes back, and by a timer meanwhile. */
export function lockInBackground(): () => void {
  let hiddenAt: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const lockNowIfUnlocked = () => void lockNow();
  // Read when the app goes to the background, so coming back decides at once, before a frame shows anything.
  let after: number | undefined;
  const changed = () => {
    clearTimeout(timer);
    if (document.visibilityState === 'hidden') {
      hiddenAt = Date.now();
      void readPinLock().catch(() => undefined).then((lock) => {
        after = lock?.lockAfterMs;
        if (after !== undefined && document.visibilityState === 'hidden') timer = setTimeout(lockNowIfUnlocked, after);
      });
      return;
    }
    const since = hiddenAt;
    hiddenAt = undefined;
    if (since !== undefined && after !== undefined && Date.now() - since >= after) lockNowIfUnlocked();
  };
  document.addEventListener('visibilitychange', changed);
  return () => {
    clearTimeout(timer);
    document.removeEventListener('visibilitychange', changed);
  };
}
