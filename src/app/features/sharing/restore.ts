// Restoring from the backup with a recovery code: this phone takes the restored identity and pulls everything back.
import { db } from '../../data/db.ts';
import { syncNow } from '../../sync/syncClient.ts';
import { sendJson } from './api.ts';
import { refreshMyPa } from './status.ts';
import { META } from '../../data/meta.ts';

/** Asks the server for the identity behind `code` (throws OfflineError or SharingHttpError when it can't). */
export function identityForRecoveryCode(code: string): Promise<{ deviceId: string; token: string }> {
  return sendJson<{ deviceId: string; token: string }>('POST', '/recovery/restore', { code: code.trim() }, false);
}

/** Switches this phone to the restored identity, then pulls everything from the start. */
export async function useRestoredIdentity(identity: { deviceId: string; token: string }): Promise<void> {
  await db.transaction('rw', db.meta, db.outbox, async () => {
    await db.meta.bulkPut([{ key: META.identity, value: identity }, { key: META.cursor, value: 0 }, { key: META.ackedSeq, value: 0 }]);
    await db.meta.delete(META.signedOut);
    // The restored device starts at seq 0 on the server, so anything waiting here is renumbered from 1.
    const waiting = await db.outbox.orderBy('seq').toArray();
    await db.outbox.clear();
    await db.outbox.bulkAdd(waiting.map((entry, i) => ({ ...entry, seq: i + 1 })));
  });
  await syncNow();
  await refreshMyPa();
}
