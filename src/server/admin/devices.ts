// Device housekeeping for the admin CLI: list devices, revoke a lost or shared phone.
import type { Store } from '../store/database.ts';

export type DeviceSummary = { id: string; personId: string; lastSeq: number; createdAt: string; lastSeenAt: string; revokedAt: string | null };

export async function listDevices(store: Store): Promise<DeviceSummary[]> {
  const rows = await store.db
    .selectFrom('devices')
    .select(['id', 'person_id', 'last_seq', 'created_at', 'last_seen_at', 'revoked_at'])
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({ id: r.id, personId: r.person_id, lastSeq: Number(r.last_seq), createdAt: r.created_at, lastSeenAt: r.last_seen_at, revokedAt: r.revoked_at }));
}

/** Revokes a device so its token stops working at once. Returns false if there is no such device. */
export async function revokeDevice(store: Store, deviceId: string): Promise<boolean> {
  const result = await store.db
    .updateTable('devices')
    .set({ revoked_at: new Date().toISOString() })
    .where('id', '=', deviceId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) > 0) return true;
  const exists = await store.db.selectFrom('devices').select('id').where('id', '=', deviceId).executeTakeFirst();
  return exists !== undefined;
}
