// What the sync status line says: "Saved on this phone" until the last change is safely on the server.
import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../data/db.ts';

export type SyncState = { backedUp: boolean; pending: number; lastSyncAt?: string };

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
    const [pending, ok, at] = await Promise.all([db.outbox.count(), db.meta.get('lastSyncOk'), db.meta.get('lastSyncAt')]);
    return { pending, ok: ok?.value === true, lastSyncAt: at?.value as string | undefined };
  }, []);
  if (!stored) return undefined;
  return { backedUp: online && stored.pending === 0 && stored.ok, pending: stored.pending, lastSyncAt: stored.lastSyncAt };
}
