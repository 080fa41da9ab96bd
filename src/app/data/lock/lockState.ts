// Whether this phone's data is locked, in memory only. 'off': no PIN, records are kept as they are. 'locked': a PIN is
// set and the data key is not in memory, so nothing personal can be read or written. 'unlocked': the key is here.
import { useSyncExternalStore } from 'react';

export type LockState = { mode: 'off' } | { mode: 'locked' } | { mode: 'unlocked'; key: CryptoKey };

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

/** The data key while unlocked, otherwise undefined. */
export const dataKey = (): CryptoKey | undefined => (state.mode === 'unlocked' ? state.key : undefined);

export const isLocked = (): boolean => state.mode === 'locked';

/** Re-renders when the phone locks or unlocks. */
export function useLocked(): boolean {
  return useSyncExternalStore(onLockChange, isLocked);
}

/** Reading or writing personal data while the PIN is on and the phone is locked. */
export class LockedError extends Error {
  constructor() {
    super('This phone is locked');
    this.name = 'LockedError';
  }
}
