// What Settings reads from the phone.
import { useLiveQuery } from 'dexie-react-hooks';

import { db } from '../../data/db.ts';
import { META } from '../../data/meta.ts';
import type { DeletedSummary } from '../../sync/signedOut.ts';

/** Changes the server would not take, kept on this phone (see sync/syncClient.ts). */
export function useRefusedChanges() {
  return useLiveQuery(() => db.refusedChanges.toArray(), []);
}

/** What "Delete my data" removed (kept by forgetThisPhone), or null when the phone was signed out some other way. */
export function useDeletedSummary(): DeletedSummary | null | undefined {
  return useLiveQuery(async () => ((await db.meta.get(META.deletedMyData))?.value as DeletedSummary | undefined) ?? null, []);
}
