// Restoring from the backup with a recovery code: this phone takes the restored identity and pulls everything back.
import { db } from '../../data/db.ts';
import type { DeviceIdentity } from '../../sync/api.ts';
import { callAsThisPhone } from '../../sync/callAsThisPhone.ts';
import { adoptIdentity } from '../../sync/identity.ts';
import { syncNow } from '../../sync/syncClient.ts';
import { refreshMyPa } from './status.ts';

/** Asks the server for the identity behind `code` (throws OfflineError or ApiError when it can't). */
export function identityForRecoveryCode(code: string): Promise<DeviceIdentity> {
  return callAsThisPhone<DeviceIdentity>('POST', '/recovery/restore', { code: code.trim() }, false);
}

/** Switches this phone to the restored identity, then pulls everything from the start (not a React hook, so no `use` in its name). */
export async function switchToRestoredIdentity(identity: DeviceIdentity): Promise<void> {
  await db.transaction('rw', db.meta, db.outbox, () => adoptIdentity(identity));
  await syncNow();
  await refreshMyPa();
}
