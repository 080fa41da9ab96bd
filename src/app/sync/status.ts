// What the sync status line says: "Saved on this phone" until the last change is safely on the server.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';

import { db } from '../data/db.ts';
import { META } from '../data/meta.ts';

/** `refused`: changes the server would not take (set aside, listed in Settings); while any are, nothing says "Backed up". */
export type SyncState = { backedUp: boolean; pending: number; refused: number; lastSyncAt?: string };

function useOnline(): boolean {
  const [online, setOnline] = useState(() => typeof navigator === 'undefined' || navigator.onLine !== false);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine !== false);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}

export function useSyncState(): SyncState | undefined {
  const online = useOnline();
  const stored = useLiveQuery(async () => {
    const [pending, refused, ok, at] = await Promise.all([
      db.outbox.count(), db.refusedChanges.count(), db.meta.get(META.lastSyncOk), db.meta.get(META.lastSyncAt),
    ]);
    return { pending, refused, ok: ok?.value === true, lastSyncAt: at?.value as string | undefined };
  }, []);
  if (!stored) return undefined;
  const backedUp = online && stored.pending === 0 && stored.refused === 0 && stored.ok;
  return { backedUp, pending: stored.pending, refused: stored.refused, lastSyncAt: stored.lastSyncAt };
}
