// Reading appointments on this phone (writes are in mutations.ts).
import { useLiveQuery } from 'dexie-react-hooks';

import type { Appointment } from '../../../shared/appointments/schema.ts';
import { db } from '../../data/db.ts';

const byStart = (x: Appointment, y: Appointment) => Date.parse(x.startsAt) - Date.parse(y.startsAt);

/** Every appointment, soonest first; undefined while loading. */
export function useAppointments(): Appointment[] | undefined {
  return useLiveQuery(async () => (await db.appointments.toArray()).sort(byStart), []);
}

/** One appointment; null when it does not exist, undefined while loading. */
export function useAppointment(id: string | undefined): Appointment | null | undefined {
  return useLiveQuery(async () => (id ? (await db.appointments.get(id)) ?? null : null), [id]);
}
