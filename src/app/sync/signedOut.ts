// A phone its person signed out (they restored on a new phone, or removed it from "my devices"): when the server says
// so, it keeps nothing personal and never sets itself up again by itself, so a lost or sold phone shows nothing.
import { useLiveQuery } from 'dexie-react-hooks';

import type { DeletedEverywhere } from '../../shared/deleteMyData.ts';
import { db } from '../data/db.ts';
import { PUBLIC_TABLES } from '../data/lock/encryptAtRest.ts';
import { setLockState } from '../data/lock/lockState.ts';
import { META } from '../data/meta.ts';

/** What "Delete my data" removed: always this phone; with `server` when it was everywhere. */
export type DeletedSummary = { server?: DeletedEverywhere };

/** This phone was signed out: a sync must not register it again as a new person. */
export class SignedOutError extends Error {
  constructor() {
    super('This phone was signed out');
  }
}

// Kept after a sign-out: the chosen language (how the neutral screen speaks) and the public directory.
const KEEP_IN_LOCAL_STORAGE = ['language'];

/** Wipes everything personal this phone holds and remembers that it was signed out (and, if they asked, what went). */
export async function forgetThisPhone(deleted?: DeletedSummary): Promise<void> {
  // Locked sync's own module (and the API client it brings) loads only here, not with the shell's useSignedOut().
  (await import('./whileLocked.ts')).forgetLockedSync();
  const personal = db.tables.filter((t) => !PUBLIC_TABLES.includes(t.name));
  await db.transaction('rw', personal, async () => {
    for (const table of personal) await table.clear();
    // Nothing personal is left, so nothing is locked: the PIN and its wrapped key went with the rest.
    setLockState({ mode: 'off' });
    await db.meta.put({ key: META.signedOut, value: new Date().toISOString() });
    if (deleted) await db.meta.put({ key: META.deletedMyData, value: deleted });
  });
  try {
    sessionStorage.clear();
    for (const key of Object.keys(localStorage)) if (!KEEP_IN_LOCAL_STORAGE.includes(key)) localStorage.removeItem(key);
  } catch {
    // Storage blocked: there is nothing kept there to wipe.
  }
}

export async function isSignedOut(): Promise<boolean> {
  return (await db.meta.get(META.signedOut)) !== undefined;
}

/** The person chose to use this phone again: it may set itself up as new on the next sync. */
export async function startAgain(): Promise<void> {
  await db.meta.bulkDelete([META.signedOut, META.deletedMyData]);
}

/** True once the server said this phone was signed out; undefined while the database opens. */
export function useSignedOut(): boolean | undefined {
  return useLiveQuery(async () => (await db.meta.get(META.signedOut)) !== undefined, []);
}
