// Writing appointments on this phone. Every write goes through saveRecord/deleteRecord so it syncs.
import type { Appointment, AppointmentOutcome } from '../../../shared/appointments/schema.ts';
import { db } from '../../data/db.ts';
import { deleteRecord, saveRecord } from '../../data/records.ts';

export function saveAppointment(appointment: Appointment): Promise<void> {
  return saveRecord('appointment', appointment);
}

async function update(id: string, change: Partial<Appointment>): Promise<void> {
  const current = await db.appointments.get(id);
  if (!current) return;
  await saveRecord('appointment', { ...current, ...change, updatedAt: new Date().toISOString() });
}

export function recordOutcome(id: string, outcome: AppointmentOutcome): Promise<void> {
  return update(id, { outcome });
}

export function setCancelled(id: string, cancelled: boolean): Promise<void> {
  return update(id, { status: cancelled ? 'cancelled' : 'planned' });
}

export function deleteAppointment(id: string): Promise<void> {
  return deleteRecord('appointment', id);
}
