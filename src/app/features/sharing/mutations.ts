// Taking back something shared with the PA.
import type { SharedItem } from '../../../shared/sharing/schemas.ts';
import { db } from '../../data/db.ts';
import { deleteRecord, saveRecord } from '../../data/records.ts';
import { shareGoal } from '../plan/mutations.ts';
import { sendSoon } from './delivery.ts';

/**
 * Unsharing is a change to the phone's own record (its flag, or the request itself), synced like any other: the
 * server removes the PA's copy when it saves that change.
 */
export async function unshare(item: SharedItem): Promise<void> {
  if (item.kind === 'request') await deleteRecord('paRequest', item.id);
  else if (item.kind === 'goal') await shareGoal(item.id, false);
  else {
    const local = item.kind === 'checkin' ? await db.checkins.get(item.id) : await db.ons4.get(item.id);
    if (local) await saveRecord(item.kind, { ...local, sharedWithPa: false, updatedAt: new Date().toISOString() });
  }
  await sendSoon();
}
