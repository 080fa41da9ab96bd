// What the phone knows about its PA link: fetched from the server and kept on the phone for offline reading.
import { useLiveQuery } from 'dexie-react-hooks';

import type { MyPaStatus, SharedItem } from '../../../shared/sharing/schemas.ts';
import { db } from '../../data/db.ts';
import { META } from '../../data/meta.ts';
import { deleteRecord, saveRecord } from '../../data/records.ts';
import { OfflineError } from '../../sync/api.ts';
import { callAsThisPhone } from '../../sync/callAsThisPhone.ts';


/** Fetches the PA link and shares; keeps the last answer. Returns null when offline. */
export async function refreshMyPa(): Promise<MyPaStatus | null> {
  try {
    const status = await callAsThisPhone<MyPaStatus>('GET', '/my-pa', undefined, 'if-known');
    await db.meta.put({ key: META.myPaStatus, value: status });
    return status;
  } catch (error) {
    if (error instanceof OfflineError) return null;
    throw error;
  }
}

/** @internal exported for its tests (knip --production) */
export async function rememberStatus(status: MyPaStatus): Promise<void> {
  await db.meta.put({ key: META.myPaStatus, value: status });
}

/** The last known status, live; undefined while loading, null when never fetched. */
export function useMyPaStatus(): MyPaStatus | null | undefined {
  return useLiveQuery(async () => ((await db.meta.get(META.myPaStatus))?.value as MyPaStatus | undefined) ?? null, []);
}

export function shareOf(status: MyPaStatus | null | undefined, id: string): SharedItem | undefined {
  return status?.connected ? status.shares.find((s) => s.id === id) : undefined;
}

/** After disconnecting (or moving to a new PA) nothing is shared any more; the phone's flags must say so too. */
export async function clearLocalShareFlags(): Promise<void> {
  const now = new Date().toISOString();
  for (const c of await db.checkins.filter((r) => r.sharedWithPa).toArray()) await saveRecord('checkin', { ...c, sharedWithPa: false, updatedAt: now });
  for (const o of await db.ons4.filter((r) => r.sharedWithPa).toArray()) await saveRecord('ons4', { ...o, sharedWithPa: false, updatedAt: now });
  for (const g of await db.goals.filter((r) => r.sharedWithPa).toArray()) await saveRecord('goal', { ...g, sharedWithPa: false, updatedAt: now });
  // Requests were to that PA: withdrawn, so one still waiting to send never reaches a PA connected later.
  for (const id of await db.paRequests.toCollection().primaryKeys()) await deleteRecord('paRequest', id);
}
