// This phone's identity on the server: the one place it is read and the one place it is replaced (a first sync, a
// server that forgot us, a restore with the recovery code, a forgotten PIN).
import { db } from '../data/db.ts';
import { META } from '../data/meta.ts';
import type { DeviceIdentity } from './api.ts';

export async function knownIdentity(): Promise<DeviceIdentity | undefined> {
  return (await db.meta.get(META.identity))?.value as DeviceIdentity | undefined;
}

/**
 * Makes `identity` this phone's. That device's server lastSeq may be 0 and this phone has pulled nothing of it, so
 * the cursor starts again and everything still waiting is renumbered from 1 (sent again under the new identity).
 * Call inside a 'rw' transaction over `db.meta` and `db.outbox`, so no sync round sees half of it.
 */
export async function adoptIdentity(identity: DeviceIdentity): Promise<void> {
  await db.meta.bulkPut([
    { key: META.identity, value: identity },
    { key: META.cursor, value: 0 },
    { key: META.ackedSeq, value: 0 },
  ]);
  await db.meta.delete(META.signedOut);
  await renumberOutbox(1);
}

/** Rewrites outbox seq numbers to run from `first` without gaps, keeping their order. Call inside a transaction. */
export async function renumberOutbox(first: number): Promise<void> {
  const entries = await db.outbox.orderBy('seq').toArray();
  if (entries.every((e, i) => e.seq === first + i)) return;
  await db.outbox.clear();
  await db.outbox.bulkAdd(entries.map((e, i) => ({ ...e, seq: first + i })));
}
