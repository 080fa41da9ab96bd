// A copy of "is a PIN set on this phone?" in localStorage, because the page's first paint is decided by a tiny inline
// script (shell/chooseShell.ts) before the database can be read: with a PIN, the prerendered Today must not show.
// The database (meta `pinLock`) is the truth; lockAtStart() copies it here on every start, so a wiped phone or a phone
// that set its PIN before this copy existed is put right on its next start. No mark at all counts as "maybe a PIN".

/** @internal exported for its tests (knip --production) */
export const PIN_LOCK_MARK_KEY = 'pinLock.set';

export function markPinLock(set: boolean): void {
  try {
    localStorage.setItem(PIN_LOCK_MARK_KEY, set ? 'yes' : 'no');
  } catch {
    // Blocked storage: the inline script then never shows the prerendered Today, which is the safe side.
  }
}

/** True only when this phone is known to have no PIN. */
export function knownWithoutPin(): boolean {
  try {
    return localStorage.getItem(PIN_LOCK_MARK_KEY) === 'no';
  } catch {
    return false;
  }
}
