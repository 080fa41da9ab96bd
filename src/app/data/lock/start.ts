// At start: a phone with a PIN opens locked. While the app is in the background for longer than the lock time, it
// locks, so whoever picks the phone up next sees the PIN screen.
import { db } from '../db.ts';
import type { Bytes } from './crypto.ts';
import type { KdfParams } from './kdf.ts';
import { forgetOpened } from './sealedStorage.ts';
import { lockState, setLockState } from './lockState.ts';
import { META } from '../meta.ts';

export type PinLock = { version: 1; kdf: KdfParams; wrappedKey: Bytes; lockAfterMs: number };

export async function readPinLock(): Promise<PinLock | undefined> {
  return (await db.meta.get(META.pinLock))?.value as PinLock | undefined;
}

/** Opens locked when a PIN is set; resolves once the state is known, before anything personal is drawn. */
export async function lockAtStart(): Promise<void> {
  try {
    if (await readPinLock()) setLockState({ mode: 'locked' });
  } catch {
    // No database (some private modes): there is nothing kept to lock.
  }
}

/** Locks after `lockAfterMs` in the background: checked when the app comes back, and by a timer meanwhile. */
export function lockInBackground(): () => void {
  let hiddenAt: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const lockNowIfUnlocked = () => {
    if (lockState().mode !== 'unlocked') return;
    forgetOpened();
    setLockState({ mode: 'locked' });
  };
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
