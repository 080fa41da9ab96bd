// What My PA and the share controls read from the phone (the PA link itself: status.ts; sending: delivery.ts).
import { useLiveQuery } from 'dexie-react-hooks';

import type { Checkin } from '../../../shared/checkins.ts';
import type { Ons4 } from '../../../shared/ons4.ts';
import type { PaRequest } from '../../../shared/sharing/schemas.ts';
import { db } from '../../data/db.ts';

/** The check-in or ONS4 answer a share control is about, live. */
export function useShareable(kind: 'checkin' | 'ons4', id: string) {
  return useLiveQuery<Checkin | Ons4 | undefined>(() => (kind === 'checkin' ? db.checkins.get(id) : db.ons4.get(id)), [kind, id]);
}

/** One request to the PA, live (undefined until `id` is known and read). */
export function usePaRequest(id: string | null) {
  return useLiveQuery(() => (id ? db.paRequests.get(id) : undefined), [id]);
}

/** Whether a request's data is this kind of request about this appointment (on the phone or in the PA's copy). */
export const isAbout = (data: Record<string, unknown>, appointmentId: string, request: PaRequest) =>
  data.request === request && (data.appointment as { id?: string } | undefined)?.id === appointmentId;

/** The newest request of this kind about one appointment, or null when there is none. */
export function useRequestAbout(appointmentId: string, request: PaRequest) {
  return useLiveQuery(async () => (await db.paRequests.orderBy('at').reverse().toArray()).find((r) => isAbout(r, appointmentId, request)) ?? null, [appointmentId, request]);
}
