// Requests to my PA and shares ride the one durable outbox (src/app/sync): a request is a synced `paRequest` record,
// a share is the record's own flag. So what the phone says is what the outbox knows: "Waiting to send" while a change
// is in the outbox, "Sent" once the server has acknowledged it, "Seen" once the PA has marked it seen.
import { useLiveQuery } from 'dexie-react-hooks';

import { repeatsRequest, SAME_REQUEST_MS } from '../../../shared/sharing/paCopy.ts';
import type { MyPaStatus, PaRequestRecord } from '../../../shared/sharing/schemas.ts';
import { nextWorkingTime } from '../../../shared/sharing/working-hours.ts';
import { db } from '../../data/db.ts';
import { saveRecord } from '../../data/records.ts';
import { syncNow } from '../../sync/syncClient.ts';
import { refreshMyPa } from './status.ts';

export type Delivery = 'waiting' | 'sent' | 'seen';
export type RequestInput = Omit<PaRequestRecord, 'id' | 'at' | 'updatedAt' | 'about'> & { about?: string };

/** Sends now if there is signal (the outbox retries in the background if not), then reads the PA's answers. */
export async function sendSoon(): Promise<void> {
  if ((await syncNow()) === 'ok') await refreshMyPa().catch(() => null);
}

/**
 * Saves a request to my PA and starts sending it. The same request made again within a few minutes (a double tap,
 * a retry after a slow answer) is the one already made: returned, not sent twice.
 */
export async function askPa(input: RequestInput, now = new Date()): Promise<PaRequestRecord> {
  const at = now.toISOString();
  const record: PaRequestRecord = { ...input, id: crypto.randomUUID(), about: input.about ?? '', at, updatedAt: at };
  const recent = await db.paRequests.where('at').above(new Date(now.getTime() - SAME_REQUEST_MS).toISOString()).toArray();
  const same = recent.find((r) => repeatsRequest(r, record));
  if (!same) await saveRecord('paRequest', record);
  void sendSoon();
  return same ?? record;
}

/** Ids with a change still in the outbox (not yet acknowledged by the server), live. */
export function useWaitingIds(): Set<string> | undefined {
  return useLiveQuery(async () => new Set((await db.outbox.toArray()).map((e) => e.id)), []);
}

/** Where one request or share has got to. `seenAt` is the PA's, from the last status the phone fetched. */
export function deliveryOf(id: string, waiting: Set<string>, seenAt: string | null | undefined): Delivery {
  if (waiting.has(id)) return 'waiting';
  return seenAt ? 'seen' : 'sent';
}

/** When the PA is likely to see something sent now, if they are not at work: null when they are. */
export function outOfHoursNow(status: MyPaStatus | null | undefined, now = new Date()): { likelySeenFrom: string | null } | null {
  if (!status?.connected) return null;
  const likely = nextWorkingTime(status.workingHours, now);
  if (likely !== null && likely.getTime() === now.getTime()) return null;
  return { likelySeenFrom: likely ? likely.toISOString() : null };
}
