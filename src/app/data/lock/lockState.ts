// Whether this phone's data is locked, in memory only. 'off': no PIN, records are kept as they are. 'locked': a PIN is
// set and the data key is not in memory, so nothing personal can be read or written. 'unlocked': the key is here.
// 'covered': the lock screen is up but the key is still here for a moment: on the way to locked (the outbox is sent
// first, for a few seconds at most) and on the way to unlocked (what arrived while locked is merged before Today shows).
import { useSyncExternalStore } from 'react';

export type LockState = { mode: 'off' } | { mode: 'locked' } | { mode: 'unlocked'; key: CryptoKey } | { mode: 'covered'; key: CryptoKey };

let state: LockState = { mode: 'off' };
const listeners = new Set<() => void>();

export const lockState = (): LockState => state;

export function setLockState(next: LockState): void {
  state = next;
  for (const listener of listeners) listener();
}

export function onLockChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The data key while unlocked (or covered on the way to or from locked), otherwise undefined. */
export const dataKey = (): CryptoKey | undefined => (state.mode === 'unlocked' || state.mode === 'covered' ? state.key : undefined);

/** The lock screen is up: locked, or covered on the way to or from it. */
export const isLocked = (): boolean => state.mode === 'locked' || state.mode === 'covered';

/**
 * Re-renders when the lock screen comes up or goes. The state is also read as the "server" snapshot: the build's
 * prerender sees 'off', and main.tsx hydrates the prerendered Today only when the phone is not locked.
 */
export function useLocked(): boolean {
  return useSyncExternalStore(onLockChange, isLocked, isLocked);
}

/** Reading or writing personal data while the PIN is on and the phone is locked. */
export class LockedError extends Error {
  constructor() {
    super('This phone is locked');
    this.name = 'LockedError';
  }
}
